// RUN: mlopt %s --split-input-file --pass-pipeline='builtin.module(func.func(scf-forall-to-for))' | FileCheck %s
// RUN: mlopt %s --split-input-file --scf-forall-to-for | FileCheck %s

func.func private @callee(%i: index, %j: index)

// CHECK-LABEL: func.func @two_dims
// CHECK-SAME: (%[[N:.+]]: index)
// CHECK-DAG: %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG: %[[C7:.+]] = arith.constant 7 : index
// CHECK-DAG: %[[C1:.+]] = arith.constant 1 : index
// CHECK: scf.for %[[I:.+]] = %{{.+}} to %[[N]] step %{{.+}} {
// CHECK-NEXT: scf.for %[[J:.+]] = %{{.+}} to %[[C7]] step %{{.+}} {
// CHECK-NEXT: func.call @callee(%[[I]], %[[J]])
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NOT: scf.forall
func.func @two_dims(%n: index) {
  scf.forall (%i, %j) in (%n, 7) {
    func.call @callee(%i, %j) : (index, index) -> ()
  }
  return
}

// -----

// CHECK-LABEL: func.func @bounds_and_steps
// CHECK-SAME: (%[[A:.+]]: memref<?xf32>, %[[LB:.+]]: index, %[[N:.+]]: index)
// CHECK-DAG: %[[C3:.+]] = arith.constant 3 : index
// CHECK: scf.for %[[I:.+]] = %[[LB]] to %[[N]] step %[[C3]] {
// CHECK-NEXT: memref.store %{{.+}}, %[[A]][%[[I]]]
func.func @bounds_and_steps(%A: memref<?xf32>, %lb: index, %n: index) {
  %zero = arith.constant 0.0 : f32
  scf.forall (%i) = (%lb) to (%n) step (3) {
    memref.store %zero, %A[%i] : memref<?xf32>
  }
  return
}

// -----

func.func private @callee(%i: index, %j: index, %k: index)

// CHECK-LABEL: func.func @nested
// CHECK: scf.for %[[I:.+]] =
// CHECK-NEXT: scf.for %[[J:.+]] =
// CHECK: scf.for %[[K:.+]] =
// CHECK-NEXT: func.call @callee(%[[I]], %[[J]], %[[K]])
func.func @nested(%a: index, %b: index, %c: index) {
  scf.forall (%i, %j) in (%a, %b) {
    scf.forall (%k) in (%c) {
      func.call @callee(%i, %j, %k) : (index, index, index) -> ()
    }
  }
  return
}
