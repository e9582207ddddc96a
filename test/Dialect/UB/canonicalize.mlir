// RUN: mlopt %s --canonicalize --split-input-file | FileCheck %s

// Equal constants are merged into one at the top of the function, as upstream's
// folder does; constants from nested regions are hoisted there too.

// CHECK-LABEL: func.func @merge_poison
// CHECK-NEXT: %[[P:.*]] = ub.poison : i32
// CHECK-NEXT: return %[[P]], %[[P]]
func.func @merge_poison() -> (i32, i32) {
  %0 = ub.poison : i32
  %1 = ub.poison : i32
  return %0, %1 : i32, i32
}

// -----

// CHECK-LABEL: func.func @hoisted_and_merged
// CHECK-SAME: (%[[N:.*]]: index, %[[M:.*]]: memref<?xi32>)
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[STEP:.*]] = arith.constant 1 : index
// CHECK-NEXT: scf.for %[[I:.*]] = %[[ZERO]] to %[[N]] step %[[STEP]] {
// CHECK-NEXT:   memref.store %[[ONE]], %[[M]][%[[I]]]
// CHECK-NEXT: }
// CHECK-NEXT: memref.store %[[ONE]], %[[M]][%[[ZERO]]]
func.func @hoisted_and_merged(%n: index, %m: memref<?xi32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %one = arith.constant 1 : i32
    memref.store %one, %m[%i] : memref<?xi32>
  }
  %zero = arith.constant 0 : index
  %again = arith.constant 1 : i32
  memref.store %again, %m[%zero] : memref<?xi32>
  return
}
