// RUN: mlopt %s --buffer-hoisting --split-input-file | FileCheck %s

// Allocations yielded by scf.if move before it.

// CHECK-LABEL: func.func @yielded
// CHECK-SAME: (%[[C:[^:]+]]: i1, %[[N:[^:]+]]: index)
// CHECK-NEXT: %[[A:[^ ]+]] = memref.alloc(%[[N]]) : memref<?xf32>
// CHECK-NEXT: %[[B:[^ ]+]] = memref.alloc(%[[N]]) : memref<?xf32>
// CHECK-NEXT: scf.if %[[C]] -> (memref<?xf32>) {
// CHECK-NEXT:   scf.yield %[[A]]
// CHECK:        scf.yield %[[B]]
func.func @yielded(%c: i1, %n: index) -> memref<?xf32> {
  %r = scf.if %c -> memref<?xf32> {
    %a = memref.alloc(%n) : memref<?xf32>
    scf.yield %a : memref<?xf32>
  } else {
    %b = memref.alloc(%n) : memref<?xf32>
    scf.yield %b : memref<?xf32>
  }
  return %r : memref<?xf32>
}

// -----

// A buffer passed to a join block moves to the common dominator; one that
// stays in its block, or depends on a size computed there, does not move.

// CHECK-LABEL: func.func @branches
// CHECK: %[[HOISTED:[^ ]+]] = memref.alloc() : memref<2xf32>
// CHECK-NEXT: cf.cond_br
// CHECK: ^bb2:
// CHECK: %[[S:[^ ]+]] = arith.addi
// CHECK-NEXT: memref.alloc(%[[S]]) : memref<?xf32>
// CHECK-NEXT: memref.alloc(%{{[^)]+}}) : memref<?xf32>
// CHECK: cf.br ^bb3(%[[HOISTED]] : memref<2xf32>)
func.func @branches(%c: i1, %m: memref<2xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  cf.br ^bb3(%m : memref<2xf32>)
^bb2:
  %f = arith.constant 1.0 : f32
  %0 = memref.alloc() : memref<2xf32>
  %s = arith.addi %n, %c0 : index
  %1 = memref.alloc(%s) : memref<?xf32>
  %2 = memref.alloc(%n) : memref<?xf32>
  memref.store %f, %1[%c0] : memref<?xf32>
  memref.store %f, %2[%c0] : memref<?xf32>
  cf.br ^bb3(%0 : memref<2xf32>)
^bb3(%x: memref<2xf32>):
  %v = memref.load %x[%c0] : memref<2xf32>
  return
}

// -----

// Loops are left to buffer-loop-hoisting.

// CHECK-LABEL: func.func @in_loop
// CHECK: scf.for
// CHECK-NEXT: memref.alloc()
func.func @in_loop(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %a = memref.alloc() : memref<2xf32>
    %v = memref.load %a[%c0] : memref<2xf32>
  }
  return
}
