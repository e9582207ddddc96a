// RUN: mlopt %s --buffer-deallocation-pipeline --convert-bufferization-to-memref --lower-to-llvm | mlrun - -e main --entry-point-result=void | FileCheck %s

// Functions returning buffers: a fresh allocation, an argument (returned as
// a copy the caller owns), and a buffer carried out of an scf.while loop.
func.func private @printMemrefF32(memref<*xf32>)

func.func @make(%n: index, %v: f32) -> memref<?xf32> {
  %m = memref.alloc(%n) : memref<?xf32>
  linalg.fill ins(%v : f32) outs(%m : memref<?xf32>)
  return %m : memref<?xf32>
}

func.func @identity(%m: memref<?xf32>) -> memref<?xf32> {
  return %m : memref<?xf32>
}

func.func @grow(%limit: index) -> memref<?xf32> {
  %c1 = arith.constant 1 : index
  %half = arith.constant 0.5 : f32
  %start = call @make(%c1, %half) : (index, f32) -> memref<?xf32>
  %r = scf.while (%buf = %start) : (memref<?xf32>) -> memref<?xf32> {
    %c0 = arith.constant 0 : index
    %size = memref.dim %buf, %c0 : memref<?xf32>
    %more = arith.cmpi ult, %size, %limit : index
    scf.condition(%more) %buf : memref<?xf32>
  } do {
  ^bb0(%buf: memref<?xf32>):
    %c0 = arith.constant 0 : index
    %size = memref.dim %buf, %c0 : memref<?xf32>
    %next = arith.addi %size, %c1 : index
    %bigger = func.call @make(%next, %half) : (index, f32) -> memref<?xf32>
    scf.yield %bigger : memref<?xf32>
  }
  return %r : memref<?xf32>
}

func.func @main() {
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %v = arith.constant 2.5 : f32
  %m = call @make(%c3, %v) : (index, f32) -> memref<?xf32>
  %copy = call @identity(%m) : (memref<?xf32>) -> memref<?xf32>
  %u = memref.cast %copy : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %g = call @grow(%c4) : (index) -> memref<?xf32>
  %gu = memref.cast %g : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%gu) : (memref<*xf32>) -> ()
  return
}

// CHECK: sizes = [3] strides = [1] data =
// CHECK-NEXT: [2.5,  2.5,  2.5]
// CHECK: sizes = [4] strides = [1] data =
// CHECK-NEXT: [0.5,  0.5,  0.5,  0.5]
