// Transfers with transposing and broadcasting permutation maps, padding and
// masks, on shapes that are not multiples of the vector sizes.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// REQUIRES: mlir-runner
// RUN: %mlir_opt %s --test-lower-to-llvm | %mlir_runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so.22.1,%mlir_lib_dir/libmlir_c_runner_utils.so.22.1 | FileCheck %s

func.func @fill(%m: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %rows = memref.dim %m, %c0 : memref<?x?xf32>
  %cols = memref.dim %m, %c1 : memref<?x?xf32>
  scf.for %i = %c0 to %rows step %c1 {
    scf.for %j = %c0 to %cols step %c1 {
      %k = arith.muli %i, %cols : index
      %l = arith.addi %k, %j : index
      %li = arith.index_cast %l : index to i32
      %f = arith.sitofp %li : i32 to f32
      memref.store %f, %m[%i, %j] : memref<?x?xf32>
    }
  }
  return
}

func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %pad = arith.constant -1.0 : f32
  %m = memref.alloc(%c3, %c5) : memref<?x?xf32>
  func.call @fill(%m) : (memref<?x?xf32>) -> ()

  // A transposed read past both ends: columns 3.. of rows 1.. .
  // CHECK: ( ( 8, 13, -1 ), ( 9, 14, -1 ), ( -1, -1, -1 ), ( -1, -1, -1 ) )
  %t = vector.transfer_read %m[%c1, %c3], %pad {permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : memref<?x?xf32>, vector<4x3xf32>
  vector.print %t : vector<4x3xf32>

  // A broadcast dimension in front of a transposed pair (what a vectorized matmul reads).
  // CHECK: ( ( ( 0, 5 ), ( 1, 6 ), ( 2, 7 ) ), ( ( 0, 5 ), ( 1, 6 ), ( 2, 7 ) ) )
  %b = vector.transfer_read %m[%c0, %c0], %pad {in_bounds = [true, true, true], permutation_map = affine_map<(d0, d1) -> (0, d1, d0)>} : memref<?x?xf32>, vector<2x3x2xf32>
  vector.print %b : vector<2x3x2xf32>

  // A broadcast in the middle, with a mask over the memref dimensions.
  // CHECK: ( ( ( 5, 6, -1, -1 ), ( 5, 6, -1, -1 ) ), ( ( -1, -1, -1, -1 ), ( -1, -1, -1, -1 ) ) )
  %mask = vector.create_mask %c1, %c2 : vector<2x4xi1>
  %bm = vector.transfer_read %m[%c1, %c0], %pad, %mask {permutation_map = affine_map<(d0, d1) -> (d0, 0, d1)>, in_bounds = [false, true, false]} : memref<?x?xf32>, vector<2x2x4xf32>
  vector.print %bm : vector<2x2x4xf32>

  // A column: a 1-D read along the outer dimension, past its end.
  // CHECK: ( 7, 12, -1, -1 )
  %col = vector.transfer_read %m[%c1, %c2], %pad {permutation_map = affine_map<(d0, d1) -> (d0)>} : memref<?x?xf32>, vector<4xf32>
  vector.print %col : vector<4xf32>

  // A transposed write that runs past the end of the rows, then a masked column write.
  %v = arith.constant dense<[[100.0, 101.0, 102.0, 103.0], [110.0, 111.0, 112.0, 113.0]]> : vector<2x4xf32>
  vector.transfer_write %v, %m[%c1, %c3] {permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : vector<2x4xf32>, memref<?x?xf32>
  %w = arith.constant dense<[200.0, 201.0, 202.0]> : vector<3xf32>
  %wm = arith.constant dense<[true, false, true]> : vector<3xi1>
  vector.transfer_write %w, %m[%c0, %c0], %wm {permutation_map = affine_map<(d0, d1) -> (d0)>} : vector<3xf32>, memref<?x?xf32>
  %all = vector.transfer_read %m[%c0, %c0], %pad : memref<?x?xf32>, vector<3x5xf32>
  // CHECK: ( ( 200, 1, 2, 3, 4 ), ( 5, 6, 7, 100, 110 ), ( 202, 11, 12, 101, 111 ) )
  vector.print %all : vector<3x5xf32>
  memref.dealloc %m : memref<?x?xf32>
  return
}
