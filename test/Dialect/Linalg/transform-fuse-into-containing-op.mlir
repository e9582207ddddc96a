// RUN: mlopt %s --transform-interpreter --split-input-file | FileCheck %s

// A fill and a matmul fused into the scf.forall tiling their elementwise
// consumer: each is computed on the tile that the consumer reads. The fill's
// destination is the forall's shared output, so its tile is a slice of the
// block argument.

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0) -> (d0 * 4)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0) -> (d0 * 8)>
// CHECK-LABEL: func.func @fuse_matmul_and_fill
//  CHECK-SAME: (%[[A:.*]]: tensor<13x17xf32>, %[[B:.*]]: tensor<17x19xf32>, %[[X:.*]]: tensor<13x19xf32>)
//       CHECK: %[[E:.*]] = tensor.empty() : tensor<13x19xf32>
//       CHECK: scf.forall (%[[I:.*]], %[[J:.*]]) in (4, 3) shared_outs(%[[OUT:.*]] = %[[E]]) -> (tensor<13x19xf32>) {
//       CHECK:   %[[OI:.*]] = affine.apply #[[MAP0]](%[[I]])
//       CHECK:   %[[OJ:.*]] = affine.apply #[[MAP1]](%[[J]])
//       CHECK:   %[[TI:.*]] = affine.min
//       CHECK:   %[[TJ:.*]] = affine.min
//       CHECK:   %[[SA:.*]] = tensor.extract_slice %[[A]][%[[OI]], 0] [%[[TI]], 17] [1, 1]
//       CHECK:   %[[SB:.*]] = tensor.extract_slice %[[B]][0, %[[OJ]]] [17, %[[TJ]]] [1, 1]
//       CHECK:   %[[SF:.*]] = tensor.extract_slice %[[OUT]][%[[OI]], %[[OJ]]] [%[[TI]], %[[TJ]]] [1, 1]
//       CHECK:   %[[F:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[SF]] : tensor<?x?xf32>) -> tensor<?x?xf32>
//       CHECK:   %[[M:.*]] = linalg.matmul ins(%[[SA]], %[[SB]] : tensor<?x17xf32>, tensor<17x?xf32>) outs(%[[F]] : tensor<?x?xf32>) -> tensor<?x?xf32>
//       CHECK:   %[[SX:.*]] = tensor.extract_slice %[[X]][%[[OI]], %[[OJ]]] [%[[TI]], %[[TJ]]] [1, 1]
//       CHECK:   %[[SO:.*]] = tensor.extract_slice %[[OUT]][%[[OI]], %[[OJ]]] [%[[TI]], %[[TJ]]] [1, 1]
//       CHECK:   %[[R:.*]] = linalg.add ins(%[[M]], %[[SX]] : tensor<?x?xf32>, tensor<?x?xf32>) outs(%[[SO]] : tensor<?x?xf32>)
//       CHECK:   tensor.parallel_insert_slice %[[R]] into %[[OUT]][%[[OI]], %[[OJ]]] [%[[TI]], %[[TJ]]] [1, 1]
func.func @fuse_matmul_and_fill(%a: tensor<13x17xf32>, %b: tensor<17x19xf32>, %x: tensor<13x19xf32>) -> tensor<13x19xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<13x19xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<13x19xf32>) -> tensor<13x19xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<13x17xf32>, tensor<17x19xf32>) outs(%f : tensor<13x19xf32>) -> tensor<13x19xf32>
  %1 = linalg.add ins(%0, %x : tensor<13x19xf32>, tensor<13x19xf32>) outs(%e : tensor<13x19xf32>) -> tensor<13x19xf32>
  return %1 : tensor<13x19xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %add = transform.structured.match ops{["linalg.add"]} in %root : (!transform.any_op) -> !transform.any_op
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %fill = transform.structured.match ops{["linalg.fill"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %forall = transform.structured.tile_using_forall %add tile_sizes [4, 8] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %fm, %l1 = transform.structured.fuse_into_containing_op %mm into %forall : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
    %ff, %l2 = transform.structured.fuse_into_containing_op %fill into %l1 : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// An elementwise producer fused into an scf.for nest; a handle with two
// producers fuses both, the consumer's producer first.

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0) -> (-d0 + 10, 4)>
// CHECK-LABEL: func.func @fuse_into_for
//  CHECK-SAME: (%[[X:.*]]: tensor<10x6xf32>, %[[Y:.*]]: tensor<10x6xf32>)
//       CHECK: scf.for %[[I:.*]] = {{.*}} iter_args(%[[ACC:.*]] = %{{.*}}) -> (tensor<10x6xf32>) {
//       CHECK:   %[[T:.*]] = affine.min #[[MAP0]](%[[I]])
//       CHECK:   %[[SX:.*]] = tensor.extract_slice %[[X]][%[[I]], 0] [%[[T]], 6] [1, 1]
//       CHECK:   %[[SY:.*]] = tensor.extract_slice %[[Y]][%[[I]], 0] [%[[T]], 6] [1, 1]
//       CHECK:   %[[MUL:.*]] = linalg.mul ins(%[[SX]], %[[SY]] : {{.*}}) outs(%{{.*}} : tensor<?x6xf32>)
//       CHECK:   %[[EXP:.*]] = linalg.exp ins(%[[MUL]] : tensor<?x6xf32>) outs(%{{.*}} : tensor<?x6xf32>)
//       CHECK:   %[[SUB:.*]] = linalg.sub ins(%[[EXP]], %{{.*}} : tensor<?x6xf32>, tensor<?x6xf32>)
//       CHECK:   tensor.insert_slice %[[SUB]] into %[[ACC]][%[[I]], 0] [%[[T]], 6] [1, 1]
func.func @fuse_into_for(%x: tensor<10x6xf32>, %y: tensor<10x6xf32>) -> tensor<10x6xf32> {
  %e = tensor.empty() : tensor<10x6xf32>
  %0 = linalg.mul ins(%x, %y : tensor<10x6xf32>, tensor<10x6xf32>) outs(%e : tensor<10x6xf32>) -> tensor<10x6xf32>
  %1 = linalg.exp ins(%0 : tensor<10x6xf32>) outs(%e : tensor<10x6xf32>) -> tensor<10x6xf32>
  %2 = linalg.sub ins(%1, %x : tensor<10x6xf32>, tensor<10x6xf32>) outs(%e : tensor<10x6xf32>) -> tensor<10x6xf32>
  return %2 : tensor<10x6xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %sub = transform.structured.match ops{["linalg.sub"]} in %root : (!transform.any_op) -> !transform.any_op
    %mul = transform.structured.match ops{["linalg.mul"]} in %root : (!transform.any_op) -> !transform.any_op
    %exp = transform.structured.match ops{["linalg.exp"]} in %root : (!transform.any_op) -> !transform.any_op
    %producers = transform.merge_handles %mul, %exp : !transform.any_op
    %t, %loop = transform.structured.tile_using_for %sub tile_sizes [4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %fused, %new = transform.structured.fuse_into_containing_op %producers into %loop : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// The fill initializes the forall's shared output: it is tiled at the slice of
// the block argument, and the forall starts from the fill's init.

// CHECK-LABEL: func.func @fill_through_shared_output
//       CHECK: %[[E:.*]] = tensor.empty() : tensor<13x19xf32>
//       CHECK: scf.forall (%{{.*}}, %{{.*}}) in (4, 3) shared_outs(%[[OUT:.*]] = %[[E]]) -> (tensor<13x19xf32>) {
//       CHECK:   %[[S:.*]] = tensor.extract_slice %[[OUT]]
//       CHECK:   %[[F:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[S]] : tensor<?x?xf32>) -> tensor<?x?xf32>
//       CHECK:   linalg.matmul {{.*}} outs(%[[F]] : tensor<?x?xf32>)
func.func @fill_through_shared_output(%a: tensor<13x17xf32>, %b: tensor<17x19xf32>) -> tensor<13x19xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<13x19xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<13x19xf32>) -> tensor<13x19xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<13x17xf32>, tensor<17x19xf32>) outs(%f : tensor<13x19xf32>) -> tensor<13x19xf32>
  return %0 : tensor<13x19xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %fill = transform.structured.match ops{["linalg.fill"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %l = transform.structured.tile_using_forall %mm tile_sizes [4, 8] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %f, %l2 = transform.structured.fuse_into_containing_op %fill into %l : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// A linalg.generic whose result is also used after the forall: the forall
// gets a shared output for it, and the later use reads that result.

// CHECK-LABEL: func.func @used_after_the_forall
//       CHECK: %[[E:.*]] = tensor.empty() : tensor<10xf32>
//       CHECK: %[[R:[^:]+]]:2 = scf.forall (%{{.*}}) in (3) shared_outs(%[[A:.*]] = %{{.*}}, %[[B:.*]] = %[[E]]) -> (tensor<10xf32>, tensor<10xf32>) {
//       CHECK:   %[[O:.*]] = affine.apply
//       CHECK:   %[[T:.*]] = affine.min
//       CHECK:   %[[S:.*]] = tensor.extract_slice %[[B]][%[[O]]] [%[[T]]] [1]
//       CHECK:   %[[TILE:.*]] = linalg.generic {{.*}} outs(%[[S]] : tensor<?xf32>)
//       CHECK:   %[[ADD:.*]] = linalg.add ins(%[[TILE]], %{{.*}} : tensor<?xf32>, tensor<?xf32>)
//       CHECK:   scf.forall.in_parallel {
//  CHECK-NEXT:     tensor.parallel_insert_slice %[[TILE]] into %[[B]][%[[O]]] [%[[T]]] [1]
//  CHECK-NEXT:     tensor.parallel_insert_slice %[[ADD]] into %[[A]][%[[O]]] [%[[T]]] [1]
//       CHECK: linalg.exp ins(%[[R]]#1 : tensor<10xf32>)
#id = affine_map<(d0) -> (d0)>
func.func @used_after_the_forall(%x: tensor<10xf32>, %y: tensor<10xf32>) -> (tensor<10xf32>, tensor<10xf32>) {
  %e = tensor.empty() : tensor<10xf32>
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%x : tensor<10xf32>) outs(%e : tensor<10xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.mulf %in, %in : f32
    linalg.yield %m : f32
  } -> tensor<10xf32>
  %1 = linalg.add ins(%0, %y : tensor<10xf32>, tensor<10xf32>) outs(%y : tensor<10xf32>) -> tensor<10xf32>
  %2 = linalg.exp ins(%0 : tensor<10xf32>) outs(%e : tensor<10xf32>) -> tensor<10xf32>
  return %1, %2 : tensor<10xf32>, tensor<10xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %add = transform.structured.match ops{["linalg.add"]} in %root : (!transform.any_op) -> !transform.any_op
    %g = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %l = transform.structured.tile_using_forall %add tile_sizes [4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %f, %l2 = transform.structured.fuse_into_containing_op %g into %l : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// No slice of the result is taken inside: the producer is cloned before its
// first use in the loop.

// CHECK-LABEL: func.func @clone
//       CHECK: scf.forall
//       CHECK:   %[[C:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<8xf32>) -> tensor<8xf32>
//  CHECK-NEXT:   tensor.extract %[[C]]
func.func @clone(%x: tensor<8xf32>, %s: f32) -> tensor<8xf32> {
  %e = tensor.empty() : tensor<8xf32>
  %0 = linalg.fill ins(%s : f32) outs(%e : tensor<8xf32>) -> tensor<8xf32>
  %1 = scf.forall (%i) in (2) shared_outs(%o = %x) -> (tensor<8xf32>) {
    %off = affine.apply affine_map<(d0) -> (d0 * 4)>(%i)
    %v = tensor.extract %0[%off] : tensor<8xf32>
    %t = tensor.extract_slice %o[%off] [4] [1] : tensor<8xf32> to tensor<4xf32>
    %r = linalg.fill ins(%v : f32) outs(%t : tensor<4xf32>) -> tensor<4xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %r into %o[%off] [4] [1] : tensor<4xf32> into tensor<8xf32>
    }
  }
  return %1 : tensor<8xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %fills = transform.structured.match ops{["linalg.fill"]} in %root : (!transform.any_op) -> !transform.any_op
    %first, %second = transform.split_handle %fills : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %l = transform.structured.match ops{["scf.forall"]} in %root : (!transform.any_op) -> !transform.any_op
    %f, %l2 = transform.structured.fuse_into_containing_op %first into %l : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}
