// RUN: mlopt %s --loop-invariant-code-motion | FileCheck %s

// memref.subview is Pure, as upstream's: a loop-invariant view leaves the loop.
// CHECK-LABEL: func.func @invariant_view
// CHECK: %[[VIEW:.*]] = memref.subview
// CHECK: scf.for
// CHECK-NOT: memref.subview
// CHECK: memref.load %[[VIEW]]
func.func @invariant_view(%m: memref<16xf32>, %i: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %zero = arith.constant 0.0 : f32
  %r = scf.for %k = %c0 to %c4 step %c1 iter_args(%a = %zero) -> f32 {
    %v = memref.subview %m[%i] [4] [1] : memref<16xf32> to memref<4xf32, strided<[1], offset: ?>>
    %x = memref.load %v[%k] : memref<4xf32, strided<[1], offset: ?>>
    %s = arith.addf %a, %x : f32
    scf.yield %s : f32
  }
  return %r : f32
}
