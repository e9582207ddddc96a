// Gathers and scatters (1-D and 2-D, from an offset into a 2-D memref),
// expanding loads and compressing stores, under masks.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// REQUIRES: mlir-runner
// RUN: %mlir_opt %s --test-lower-to-llvm | %mlir_runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so.22.1,%mlir_lib_dir/libmlir_c_runner_utils.so.22.1 | FileCheck %s

func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c7 = arith.constant 7 : index
  %m = memref.alloc() : memref<3x7xf32>
  scf.for %i = %c0 to %c3 step %c1 {
    scf.for %j = %c0 to %c7 step %c1 {
      %k = arith.muli %i, %c7 : index
      %l = arith.addi %k, %j : index
      %li = arith.index_cast %l : index to i32
      %f = arith.sitofp %li : i32 to f32
      memref.store %f, %m[%i, %j] : memref<3x7xf32>
    }
  }
  %pass = arith.constant dense<-1.0> : vector<5xf32>
  %idx = arith.constant dense<[6, 0, 3, 9, 2]> : vector<5xi32>
  %mask = arith.constant dense<[true, true, false, true, true]> : vector<5xi1>

  // From row 1, column 2: indices run on into row 2.
  // CHECK: ( 15, 9, -1, 18, 11 )
  %g = vector.gather %m[%c1, %c2][%idx], %mask, %pass : memref<3x7xf32>, vector<5xi32>, vector<5xi1>, vector<5xf32> into vector<5xf32>
  vector.print %g : vector<5xf32>

  // CHECK: ( ( 0, 20 ), ( -5, 6 ) )
  %idx2 = arith.constant dense<[[0, 20], [1, 6]]> : vector<2x2xindex>
  %mask2 = arith.constant dense<[[true, true], [false, true]]> : vector<2x2xi1>
  %pass2 = arith.constant dense<-5.0> : vector<2x2xf32>
  %g2 = vector.gather %m[%c0, %c0][%idx2], %mask2, %pass2 : memref<3x7xf32>, vector<2x2xindex>, vector<2x2xi1>, vector<2x2xf32> into vector<2x2xf32>
  vector.print %g2 : vector<2x2xf32>

  // Scatter the gathered values back, shifted by one column; lane 2 is not written.
  %shift = arith.constant dense<1> : vector<5xi32>
  %idx1 = arith.addi %idx, %shift : vector<5xi32>
  vector.scatter %m[%c0, %c0][%idx1], %mask, %g : memref<3x7xf32>, vector<5xi32>, vector<5xi1>, vector<5xf32>
  // CHECK: ( 0, 9, 2, 11, 4, 5, 6 )
  // CHECK: ( 15, 8, 9, 18, 11, 12, 13 )
  %r0 = vector.load %m[%c0, %c0] : memref<3x7xf32>, vector<7xf32>
  vector.print %r0 : vector<7xf32>
  %r1 = vector.load %m[%c1, %c0] : memref<3x7xf32>, vector<7xf32>
  vector.print %r1 : vector<7xf32>

  // The masked lanes take consecutive elements, and are stored back consecutively.
  // CHECK: ( 14, 15, -1, 16, 17 )
  %e = vector.expandload %m[%c2, %c0], %mask, %pass : memref<3x7xf32>, vector<5xi1>, vector<5xf32> into vector<5xf32>
  vector.print %e : vector<5xf32>
  %values = arith.constant dense<[100.0, 101.0, 102.0, 103.0, 104.0]> : vector<5xf32>
  vector.compressstore %m[%c2, %c3], %mask, %values : memref<3x7xf32>, vector<5xi1>, vector<5xf32>
  // CHECK: ( 14, 15, 16, 100, 101, 103, 104 )
  %r2 = vector.load %m[%c2, %c0] : memref<3x7xf32>, vector<7xf32>
  vector.print %r2 : vector<7xf32>
  memref.dealloc %m : memref<3x7xf32>
  return
}
