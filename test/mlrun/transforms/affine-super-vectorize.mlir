// Vectorizing keeps the numbers: an elementwise loop over rows and a sum,
// run as written and after affine-super-vectorize (vectors of 8, and of 4
// with the reduction vectorized), print what mlir-runner prints for the
// program as written.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --affine-super-vectorize="virtual-vector-size=8" | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --affine-super-vectorize="virtual-vector-size=4 vectorize-reductions" | mlrun - -e main --entry-point-result=void | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)
func.func private @printF32(f32)
func.func private @printNewline()

func.func @main() {
  %a = memref.alloc() : memref<3x16xf32>
  %b = memref.alloc() : memref<3x16xf32>
  %half = arith.constant 0.5 : f32
  affine.for %i = 0 to 3 {
    affine.for %j = 0 to 16 {
      %k = affine.apply affine_map<(d0, d1) -> (d0 * 16 + d1 - 20)>(%i, %j)
      %t = arith.index_cast %k : index to i32
      %v = arith.sitofp %t : i32 to f32
      affine.store %v, %a[%i, %j] : memref<3x16xf32>
    }
  }
  affine.for %i = 0 to 3 {
    affine.for %j = 0 to 16 {
      %x = affine.load %a[%i, %j] : memref<3x16xf32>
      %y = arith.mulf %x, %half : f32
      %z = arith.maximumf %y, %half : f32
      affine.store %z, %b[%i, %j] : memref<3x16xf32>
    }
  }
  %init = arith.constant 100.0 : f32
  %flat = memref.collapse_shape %b [[0, 1]] : memref<3x16xf32> into memref<48xf32>
  %sum = affine.for %i = 0 to 48 iter_args(%acc = %init) -> f32 {
    %x = affine.load %flat[%i] : memref<48xf32>
    %s = arith.addf %acc, %x : f32
    affine.yield %s : f32
  }
  %u = memref.cast %b : memref<3x16xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  call @printF32(%sum) : (f32) -> ()
  call @printNewline() : () -> ()
  memref.dealloc %a : memref<3x16xf32>
  memref.dealloc %b : memref<3x16xf32>
  return
}

// CHECK:      rank = 2 offset = 0 sizes = [3, 16] strides = [16, 1] data =
// CHECK-NEXT: {{\[\[}}0.5,   0.5,   0.5,   0.5,   0.5,   0.5,   0.5,   0.5,   0.5,   0.5,   0.5,   0.5,   0.5,   0.5,   0.5,   0.5],
// CHECK-NEXT: [0.5,   0.5,   0.5,   0.5,   0.5,   0.5,   1,   1.5,   2,   2.5,   3,   3.5,   4,   4.5,   5,   5.5],
// CHECK-NEXT: [6,   6.5,   7,   7.5,   8,   8.5,   9,   9.5,   10,   10.5,   11,   11.5,   12,   12.5,   13,   13.5]]
// CHECK-NEXT: 299.5
