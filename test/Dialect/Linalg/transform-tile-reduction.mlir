// RUN: mlopt %s --transform-interpreter --split-input-file --verify-diagnostics | FileCheck %s

// The reduction dim is tiled by 4 into an scf.for accumulating into a 5x4
// partial tensor filled with the combiner's identity (0 for addf); every
// loop of the tiled op is parallel; a linalg.reduce merges the partials.

//   CHECK-DAG: #[[$MIN:.+]] = affine_map<(d0) -> (-d0 + 13, 4)>
//   CHECK-DAG: #[[$ID:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @row_sum
//  CHECK-SAME:     %[[IN:[a-zA-Z0-9]+]]: tensor<5x13xf32>, %[[OUT:[a-zA-Z0-9]+]]: tensor<5xf32>
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<5x4xf32>
//       CHECK:   %[[Z:.*]] = arith.constant 0.000000e+00 : f32
//       CHECK:   %[[F:.*]] = linalg.fill ins(%[[Z]] : f32) outs(%[[E]] : tensor<5x4xf32>) -> tensor<5x4xf32>
//       CHECK:   %[[L:.*]] = scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[F]]) -> (tensor<5x4xf32>) {
//       CHECK:     %[[T:.*]] = affine.min #[[$MIN]](%[[K]])
//       CHECK:     %[[X:.*]] = tensor.extract_slice %[[IN]][0, %[[K]]] [5, %[[T]]] [1, 1] : tensor<5x13xf32> to tensor<5x?xf32>
//       CHECK:     %[[P:.*]] = tensor.extract_slice %[[ACC]][0, 0] [5, %[[T]]] [1, 1] : tensor<5x4xf32> to tensor<5x?xf32>
//       CHECK:     %[[G:.*]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]] : tensor<5x?xf32>) outs(%[[P]] : tensor<5x?xf32>)
//       CHECK:       arith.addf
//       CHECK:     %[[I:.*]] = tensor.insert_slice %[[G]] into %[[ACC]][0, 0] [5, %[[T]]] [1, 1] : tensor<5x?xf32> into tensor<5x4xf32>
//       CHECK:     scf.yield %[[I]] : tensor<5x4xf32>
//       CHECK:   %[[R:.*]] = linalg.reduce ins(%[[L]] : tensor<5x4xf32>) outs(%[[OUT]] : tensor<5xf32>) dimensions = [1]
//       CHECK:     %[[S:.*]] = arith.addf %{{.*}}, %{{.*}} : f32
//       CHECK:     linalg.yield %[[S]] : f32
//       CHECK:   return %[[R]]
func.func @row_sum(%in: tensor<5x13xf32>, %out: tensor<5xf32>) -> tensor<5xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%in : tensor<5x13xf32>) outs(%out : tensor<5xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %s = arith.addf %x, %acc : f32
    linalg.yield %s : f32
  } -> tensor<5xf32>
  return %0 : tensor<5xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    %fill, %split, %combine, %loop = transform.structured.tile_reduction_using_for %m by tile_sizes = [0, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// Two reduction dims tiled: one loop each, a 7x2x4 partial tensor filled
// with -inf (the identity of maximumf), merged along dims [1, 2].

// CHECK-LABEL: func.func @two_reduction_dims
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<7x2x4xf32>
//       CHECK:   %[[NEG:.*]] = arith.constant 0x{{FF800000|ff800000}} : f32
//       CHECK:   linalg.fill ins(%[[NEG]] : f32) outs(%[[E]] : tensor<7x2x4xf32>)
//       CHECK:   scf.for
//       CHECK:     scf.for
//       CHECK:       linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel"]} ins(%{{.*}}, %{{.*}} : tensor<2x?xf32>, tensor<7x2x?xf32>) outs(%{{.*}} : tensor<7x2x?xf32>)
//       CHECK:   linalg.reduce ins(%{{.*}} : tensor<7x2x4xf32>) outs(%{{.*}} : tensor<7xf32>) dimensions = [1, 2]
//       CHECK:     arith.maximumf
func.func @two_reduction_dims(%a: tensor<6x10xf32>, %b: tensor<7x6x10xf32>, %o: tensor<7xf32>) -> tensor<7xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0)>], iterator_types = ["parallel", "reduction", "reduction"]} ins(%a, %b : tensor<6x10xf32>, tensor<7x6x10xf32>) outs(%o : tensor<7xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.maximumf %m, %acc : f32
    linalg.yield %s : f32
  } -> tensor<7xf32>
  return %0 : tensor<7xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    %fill, %split, %combine, %loop = transform.structured.tile_reduction_using_for %m by tile_sizes = [0, 2, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// A matmul's k tiled: the partial accumulator is MxNx5.

// CHECK-LABEL: func.func @matmul_k
//       CHECK:   linalg.fill {{.*}} -> tensor<3x4x5xf32>
//       CHECK:   scf.for {{.*}} -> (tensor<3x4x5xf32>)
//       CHECK:     linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel"]}
//       CHECK:   linalg.reduce ins(%{{.*}} : tensor<3x4x5xf32>) outs(%{{.*}} : tensor<3x4xf32>) dimensions = [2]
func.func @matmul_k(%a: tensor<3x12xf32>, %b: tensor<12x4xf32>, %c: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<3x12xf32>, tensor<12x4xf32>) outs(%c : tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %fill, %split, %combine, %loop = transform.structured.tile_reduction_using_for %m by tile_sizes = [0, 0, 5] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

func.func @parallel_dim(%in: tensor<5x13xf32>, %out: tensor<5xf32>) -> tensor<5xf32> {
  // expected-error@+1 {{'linalg.generic' op tiling parallel dimensions is not supported with partial reduction tiling strategies}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%in : tensor<5x13xf32>) outs(%out : tensor<5xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %s = arith.addf %x, %acc : f32
    linalg.yield %s : f32
  } -> tensor<5xf32>
  return %0 : tensor<5xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{failed to tile using partial reduction}}
    %fill, %split, %combine, %loop = transform.structured.tile_reduction_using_for %m by tile_sizes = [2, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

func.func @no_identity(%in: tensor<5x13xf32>, %out: tensor<5xf32>) -> tensor<5xf32> {
  // expected-error@+1 {{'linalg.generic' op Failed to get an identity value for the reduction operation.}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%in : tensor<5x13xf32>) outs(%out : tensor<5xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %s = arith.subf %x, %acc : f32
    linalg.yield %s : f32
  } -> tensor<5xf32>
  return %0 : tensor<5xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{failed to tile using partial reduction}}
    %fill, %split, %combine, %loop = transform.structured.tile_reduction_using_for %m by tile_sizes = [0, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// tile_reduction_using_forall: 4 threads each reduce a chunk of 4 (the last
// one partial) into their own column of a 5x4 partial tensor; the tiled op
// keeps its reduction; the columns are merged after the loop.

// CHECK-LABEL: func.func @row_sum_forall
//  CHECK-SAME:     %[[IN:[a-zA-Z0-9]+]]: tensor<5x13xf32>, %[[OUT:[a-zA-Z0-9]+]]: tensor<5xf32>
//       CHECK:   %[[F:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<5x4xf32>) -> tensor<5x4xf32>
//       CHECK:   %[[L:.*]] = scf.forall (%[[T:.*]]) in (4) shared_outs(%[[ACC:.*]] = %[[F]]) -> (tensor<5x4xf32>) {
//       CHECK:     %[[X:.*]] = tensor.extract_slice %[[IN]][0, %{{.*}}] [5, %{{.*}}] [1, 1] : tensor<5x13xf32> to tensor<5x?xf32>
//       CHECK:     %[[P:.*]] = tensor.extract_slice %[[ACC]][0, %[[T]]] [5, 1] [1, 1] : tensor<5x4xf32> to tensor<5xf32>
//       CHECK:     %[[G:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[X]] : tensor<5x?xf32>) outs(%[[P]] : tensor<5xf32>)
//       CHECK:     scf.forall.in_parallel {
//       CHECK:       tensor.parallel_insert_slice %[[G]] into %[[ACC]][0, %[[T]]] [5, 1] [1, 1] : tensor<5xf32> into tensor<5x4xf32>
//       CHECK:   linalg.reduce ins(%[[L]] : tensor<5x4xf32>) outs(%[[OUT]] : tensor<5xf32>) dimensions = [1]
func.func @row_sum_forall(%in: tensor<5x13xf32>, %out: tensor<5xf32>) -> tensor<5xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%in : tensor<5x13xf32>) outs(%out : tensor<5xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %s = arith.addf %x, %acc : f32
    linalg.yield %s : f32
  } -> tensor<5xf32>
  return %0 : tensor<5xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    %fill, %split, %combine, %forall = transform.structured.tile_reduction_using_forall %m by num_threads = [0, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

func.func @forall_parallel_dim(%in: tensor<5x13xf32>, %out: tensor<5xf32>) -> tensor<5xf32> {
  // expected-error@+1 {{'linalg.generic' op tiling parallel dimensions is not supported with partial reduction tiling strategies}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%in : tensor<5x13xf32>) outs(%out : tensor<5xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %s = arith.addf %x, %acc : f32
    linalg.yield %s : f32
  } -> tensor<5xf32>
  return %0 : tensor<5xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{could not tile reduction}}
    %fill, %split, %combine, %forall = transform.structured.tile_reduction_using_forall %m by num_threads = [2, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}
