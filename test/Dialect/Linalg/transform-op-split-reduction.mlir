// RUN: mlopt %s --transform-interpreter --split-input-file --verify-diagnostics | FileCheck %s

// k = 32 splits into a parallel dim of 4 (loop d2, output position 2) and a
// reduction of 8 (d3); the partials (16x8x4, filled with 0) are reduced
// along their last dim into the original init.

//   CHECK-DAG: #[[$MAP_A:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
//   CHECK-DAG: #[[$MAP_B:.+]] = affine_map<(d0, d1, d2, d3) -> (d2, d3, d1)>
//   CHECK-DAG: #[[$MAP_C:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
//   CHECK-DAG: #[[$MAP_ID:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
//   CHECK-DAG: #[[$MAP_OUT:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @split_matmul
//  CHECK-SAME:     %[[A:[a-zA-Z0-9]+]]: tensor<16x32xf32>, %[[B:[a-zA-Z0-9]+]]: tensor<32x8xf32>, %[[C:[a-zA-Z0-9]+]]: tensor<16x8xf32>
//       CHECK:   %[[EA:.*]] = tensor.expand_shape %[[A]] {{\[\[}}0], [1, 2]] output_shape [16, 4, 8] : tensor<16x32xf32> into tensor<16x4x8xf32>
//       CHECK:   %[[EB:.*]] = tensor.expand_shape %[[B]] {{\[\[}}0, 1], [2]] output_shape [4, 8, 8] : tensor<32x8xf32> into tensor<4x8x8xf32>
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<16x8x4xf32>
//       CHECK:   %[[Z:.*]] = arith.constant 0.000000e+00 : f32
//       CHECK:   %[[F:.*]] = linalg.fill ins(%[[Z]] : f32) outs(%[[E]] : tensor<16x8x4xf32>) -> tensor<16x8x4xf32>
//       CHECK:   %[[S:.*]] = linalg.generic {indexing_maps = [#[[$MAP_A]], #[[$MAP_B]], #[[$MAP_C]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[EA]], %[[EB]] : tensor<16x4x8xf32>, tensor<4x8x8xf32>) outs(%[[F]] : tensor<16x8x4xf32>)
//       CHECK:     arith.mulf
//       CHECK:     arith.addf
//       CHECK:   %[[R:.*]] = linalg.generic {indexing_maps = [#[[$MAP_ID]], #[[$MAP_OUT]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[S]] : tensor<16x8x4xf32>) outs(%[[C]] : tensor<16x8xf32>)
//       CHECK:   ^bb0(%[[IN:.*]]: f32, %[[OUT:.*]]: f32):
//       CHECK:     %[[SUM:.*]] = arith.addf %[[IN]], %[[OUT]] : f32
//       CHECK:     linalg.yield %[[SUM]] : f32
//       CHECK:   return %[[R]]
func.func @split_matmul(%a: tensor<16x32xf32>, %b: tensor<32x8xf32>, %c: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<16x32xf32>, tensor<32x8xf32>) outs(%c : tensor<16x8xf32>) -> tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %init, %fill, %split, %comb = transform.structured.split_reduction %m {split_factor = 4, insert_split_dimension = 2} : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// inner_parallel: k splits into a reduction of 8 then the parallel dim of 4.

//   CHECK-DAG: #[[$MAP_A:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
//   CHECK-DAG: #[[$MAP_C:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-LABEL: func.func @inner_parallel
//       CHECK:   tensor.expand_shape %{{.*}} {{\[\[}}0], [1, 2]] output_shape [16, 8, 4] : tensor<16x32xf32> into tensor<16x8x4xf32>
//       CHECK:   tensor.expand_shape %{{.*}} {{\[\[}}0, 1], [2]] output_shape [8, 4, 8] : tensor<32x8xf32> into tensor<8x4x8xf32>
//       CHECK:   linalg.generic {indexing_maps = [#[[$MAP_A]], #{{.*}}, #[[$MAP_C]]], iterator_types = ["parallel", "parallel", "reduction", "parallel"]}
func.func @inner_parallel(%a: tensor<16x32xf32>, %b: tensor<32x8xf32>, %c: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<16x32xf32>, tensor<32x8xf32>) outs(%c : tensor<16x8xf32>) -> tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %init, %fill, %split, %comb = transform.structured.split_reduction %m {split_factor = 4, insert_split_dimension = 2, inner_parallel} : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// A max reduction split in front (insert_split_dimension = 0): the partials
// start at -inf and the combiner keeps its operand order in the split op.

//   CHECK-DAG: #[[$MAP_IN:.+]] = affine_map<(d0, d1, d2) -> (d1, d0, d2)>
//   CHECK-DAG: #[[$MAP_PART:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @split_max
//       CHECK:   tensor.expand_shape %{{.*}} {{\[\[}}0], [1, 2]] output_shape [7, 8, 4] : tensor<7x32xf32> into tensor<7x8x4xf32>
//       CHECK:   tensor.empty() : tensor<8x7xf32>
//       CHECK:   arith.constant 0x{{FF800000|ff800000}} : f32
//       CHECK:   linalg.generic {indexing_maps = [#[[$MAP_IN]], #[[$MAP_PART]]], iterator_types = ["parallel", "parallel", "reduction"]}
//       CHECK:     arith.maximumf %{{.*}}, %{{.*}} : f32
//       CHECK:   linalg.generic {{.*}} iterator_types = ["reduction", "parallel"]} ins(%{{.*}} : tensor<8x7xf32>) outs(%{{.*}} : tensor<7xf32>)
func.func @split_max(%a: tensor<7x32xf32>, %c: tensor<7xf32>) -> tensor<7xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<7x32xf32>) outs(%c : tensor<7xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %m = arith.maximumf %acc, %x : f32
    linalg.yield %m : f32
  } -> tensor<7xf32>
  return %0 : tensor<7xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    %init, %fill, %split, %comb = transform.structured.split_reduction %m {split_factor = 8, insert_split_dimension = 0} : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

func.func @not_divisible(%a: tensor<16x32xf32>, %b: tensor<32x8xf32>, %c: tensor<16x8xf32>) -> tensor<16x8xf32> {
  // expected-note@+1 {{attempted to apply to this op}}
  %0 = linalg.matmul ins(%a, %b : tensor<16x32xf32>, tensor<32x8xf32>) outs(%c : tensor<16x8xf32>) -> tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{failed to apply}}
    %init, %fill, %split, %comb = transform.structured.split_reduction %m {split_factor = 5, insert_split_dimension = 2} : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}
