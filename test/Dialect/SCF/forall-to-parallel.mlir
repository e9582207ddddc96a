// RUN: mlopt %s --split-input-file --scf-forall-to-parallel | FileCheck %s

func.func private @callee(%i: index, %j: index)

// CHECK-LABEL: func.func @two_dims
// CHECK-SAME: (%[[N:.+]]: index)
// CHECK-DAG: %[[C7:.+]] = arith.constant 7 : index
// CHECK: scf.parallel (%[[I:.+]], %[[J:.+]]) = (%{{.+}}, %{{.+}}) to (%[[N]], %[[C7]]) step (%{{.+}}, %{{.+}}) {
// CHECK-NEXT: func.call @callee(%[[I]], %[[J]])
// CHECK-NEXT: scf.reduce
// CHECK-NEXT: }
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
// CHECK: scf.parallel (%[[I:.+]]) = (%[[LB]]) to (%[[N]]) step (%[[C3]]) {
// CHECK-NEXT: memref.store %{{.+}}, %[[A]][%[[I]]]
func.func @bounds_and_steps(%A: memref<?xf32>, %lb: index, %n: index) {
  %zero = arith.constant 0.0 : f32
  scf.forall (%i) = (%lb) to (%n) step (3) {
    memref.store %zero, %A[%i] : memref<?xf32>
  }
  return
}
