// RUN: mlopt %s --transform-interpreter --split-input-file | FileCheck %s

// generalize turns the matmul into its linalg.generic; interchange [2, 0, 1]
// makes the reduction loop outermost, so tiling the first loop tiles k.

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0) -> (-d0 + 17, 5)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[MAP2:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[MAP3:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d1, d0)>
// CHECK-LABEL: func.func @generalize_interchange_tile
//       CHECK: scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %{{.*}}) -> (tensor<13x19xf32>) {
//       CHECK:   %[[T:.*]] = affine.min #[[MAP0]](%[[K]])
//       CHECK:   tensor.extract_slice %{{.*}}[0, %[[K]]] [13, %[[T]]] [1, 1] : tensor<13x17xf32> to tensor<13x?xf32>
//       CHECK:   tensor.extract_slice %{{.*}}[%[[K]], 0] [%[[T]], 19] [1, 1] : tensor<17x19xf32> to tensor<?x19xf32>
//       CHECK:   linalg.generic {indexing_maps = [#[[MAP3]], #[[MAP2]], #[[MAP1]]], iterator_types = ["reduction", "parallel", "parallel"]}
//       CHECK:     arith.mulf
//       CHECK:     arith.addf
func.func @generalize_interchange_tile(%a: tensor<13x17xf32>, %b: tensor<17x19xf32>, %c: tensor<13x19xf32>) -> tensor<13x19xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<13x17xf32>, tensor<17x19xf32>) outs(%c : tensor<13x19xf32>) -> tensor<13x19xf32>
  return %0 : tensor<13x19xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %g = transform.structured.generalize %m : (!transform.any_op) -> !transform.any_op
    %i = transform.structured.interchange %g iterator_interchange = [2, 0, 1] : (!transform.any_op) -> !transform.any_op
    %t, %l = transform.structured.tile_using_for %i tile_sizes [5] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}
// -----

// Interchange renumbers linalg.index.

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-LABEL: func.func @index
//       CHECK: linalg.generic {indexing_maps = [#[[MAP0]]], iterator_types = ["parallel", "parallel"]}
//       CHECK:   %[[I:.*]] = linalg.index 1 : index
//       CHECK:   %[[J:.*]] = linalg.index 0 : index
//       CHECK:   arith.subi %[[I]], %[[J]] : index
#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @index(%c: tensor<3x4xindex>) -> tensor<3x4xindex> {
  %0 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%c : tensor<3x4xindex>) {
  ^bb0(%out: index):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %s = arith.subi %i, %j : index
    linalg.yield %s : index
  } -> tensor<3x4xindex>
  return %0 : tensor<3x4xindex>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    %i = transform.structured.interchange %m iterator_interchange = [1, 0] : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
