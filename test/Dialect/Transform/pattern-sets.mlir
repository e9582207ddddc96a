// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule --split-input-file --allow-unregistered-dialect | FileCheck %s

// The tensor, memref, scf and linalg pattern sets of transform.apply_patterns.

// An extract_slice of an extract_slice: offsets compose (2 + 1 * 1,
// %i + 2 * 2), strides multiply.

//       CHECK: #[[$PLUS4:.+]] = affine_map<()[s0] -> (s0 + 4)>
// CHECK-LABEL: func.func @merge_extracts
//  CHECK-SAME: (%[[T:.*]]: tensor<16x16xf32>, %[[I:.*]]: index)
//       CHECK: %[[OFF:.*]] = affine.apply #[[$PLUS4]]()[%[[I]]]
//       CHECK: tensor.extract_slice %[[T]][3, %[[OFF]]] [2, 3] [2, 2] : tensor<16x16xf32> to tensor<2x3xf32>
func.func @merge_extracts(%t: tensor<16x16xf32>, %i: index) -> tensor<2x3xf32> {
  %a = tensor.extract_slice %t[2, %i] [8, 8] [1, 2] : tensor<16x16xf32> to tensor<8x8xf32>
  %b = tensor.extract_slice %a[1, 2] [2, 3] [2, 1] : tensor<8x8xf32> to tensor<2x3xf32>
  return %b : tensor<2x3xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %f {
      transform.apply_patterns.tensor.merge_consecutive_insert_extract_slice
    } : !transform.any_op
    transform.yield
  }
}

// -----

// CHECK-LABEL: func.func @merge_extract_rank_reduced
//  CHECK-SAME: (%[[T:.*]]: tensor<4x16x16xf32>)
//       CHECK: tensor.extract_slice %[[T]][1, 3, 4] [1, 1, 4] [1, 1, 1] : tensor<4x16x16xf32> to tensor<4xf32>
func.func @merge_extract_rank_reduced(%t: tensor<4x16x16xf32>) -> tensor<4xf32> {
  %a = tensor.extract_slice %t[1, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<4x16x16xf32> to tensor<16x16xf32>
  %b = tensor.extract_slice %a[3, 4] [1, 4] [1, 1] : tensor<16x16xf32> to tensor<4xf32>
  return %b : tensor<4xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %f {
      transform.apply_patterns.tensor.merge_consecutive_insert_extract_slice
    } : !transform.any_op
    transform.yield
  }
}

// -----

// The first insertion only adds a unit dimension: %x goes straight into %z.

// CHECK-LABEL: func.func @merge_inserts
//  CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %{{.*}}: tensor<1x4xf32>, %[[Z:.*]]: tensor<8x8xf32>, %[[I:.*]]: index)
//       CHECK: tensor.insert_slice %[[X]] into %[[Z]][%[[I]], 2] [1, 4] [1, 1] : tensor<4xf32> into tensor<8x8xf32>
func.func @merge_inserts(%x: tensor<4xf32>, %y: tensor<1x4xf32>, %z: tensor<8x8xf32>, %i: index) -> tensor<8x8xf32> {
  %a = tensor.insert_slice %x into %y[0, 0] [1, 4] [1, 1] : tensor<4xf32> into tensor<1x4xf32>
  %b = tensor.insert_slice %a into %z[%i, 2] [1, 4] [1, 1] : tensor<1x4xf32> into tensor<8x8xf32>
  return %b : tensor<8x8xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %f {
      transform.apply_patterns.tensor.merge_consecutive_insert_extract_slice
    } : !transform.any_op
    transform.yield
  }
}

// -----

// Extracting with the unit dimension a whole-tensor insertion added dropped
// again: extract from the inserted tensor.

// CHECK-LABEL: func.func @drop_expansion
//  CHECK-SAME: (%[[X:.*]]: tensor<4x8xf32>,
//       CHECK: %[[S:.*]] = tensor.extract_slice %[[X]][2, 0] [2, 8] [1, 1] : tensor<4x8xf32> to tensor<2x8xf32>
//   CHECK-NOT: tensor.insert_slice
//       CHECK: return %[[S]]
func.func @drop_expansion(%x: tensor<4x8xf32>, %y: tensor<4x1x8xf32>) -> tensor<2x8xf32> {
  %a = tensor.insert_slice %x into %y[0, 0, 0] [4, 1, 8] [1, 1, 1] : tensor<4x8xf32> into tensor<4x1x8xf32>
  %b = tensor.extract_slice %a[2, 0, 0] [2, 1, 8] [1, 1, 1] : tensor<4x1x8xf32> to tensor<2x8xf32>
  return %b : tensor<2x8xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %f {
      transform.apply_patterns.tensor.drop_redundant_insert_slice_rank_expansion
    } : !transform.any_op
    transform.yield
  }
}

// -----

// CHECK-LABEL: func.func @drop_expansion_insert
//  CHECK-SAME: (%[[X:.*]]: tensor<3x4x8xf32>,
//       CHECK: %[[S:.*]] = tensor.extract_slice %[[X]][2, 0, 0] [1, 4, 8] [1, 1, 1] : tensor<3x4x8xf32> to tensor<1x4x8xf32>
//  CHECK-NEXT: return %[[S]]
func.func @drop_expansion_insert(%x: tensor<3x4x8xf32>, %z: tensor<1x4x8xf32>) -> tensor<1x4x8xf32> {
  %a = tensor.extract_slice %x[2, 0, 0] [1, 4, 8] [1, 1, 1] : tensor<3x4x8xf32> to tensor<4x8xf32>
  %b = tensor.insert_slice %a into %z[0, 0, 0] [1, 4, 8] [1, 1, 1] : tensor<4x8xf32> into tensor<1x4x8xf32>
  return %b : tensor<1x4x8xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %f {
      transform.apply_patterns.tensor.drop_redundant_insert_slice_rank_expansion
    } : !transform.any_op
    transform.yield
  }
}

// -----

// memref.fold_memref_alias_ops: a load through a subview loads from its source.

// CHECK-LABEL: func.func @alias
//  CHECK-SAME: (%[[M:.*]]: memref<16x16xf32>, %[[I:.*]]: index)
//   CHECK-NOT: memref.subview
//       CHECK: memref.load %[[M]][
func.func @alias(%m: memref<16x16xf32>, %i: index) -> f32 {
  %c1 = arith.constant 1 : index
  %sv = memref.subview %m[4, %i] [4, 4] [1, 1] : memref<16x16xf32> to memref<4x4xf32, strided<[16, 1], offset: ?>>
  %x = memref.load %sv[%c1, %c1] : memref<4x4xf32, strided<[16, 1], offset: ?>>
  return %x : f32
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %f {
      transform.apply_patterns.memref.fold_memref_alias_ops
    } : !transform.any_op
    transform.yield
  }
}

// -----

// scf.for_loop_canonicalization: 4 divides 16, so the tile size
// min(16 - iv, 4) is 4 in every iteration. (linalg.tiling_canonicalization,
// upstream's canonicalization of tiled code, leaves it: it folds the
// constant bounds of the peeled loop instead.)

// CHECK-LABEL: func.func @tile_size
//       CHECK: %[[C4:.*]] = arith.constant 4 : index
//       CHECK: scf.for
//  CHECK-NEXT:   func.call @use(%[[C4]]) : (index) -> ()
// CHECK-LABEL: func.func @tile_size_tiling
//       CHECK: scf.for
//  CHECK-NEXT:   %[[MIN:.*]] = affine.min
//  CHECK-NEXT:   func.call @use(%[[MIN]]) : (index) -> ()
func.func private @use(index)

func.func @tile_size() {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  scf.for %i = %c0 to %c16 step %c4 {
    %s = affine.min affine_map<(d0) -> (-d0 + 16, 4)>(%i)
    func.call @use(%s) : (index) -> ()
  }
  return
}

func.func @tile_size_tiling() {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  scf.for %i = %c0 to %c16 step %c4 {
    %s = affine.min affine_map<(d0) -> (-d0 + 16, 4)>(%i)
    func.call @use(%s) : (index) -> ()
  }
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %funcs = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    %decl, %first, %second = transform.split_handle %funcs : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.apply_patterns to %first {
      transform.apply_patterns.scf.for_loop_canonicalization
    } : !transform.any_op
    transform.apply_patterns to %second {
      transform.apply_patterns.linalg.tiling_canonicalization
    } : !transform.any_op
    transform.yield
  }
}

// -----

// linalg.fold_unit_extent_dims_via_slices and _via_reshapes.

// CHECK-LABEL: func.func @unit_slices
//       CHECK: tensor.extract_slice %{{.*}}[0, 0, 0] [1, 4, 8] [1, 1, 1] : tensor<1x4x8xf32> to tensor<4x8xf32>
//       CHECK: %[[R:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]
//       CHECK: tensor.insert_slice %[[R]] into %{{.*}}[0, 0, 0] [1, 4, 8] [1, 1, 1] : tensor<4x8xf32> into tensor<1x4x8xf32>
// CHECK-LABEL: func.func @unit_reshapes
//       CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1], [2]] : tensor<1x4x8xf32> into tensor<4x8xf32>
//       CHECK: %[[R:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]
//       CHECK: tensor.expand_shape %[[R]] {{\[\[}}0, 1], [2]] output_shape [1, 4, 8] : tensor<4x8xf32> into tensor<1x4x8xf32>
func.func @unit_slices(%a: tensor<1x4x8xf32>, %e: tensor<1x4x8xf32>) -> tensor<1x4x8xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%a : tensor<1x4x8xf32>) outs(%e : tensor<1x4x8xf32>) {
  ^bb0(%x: f32, %o: f32):
    %s = arith.addf %x, %x : f32
    linalg.yield %s : f32
  } -> tensor<1x4x8xf32>
  return %r : tensor<1x4x8xf32>
}

func.func @unit_reshapes(%a: tensor<1x4x8xf32>, %e: tensor<1x4x8xf32>) -> tensor<1x4x8xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%a : tensor<1x4x8xf32>) outs(%e : tensor<1x4x8xf32>) {
  ^bb0(%x: f32, %o: f32):
    %s = arith.addf %x, %x : f32
    linalg.yield %s : f32
  } -> tensor<1x4x8xf32>
  return %r : tensor<1x4x8xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %funcs = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    %slices, %reshapes = transform.split_handle %funcs : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.apply_patterns to %slices {
      transform.apply_patterns.linalg.fold_unit_extent_dims_via_slices
    } : !transform.any_op
    transform.apply_patterns to %reshapes {
      transform.apply_patterns.linalg.fold_unit_extent_dims_via_reshapes
    } : !transform.any_op
    transform.yield
  }
}
