// RUN: mlopt %s --split-input-file --affine-loop-unroll="unroll-factor=4" | FileCheck %s
// RUN: mlopt %s --split-input-file --affine-loop-unroll="unroll-factor=3" | FileCheck %s --check-prefix=THREE
// RUN: mlopt %s --split-input-file --affine-loop-unroll="unroll-factor=-1" | FileCheck %s --check-prefix=FULL
// RUN: mlopt %s --split-input-file --affine-loop-unroll="unroll-factor=5 unroll-up-to-factor" | FileCheck %s --check-prefix=UPTO

// (mlopt prints affine maps inline, mlir-opt through #map aliases: each map
// check takes either.)

// Ten iterations by four: two unrolled iterations of four copies each (the
// i-th at iv + i), then a cleanup loop for the last two.
// CHECK-LABEL: func.func @constant_trip_count
// CHECK-SAME: (%[[A:.+]]: memref<?xf32>)
// CHECK: affine.for %[[I:.+]] = 0 to 8 step 4 {
// CHECK-NEXT: affine.load %[[A]][%[[I]]]
// CHECK-NEXT: arith.addf
// CHECK-NEXT: affine.store
// CHECK-NEXT: %[[I1:.+]] = affine.apply {{#map|affine_map<\(d0\) -> \(d0 \+ 1\)>}}(%[[I]])
// CHECK-NEXT: affine.load %[[A]][%[[I1]]]
// CHECK: affine.apply {{.+}}(%[[I]])
// CHECK: %[[I3:.+]] = affine.apply {{#map[0-9]+|affine_map<\(d0\) -> \(d0 \+ 3\)>}}(%[[I]])
// CHECK-NEXT: affine.load %[[A]][%[[I3]]]
// CHECK-NEXT: arith.addf
// CHECK-NEXT: affine.store
// CHECK-NEXT: }
// CHECK-NEXT: affine.for %[[J:.+]] = 8 to 10 {
// CHECK-NEXT: affine.load %[[A]][%[[J]]]
// By three: the cleanup has one iteration, which becomes straight-line code
// at the constant 9.
// THREE-LABEL: func.func @constant_trip_count
// THREE: %[[C9:.+]] = arith.constant 9 : index
// THREE: affine.for %{{.+}} = 0 to 9 step 3 {
// THREE: }
// THREE-NEXT: affine.load %{{.+}}[%[[C9]]]
// FULL-LABEL: func.func @constant_trip_count
// FULL-NOT: affine.for
// FULL-COUNT-10: arith.addf
// FULL-NOT: arith.addf
// FULL: return
func.func @constant_trip_count(%A: memref<?xf32>) {
  affine.for %i = 0 to 10 {
    %a = affine.load %A[%i] : memref<?xf32>
    %b = arith.addf %a, %a : f32
    affine.store %b, %A[%i] : memref<?xf32>
  }
  return
}

// -----

// A symbolic trip count: the cleanup loop starts where the unrolled
// iterations end, an affine map of the bound.
// CHECK-LABEL: func.func @symbolic
// CHECK-SAME: (%[[A:.+]]: memref<?xf32>, %[[N:.+]]: index)
// CHECK: affine.for %{{.+}} = 0 to {{#map[0-9]*|affine_map<\(\)\[s0\] -> \(\(s0 floordiv 4\) \* 4\)>}}()[%[[N]]] step 4 {
// CHECK: affine.for %{{.+}} = {{#map[0-9]*|affine_map<\(\)\[s0\] -> \(\(s0 floordiv 4\) \* 4\)>}}()[%[[N]]] to %[[N]] {
func.func @symbolic(%A: memref<?xf32>, %n: index) {
  affine.for %i = 0 to %n {
    %a = affine.load %A[%i] : memref<?xf32>
    affine.store %a, %A[%i] : memref<?xf32>
  }
  return
}

// -----

// Values carried through iter_args chain from copy to copy; four iterations
// by four leave one iteration, promoted to straight-line code.
// CHECK-LABEL: func.func @reduction
// CHECK-NOT: affine.for
// CHECK: %[[S1:.+]] = arith.addf %{{.+}}, %{{.+}} : f32
// CHECK: %[[S2:.+]] = arith.addf %[[S1]], %{{.+}} : f32
// CHECK: %[[S3:.+]] = arith.addf %[[S2]], %{{.+}} : f32
// CHECK: %[[S4:.+]] = arith.addf %[[S3]], %{{.+}} : f32
// CHECK-NEXT: affine.store %[[S4]]
// By three: a one-iteration loop of three copies and a one-iteration cleanup.
// THREE-LABEL: func.func @reduction
// THREE-NOT: affine.for
// THREE-COUNT-4: arith.addf
// Five is more than the trip count: unrolled up to four, fully.
// UPTO-LABEL: func.func @reduction
// UPTO-NOT: affine.for
// UPTO-COUNT-4: arith.addf
func.func @reduction(%A: memref<?xf32>, %n: index) {
  %c = arith.constant 0.0 : f32
  %r = affine.for %i = 0 to 7 step 2 iter_args(%s = %c) -> f32 {
    %a = affine.load %A[%i] : memref<?xf32>
    %t = arith.addf %s, %a : f32
    affine.yield %t : f32
  }
  affine.store %r, %A[%n] : memref<?xf32>
  return
}

// -----

// Only innermost loops unroll; a trip count below the factor is left alone
// (unless unroll-up-to-factor).
// CHECK-LABEL: func.func @short_inner
// CHECK: affine.for %{{.+}} = 0 to 4 {
// CHECK-NEXT: affine.for %{{.+}} = 0 to 3 {
// UPTO-LABEL: func.func @short_inner
// UPTO: affine.for %{{.+}} = 0 to 4 {
// UPTO-NOT: affine.for
// UPTO-COUNT-3: affine.store
func.func @short_inner(%A: memref<?xf32>) {
  affine.for %i = 0 to 4 {
    affine.for %j = 0 to 3 {
      %a = affine.load %A[%j] : memref<?xf32>
      affine.store %a, %A[%i] : memref<?xf32>
    }
  }
  return
}
