// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s

// A generic's trait given as a dictionary alias, with two results.
#id = affine_map<(i, j) -> (i, j)>
#row = affine_map<(i, j) -> (i)>
#trait = {indexing_maps = [#id, #id, #row], iterator_types = ["parallel", "reduction"]}

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @generic_trait_alias
// CHECK: = linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP1]], #[[MAP0]]], iterator_types = ["parallel", "reduction"]}
// CHECK-SAME: ins(%{{.*}} : tensor<4x8xf32>) outs(%{{.*}}, %{{.*}} : tensor<4x8xf32>, tensor<4xf32>)
// CHECK: linalg.yield %{{.*}}, %{{.*}} : f32, f32
// CHECK: } -> (tensor<4x8xf32>, tensor<4xf32>)
func.func @generic_trait_alias(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>, %c: tensor<4xf32>) -> (tensor<4x8xf32>, tensor<4xf32>) {
  %r:2 = linalg.generic #trait ins(%a : tensor<4x8xf32>) outs(%b, %c : tensor<4x8xf32>, tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32, %z: f32):
    %s = arith.addf %x, %z : f32
    linalg.yield %x, %s : f32, f32
  } -> (tensor<4x8xf32>, tensor<4xf32>)
  return %r#0, %r#1 : tensor<4x8xf32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @softmax
// CHECK: linalg.softmax dimension(1) ins(%{{.*}} : tensor<2x16x32xf32>) outs(%{{.*}} : tensor<2x16x32xf32>) -> tensor<2x16x32xf32>
// CHECK: linalg.softmax dimension(0) ins(%{{.*}} : memref<?x4xf32>) outs(%{{.*}} : memref<?x4xf32>)
func.func @softmax(%t: tensor<2x16x32xf32>, %m: memref<?x4xf32>) -> tensor<2x16x32xf32> {
  %0 = linalg.softmax dimension(1) ins(%t : tensor<2x16x32xf32>) outs(%t : tensor<2x16x32xf32>) -> tensor<2x16x32xf32>
  linalg.softmax dimension(0) ins(%m : memref<?x4xf32>) outs(%m : memref<?x4xf32>)
  return %0 : tensor<2x16x32xf32>
}

// -----

// CHECK-LABEL: func.func @pack_unpack
// CHECK: %[[P:.*]] = linalg.pack %{{.*}} padding_value(%{{.*}} : f32) outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [2, 4] into %{{.*}} : tensor<5x7xf32> -> tensor<2x3x2x4xf32>
// CHECK: linalg.unpack %[[P]] outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [2, 4] into %{{.*}} : tensor<2x3x2x4xf32> -> tensor<5x7xf32>
func.func @pack_unpack(%src: tensor<5x7xf32>, %dest: tensor<2x3x2x4xf32>, %pad: f32) -> tensor<5x7xf32> {
  %0 = linalg.pack %src padding_value(%pad : f32) outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [2, 4] into %dest : tensor<5x7xf32> -> tensor<2x3x2x4xf32>
  %1 = linalg.unpack %0 outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [2, 4] into %src : tensor<2x3x2x4xf32> -> tensor<5x7xf32>
  return %1 : tensor<5x7xf32>
}

// -----

// CHECK-LABEL: func.func @pack_dynamic_tile
// CHECK: linalg.pack %{{.*}} inner_dims_pos = [1] inner_tiles = [%{{.*}}] into %{{.*}} : tensor<8x?xf32> -> tensor<8x?x?xf32>
func.func @pack_dynamic_tile(%src: tensor<8x?xf32>, %dest: tensor<8x?x?xf32>, %tile: index) -> tensor<8x?x?xf32> {
  %0 = linalg.pack %src inner_dims_pos = [1] inner_tiles = [%tile] into %dest : tensor<8x?xf32> -> tensor<8x?x?xf32>
  return %0 : tensor<8x?x?xf32>
}

// -----

// Dynamic sizes, a partial last tile of an unpack, transposed inner dims.
// CHECK-LABEL: func.func @relayout_dynamic
// CHECK: linalg.pack %{{.*}} inner_dims_pos = [0, 1] inner_tiles = [8, 2] into %{{.*}} : tensor<?x?xf32> -> tensor<?x?x8x2xf32>
// CHECK: linalg.unpack %{{.*}} outer_dims_perm = [1, 0] inner_dims_pos = [1, 0] inner_tiles = [8, 2] into %{{.*}} : tensor<?x?x8x2xf32> -> tensor<?x?xf32>
// CHECK: linalg.unpack %{{.*}} inner_dims_pos = [0] inner_tiles = [8] into %{{.*}} : tensor<4x16x8xf32> -> tensor<31x16xf32>
func.func @relayout_dynamic(%s: tensor<?x?xf32>, %d: tensor<?x?x8x2xf32>, %packed: tensor<4x16x8xf32>, %plain: tensor<31x16xf32>) -> (tensor<?x?x8x2xf32>, tensor<?x?xf32>, tensor<31x16xf32>) {
  %0 = linalg.pack %s inner_dims_pos = [0, 1] inner_tiles = [8, 2] into %d : tensor<?x?xf32> -> tensor<?x?x8x2xf32>
  %1 = linalg.unpack %0 outer_dims_perm = [1, 0] inner_dims_pos = [1, 0] inner_tiles = [8, 2] into %s : tensor<?x?x8x2xf32> -> tensor<?x?xf32>
  %2 = linalg.unpack %packed inner_dims_pos = [0] inner_tiles = [8] into %plain : tensor<4x16x8xf32> -> tensor<31x16xf32>
  return %0, %1, %2 : tensor<?x?x8x2xf32>, tensor<?x?xf32>, tensor<31x16xf32>
}
