// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule | FileCheck %s

// vectorize_children_and_apply_patterns, then the leading unit dimensions cast
// away (the same schedule through mlir-opt 22 gives the same ops).

// A matmul with A transposed: the transposing read folds into the contraction's map.
// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG: #[[MAP2:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d2, d0)>
// CHECK-DAG: #[[MAP3:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[MAP4:map[0-9]*]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-DAG: #[[MAP5:map[0-9]*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @matmul_at
//   CHECK-DAG: %[[A:.*]] = vector.transfer_read %arg0{{.*}} {in_bounds = [true, true]} : memref<16x8xf32>, vector<16x8xf32>
//   CHECK-DAG: %[[B:.*]] = vector.transfer_read %arg1{{.*}} {in_bounds = [true, true]} : memref<16x4xf32>, vector<16x4xf32>
//   CHECK-DAG: %[[C:.*]] = vector.transfer_read %arg2{{.*}} {in_bounds = [true, true]} : memref<8x4xf32>, vector<8x4xf32>
//       CHECK: vector.contract {indexing_maps = [#[[MAP2]], #[[MAP1]], #[[MAP0]]], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %[[A]], %[[B]], %[[C]] : vector<16x8xf32>, vector<16x4xf32> into vector<8x4xf32>
func.func @matmul_at(%a: memref<16x8xf32>, %b: memref<16x4xf32>, %c: memref<8x4xf32>) {
  linalg.generic {indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : memref<16x8xf32>, memref<16x4xf32>) outs(%c : memref<8x4xf32>) {
  ^bb0(%x: f32, %y: f32, %z: f32):
    %0 = arith.mulf %x, %y : f32
    %1 = arith.addf %z, %0 : f32
    linalg.yield %1 : f32
  }
  return
}

// A strided 1-D convolution: without the unit batch dimension, each output
// column is a matrix-vector contraction of one input row.
// CHECK-LABEL: func.func @conv
//       CHECK: %[[IN:.*]] = vector.transfer_read %arg0{{.*}} {in_bounds = [true, true]} : memref<1x8x4xf32>, vector<7x4xf32>
//       CHECK: %[[W:.*]] = vector.transfer_read %arg1{{.*}} : memref<3x4x2xf32>, vector<3x4x2xf32>
//       CHECK: %[[OUT:.*]] = vector.transfer_read %arg2{{.*}} {in_bounds = [true, true]} : memref<1x3x2xf32>, vector<3x2xf32>
//   CHECK-DAG: %[[ROW:.*]] = vector.extract %[[IN]][0] : vector<4xf32> from vector<7x4xf32>
//   CHECK-DAG: %[[TAP:.*]] = vector.extract %[[W]][0] : vector<4x2xf32> from vector<3x4x2xf32>
//   CHECK-DAG: %[[ACC:.*]] = vector.extract %[[OUT]][0] : vector<2xf32> from vector<3x2xf32>
//       CHECK: vector.contract {indexing_maps = [#[[MAP5]], #[[MAP4]], #[[MAP3]]], iterator_types = ["parallel", "reduction"], kind = #vector.kind<add>} %[[ROW]], %[[TAP]], %[[ACC]] : vector<4xf32>, vector<4x2xf32> into vector<2xf32>
//       CHECK: vector.insert_strided_slice {{.*}}, %[[OUT]] {offsets = [0, 0], strides = [1]} : vector<2xf32> into vector<3x2xf32>
//       CHECK: vector.transfer_write {{.*}} {in_bounds = [true, true]} : vector<3x2xf32>, memref<1x3x2xf32>
func.func @conv(%i: memref<1x8x4xf32>, %w: memref<3x4x2xf32>, %o: memref<1x3x2xf32>) {
  linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%i, %w : memref<1x8x4xf32>, memref<3x4x2xf32>) outs(%o : memref<1x3x2xf32>)
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    %v = transform.structured.vectorize_children_and_apply_patterns %f : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %v {
      transform.apply_patterns.vector.cast_away_vector_leading_one_dim
    } : !transform.any_op
    transform.yield
  }
}
