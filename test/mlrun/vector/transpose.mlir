// Transposes, element-wise (the default) and, for 2-D, as shuffles of the
// flattened rows (vector-transpose-lowering=shuffle1d).
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-vector-to-llvm=vector-transpose-lowering=shuffle1d | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-vector-to-llvm=vector-transpose-lowering=shuffle1d | FileCheck %s --check-prefix=SHUFFLE
// REQUIRES: mlir-runner
// RUN: %mlir_opt %s --test-lower-to-llvm | %mlir_runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so.22.1,%mlir_lib_dir/libmlir_c_runner_utils.so.22.1 | FileCheck %s

// SHUFFLE-LABEL: func.func @main
// SHUFFLE: llvm.shufflevector %{{.*}}, %{{.*}} [0, 5, 10] : vector<15xf32>
// SHUFFLE: llvm.shufflevector %{{.*}}, %{{.*}} [4, 9, 14] : vector<15xf32>
func.func @main() {
  %v = arith.constant dense<[[0.0, 1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0, 9.0], [10.0, 11.0, 12.0, 13.0, 14.0]]> : vector<3x5xf32>
  // CHECK: ( ( 0, 5, 10 ), ( 1, 6, 11 ), ( 2, 7, 12 ), ( 3, 8, 13 ), ( 4, 9, 14 ) )
  %t = vector.transpose %v, [1, 0] : vector<3x5xf32> to vector<5x3xf32>
  vector.print %t : vector<5x3xf32>
  // CHECK: ( ( ( 1, 3 ), ( 5, 7 ) ), ( ( 2, 4 ), ( 6, 8 ) ) )
  %w = arith.constant dense<[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]> : vector<2x2x2xi32>
  %u = vector.transpose %w, [2, 0, 1] : vector<2x2x2xi32> to vector<2x2x2xi32>
  vector.print %u : vector<2x2x2xi32>
  return
}
