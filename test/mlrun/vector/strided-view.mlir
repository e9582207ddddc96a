// Transfers through a transposed view: the innermost dimension is strided,
// so rows are read and written element by element, not as vector loads.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// REQUIRES: mlir-runner
// RUN: %mlir_opt %s --test-lower-to-llvm | %mlir_runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so.22.1,%mlir_lib_dir/libmlir_c_runner_utils.so.22.1 | FileCheck %s

func.func @main() {
  %m = memref.alloc() : memref<4x4xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c2 = arith.constant 2 : index
  scf.for %i = %c0 to %c4 step %c1 {
    scf.for %j = %c0 to %c4 step %c1 {
      %k = arith.muli %i, %c4 : index
      %l = arith.addi %k, %j : index
      %li = arith.index_cast %l : index to i32
      %f = arith.sitofp %li : i32 to f32
      memref.store %f, %m[%i, %j] : memref<4x4xf32>
    }
  }
  %t = memref.transpose %m (i, j) -> (j, i) : memref<4x4xf32> to memref<4x4xf32, strided<[1, 4]>>
  %pad = arith.constant -1.0 : f32
  %v = vector.transfer_read %t[%c1, %c1], %pad : memref<4x4xf32, strided<[1, 4]>>, vector<4xf32>
  // CHECK: ( 5, 9, 13, -1 )
  vector.print %v : vector<4xf32>
  %w = vector.transfer_read %t[%c0, %c0], %pad {in_bounds = [true, true]} : memref<4x4xf32, strided<[1, 4]>>, vector<2x4xf32>
  // CHECK: ( ( 0, 4, 8, 12 ), ( 1, 5, 9, 13 ) )
  vector.print %w : vector<2x4xf32>
  %x = arith.constant dense<[100.0, 101.0, 102.0, 103.0]> : vector<4xf32>
  vector.transfer_write %x, %t[%c2, %c0] : vector<4xf32>, memref<4x4xf32, strided<[1, 4]>>
  %all = vector.transfer_read %m[%c0, %c0], %pad : memref<4x4xf32>, vector<4x4xf32>
  // CHECK: ( ( 0, 1, 100, 3 ), ( 4, 5, 101, 7 ), ( 8, 9, 102, 11 ), ( 12, 13, 103, 15 ) )
  vector.print %all : vector<4x4xf32>
  memref.dealloc %m : memref<4x4xf32>
  return
}
