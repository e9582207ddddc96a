// RUN: mlopt %s --split-input-file --linalg-generalize-named-ops | FileCheck %s

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG: #[[MAP2:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d2, d0)>
// CHECK-LABEL: func.func @matmul_transposed_lhs
// CHECK: linalg.generic {indexing_maps = [#[[MAP2]], #[[MAP1]], #[[MAP0]]], iterator_types = ["parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : memref<8x4xi8>, memref<8x16xi8>) outs(%{{.*}} : memref<4x16xi32>)
// CHECK: ^bb0(%[[A:.*]]: i8, %[[B:.*]]: i8, %[[C:.*]]: i32):
// CHECK-NEXT: %[[AW:.*]] = arith.extsi %[[A]] : i8 to i32
// CHECK-NEXT: %[[BW:.*]] = arith.extsi %[[B]] : i8 to i32
// CHECK-NEXT: %[[P:.*]] = arith.muli %[[AW]], %[[BW]] : i32
// CHECK-NEXT: %[[S:.*]] = arith.addi %[[C]], %[[P]] : i32
// CHECK-NEXT: linalg.yield %[[S]] : i32
func.func @matmul_transposed_lhs(%a: memref<8x4xi8>, %b: memref<8x16xi8>, %c: memref<4x16xi32>) {
  linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>]
    ins(%a, %b : memref<8x4xi8>, memref<8x16xi8>) outs(%c : memref<4x16xi32>)
  return
}

// -----

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d4, d5, d6, d3)>
// CHECK-DAG: #[[MAP2:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 * 2 + d4 * 3, d2 * 2 + d5 * 3, d6)>
// CHECK-LABEL: func.func @conv_strided
// CHECK: linalg.generic {indexing_maps = [#[[MAP2]], #[[MAP1]], #[[MAP0]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
// CHECK: } -> tensor<1x2x2x4xf32>
func.func @conv_strided(%i: tensor<1x9x9x3xf32>, %f: tensor<3x3x3x4xf32>, %o: tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32> {
  %0 = linalg.conv_2d_nhwc_hwcf {dilations = dense<3> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%i, %f : tensor<1x9x9x3xf32>, tensor<3x3x3x4xf32>) outs(%o : tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
  return %0 : tensor<1x2x2x4xf32>
}

// -----

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-DAG: #[[MAP2:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2 + d3)>
// CHECK-LABEL: func.func @pooling_default_attributes
// CHECK: linalg.generic {indexing_maps = [#[[MAP2]], #[[MAP1]], #[[MAP0]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK: arith.maximumf
func.func @pooling_default_attributes(%i: memref<?x?x?xf32>, %w: memref<?xf32>, %o: memref<?x?x?xf32>) {
  linalg.pooling_ncw_max ins(%i, %w : memref<?x?x?xf32>, memref<?xf32>) outs(%o : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0, d1) -> ()>
// CHECK-DAG: #[[MAP2:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[MAP3:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d1, d2, d0)>
// CHECK-DAG: #[[MAP4:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-DAG: #[[MAP5:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @data_movement
// CHECK: linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP0]]], iterator_types = ["parallel", "parallel"]} ins(%{{.*}} : f32)
// CHECK: linalg.generic {indexing_maps = [#[[MAP3]], #[[MAP2]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK: linalg.generic {indexing_maps = [#[[MAP4]], #[[MAP2]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK: linalg.generic {indexing_maps = [#[[MAP0]], #[[MAP5]]], iterator_types = ["parallel", "reduction"]}
// CHECK: arith.addf
func.func @data_movement(%x: f32, %a: memref<4x8xf32>, %t: memref<2x4x8xf32>, %p: memref<8x2x4xf32>, %v: memref<4xf32>) {
  linalg.fill ins(%x : f32) outs(%a : memref<4x8xf32>)
  linalg.transpose ins(%t : memref<2x4x8xf32>) outs(%p : memref<8x2x4xf32>) permutation = [2, 0, 1]
  linalg.broadcast ins(%v : memref<4xf32>) outs(%t : memref<2x4x8xf32>) dimensions = [0, 2]
  linalg.reduce { arith.addf } ins(%a : memref<4x8xf32>) outs(%v : memref<4xf32>) dimensions = [1]
  return
}

// -----

// softmax, pack and unpack are not structured ops: they stay.
// CHECK-LABEL: func.func @not_structured
// CHECK: linalg.softmax
// CHECK: linalg.pack
func.func @not_structured(%a: tensor<16x8xf32>, %p: tensor<4x4x4x2xf32>) -> (tensor<16x8xf32>, tensor<4x4x4x2xf32>) {
  %0 = linalg.softmax dimension(1) ins(%a : tensor<16x8xf32>) outs(%a : tensor<16x8xf32>) -> tensor<16x8xf32>
  %1 = linalg.pack %a inner_dims_pos = [0, 1] inner_tiles = [4, 2] into %p : tensor<16x8xf32> -> tensor<4x4x4x2xf32>
  return %0, %1 : tensor<16x8xf32>, tensor<4x4x4x2xf32>
}
