// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule --split-input-file --verify-diagnostics | FileCheck %s

// The accumulator read and written at the same invariant place leaves the
// loop and travels as an iter_arg; the read of %b, which moves with %k, stays;
// the read of %bias, which nothing in the loop writes, leaves it alone.

// CHECK-LABEL: func.func @accumulate
//  CHECK-SAME: (%[[C:.*]]: memref<8x8xf32>, %[[B:.*]]: memref<16x8xf32>, %[[BIAS:.*]]: memref<8xf32>)
//       CHECK: %[[INIT:.*]] = vector.transfer_read %[[C]][%[[Z:.*]], %[[Z]]], %{{.*}} : memref<8x8xf32>, vector<8xf32>
//       CHECK: %[[BV:.*]] = vector.transfer_read %[[BIAS]][%[[Z]]], %{{.*}} : memref<8xf32>, vector<8xf32>
//       CHECK: %[[R:.*]] = scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[INIT]]) -> (vector<8xf32>) {
//       CHECK:   %[[ROW:.*]] = vector.transfer_read %[[B]][%[[K]], %[[Z]]]
//       CHECK:   %[[SUM:.*]] = arith.addf %[[ACC]], %[[ROW]] : vector<8xf32>
//       CHECK:   %[[BIASED:.*]] = arith.addf %[[SUM]], %[[BV]] : vector<8xf32>
//       CHECK:   scf.yield %[[BIASED]] : vector<8xf32>
//       CHECK: }
//       CHECK: vector.transfer_write %[[R]], %[[C]][%[[Z]], %[[Z]]] : vector<8xf32>, memref<8x8xf32>
func.func @accumulate(%c: memref<8x8xf32>, %b: memref<16x8xf32>, %bias: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %pad = arith.constant 0.0 : f32
  scf.for %k = %c0 to %c16 step %c1 {
    %acc = vector.transfer_read %c[%c0, %c0], %pad : memref<8x8xf32>, vector<8xf32>
    %row = vector.transfer_read %b[%k, %c0], %pad : memref<16x8xf32>, vector<8xf32>
    %sum = arith.addf %acc, %row : vector<8xf32>
    %bv = vector.transfer_read %bias[%c0], %pad : memref<8xf32>, vector<8xf32>
    %biased = arith.addf %sum, %bv : vector<8xf32>
    vector.transfer_write %biased, %c[%c0, %c0] : vector<8xf32>, memref<8x8xf32>
  }
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    %h = transform.structured.hoist_redundant_vector_transfers %f : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// Two pairs on disjoint halves of a row both leave a loop nest of two
// levels; the write of the pair hoisted second lands first after the loop.

// CHECK-LABEL: func.func @disjoint_pairs_nest
//  CHECK-SAME: (%[[M:.*]]: memref<8x8xf32>)
//       CHECK: %[[LO:.*]] = vector.transfer_read %[[M]][%[[Z:.*]], %[[Z]]]
//       CHECK: %[[HI:.*]] = vector.transfer_read %[[M]][%[[Z]], %[[C4:.*]]]
//       CHECK: %[[OUT:.*]]:2 = scf.for {{.*}} iter_args(%[[A:.*]] = %[[LO]], %[[B:.*]] = %[[HI]]) -> (vector<4xf32>, vector<4xf32>) {
//       CHECK:   %[[IN:.*]]:2 = scf.for {{.*}} iter_args(%[[A2:.*]] = %[[A]], %[[B2:.*]] = %[[B]]) -> (vector<4xf32>, vector<4xf32>) {
//       CHECK:     %[[X:.*]] = arith.addf %[[A2]], %[[A2]]
//       CHECK:     %[[Y:.*]] = arith.mulf %[[B2]], %[[B2]]
//       CHECK:     scf.yield %[[X]], %[[Y]]
//       CHECK:   scf.yield %[[IN]]#0, %[[IN]]#1
//       CHECK: vector.transfer_write %[[OUT]]#1, %[[M]][%[[Z]], %[[C4]]]
//       CHECK: vector.transfer_write %[[OUT]]#0, %[[M]][%[[Z]], %[[Z]]]
func.func @disjoint_pairs_nest(%m: memref<8x8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %pad = arith.constant 0.0 : f32
  scf.for %i = %c0 to %c8 step %c1 {
    scf.for %j = %c0 to %c8 step %c1 {
      %lo = vector.transfer_read %m[%c0, %c0], %pad : memref<8x8xf32>, vector<4xf32>
      %hi = vector.transfer_read %m[%c0, %c4], %pad : memref<8x8xf32>, vector<4xf32>
      %x = arith.addf %lo, %lo : vector<4xf32>
      %y = arith.mulf %hi, %hi : vector<4xf32>
      vector.transfer_write %x, %m[%c0, %c0] : vector<4xf32>, memref<8x8xf32>
      vector.transfer_write %y, %m[%c0, %c4] : vector<4xf32>, memref<8x8xf32>
    }
  }
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    %h = transform.structured.hoist_redundant_vector_transfers %f : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// What stays: overlapping accesses (offsets 0 and 2 of vector<4>), a pair on
// a subview (a view may alias), and, with verify_non_zero_trip, everything
// in a loop whose upper bound is unknown, even a read alone of a buffer the
// loop never writes.

// CHECK-LABEL: func.func @stays
//       CHECK: scf.for
//       CHECK:   vector.transfer_read %{{.*}} : memref<8x8xf32>, vector<4xf32>
//       CHECK:   vector.transfer_read %{{.*}} : memref<8x8xf32>, vector<4xf32>
//       CHECK:   vector.transfer_write
//       CHECK:   vector.transfer_read {{.*}} strided
//       CHECK:   vector.transfer_write {{.*}} strided
//       CHECK:   %[[ALONE:.*]] = vector.transfer_read %{{.*}} : memref<8xf32>, vector<4xf32>
//       CHECK:   vector.transfer_write %[[ALONE]]
//       CHECK: }
//       CHECK: return
func.func @stays(%m: memref<8x8xf32>, %v: memref<8xf32>, %o: memref<64xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %pad = arith.constant 0.0 : f32
  %s = memref.subview %m[4, 0] [4, 8] [1, 1] : memref<8x8xf32> to memref<4x8xf32, strided<[8, 1], offset: 32>>
  scf.for %i = %c0 to %n step %c1 {
    %a = vector.transfer_read %m[%c0, %c0], %pad : memref<8x8xf32>, vector<4xf32>
    %b = vector.transfer_read %m[%c0, %c2], %pad : memref<8x8xf32>, vector<4xf32>
    %x = arith.addf %a, %b : vector<4xf32>
    vector.transfer_write %x, %m[%c0, %c0] : vector<4xf32>, memref<8x8xf32>
    %t = vector.transfer_read %s[%c0, %c0], %pad : memref<4x8xf32, strided<[8, 1], offset: 32>>, vector<4xf32>
    vector.transfer_write %t, %s[%c1, %c0] : vector<4xf32>, memref<4x8xf32, strided<[8, 1], offset: 32>>
    %alone = vector.transfer_read %v[%c0], %pad : memref<8xf32>, vector<4xf32>
    vector.transfer_write %alone, %o[%i] : vector<4xf32>, memref<64xf32>
  }
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    %h = transform.structured.hoist_redundant_vector_transfers %f {verify_non_zero_trip} : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// A target that is no function.

module attributes {transform.with_named_sequence} {
  // expected-note@+1 {{when applied to this op}}
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["transform.named_sequence"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{transform applied to the wrong op kind}}
    %h = transform.structured.hoist_redundant_vector_transfers %m : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
