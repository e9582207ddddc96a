// RUN: mlopt %s --buffer-deallocation-pipeline --convert-bufferization-to-memref --lower-to-llvm | mlrun - -e main --entry-point-result=void | FileCheck %s

// scf.if returns either of two allocations (the other one is freed), and a
// view of an allocation is returned from a region.
func.func private @printMemrefF32(memref<*xf32>)

func.func @pick(%first: i1, %a: f32, %b: f32) -> memref<3xf32> {
  %x = memref.alloc() : memref<3xf32>
  %y = memref.alloc() : memref<3xf32>
  linalg.fill ins(%a : f32) outs(%x : memref<3xf32>)
  linalg.fill ins(%b : f32) outs(%y : memref<3xf32>)
  %r = scf.if %first -> memref<3xf32> {
    scf.yield %x : memref<3xf32>
  } else {
    scf.yield %y : memref<3xf32>
  }
  return %r : memref<3xf32>
}

func.func @window(%big: i1) -> memref<2xf32, strided<[1], offset: ?>> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %seven = arith.constant 7.0 : f32
  %m = memref.alloc() : memref<4xf32>
  linalg.fill ins(%seven : f32) outs(%m : memref<4xf32>)
  %off = arith.select %big, %c1, %c0 : index
  %v = memref.subview %m[%off] [2] [1] : memref<4xf32> to memref<2xf32, strided<[1], offset: ?>>
  return %v : memref<2xf32, strided<[1], offset: ?>>
}

func.func @main() {
  %true = arith.constant true
  %false = arith.constant false
  %one = arith.constant 1.0 : f32
  %two = arith.constant 2.0 : f32
  %p = call @pick(%true, %one, %two) : (i1, f32, f32) -> memref<3xf32>
  %q = call @pick(%false, %one, %two) : (i1, f32, f32) -> memref<3xf32>
  %pu = memref.cast %p : memref<3xf32> to memref<*xf32>
  %qu = memref.cast %q : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%pu) : (memref<*xf32>) -> ()
  call @printMemrefF32(%qu) : (memref<*xf32>) -> ()
  %w = call @window(%true) : (i1) -> memref<2xf32, strided<[1], offset: ?>>
  %wu = memref.cast %w : memref<2xf32, strided<[1], offset: ?>> to memref<*xf32>
  call @printMemrefF32(%wu) : (memref<*xf32>) -> ()
  return
}

// CHECK: sizes = [3] strides = [1] data =
// CHECK-NEXT: [1,  1,  1]
// CHECK: sizes = [3] strides = [1] data =
// CHECK-NEXT: [2,  2,  2]
// CHECK: rank = 1 offset = 1 sizes = [2] strides = [1] data =
// CHECK-NEXT: [7,  7]
