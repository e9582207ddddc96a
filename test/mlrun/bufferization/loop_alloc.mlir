// RUN: mlopt %s --buffer-deallocation-pipeline --convert-bufferization-to-memref --lower-to-llvm | mlrun - -e main --entry-point-result=void | FileCheck %s

// A fresh buffer per iteration, freed at the end of the iteration; a buffer
// carried through iter_args, replaced by a fresh one each iteration.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printF32(f32)
func.func private @printNewline()

func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c10 = arith.constant 10 : index
  %one = arith.constant 1.0 : f32
  %zero = arith.constant 0.0 : f32
  %total = scf.for %i = %c0 to %c10 step %c1 iter_args(%acc = %zero) -> f32 {
    %scratch = memref.alloc() : memref<4xf32>
    scf.for %j = %c0 to %c4 step %c1 {
      %jf = arith.index_cast %j : index to i32
      %v = arith.sitofp %jf : i32 to f32
      memref.store %v, %scratch[%j] : memref<4xf32>
    }
    %x = memref.load %scratch[%c1] : memref<4xf32>
    %next = arith.addf %acc, %x : f32
    scf.yield %next : f32
  }
  call @printF32(%total) : (f32) -> ()
  call @printNewline() : () -> ()

  %init = memref.alloc() : memref<4xf32>
  linalg.fill ins(%zero : f32) outs(%init : memref<4xf32>)
  %last = scf.for %i = %c0 to %c4 step %c1 iter_args(%buf = %init) -> memref<4xf32> {
    %fresh = memref.alloc() : memref<4xf32>
    memref.copy %buf, %fresh : memref<4xf32> to memref<4xf32>
    %old = memref.load %fresh[%i] : memref<4xf32>
    %new = arith.addf %old, %one : f32
    memref.store %new, %fresh[%i] : memref<4xf32>
    scf.yield %fresh : memref<4xf32>
  }
  %u = memref.cast %last : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}

// CHECK: 10
// CHECK: Unranked Memref base@ = 0x{{[0-9a-f]+}} rank = 1 offset = 0 sizes = [4] strides = [1] data =
// CHECK-NEXT: [1,  1,  1,  1]
