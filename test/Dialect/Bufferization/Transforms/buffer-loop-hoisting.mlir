// RUN: mlopt %s --buffer-loop-hoisting | FileCheck %s

// CHECK-LABEL: func.func @hoist
// CHECK-SAME: (%[[C:[^:]+]]: i1, %[[N:[^:]+]]: index)
// CHECK: scf.if %[[C]] {
// CHECK-NEXT: memref.alloc() : memref<4xf32>
// CHECK: }
// CHECK-NEXT: %[[B:[^ ]+]] = memref.alloc() : memref<4xf32>
// CHECK-NEXT: %[[G:[^ ]+]] = memref.alloc(%[[N]]) : memref<?xf32>
// CHECK-NEXT: scf.for %[[I:[^ ]+]] =
// CHECK-NEXT:   memref.store %{{[^,]+}}, %[[B]]
// CHECK-NEXT:   memref.alloc(%[[I]]) : memref<?xf32>
// CHECK:        memref.store %{{[^,]+}}, %[[G]]
// CHECK:        %[[FREED:[^ ]+]] = memref.alloc() : memref<8xf32>
// CHECK-NEXT:   memref.dealloc %[[FREED]]
func.func @hoist(%c: i1, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %f = arith.constant 1.0 : f32
  scf.if %c {
    %a = memref.alloc() : memref<4xf32>
    memref.store %f, %a[%c0] : memref<4xf32>
  }
  scf.for %i = %c0 to %n step %c1 {
    %b = memref.alloc() : memref<4xf32>
    memref.store %f, %b[%c0] : memref<4xf32>
    %e = memref.alloc(%i) : memref<?xf32>
    memref.store %f, %e[%c0] : memref<?xf32>
    %g = memref.alloc(%n) : memref<?xf32>
    memref.store %f, %g[%c0] : memref<?xf32>
    %freed = memref.alloc() : memref<8xf32>
    memref.dealloc %freed : memref<8xf32>
  }
  return
}

// Nested loops: out of both when the sizes allow, else out of the inner one.

// CHECK-LABEL: func.func @nested
// CHECK-NEXT: arith.constant
// CHECK-NEXT: arith.constant
// CHECK-NEXT: %[[OUTER:[^ ]+]] = memref.alloc() : memref<2xf32>
// CHECK-NEXT: scf.for %[[I:[^ ]+]] =
// CHECK-NEXT:   %[[INNER:[^ ]+]] = memref.alloc(%[[I]]) : memref<?xf32>
// CHECK-NEXT:   scf.for
func.func @nested(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    scf.for %j = %c0 to %n step %c1 {
      %a = memref.alloc() : memref<2xf32>
      %b = memref.alloc(%i) : memref<?xf32>
      %v = memref.load %b[%j] : memref<?xf32>
      memref.store %v, %a[%c0] : memref<2xf32>
    }
  }
  return
}
