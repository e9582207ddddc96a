// RUN: mlopt %s --transform-interpreter --split-input-file | FileCheck %s

// structured.fuse tiles the matmul and fuses the fill that initializes it as
// its destination: the fill computes in the loop-carried tensor's tile, and
// the loops start from the fill's own init.

// CHECK-LABEL: func.func @fill_as_destination
//       CHECK: %[[E:.*]] = tensor.empty() : tensor<13x19xf32>
//       CHECK: scf.for %[[I:.*]] = {{.*}} iter_args(%[[A0:.*]] = %[[E]]) -> (tensor<13x19xf32>) {
//       CHECK:   scf.for %[[J:.*]] = {{.*}} iter_args(%[[A1:.*]] = %[[A0]]) -> (tensor<13x19xf32>) {
//       CHECK:     %[[S:.*]] = tensor.extract_slice %[[A1]][%[[I]], %[[J]]]
//       CHECK:     %[[F:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[S]] : tensor<?x?xf32>) -> tensor<?x?xf32>
//       CHECK:     %[[M:.*]] = linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<?x17xf32>, tensor<17x?xf32>) outs(%[[F]] : tensor<?x?xf32>)
//       CHECK:     tensor.insert_slice %[[M]] into %[[A1]][%[[I]], %[[J]]]
func.func @fill_as_destination(%a: tensor<13x17xf32>, %b: tensor<17x19xf32>) -> tensor<13x19xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<13x19xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<13x19xf32>) -> tensor<13x19xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<13x17xf32>, tensor<17x19xf32>) outs(%f : tensor<13x19xf32>) -> tensor<13x19xf32>
  return %0 : tensor<13x19xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %l:2 = transform.structured.fuse %mm tile_sizes [4, 8] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}
// -----

// An elementwise chain: both producers are fused into the loop, each once
// per use (the mul feeds the exp and the sub).

// CHECK-LABEL: func.func @chain
//       CHECK: scf.for %[[I:.*]] = {{.*}} iter_args(%[[A:.*]] = %{{.*}}) -> (tensor<10x6xf32>) {
//       CHECK:   %[[M1:.*]] = linalg.mul
//       CHECK:   %[[E:.*]] = linalg.exp ins(%[[M1]] : tensor<?x6xf32>)
//       CHECK:   %[[M2:.*]] = linalg.mul
//       CHECK:   %[[S:.*]] = linalg.sub ins(%[[E]], %[[M2]] : tensor<?x6xf32>, tensor<?x6xf32>)
//       CHECK:   tensor.insert_slice %[[S]] into %[[A]]
func.func @chain(%x: tensor<10x6xf32>, %y: tensor<10x6xf32>) -> tensor<10x6xf32> {
  %e = tensor.empty() : tensor<10x6xf32>
  %0 = linalg.mul ins(%x, %y : tensor<10x6xf32>, tensor<10x6xf32>) outs(%e : tensor<10x6xf32>) -> tensor<10x6xf32>
  %1 = linalg.exp ins(%0 : tensor<10x6xf32>) outs(%e : tensor<10x6xf32>) -> tensor<10x6xf32>
  %2 = linalg.sub ins(%1, %0 : tensor<10x6xf32>, tensor<10x6xf32>) outs(%e : tensor<10x6xf32>) -> tensor<10x6xf32>
  return %2 : tensor<10x6xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %sub = transform.structured.match ops{["linalg.sub"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %l = transform.structured.fuse %sub tile_sizes [4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}
