// C = A x B for 4x3 and 3x4 matrices, written with linalg and printed with
// the runner utilities, as an upstream MLIR integration test would.
func.func private @printMemrefF32(memref<*xf32>)

func.func @main() {
  %a = memref.alloc() : memref<4x3xf32>
  %b = memref.alloc() : memref<3x4xf32>
  %c = memref.alloc() : memref<4x4xf32>
  %zero = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    scf.for %j = %c0 to %c3 step %c1 {
      %k = arith.muli %i, %c3 : index
      %ij = arith.addi %k, %j : index
      %int = arith.index_cast %ij : index to i32
      %v = arith.sitofp %int : i32 to f32
      memref.store %v, %a[%i, %j] : memref<4x3xf32>
      memref.store %v, %b[%j, %i] : memref<3x4xf32>
    }
  }
  linalg.fill ins(%zero : f32) outs(%c : memref<4x4xf32>)
  linalg.matmul ins(%a, %b : memref<4x3xf32>, memref<3x4xf32>) outs(%c : memref<4x4xf32>)
  %printable = memref.cast %c : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%printable) : (memref<*xf32>) -> ()
  memref.dealloc %a : memref<4x3xf32>
  memref.dealloc %b : memref<3x4xf32>
  memref.dealloc %c : memref<4x4xf32>
  return
}
