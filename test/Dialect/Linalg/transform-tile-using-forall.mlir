// RUN: mlopt %s --transform-interpreter --split-input-file | FileCheck %s

// tile_sizes: one scf.forall over the tiles, the offsets from the tile index,
// partial tiles clamped with affine.min, results inserted in parallel.

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0) -> (d0 * 4)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0) -> (d0 * 8)>
// CHECK-DAG: #[[MAP2:map[0-9]*]] = affine_map<(d0) -> (-d0 + 13, 4)>
// CHECK-DAG: #[[MAP3:map[0-9]*]] = affine_map<(d0) -> (-d0 + 19, 8)>
// CHECK-LABEL: func.func @matmul_tile_sizes
//  CHECK-SAME: (%[[A:.*]]: tensor<13x17xf32>, %[[B:.*]]: tensor<17x19xf32>, %[[C:.*]]: tensor<13x19xf32>)
//       CHECK: %[[R:.*]] = scf.forall (%[[I:.*]], %[[J:.*]]) in (4, 3) shared_outs(%[[OUT:.*]] = %[[C]]) -> (tensor<13x19xf32>) {
//       CHECK:   %[[OI:.*]] = affine.apply #[[MAP0]](%[[I]])
//       CHECK:   %[[OJ:.*]] = affine.apply #[[MAP1]](%[[J]])
//       CHECK:   %[[TI:.*]] = affine.min #[[MAP2]](%[[OI]])
//       CHECK:   %[[TJ:.*]] = affine.min #[[MAP3]](%[[OJ]])
//       CHECK:   tensor.extract_slice %[[A]][%[[OI]], 0] [%[[TI]], 17] [1, 1]
//       CHECK:   tensor.extract_slice %[[B]][0, %[[OJ]]] [17, %[[TJ]]] [1, 1]
//       CHECK:   %[[SC:.*]] = tensor.extract_slice %[[OUT]][%[[OI]], %[[OJ]]] [%[[TI]], %[[TJ]]] [1, 1]
//       CHECK:   %[[T:.*]] = linalg.matmul {{.*}} outs(%[[SC]] : tensor<?x?xf32>) -> tensor<?x?xf32>
//       CHECK:   scf.forall.in_parallel {
//       CHECK:     tensor.parallel_insert_slice %[[T]] into %[[OUT]][%[[OI]], %[[OJ]]] [%[[TI]], %[[TJ]]] [1, 1] : tensor<?x?xf32> into tensor<13x19xf32>
//       CHECK:   }
//       CHECK: } {mapping = [#gpu.block<y>, #gpu.block<x>]}
//       CHECK: return %[[R]]
func.func @matmul_tile_sizes(%a: tensor<13x17xf32>, %b: tensor<17x19xf32>, %c: tensor<13x19xf32>) -> tensor<13x19xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<13x17xf32>, tensor<17x19xf32>) outs(%c : tensor<13x19xf32>) -> tensor<13x19xf32>
  return %0 : tensor<13x19xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %f = transform.structured.tile_using_forall %m tile_sizes [4, 8] (mapping = [#gpu.block<y>, #gpu.block<x>]) : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// num_threads: the tile size is ceildiv(extent, threads); the sizes come from
// the thread index; a thread past the end gets an empty tile (affine.max 0).

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0) -> (d0 * -5 + 13, 5)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0) -> (d0 * -2 + 10, 2)>
// CHECK-DAG: #[[MAP2:map[0-9]*]] = affine_map<(d0) -> (0, d0)>
// CHECK-DAG: #[[MAP3:map[0-9]*]] = affine_map<(d0) -> (d0 * 5)>
// CHECK-DAG: #[[MAP4:map[0-9]*]] = affine_map<(d0) -> (d0 * 2)>
// CHECK-LABEL: func.func @threads
//       CHECK: scf.forall (%[[I:.*]], %[[J:.*]]) in (3, 7) shared_outs(%[[OUT:.*]] = %{{.*}}) -> (tensor<13x10xf32>) {
//       CHECK:   %[[MI:.*]] = affine.min #[[MAP0]](%[[I]])
//       CHECK:   %[[MJ:.*]] = affine.min #[[MAP1]](%[[J]])
//       CHECK:   %[[TJ:.*]] = affine.max #[[MAP2]](%[[MJ]])
//       CHECK:   %[[OI:.*]] = affine.apply #[[MAP3]](%[[I]])
//       CHECK:   %[[OJ:.*]] = affine.apply #[[MAP4]](%[[J]])
//       CHECK:   tensor.extract_slice %[[OUT]][%[[OI]], %[[OJ]]] [%[[MI]], %[[TJ]]] [1, 1]
//       CHECK:   linalg.fill
func.func @threads(%t: tensor<13x10xf32>) -> tensor<13x10xf32> {
  %cst = arith.constant 1.0 : f32
  %0 = linalg.fill ins(%cst : f32) outs(%t : tensor<13x10xf32>) -> tensor<13x10xf32>
  return %0 : tensor<13x10xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.fill"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %f = transform.structured.tile_using_forall %m num_threads [3, 7] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// On memrefs: no shared outputs, an empty in_parallel; a dynamic extent gives
// a dynamic trip count.

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<()[s0] -> (s0 ceildiv 4)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0) -> (d0 * 4)>
// CHECK-DAG: #[[MAP2:map[0-9]*]] = affine_map<(d0)[s0] -> (-d0 + s0, 4)>
// CHECK-LABEL: func.func @memref_dynamic
//  CHECK-SAME: (%[[X:.*]]: memref<?x8xf32>)
//       CHECK: %[[D:.*]] = memref.dim %[[X]], %{{.*}} : memref<?x8xf32>
//       CHECK: %[[N:.*]] = affine.apply #[[MAP0]]()[%[[D]]]
//       CHECK: scf.forall (%[[I:.*]]) in (%[[N]]) {
//       CHECK:   %[[O:.*]] = affine.apply #[[MAP1]](%[[I]])
//       CHECK:   %[[T:.*]] = affine.min #[[MAP2]](%[[O]])[%[[D]]]
//       CHECK:   %[[S:.*]] = memref.subview %[[X]][%[[O]], 0] [%[[T]], 8] [1, 1] : memref<?x8xf32> to memref<?x8xf32, strided<[8, 1], offset: ?>>
//       CHECK:   linalg.fill ins(%{{.*}} : f32) outs(%[[S]] : memref<?x8xf32, strided<[8, 1], offset: ?>>)
//   CHECK-NOT:   parallel_insert_slice
func.func @memref_dynamic(%x: memref<?x8xf32>) {
  %cst = arith.constant 1.0 : f32
  linalg.fill ins(%cst : f32) outs(%x : memref<?x8xf32>)
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.fill"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %f = transform.structured.tile_using_forall %m tile_sizes [4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// linalg.index in a tile is relative to the tile: the offset is added back.

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0) -> (d0 * 3)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0)[s0] -> (d0 + s0)>
// CHECK-LABEL: func.func @index
//       CHECK: scf.forall (%[[T:.*]]) in (3) shared_outs
//       CHECK:   %[[O:.*]] = affine.apply #[[MAP0]](%[[T]])
//       CHECK:   linalg.generic
//       CHECK:     %[[I:.*]] = linalg.index 0 : index
//       CHECK:     %[[G:.*]] = affine.apply #[[MAP1]](%[[O]])[%[[I]]]
//       CHECK:     %[[J:.*]] = linalg.index 1 : index
//       CHECK:     arith.subi %[[G]], %[[J]] : index
#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @index(%c: tensor<7x4xindex>) -> tensor<7x4xindex> {
  %0 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%c : tensor<7x4xindex>) {
  ^bb0(%out: index):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %s = arith.subi %i, %j : index
    linalg.yield %s : index
  } -> tensor<7x4xindex>
  return %0 : tensor<7x4xindex>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %l = transform.structured.tile_using_forall %m tile_sizes [3] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}
