// RUN: mlopt %s --split-input-file --loop-invariant-code-motion | FileCheck %s

// CHECK-LABEL: func.func @scf_for
// CHECK-SAME: (%[[A:.+]]: memref<10xf32>, %[[B:.+]]: memref<10xf32>, %[[X:.+]]: f32, %[[N:.+]]: index)
// CHECK: %[[SUM:.+]] = arith.addf %[[X]], %[[X]] : f32
// CHECK-NEXT: %[[PROD:.+]] = arith.mulf %[[SUM]], %[[SUM]] : f32
// CHECK-NEXT: scf.for %[[I:.+]] =
// CHECK-NEXT: memref.load %[[B]]
// CHECK-NEXT: arith.divui %[[N]], %[[N]]
// CHECK-NEXT: arith.mulf %[[PROD]]
// CHECK-NEXT: memref.store
func.func @scf_for(%A: memref<10xf32>, %B: memref<10xf32>, %x: f32, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c10 = arith.constant 10 : index
  scf.for %i = %c0 to %c10 step %c1 {
    %v = memref.load %B[%c0] : memref<10xf32>
    %a = arith.addf %x, %x : f32
    %d = arith.divui %n, %n : index
    %p = arith.mulf %a, %a : f32
    %m = arith.mulf %p, %v : f32
    memref.store %m, %A[%i] : memref<10xf32>
  }
  return
}

// -----

// Invariants of the inner loop leave the whole nest; what depends on the outer
// induction variable stays in the outer loop.
// CHECK-LABEL: func.func @nest
// CHECK-SAME: (%[[A:.+]]: memref<10x10xindex>, %[[N:.+]]: index)
// CHECK: %[[K:.+]] = arith.muli %[[N]], %[[N]] : index
// CHECK-NEXT: scf.for %[[I:.+]] =
// CHECK-NEXT: %[[L:.+]] = arith.addi %[[I]], %[[K]] : index
// CHECK-NEXT: scf.for %[[J:.+]] =
// CHECK-NEXT: %[[S:.+]] = arith.addi %[[J]], %[[L]] : index
// CHECK-NEXT: memref.store %[[S]], %[[A]][%[[I]], %[[J]]]
func.func @nest(%A: memref<10x10xindex>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c10 = arith.constant 10 : index
  scf.for %i = %c0 to %c10 step %c1 {
    scf.for %j = %c0 to %c10 step %c1 {
      %k = arith.muli %n, %n : index
      %l = arith.addi %i, %k : index
      %s = arith.addi %j, %l : index
      memref.store %s, %A[%i, %j] : memref<10x10xindex>
    }
  }
  return
}

// -----

// An invariant pure scf.if moves out with its regions.
// CHECK-LABEL: func.func @region_op
// CHECK: %[[IF:.+]] = scf.if %{{.+}} -> (f32) {
// CHECK: scf.for
// CHECK-NEXT: memref.store %[[IF]]
func.func @region_op(%A: memref<10xf32>, %c: i1, %x: f32, %y: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c10 = arith.constant 10 : index
  scf.for %i = %c0 to %c10 step %c1 {
    %v = scf.if %c -> (f32) {
      %s = arith.addf %x, %y : f32
      scf.yield %s : f32
    } else {
      scf.yield %y : f32
    }
    memref.store %v, %A[%i] : memref<10xf32>
  }
  return
}

// -----

// CHECK-LABEL: func.func @scf_while
// CHECK-SAME: (%[[X:.+]]: i32, %[[Y:.+]]: i32)
// CHECK-DAG: %[[BEFORE:.+]] = arith.addi %[[X]], %[[Y]] : i32
// CHECK-DAG: %[[AFTER:.+]] = arith.muli %[[X]], %[[Y]] : i32
// CHECK: scf.while
// CHECK: arith.cmpi slt, %{{.+}}, %[[BEFORE]]
// CHECK: } do {
// CHECK: arith.addi %{{.+}}, %[[AFTER]]
func.func @scf_while(%x: i32, %y: i32) -> i32 {
  %r = scf.while (%a = %x) : (i32) -> i32 {
    %bound = arith.addi %x, %y : i32
    %c = arith.cmpi slt, %a, %bound : i32
    scf.condition(%c) %a : i32
  } do {
  ^bb0(%b: i32):
    %inc = arith.muli %x, %y : i32
    %n = arith.addi %b, %inc : i32
    scf.yield %n : i32
  }
  return %r : i32
}

// -----

// CHECK-LABEL: func.func @parallel_loops
// CHECK-SAME: (%[[A:.+]]: memref<?xf32>, %[[X:.+]]: f32, %[[N:.+]]: index)
// CHECK: %[[P:.+]] = arith.mulf %[[X]], %[[X]] : f32
// CHECK-NEXT: scf.parallel
// CHECK-NEXT: memref.store %[[P]]
// CHECK: %[[Q:.+]] = arith.addf %[[X]], %[[X]] : f32
// CHECK-NEXT: scf.forall
// CHECK-NEXT: memref.store %[[Q]]
// CHECK: %[[R:.+]] = arith.subf %[[X]], %[[X]] : f32
// CHECK-NEXT: affine.for
// CHECK-NEXT: affine.store %[[R]]
func.func @parallel_loops(%A: memref<?xf32>, %x: f32, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %p = arith.mulf %x, %x : f32
    memref.store %p, %A[%i] : memref<?xf32>
  }
  scf.forall (%i) in (%n) {
    %q = arith.addf %x, %x : f32
    memref.store %q, %A[%i] : memref<?xf32>
  }
  affine.for %i = 0 to 10 {
    %r = arith.subf %x, %x : f32
    affine.store %r, %A[%i] : memref<?xf32>
  }
  return
}

// -----

// Division by a value that may be zero is not speculatable; by a non-zero
// constant it is.
// CHECK-LABEL: func.func @speculation
// CHECK: %[[Q:.+]] = arith.divsi %{{.+}}, %{{.+}} : i32
// CHECK-NEXT: scf.for
// CHECK-NEXT: arith.divsi %{{.+}}, %{{.+}} : i32
// CHECK-NEXT: arith.addi %[[Q]]
func.func @speculation(%A: memref<10xi32>, %x: i32, %y: i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c10 = arith.constant 10 : index
  %c3 = arith.constant 3 : i32
  scf.for %i = %c0 to %c10 step %c1 {
    %q = arith.divsi %x, %c3 : i32
    %d = arith.divsi %x, %y : i32
    %s = arith.addi %q, %d : i32
    memref.store %s, %A[%i] : memref<10xi32>
  }
  return
}
