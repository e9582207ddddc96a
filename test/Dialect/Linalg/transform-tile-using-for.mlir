// RUN: mlopt %s --transform-interpreter --split-input-file | FileCheck %s

// A matmul on tensors tiled by 4 x 8 with the loops interchanged; the sizes do
// not divide 13 and 19, so the tile sizes are affine.min of the remainders.

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0) -> (-d0 + 19, 8)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0) -> (-d0 + 13, 4)>
// CHECK-LABEL: func.func @matmul_tensors
//  CHECK-SAME: (%[[A:.*]]: tensor<13x17xf32>, %[[B:.*]]: tensor<17x19xf32>, %[[C:.*]]: tensor<13x19xf32>)
//   CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
//   CHECK-DAG: %[[C19:.*]] = arith.constant 19 : index
//   CHECK-DAG: %[[C13:.*]] = arith.constant 13 : index
//   CHECK-DAG: %[[C8:.*]] = arith.constant 8 : index
//   CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
//       CHECK: %[[R:.*]] = scf.for %[[J:.*]] = %{{.*}} to %[[C19]] step %[[C8]] iter_args(%[[ACC:.*]] = %[[C]]) -> (tensor<13x19xf32>) {
//       CHECK:   %[[R2:.*]] = scf.for %[[I:.*]] = %{{.*}} to %[[C13]] step %[[C4]] iter_args(%[[ACC2:.*]] = %[[ACC]]) -> (tensor<13x19xf32>) {
//       CHECK:     %[[TJ:.*]] = affine.min #[[MAP0]](%[[J]])
//       CHECK:     %[[TI:.*]] = affine.min #[[MAP1]](%[[I]])
//       CHECK:     %[[SA:.*]] = tensor.extract_slice %[[A]][%[[I]], 0] [%[[TI]], 17] [1, 1] : tensor<13x17xf32> to tensor<?x17xf32>
//       CHECK:     %[[SB:.*]] = tensor.extract_slice %[[B]][0, %[[J]]] [17, %[[TJ]]] [1, 1] : tensor<17x19xf32> to tensor<17x?xf32>
//       CHECK:     %[[SC:.*]] = tensor.extract_slice %[[ACC2]][%[[I]], %[[J]]] [%[[TI]], %[[TJ]]] [1, 1] : tensor<13x19xf32> to tensor<?x?xf32>
//       CHECK:     %[[T:.*]] = linalg.matmul ins(%[[SA]], %[[SB]] : tensor<?x17xf32>, tensor<17x?xf32>) outs(%[[SC]] : tensor<?x?xf32>) -> tensor<?x?xf32>
//       CHECK:     %[[INS:.*]] = tensor.insert_slice %[[T]] into %[[ACC2]][%[[I]], %[[J]]] [%[[TI]], %[[TJ]]] [1, 1] : tensor<?x?xf32> into tensor<13x19xf32>
//       CHECK:     scf.yield %[[INS]] : tensor<13x19xf32>
//       CHECK:   scf.yield %[[R2]] : tensor<13x19xf32>
//       CHECK: return %[[R]] : tensor<13x19xf32>
func.func @matmul_tensors(%a: tensor<13x17xf32>, %b: tensor<17x19xf32>, %c: tensor<13x19xf32>) -> tensor<13x19xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<13x17xf32>, tensor<17x19xf32>) outs(%c : tensor<13x19xf32>) -> tensor<13x19xf32>
  return %0 : tensor<13x19xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %loops:2 = transform.structured.tile_using_for %m tile_sizes [4, 8, 0] interchange = [1, 0, 2] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// The same on memrefs: subviews with strided layouts, loops without results.

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0) -> (-d0 + 13, 4)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0) -> (-d0 + 17, 5)>
// CHECK-LABEL: func.func @matmul_memrefs
//  CHECK-SAME: (%[[A:.*]]: memref<13x17xf32>, %[[B:.*]]: memref<17x19xf32>, %[[C:.*]]: memref<13x19xf32>)
//       CHECK: scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
//       CHECK:   scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
//       CHECK:     %[[TI:.*]] = affine.min #[[MAP0]](%[[I]])
//       CHECK:     %[[TK:.*]] = affine.min #[[MAP1]](%[[K]])
//       CHECK:     %[[SA:.*]] = memref.subview %[[A]][%[[I]], %[[K]]] [%[[TI]], %[[TK]]] [1, 1] : memref<13x17xf32> to memref<?x?xf32, strided<[17, 1], offset: ?>>
//       CHECK:     %[[SB:.*]] = memref.subview %[[B]][%[[K]], 0] [%[[TK]], 19] [1, 1] : memref<17x19xf32> to memref<?x19xf32, strided<[19, 1], offset: ?>>
//       CHECK:     %[[SC:.*]] = memref.subview %[[C]][%[[I]], 0] [%[[TI]], 19] [1, 1] : memref<13x19xf32> to memref<?x19xf32, strided<[19, 1], offset: ?>>
//       CHECK:     linalg.matmul ins(%[[SA]], %[[SB]] : {{.*}}) outs(%[[SC]] : memref<?x19xf32, strided<[19, 1], offset: ?>>)
//   CHECK-NOT: scf.yield %
func.func @matmul_memrefs(%a: memref<13x17xf32>, %b: memref<17x19xf32>, %c: memref<13x19xf32>) {
  linalg.matmul ins(%a, %b : memref<13x17xf32>, memref<17x19xf32>) outs(%c : memref<13x19xf32>)
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %i, %k = transform.structured.tile_using_for %m tile_sizes [4, 0, 5] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// Dynamic sizes: the trip count comes from tensor.dim and the partial tile
// from a two-operand affine.min. A size that divides the extent gives a
// static tile and no affine.min.

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0)[s0] -> (-d0 + s0, 3)>
// CHECK-LABEL: func.func @dynamic_generic
//  CHECK-SAME: (%[[X:.*]]: tensor<?x16xf32>, %[[Y:.*]]: tensor<?x16xf32>)
//       CHECK: %[[D:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x16xf32>
//       CHECK: scf.for %[[I:.*]] = %{{.*}} to %[[D]] step %{{.*}} iter_args(%[[ACC:.*]] = %[[Y]]) -> (tensor<?x16xf32>) {
//       CHECK:   scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC2:.*]] = %[[ACC]]) -> (tensor<?x16xf32>) {
//       CHECK:     %[[TI:.*]] = affine.min #[[MAP0]](%[[I]])[%[[D]]]
//   CHECK-NOT:     affine.min
//       CHECK:     tensor.extract_slice %[[X]][%[[I]], %[[J]]] [%[[TI]], 8] [1, 1] : tensor<?x16xf32> to tensor<?x8xf32>
//       CHECK:     linalg.generic {{.*}} ins(%{{.*}} : tensor<?x8xf32>) outs(%{{.*}} : tensor<?x8xf32>)
//       CHECK:     tensor.insert_slice %{{.*}} into %[[ACC2]][%[[I]], %[[J]]] [%[[TI]], 8] [1, 1] : tensor<?x8xf32> into tensor<?x16xf32>
#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @dynamic_generic(%x: tensor<?x16xf32>, %y: tensor<?x16xf32>) -> tensor<?x16xf32> {
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<?x16xf32>) outs(%y : tensor<?x16xf32>) {
  ^bb0(%in: f32, %out: f32):
    %s = arith.addf %in, %out : f32
    linalg.yield %s : f32
  } -> tensor<?x16xf32>
  return %0 : tensor<?x16xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %g = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %i, %j = transform.structured.tile_using_for %g tile_sizes [3, 8] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// A convolution: the input window of each output tile is read off the
// indexing maps (offset oh + kh, size tile + kernel - 1).

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0) -> (-d0 + 7, 2)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0) -> (d0 + 2)>
// CHECK-LABEL: func.func @conv
//       CHECK: scf.for %[[OH:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args
//       CHECK:   %[[T:.*]] = affine.min #[[MAP0]](%[[OH]])
//       CHECK:   %[[SZ:.*]] = affine.apply #[[MAP1]](%[[T]])
//       CHECK:   tensor.extract_slice %{{.*}}[0, %[[OH]], 0, 0] [1, %[[SZ]], 9, 3] [1, 1, 1, 1] : tensor<1x9x9x3xf32> to tensor<1x?x9x3xf32>
//       CHECK:   tensor.extract_slice %{{.*}}[0, 0, 0, 0] [3, 3, 3, 4] [1, 1, 1, 1] : tensor<3x3x3x4xf32> to tensor<3x3x3x4xf32>
//       CHECK:   linalg.conv_2d_nhwc_hwcf
//  CHECK-SAME:     ins(%{{.*}}, %{{.*}} : tensor<1x?x9x3xf32>, tensor<3x3x3x4xf32>) outs(%{{.*}} : tensor<1x?x7x4xf32>)
func.func @conv(%img: tensor<1x9x9x3xf32>, %filter: tensor<3x3x3x4xf32>, %out: tensor<1x7x7x4xf32>) -> tensor<1x7x7x4xf32> {
  %0 = linalg.conv_2d_nhwc_hwcf ins(%img, %filter : tensor<1x9x9x3xf32>, tensor<3x3x3x4xf32>) outs(%out : tensor<1x7x7x4xf32>) -> tensor<1x7x7x4xf32>
  return %0 : tensor<1x7x7x4xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %c = transform.structured.match ops{["linalg.conv_2d_nhwc_hwcf"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %l = transform.structured.tile_using_for %c tile_sizes [0, 2] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// A tile size given by a param handle.

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0) -> (-d0 + 20, 6)>
// CHECK-LABEL: func.func @param_size
//       CHECK: %[[C6:.*]] = arith.constant 6 : index
//       CHECK: scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %[[C6]]
//       CHECK:   affine.min #[[MAP0]](%[[I]])
func.func @param_size(%x: tensor<20xf32>, %y: tensor<20xf32>) -> tensor<20xf32> {
  %0 = linalg.exp ins(%x : tensor<20xf32>) outs(%y : tensor<20xf32>) -> tensor<20xf32>
  return %0 : tensor<20xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.exp"]} in %root : (!transform.any_op) -> !transform.any_op
    %six = transform.param.constant 6 : i64 -> !transform.param<i64>
    %t, %l = transform.structured.tile_using_for %m tile_sizes [%six] : (!transform.any_op, !transform.param<i64>) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}
