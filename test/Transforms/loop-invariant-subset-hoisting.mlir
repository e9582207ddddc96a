// RUN: mlopt %s --allow-unregistered-dialect --loop-invariant-subset-hoisting --split-input-file | FileCheck %s

// A slice at a constant place, extracted and inserted back: the extraction
// moves before the loop, the insertion after it, the slice becomes an iter_arg.

// CHECK-LABEL: func.func @hoist_matching
//  CHECK-SAME: (%[[ARG:.*]]: tensor<?xf32>,
//       CHECK: %[[E:.*]] = tensor.extract_slice %[[ARG]][%[[C0:.*]]] [5] [1]
//       CHECK: %[[FOR:.*]]:2 = scf.for {{.*}} iter_args(%[[T:.*]] = %[[ARG]], %[[S:.*]] = %[[E]]) -> (tensor<?xf32>, tensor<5xf32>) {
//       CHECK:   %[[NEW:.*]] = "test.foo"(%[[S]])
//       CHECK:   scf.yield %[[T]], %[[NEW]] : tensor<?xf32>, tensor<5xf32>
//       CHECK: %[[INS:.*]] = tensor.insert_slice %[[FOR]]#1 into %[[FOR]]#0[%[[C0]]] [5] [1]
//       CHECK: return %[[INS]]
func.func @hoist_matching(%arg: tensor<?xf32>, %lb: index, %ub: index, %step: index) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %c5 = arith.constant 5 : index
  %0 = scf.for %iv = %lb to %ub step %step iter_args(%t = %arg) -> (tensor<?xf32>) {
    %1 = tensor.extract_slice %t[%c0] [5] [1] : tensor<?xf32> to tensor<5xf32>
    %2 = "test.foo"(%1) : (tensor<5xf32>) -> tensor<5xf32>
    %3 = tensor.insert_slice %2 into %t[%c0] [5] [1] : tensor<5xf32> into tensor<?xf32>
    scf.yield %3 : tensor<?xf32>
  }
  return %0 : tensor<?xf32>
}

// -----

// transfer_read / transfer_write on tensors; the read of a disjoint part
// ([4, 4] against [0, 0] of vector<4>) stays in the loop.

// CHECK-LABEL: func.func @transfer_pair
//  CHECK-SAME: (%[[ARG:.*]]: tensor<8x8xf32>,
//       CHECK: %[[R:.*]] = vector.transfer_read %[[ARG]][%[[C0:.*]], %[[C0]]]
//       CHECK: %[[FOR:.*]]:2 = scf.for {{.*}} iter_args(%[[T:.*]] = %[[ARG]], %[[V:.*]] = %[[R]]) -> (tensor<8x8xf32>, vector<4xf32>) {
//       CHECK:   %[[OTHER:.*]] = vector.transfer_read %[[T]][%[[C4:.*]], %[[C4]]]
//       CHECK:   %[[SUM:.*]] = arith.addf %[[V]], %[[OTHER]]
//       CHECK:   scf.yield %[[T]], %[[SUM]]
//       CHECK: %[[W:.*]] = vector.transfer_write %[[FOR]]#1, %[[FOR]]#0[%[[C0]], %[[C0]]]
//       CHECK: return %[[W]]
func.func @transfer_pair(%arg: tensor<8x8xf32>, %lb: index, %ub: index, %step: index) -> tensor<8x8xf32> {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %p = arith.constant 0.0 : f32
  %0 = scf.for %iv = %lb to %ub step %step iter_args(%t = %arg) -> (tensor<8x8xf32>) {
    %1 = vector.transfer_read %t[%c0, %c0], %p : tensor<8x8xf32>, vector<4xf32>
    %2 = vector.transfer_read %t[%c4, %c4], %p : tensor<8x8xf32>, vector<4xf32>
    %3 = arith.addf %1, %2 : vector<4xf32>
    %4 = vector.transfer_write %3, %t[%c0, %c0] : vector<4xf32>, tensor<8x8xf32>
    scf.yield %4 : tensor<8x8xf32>
  }
  return %0 : tensor<8x8xf32>
}

// -----

// Another extraction overlaps the pair: nothing moves.

// CHECK-LABEL: func.func @overlap
//       CHECK: scf.for
//       CHECK:   tensor.extract_slice
//       CHECK:   tensor.extract_slice
//       CHECK:   tensor.insert_slice
func.func @overlap(%arg: tensor<?xf32>, %lb: index, %ub: index, %step: index) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %0 = scf.for %iv = %lb to %ub step %step iter_args(%t = %arg) -> (tensor<?xf32>) {
    %1 = tensor.extract_slice %t[%c0] [5] [1] : tensor<?xf32> to tensor<5xf32>
    %x = tensor.extract_slice %t[%c2] [5] [1] : tensor<?xf32> to tensor<5xf32>
    %2 = "test.foo"(%1, %x) : (tensor<5xf32>, tensor<5xf32>) -> tensor<5xf32>
    %3 = tensor.insert_slice %2 into %t[%c0] [5] [1] : tensor<5xf32> into tensor<?xf32>
    scf.yield %3 : tensor<?xf32>
  }
  return %0 : tensor<?xf32>
}

// -----

// The place moves with the loop: nothing moves.

// CHECK-LABEL: func.func @variant
//       CHECK: scf.for %[[IV:[^ ]+]] = {{.*}} {
//       CHECK:   tensor.extract_slice %{{.*}}[%[[IV]]]
//       CHECK:   tensor.insert_slice %{{.*}}[%[[IV]]]
func.func @variant(%arg: tensor<?xf32>, %lb: index, %ub: index, %step: index) -> tensor<?xf32> {
  %0 = scf.for %iv = %lb to %ub step %step iter_args(%t = %arg) -> (tensor<?xf32>) {
    %1 = tensor.extract_slice %t[%iv] [5] [1] : tensor<?xf32> to tensor<5xf32>
    %2 = "test.foo"(%1) : (tensor<5xf32>) -> tensor<5xf32>
    %3 = tensor.insert_slice %2 into %t[%iv] [5] [1] : tensor<5xf32> into tensor<?xf32>
    scf.yield %3 : tensor<?xf32>
  }
  return %0 : tensor<?xf32>
}

// -----

// Inner loop first, then the outer loop carries the hoisted slice out too.

// CHECK-LABEL: func.func @nested
//  CHECK-SAME: (%[[ARG:.*]]: tensor<?xf32>,
//       CHECK: %[[E:.*]] = tensor.extract_slice %[[ARG]]
//       CHECK: %[[OUTER:.*]]:2 = scf.for {{.*}} iter_args(%[[T:.*]] = %[[ARG]], %[[S:.*]] = %[[E]])
//       CHECK:   %[[INNER:.*]]:2 = scf.for {{.*}} iter_args(%[[U:.*]] = %[[T]], %[[S2:.*]] = %[[S]])
//       CHECK:     "test.foo"(%[[S2]])
//       CHECK:   scf.yield %[[INNER]]#0, %[[INNER]]#1
//       CHECK: tensor.insert_slice %[[OUTER]]#1 into %[[OUTER]]#0
func.func @nested(%arg: tensor<?xf32>, %lb: index, %ub: index, %step: index) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %0 = scf.for %i = %lb to %ub step %step iter_args(%t = %arg) -> (tensor<?xf32>) {
    %1 = scf.for %j = %lb to %ub step %step iter_args(%u = %t) -> (tensor<?xf32>) {
      %2 = tensor.extract_slice %u[%c0] [5] [1] : tensor<?xf32> to tensor<5xf32>
      %3 = "test.foo"(%2) : (tensor<5xf32>) -> tensor<5xf32>
      %4 = tensor.insert_slice %3 into %u[%c0] [5] [1] : tensor<5xf32> into tensor<?xf32>
      scf.yield %4 : tensor<?xf32>
    }
    scf.yield %1 : tensor<?xf32>
  }
  return %0 : tensor<?xf32>
}
