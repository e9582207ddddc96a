// Slices of 1-D, 2-D and 3-D vectors (unit strides, as upstream requires), read and written.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// REQUIRES: mlir-runner
// RUN: %mlir_opt %s --test-lower-to-llvm | %mlir_runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so.22.1,%mlir_lib_dir/libmlir_c_runner_utils.so.22.1 | FileCheck %s

func.func @main() {
  %v = arith.constant dense<[0, 1, 2, 3, 4, 5, 6]> : vector<7xi32>
  // CHECK: ( 1, 2, 3 )
  %e1 = vector.extract_strided_slice %v {offsets = [1], sizes = [3], strides = [1]} : vector<7xi32> to vector<3xi32>
  vector.print %e1 : vector<3xi32>

  %m = arith.constant dense<[[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23]]> : vector<3x4xi32>
  // CHECK: ( ( 11, 12 ), ( 21, 22 ) )
  %e2 = vector.extract_strided_slice %m {offsets = [1, 1], sizes = [2, 2], strides = [1, 1]} : vector<3x4xi32> to vector<2x2xi32>
  vector.print %e2 : vector<2x2xi32>
  // CHECK: ( ( 10, 11, 12, 13 ), ( 20, 21, 22, 23 ) )
  %rows = vector.extract_strided_slice %m {offsets = [1], sizes = [2], strides = [1]} : vector<3x4xi32> to vector<2x4xi32>
  vector.print %rows : vector<2x4xi32>

  // CHECK: ( 0, 1, 2, 3, 100, 101, 6 )
  %w = arith.constant dense<[100, 101]> : vector<2xi32>
  %i1 = vector.insert_strided_slice %w, %v {offsets = [4], strides = [1]} : vector<2xi32> into vector<7xi32>
  vector.print %i1 : vector<7xi32>

  // CHECK: ( ( 0, 1, 2, 3 ), ( 10, 11, 100, 101 ), ( 20, 21, 22, 23 ) )
  %i2 = vector.insert_strided_slice %w, %m {offsets = [1, 2], strides = [1]} : vector<2xi32> into vector<3x4xi32>
  vector.print %i2 : vector<3x4xi32>

  %cube = arith.constant dense<0.0> : vector<2x3x4xf32>
  %tile = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : vector<2x2xf32>
  // CHECK: ( ( ( 0, 0, 0, 0 ), ( 0, 0, 0, 0 ), ( 0, 0, 0, 0 ) ), ( ( 0, 0, 0, 0 ), ( 0, 0, 1, 2 ), ( 0, 0, 3, 4 ) ) )
  %i3 = vector.insert_strided_slice %tile, %cube {offsets = [1, 1, 2], strides = [1, 1]} : vector<2x2xf32> into vector<2x3x4xf32>
  vector.print %i3 : vector<2x3x4xf32>
  // CHECK: ( ( ( 1, 2 ) ), ( ( 3, 4 ) ) )
  %e3 = vector.extract_strided_slice %i3 {offsets = [1, 1, 2], sizes = [1, 2, 2], strides = [1, 1, 1]} : vector<2x3x4xf32> to vector<1x2x2xf32>
  %e3t = vector.transpose %e3, [1, 0, 2] : vector<1x2x2xf32> to vector<2x1x2xf32>
  vector.print %e3t : vector<2x1x2xf32>
  return
}
