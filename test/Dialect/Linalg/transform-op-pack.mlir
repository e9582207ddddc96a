// RUN: mlopt %s --transform-interpreter --split-input-file --verify-diagnostics | FileCheck %s

// pack by [4, 8, 2]: each operand is packed along the loops it uses, in loop
// order (so B, indexed (k, n), gets inner_dims_pos = [1, 0]); sizes that do
// not divide pad with zero; the result is unpacked into the original init.

//   CHECK-DAG: #[[$MAP_A:.+]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d2, d3, d5)>
//   CHECK-DAG: #[[$MAP_B:.+]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d2, d1, d4, d5)>
//   CHECK-DAG: #[[$MAP_C:.+]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d3, d4)>
// CHECK-LABEL: func.func @pack_matmul
//  CHECK-SAME:     %[[A:[a-zA-Z0-9]+]]: tensor<13x17xf32>, %[[B:[a-zA-Z0-9]+]]: tensor<17x19xf32>, %[[C:[a-zA-Z0-9]+]]: tensor<13x19xf32>
//       CHECK:   %[[EA:.*]] = tensor.empty() : tensor<4x9x4x2xf32>
//       CHECK:   %[[ZA:.*]] = arith.constant 0.000000e+00 : f32
//       CHECK:   %[[PA:.*]] = linalg.pack %[[A]] padding_value(%[[ZA]] : f32) inner_dims_pos = [0, 1] inner_tiles = [4, 2] into %[[EA]] : tensor<13x17xf32> -> tensor<4x9x4x2xf32>
//       CHECK:   %[[PB:.*]] = linalg.pack %[[B]] padding_value(%{{.*}} : f32) inner_dims_pos = [1, 0] inner_tiles = [8, 2] into %{{.*}} : tensor<17x19xf32> -> tensor<9x3x8x2xf32>
//       CHECK:   %[[PC:.*]] = linalg.pack %[[C]] padding_value(%{{.*}} : f32) inner_dims_pos = [0, 1] inner_tiles = [4, 8] into %{{.*}} : tensor<13x19xf32> -> tensor<4x3x4x8xf32>
//       CHECK:   %[[G:.*]] = linalg.generic {indexing_maps = [#[[$MAP_A]], #[[$MAP_B]], #[[$MAP_C]]], iterator_types = ["parallel", "parallel", "reduction", "parallel", "parallel", "reduction"]} ins(%[[PA]], %[[PB]] : tensor<4x9x4x2xf32>, tensor<9x3x8x2xf32>) outs(%[[PC]] : tensor<4x3x4x8xf32>)
//       CHECK:     arith.mulf
//       CHECK:     arith.addf
//       CHECK:   %[[U:.*]] = linalg.unpack %[[G]] inner_dims_pos = [0, 1] inner_tiles = [4, 8] into %[[C]] : tensor<4x3x4x8xf32> -> tensor<13x19xf32>
//       CHECK:   return %[[U]]
func.func @pack_matmul(%a: tensor<13x17xf32>, %b: tensor<17x19xf32>, %c: tensor<13x19xf32>) -> tensor<13x19xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<13x17xf32>, tensor<17x19xf32>) outs(%c : tensor<13x19xf32>) -> tensor<13x19xf32>
  return %0 : tensor<13x19xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %p = transform.structured.pack %m packed_sizes = [4, 8, 2] : (!transform.any_op) -> !transform.op<"linalg.generic">
    transform.yield
  }
}

// -----

// Sizes that divide need no padding value; a size of 0 leaves its loop (and
// the operands indexed only by it) alone.

//   CHECK-DAG: #[[$MAP_IN:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
//   CHECK-DAG: #[[$MAP_OUT:.+]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func.func @pack_reduction
//       CHECK:   %[[P:.*]] = linalg.pack %{{.*}} inner_dims_pos = [0] inner_tiles = [4] into %{{.*}} : tensor<8x6xf32> -> tensor<2x6x4xf32>
//       CHECK:   %[[Q:.*]] = linalg.pack %{{.*}} inner_dims_pos = [0] inner_tiles = [4] into %{{.*}} : tensor<8xf32> -> tensor<2x4xf32>
//       CHECK:   linalg.generic {indexing_maps = [#[[$MAP_IN]], #[[$MAP_OUT]]], iterator_types = ["parallel", "reduction", "parallel"]} ins(%[[P]] : tensor<2x6x4xf32>) outs(%[[Q]] : tensor<2x4xf32>)
//       CHECK:   linalg.unpack %{{.*}} inner_dims_pos = [0] inner_tiles = [4] into %{{.*}} : tensor<2x4xf32> -> tensor<8xf32>
func.func @pack_reduction(%in: tensor<8x6xf32>, %out: tensor<8xf32>) -> tensor<8xf32> {
  %0 = linalg.reduce ins(%in : tensor<8x6xf32>) outs(%out : tensor<8xf32>) dimensions = [1]
    (%x: f32, %acc: f32) {
      %s = arith.addf %x, %acc : f32
      linalg.yield %s : f32
    }
  return %0 : tensor<8xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.reduce"]} in %root : (!transform.any_op) -> !transform.any_op
    %g = transform.structured.generalize %m : (!transform.any_op) -> !transform.any_op
    %p = transform.structured.pack %g packed_sizes = [4, 0] : (!transform.any_op) -> !transform.op<"linalg.generic">
    transform.yield
  }
}

// -----

// lower_pack: pad to whole tiles, split each tiled dim into (outer, tile),
// then transpose into the packed layout (outer_dims_perm included).

// CHECK-LABEL: func.func @lower_pack
//  CHECK-SAME:     %[[SRC:[a-zA-Z0-9]+]]: tensor<17x19xf32>, %[[DEST:[a-zA-Z0-9]+]]: tensor<3x9x8x2xf32>
//       CHECK:   %[[PAD:.*]] = tensor.pad %[[SRC]] low[0, 0] high[1, 5] {
//       CHECK:   } : tensor<17x19xf32> to tensor<18x24xf32>
//       CHECK:   %[[EXP:.*]] = tensor.expand_shape %[[PAD]] {{\[\[}}0, 1], [2, 3]] output_shape [9, 2, 3, 8] : tensor<18x24xf32> into tensor<9x2x3x8xf32>
//       CHECK:   %[[T:.*]] = linalg.transpose ins(%[[EXP]] : tensor<9x2x3x8xf32>) outs(%[[DEST]] : tensor<3x9x8x2xf32>) permutation = [2, 0, 3, 1]
//       CHECK:   return %[[T]]
func.func @lower_pack(%src: tensor<17x19xf32>, %dest: tensor<3x9x8x2xf32>) -> tensor<3x9x8x2xf32> {
  %cst = arith.constant 0.0 : f32
  %pack = linalg.pack %src padding_value(%cst : f32) outer_dims_perm = [1, 0] inner_dims_pos = [1, 0] inner_tiles = [8, 2] into %dest : tensor<17x19xf32> -> tensor<3x9x8x2xf32>
  return %pack : tensor<3x9x8x2xf32>
}

// A pack that only pads (unit outer dims, leading dims tiled in order)
// becomes a pad and an insert_slice; a pack without padding value pads with zero.

// CHECK-LABEL: func.func @lower_pad_like_pack
//       CHECK:   %[[Z:.*]] = arith.constant 0.000000e+00 : f32
//       CHECK:   %[[PAD:.*]] = tensor.pad %{{.*}} low[0, 0] high[1, 3]
//       CHECK:     tensor.yield %[[Z]] : f32
//       CHECK:   tensor.insert_slice %[[PAD]] into %{{.*}}[0, 0, 0, 0] [1, 1, 4, 8] [1, 1, 1, 1] : tensor<4x8xf32> into tensor<1x1x4x8xf32>
func.func @lower_pad_like_pack(%src: tensor<3x5xf32>, %dest: tensor<1x1x4x8xf32>) -> tensor<1x1x4x8xf32> {
  %cst = arith.constant 0.0 : f32
  %pack = linalg.pack %src padding_value(%cst : f32) inner_dims_pos = [0, 1] inner_tiles = [4, 8] into %dest : tensor<3x5xf32> -> tensor<1x1x4x8xf32>
  return %pack : tensor<1x1x4x8xf32>
}

// CHECK-LABEL: func.func @lower_unpack
//  CHECK-SAME:     %[[SRC:[a-zA-Z0-9]+]]: tensor<3x9x8x2xf32>, %[[DEST:[a-zA-Z0-9]+]]: tensor<17x19xf32>
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<9x2x3x8xf32>
//       CHECK:   %[[T:.*]] = linalg.transpose ins(%[[SRC]] : tensor<3x9x8x2xf32>) outs(%[[E]] : tensor<9x2x3x8xf32>) permutation = [1, 3, 0, 2]
//       CHECK:   %[[C:.*]] = tensor.collapse_shape %[[T]] {{\[\[}}0, 1], [2, 3]] : tensor<9x2x3x8xf32> into tensor<18x24xf32>
//       CHECK:   %[[S:.*]] = tensor.extract_slice %[[C]][0, 0] [17, 19] [1, 1] : tensor<18x24xf32> to tensor<17x19xf32>
//       CHECK:   %[[R:.*]] = linalg.copy ins(%[[S]] : tensor<17x19xf32>) outs(%[[DEST]] : tensor<17x19xf32>) -> tensor<17x19xf32>
//       CHECK:   return %[[R]]
func.func @lower_unpack(%src: tensor<3x9x8x2xf32>, %dest: tensor<17x19xf32>) -> tensor<17x19xf32> {
  %unpack = linalg.unpack %src outer_dims_perm = [1, 0] inner_dims_pos = [1, 0] inner_tiles = [8, 2] into %dest : tensor<3x9x8x2xf32> -> tensor<17x19xf32>
  return %unpack : tensor<17x19xf32>
}

// CHECK-LABEL: func.func @lower_unpad_like_unpack
//       CHECK:   %[[S:.*]] = tensor.extract_slice %{{.*}}[0, 0, 0, 0] [1, 1, 3, 5] [1, 1, 1, 1] : tensor<1x1x4x8xf32> to tensor<3x5xf32>
//       CHECK:   return %[[S]]
func.func @lower_unpad_like_unpack(%src: tensor<1x1x4x8xf32>, %dest: tensor<3x5xf32>) -> tensor<3x5xf32> {
  %unpack = linalg.unpack %src inner_dims_pos = [0, 1] inner_tiles = [4, 8] into %dest : tensor<1x1x4x8xf32> -> tensor<3x5xf32>
  return %unpack : tensor<3x5xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %p = transform.structured.match ops{["linalg.pack"]} in %root : (!transform.any_op) -> !transform.op<"linalg.pack">
    %pad, %expand, %transpose = transform.structured.lower_pack %p : (!transform.op<"linalg.pack">) -> (!transform.op<"tensor.pad">, !transform.op<"tensor.expand_shape">, !transform.op<"linalg.transpose">)
    %u = transform.structured.match ops{["linalg.unpack"]} in %root : (!transform.any_op) -> !transform.op<"linalg.unpack">
    %e, %t, %c, %s = transform.structured.lower_unpack %u : (!transform.op<"linalg.unpack">) -> (!transform.op<"tensor.empty">, !transform.op<"linalg.transpose">, !transform.op<"tensor.collapse_shape">, !transform.op<"tensor.extract_slice">)
    transform.yield
  }
}

// -----

// With lowerPadLikeWithInsertSlice = false a pad-like pack lowers in full.

// CHECK-LABEL: func.func @pad_like_in_full
//       CHECK:   tensor.pad
//       CHECK:   tensor.expand_shape %{{.*}} {{\[\[}}0, 1], [2, 3]] output_shape [1, 4, 1, 8] : tensor<4x8xf32> into tensor<1x4x1x8xf32>
//       CHECK:   linalg.transpose ins(%{{.*}} : tensor<1x4x1x8xf32>) outs(%{{.*}} : tensor<1x1x4x8xf32>) permutation = [0, 2, 1, 3]
func.func @pad_like_in_full(%src: tensor<3x5xf32>, %dest: tensor<1x1x4x8xf32>) -> tensor<1x1x4x8xf32> {
  %cst = arith.constant 0.0 : f32
  %pack = linalg.pack %src padding_value(%cst : f32) inner_dims_pos = [0, 1] inner_tiles = [4, 8] into %dest : tensor<3x5xf32> -> tensor<1x1x4x8xf32>
  return %pack : tensor<1x1x4x8xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %p = transform.structured.match ops{["linalg.pack"]} in %root : (!transform.any_op) -> !transform.op<"linalg.pack">
    %pad, %expand, %transpose = transform.structured.lower_pack %p {lowerPadLikeWithInsertSlice = false} : (!transform.op<"linalg.pack">) -> (!transform.op<"tensor.pad">, !transform.op<"tensor.expand_shape">, !transform.op<"linalg.transpose">)
    transform.yield
  }
}

// -----

func.func @two_matmuls(%a: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> (tensor<4x4xf32>, tensor<4x4xf32>) {
  %0 = linalg.matmul ins(%a, %a : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  %1 = linalg.matmul ins(%a, %a : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0, %1 : tensor<4x4xf32>, tensor<4x4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{requires target to map to exactly 1 LinalgOp (got 2)}}
    %p = transform.structured.pack %m packed_sizes = [2, 2, 2] : (!transform.any_op) -> !transform.op<"linalg.generic">
    transform.yield
  }
}

// -----

func.func @sizes_count(%a: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %0 = linalg.matmul ins(%a, %a : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{requires number of packed sizes match the number of loops (2 vs 3)}}
    %p = transform.structured.pack %m packed_sizes = [2, 2] : (!transform.any_op) -> !transform.op<"linalg.generic">
    transform.yield
  }
}

// -----

func.func @conv(%i: tensor<1x10x8xf32>, %f: tensor<3x8x4xf32>, %o: tensor<1x8x4xf32>) -> tensor<1x8x4xf32> {
  %0 = linalg.conv_1d_nwc_wcf ins(%i, %f : tensor<1x10x8xf32>, tensor<3x8x4xf32>) outs(%o : tensor<1x8x4xf32>) -> tensor<1x8x4xf32>
  return %0 : tensor<1x8x4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.conv_1d_nwc_wcf"]} in %root : (!transform.any_op) -> !transform.any_op
    // The output width indexes the input through w + kw: not packable.
    // expected-error@+1 {{data tiling failed}}
    %p = transform.structured.pack %m packed_sizes = [0, 2, 0, 0, 0] : (!transform.any_op) -> !transform.op<"linalg.generic">
    transform.yield
  }
}

// -----

// pack_transpose through the unpack of the result: the init's pack, the
// packed op's indexing of it and the unpack all change; through a pack of
// an input, only that pack and the op's indexing.

//   CHECK-DAG: #[[$MAP_B:.+]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d2, d1, d5, d4)>
//   CHECK-DAG: #[[$MAP_C:.+]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d1, d0, d4, d3)>
// CHECK-LABEL: func.func @pack_transpose
//  CHECK-SAME:     %[[A:[a-zA-Z0-9]+]]: tensor<16x8xf32>, %[[B:[a-zA-Z0-9]+]]: tensor<8x12xf32>, %[[C:[a-zA-Z0-9]+]]: tensor<16x12xf32>
//       CHECK:   %[[EB:.*]] = tensor.empty() : tensor<4x4x2x3xf32>
//       CHECK:   %[[PB:.*]] = linalg.pack %[[B]] outer_dims_perm = [0, 1] inner_dims_pos = [0, 1] inner_tiles = [2, 3] into %[[EB]] : tensor<8x12xf32> -> tensor<4x4x2x3xf32>
//       CHECK:   %[[EC:.*]] = tensor.empty() : tensor<4x4x3x4xf32>
//       CHECK:   %[[PC:.*]] = linalg.pack %[[C]] outer_dims_perm = [1, 0] inner_dims_pos = [1, 0] inner_tiles = [3, 4] into %[[EC]] : tensor<16x12xf32> -> tensor<4x4x3x4xf32>
//       CHECK:   %[[G:.*]] = linalg.generic {indexing_maps = [#{{.*}}, #[[$MAP_B]], #[[$MAP_C]]], {{.*}} ins(%{{.*}}, %[[PB]] : tensor<4x4x4x2xf32>, tensor<4x4x2x3xf32>) outs(%[[PC]] : tensor<4x4x3x4xf32>)
//       CHECK:   %[[U:.*]] = linalg.unpack %[[G]] outer_dims_perm = [1, 0] inner_dims_pos = [1, 0] inner_tiles = [3, 4] into %[[C]] : tensor<4x4x3x4xf32> -> tensor<16x12xf32>
//       CHECK:   return %[[U]]
func.func @pack_transpose(%a: tensor<16x8xf32>, %b: tensor<8x12xf32>, %c: tensor<16x12xf32>) -> tensor<16x12xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%c : tensor<16x12xf32>) -> tensor<16x12xf32>
  return %0 : tensor<16x12xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %g = transform.structured.pack %m packed_sizes = [4, 3, 2] : (!transform.any_op) -> !transform.op<"linalg.generic">
    %u = transform.get_consumers_of_result %g[0] : (!transform.op<"linalg.generic">) -> !transform.op<"linalg.unpack">
    %g2, %p2, %u2 = transform.structured.pack_transpose %u with_compute_op(%g) outer_perm = [1, 0] inner_perm = [1, 0] : (!transform.op<"linalg.unpack">, !transform.op<"linalg.generic">) -> (!transform.op<"linalg.generic">, !transform.op<"linalg.pack">, !transform.op<"linalg.unpack">)
    %b = transform.get_producer_of_operand %g2[1] : (!transform.op<"linalg.generic">) -> !transform.op<"linalg.pack">
    %g3, %p3, %u3 = transform.structured.pack_transpose %b with_compute_op(%g2) inner_perm = [1, 0] : (!transform.op<"linalg.pack">, !transform.op<"linalg.generic">) -> (!transform.op<"linalg.generic">, !transform.op<"linalg.pack">, !transform.any_op)
    transform.yield
  }
}

// -----

func.func @pack_used_twice(%a: tensor<8x8xf32>, %e: tensor<2x2x4x4xf32>, %c: tensor<2x2x4x4xf32>) -> (tensor<2x2x4x4xf32>, tensor<2x2x4x4xf32>) {
  %p = linalg.pack %a inner_dims_pos = [0, 1] inner_tiles = [4, 4] into %e : tensor<8x8xf32> -> tensor<2x2x4x4xf32>
  %0 = linalg.copy ins(%p : tensor<2x2x4x4xf32>) outs(%c : tensor<2x2x4x4xf32>) -> tensor<2x2x4x4xf32>
  return %0, %p : tensor<2x2x4x4xf32>, tensor<2x2x4x4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %p = transform.structured.match ops{["linalg.pack"]} in %root : (!transform.any_op) -> !transform.op<"linalg.pack">
    %c = transform.structured.match ops{["linalg.copy"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{not a single use by the LinalgOp target}}
    %g, %p2, %u = transform.structured.pack_transpose %p with_compute_op(%c) inner_perm = [1, 0] : (!transform.op<"linalg.pack">, !transform.any_op) -> (!transform.any_op, !transform.op<"linalg.pack">, !transform.any_op)
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %p = transform.structured.match ops{["linalg.pack"]} in %root : (!transform.any_op) -> !transform.op<"linalg.pack">
    %c = transform.structured.match ops{["linalg.copy"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{"inner_perm" is not a valid permutation}}
    %g, %p2, %u = transform.structured.pack_transpose %p with_compute_op(%c) inner_perm = [1, 1] : (!transform.op<"linalg.pack">, !transform.any_op) -> (!transform.any_op, !transform.op<"linalg.pack">, !transform.any_op)
    transform.yield
  }
}

// -----

// pack_greedily moves m, n, k innermost in the order [1, 2, 0] (k, m, n)
// and packs them by [4, 3, 2]; an op that is no matmul passes through; a
// padded size packs k by its size rounded up (8 to a multiple of 4).

//   CHECK-DAG: #[[$MAP_A:.+]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d1, d0, d3, d4)>
//   CHECK-DAG: #[[$MAP_B:.+]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d2, d3, d5)>
//   CHECK-DAG: #[[$MAP_C:.+]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d1, d2, d4, d5)>
//   CHECK-DAG: #[[$MAP_BA:.+]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d3, d4, d6)>
// CHECK-LABEL: func.func @greedy_matmul
//       CHECK:   %[[PA:.*]] = linalg.pack %{{.*}} inner_dims_pos = [1, 0] inner_tiles = [2, 4] into %{{.*}} : tensor<16x8xf32> -> tensor<4x4x2x4xf32>
//       CHECK:   %[[PB:.*]] = linalg.pack %{{.*}} inner_dims_pos = [0, 1] inner_tiles = [2, 3] into %{{.*}} : tensor<8x12xf32> -> tensor<4x4x2x3xf32>
//       CHECK:   %[[PC:.*]] = linalg.pack %{{.*}} inner_dims_pos = [0, 1] inner_tiles = [4, 3] into %{{.*}} : tensor<16x12xf32> -> tensor<4x4x4x3xf32>
//       CHECK:   linalg.generic {indexing_maps = [#[[$MAP_A]], #[[$MAP_B]], #[[$MAP_C]]], iterator_types = ["reduction", "parallel", "parallel", "reduction", "parallel", "parallel"]} ins(%[[PA]], %[[PB]] : {{.*}}) outs(%[[PC]] : tensor<4x4x4x3xf32>)
//       CHECK:   linalg.unpack
func.func @greedy_matmul(%a: tensor<16x8xf32>, %b: tensor<8x12xf32>, %c: tensor<16x12xf32>) -> tensor<16x12xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x12xf32>) outs(%c : tensor<16x12xf32>) -> tensor<16x12xf32>
  return %0 : tensor<16x12xf32>
}
// CHECK-LABEL: func.func @greedy_batch
//       CHECK:   linalg.pack %{{.*}} inner_dims_pos = [1, 2] inner_tiles = [4, 8] into %{{.*}} : tensor<3x16x8xf32> -> tensor<3x4x1x4x8xf32>
//       CHECK:   linalg.pack %{{.*}} inner_dims_pos = [2, 1] inner_tiles = [3, 8] into %{{.*}} : tensor<3x8x12xf32> -> tensor<3x1x4x3x8xf32>
//       CHECK:   linalg.generic {indexing_maps = [#[[$MAP_BA]], {{.*}}], iterator_types = ["parallel", "parallel", "parallel", "reduction", "parallel", "parallel", "reduction"]}
func.func @greedy_batch(%a: tensor<3x16x8xf32>, %b: tensor<3x8x12xf32>, %c: tensor<3x16x12xf32>) -> tensor<3x16x12xf32> {
  %0 = linalg.batch_matmul ins(%a, %b : tensor<3x16x8xf32>, tensor<3x8x12xf32>) outs(%c : tensor<3x16x12xf32>) -> tensor<3x16x12xf32>
  return %0 : tensor<3x16x12xf32>
}
// CHECK-LABEL: func.func @not_a_matmul
//       CHECK:   linalg.copy
func.func @not_a_matmul(%a: tensor<16x8xf32>, %c: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %0 = linalg.copy ins(%a : tensor<16x8xf32>) outs(%c : tensor<16x8xf32>) -> tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %g = transform.structured.pack_greedily %m matmul_packed_sizes = [4, 3, 2] matmul_inner_dims_order = [1, 2, 0] : (!transform.any_op) -> !transform.op<"linalg.generic">
    %o = transform.structured.match ops{["linalg.copy", "linalg.batch_matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %h = transform.structured.pack_greedily %o matmul_packed_sizes = [4, 3, 0] matmul_padded_sizes_next_multiple_of = [0, 0, 4] matmul_inner_dims_order = [0, 1, 2] : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
