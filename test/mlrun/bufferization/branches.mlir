// RUN: mlopt %s --buffer-deallocation-pipeline --convert-bufferization-to-memref --lower-to-llvm | mlrun - -e main --entry-point-result=void | FileCheck %s

// Unstructured control flow: ownership crosses cf.br/cf.cond_br edges as
// extra i1 block arguments.
func.func private @printMemrefF32(memref<*xf32>)

func.func @pick(%first: i1) -> memref<2xf32> {
  %one = arith.constant 1.0 : f32
  %a = memref.alloc() : memref<2xf32>
  linalg.fill ins(%one : f32) outs(%a : memref<2xf32>)
  cf.cond_br %first, ^bb2(%a : memref<2xf32>), ^bb1
^bb1:
  %two = arith.constant 2.0 : f32
  %b = memref.alloc() : memref<2xf32>
  memref.copy %a, %b : memref<2xf32> to memref<2xf32>
  %c0 = arith.constant 0 : index
  memref.store %two, %b[%c0] : memref<2xf32>
  cf.br ^bb2(%b : memref<2xf32>)
^bb2(%r: memref<2xf32>):
  return %r : memref<2xf32>
}

func.func @main() {
  %true = arith.constant true
  %false = arith.constant false
  %p = call @pick(%true) : (i1) -> memref<2xf32>
  %q = call @pick(%false) : (i1) -> memref<2xf32>
  %pu = memref.cast %p : memref<2xf32> to memref<*xf32>
  %qu = memref.cast %q : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%pu) : (memref<*xf32>) -> ()
  call @printMemrefF32(%qu) : (memref<*xf32>) -> ()
  return
}

// CHECK: sizes = [2] strides = [1] data =
// CHECK-NEXT: [1,  1]
// CHECK: sizes = [2] strides = [1] data =
// CHECK-NEXT: [2,  1]
