// RUN: mlopt %s --split-input-file --allow-unregistered-dialect --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --allow-unregistered-dialect --canonicalize | FileCheck %s %}

// The loop carries the static tensor the cast forgot the sizes of; the body
// still sees the dynamic type, and the result is cast back after the loop.
// CHECK-LABEL: func.func @carried_through_a_cast
// CHECK-SAME: (%[[T:.*]]: tensor<4x8xi32>, %[[N:.*]]: index)
// CHECK: %[[R:.*]] = scf.for %{{.*}} iter_args(%[[A:.*]] = %[[T]]) -> (tensor<4x8xi32>) {
// CHECK-NEXT: %[[IN:.*]] = tensor.cast %[[A]] : tensor<4x8xi32> to tensor<?x?xi32>
// CHECK-NEXT: %[[STEP:.*]] = "ext.step"(%[[IN]]) : (tensor<?x?xi32>) -> tensor<?x?xi32>
// CHECK-NEXT: %[[BACK:.*]] = tensor.cast %[[STEP]] : tensor<?x?xi32> to tensor<4x8xi32>
// CHECK-NEXT: scf.yield %[[BACK]] : tensor<4x8xi32>
// CHECK: %[[OUT:.*]] = tensor.cast %[[R]] : tensor<4x8xi32> to tensor<?x?xi32>
// CHECK: return %[[OUT]]
func.func @carried_through_a_cast(%t: tensor<4x8xi32>, %n: index) -> tensor<?x?xi32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %d = tensor.cast %t : tensor<4x8xi32> to tensor<?x?xi32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %d) -> (tensor<?x?xi32>) {
    %s = "ext.step"(%a) : (tensor<?x?xi32>) -> tensor<?x?xi32>
    scf.yield %s : tensor<?x?xi32>
  }
  return %r : tensor<?x?xi32>
}

// -----

// A result used twice keeps its type: the loop is left as it is.
// CHECK-LABEL: func.func @result_used_twice
// CHECK: %[[D:.*]] = tensor.cast
// CHECK: scf.for %{{.*}} iter_args(%{{.*}} = %[[D]]) -> (tensor<?xi32>)
func.func @result_used_twice(%t: tensor<4xi32>, %n: index) -> (tensor<?xi32>, tensor<?xi32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %d = tensor.cast %t : tensor<4xi32> to tensor<?xi32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %d) -> (tensor<?xi32>) {
    %s = "ext.step"(%a) : (tensor<?xi32>) -> tensor<?xi32>
    scf.yield %s : tensor<?xi32>
  }
  return %r, %r : tensor<?xi32>, tensor<?xi32>
}
