// Shape casts that regroup rows (lowered to shuffles of whole source rows).
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// REQUIRES: mlir-runner
// RUN: %mlir_opt %s --test-lower-to-llvm | %mlir_runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so.22.1,%mlir_lib_dir/libmlir_c_runner_utils.so.22.1 | FileCheck %s

func.func @main() {
  %v = arith.constant dense<[[[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0]], [[12.0, 13.0, 14.0, 15.0], [16.0, 17.0, 18.0, 19.0], [20.0, 21.0, 22.0, 23.0]]]> : vector<2x3x4xf32>
  %a = vector.shape_cast %v : vector<2x3x4xf32> to vector<24xf32>
  // CHECK: ( 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23 )
  vector.print %a : vector<24xf32>
  %b = vector.shape_cast %v : vector<2x3x4xf32> to vector<4x6xf32>
  // CHECK: ( ( 0, 1, 2, 3, 4, 5 ), ( 6, 7, 8, 9, 10, 11 ), ( 12, 13, 14, 15, 16, 17 ), ( 18, 19, 20, 21, 22, 23 ) )
  vector.print %b : vector<4x6xf32>
  %c = vector.shape_cast %v : vector<2x3x4xf32> to vector<8x3xf32>
  // CHECK: ( ( 0, 1, 2 ), ( 3, 4, 5 ), ( 6, 7, 8 ), ( 9, 10, 11 ), ( 12, 13, 14 ), ( 15, 16, 17 ), ( 18, 19, 20 ), ( 21, 22, 23 ) )
  vector.print %c : vector<8x3xf32>
  %d = vector.shape_cast %c : vector<8x3xf32> to vector<6x4xf32>
  // CHECK: ( ( 0, 1, 2, 3 ), ( 4, 5, 6, 7 ), ( 8, 9, 10, 11 ), ( 12, 13, 14, 15 ), ( 16, 17, 18, 19 ), ( 20, 21, 22, 23 ) )
  vector.print %d : vector<6x4xf32>
  %e = vector.shape_cast %a : vector<24xf32> to vector<2x12xf32>
  // CHECK: ( ( 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 ), ( 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23 ) )
  vector.print %e : vector<2x12xf32>
  %f = vector.shape_cast %v : vector<2x3x4xf32> to vector<6x1x4xf32>
  // CHECK: ( ( ( 0, 1, 2, 3 ) ), ( ( 4, 5, 6, 7 ) ), ( ( 8, 9, 10, 11 ) ), ( ( 12, 13, 14, 15 ) ), ( ( 16, 17, 18, 19 ) ), ( ( 20, 21, 22, 23 ) ) )
  vector.print %f : vector<6x1x4xf32>
  %s = arith.constant dense<5.0> : vector<1xf32>
  %g = vector.shape_cast %s : vector<1xf32> to vector<1x1xf32>
  // CHECK: ( ( 5 ) )
  vector.print %g : vector<1x1xf32>
  return
}

