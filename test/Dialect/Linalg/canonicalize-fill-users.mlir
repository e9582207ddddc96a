// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --canonicalize | FileCheck %s %}

// Any element of a filled tensor is the fill value.
// CHECK-LABEL: func.func @element_of_fill
// CHECK-SAME: (%[[V:.*]]: i64, %[[I:.*]]: index)
// CHECK-NEXT: return %[[V]] : i64
func.func @element_of_fill(%v: i64, %i: index) -> i64 {
  %e = tensor.empty(%i) : tensor<?x7xi64>
  %f = linalg.fill ins(%v : i64) outs(%e : tensor<?x7xi64>) -> tensor<?x7xi64>
  %x = tensor.extract %f[%i, %i] : tensor<?x7xi64>
  return %x : i64
}

// -----

// Reshaping a filled tensor fills the reshaped init, both ways.
// CHECK-LABEL: func.func @reshaped_fills
// CHECK-SAME: (%[[V:.*]]: f16, %[[A:.*]]: tensor<2x3x5xf16>, %[[B:.*]]: tensor<10xf16>)
// CHECK-DAG: %[[CA:.*]] = tensor.collapse_shape %[[A]] {{\[\[}}0, 1], [2]] : tensor<2x3x5xf16> into tensor<6x5xf16>
// CHECK-DAG: %[[FA:.*]] = linalg.fill ins(%[[V]] : f16) outs(%[[CA]] : tensor<6x5xf16>) -> tensor<6x5xf16>
// CHECK-DAG: %[[EB:.*]] = tensor.expand_shape %[[B]] {{\[\[}}0, 1]] output_shape [2, 5] : tensor<10xf16> into tensor<2x5xf16>
// CHECK-DAG: %[[FB:.*]] = linalg.fill ins(%[[V]] : f16) outs(%[[EB]] : tensor<2x5xf16>) -> tensor<2x5xf16>
// CHECK: return %[[FA]], %[[FB]]
func.func @reshaped_fills(%v: f16, %a: tensor<2x3x5xf16>, %b: tensor<10xf16>) -> (tensor<6x5xf16>, tensor<2x5xf16>) {
  %fa = linalg.fill ins(%v : f16) outs(%a : tensor<2x3x5xf16>) -> tensor<2x3x5xf16>
  %ca = tensor.collapse_shape %fa [[0, 1], [2]] : tensor<2x3x5xf16> into tensor<6x5xf16>
  %fb = linalg.fill ins(%v : f16) outs(%b : tensor<10xf16>) -> tensor<10xf16>
  %eb = tensor.expand_shape %fb [[0, 1]] output_shape [2, 5] : tensor<10xf16> into tensor<2x5xf16>
  return %ca, %eb : tensor<6x5xf16>, tensor<2x5xf16>
}

// -----

// Packing a filled tensor fills the destination; a padding that is the fill
// value changes nothing.
// CHECK-LABEL: func.func @packed_fills
// CHECK-SAME: (%[[V:.*]]: f32, %[[D:.*]]: tensor<2x3x4x2xf32>, %[[E:.*]]: tensor<2x4xi8>)
// CHECK-DAG: %[[C7:.*]] = arith.constant 7 : i8
// CHECK-DAG: %[[FD:.*]] = linalg.fill ins(%[[V]] : f32) outs(%[[D]] : tensor<2x3x4x2xf32>) -> tensor<2x3x4x2xf32>
// CHECK-DAG: %[[FE:.*]] = linalg.fill ins(%[[C7]] : i8) outs(%[[E]] : tensor<2x4xi8>) -> tensor<2x4xi8>
// CHECK-NOT: linalg.pack
// CHECK: return %[[FD]], %[[FE]]
func.func @packed_fills(%v: f32, %d: tensor<2x3x4x2xf32>, %e: tensor<2x4xi8>) -> (tensor<2x3x4x2xf32>, tensor<2x4xi8>) {
  %src = tensor.empty() : tensor<8x6xf32>
  %f = linalg.fill ins(%v : f32) outs(%src : tensor<8x6xf32>) -> tensor<8x6xf32>
  %p = linalg.pack %f inner_dims_pos = [0, 1] inner_tiles = [4, 2] into %d : tensor<8x6xf32> -> tensor<2x3x4x2xf32>
  %seven = arith.constant 7 : i8
  %isrc = tensor.empty() : tensor<7xi8>
  %fi = linalg.fill ins(%seven : i8) outs(%isrc : tensor<7xi8>) -> tensor<7xi8>
  %pi = linalg.pack %fi padding_value(%seven : i8) inner_dims_pos = [0] inner_tiles = [4] into %e : tensor<7xi8> -> tensor<2x4xi8>
  return %p, %pi : tensor<2x3x4x2xf32>, tensor<2x4xi8>
}

// -----

// A padding other than the fill value stays a pack, and so does a pack into
// a destination something else still reads.
// CHECK-LABEL: func.func @packs_that_stay
// CHECK-COUNT-2: linalg.pack
func.func @packs_that_stay(%v: f32, %w: f32, %d: tensor<2x3x4x2xf32>, %e: tensor<2x3x4x2xf32>) -> (tensor<2x3x4x2xf32>, tensor<2x3x4x2xf32>, tensor<2x3x4x2xf32>) {
  %src = tensor.empty() : tensor<7x6xf32>
  %f = linalg.fill ins(%v : f32) outs(%src : tensor<7x6xf32>) -> tensor<7x6xf32>
  %p = linalg.pack %f padding_value(%w : f32) inner_dims_pos = [0, 1] inner_tiles = [4, 2] into %d : tensor<7x6xf32> -> tensor<2x3x4x2xf32>
  %full = tensor.empty() : tensor<8x6xf32>
  %g = linalg.fill ins(%v : f32) outs(%full : tensor<8x6xf32>) -> tensor<8x6xf32>
  %q = linalg.pack %g inner_dims_pos = [0, 1] inner_tiles = [4, 2] into %e : tensor<8x6xf32> -> tensor<2x3x4x2xf32>
  return %p, %q, %e : tensor<2x3x4x2xf32>, tensor<2x3x4x2xf32>, tensor<2x3x4x2xf32>
}

// -----

// Transposing or copying a filled tensor fills the init; a copy over a fill
// writes into the fill's own init instead.
// CHECK-LABEL: func.func @fill_then_relayout
// CHECK-SAME: (%[[V:.*]]: f32, %[[A:.*]]: tensor<8x6xf32>, %[[T:.*]]: tensor<6x8xf32>, %[[B:.*]]: tensor<8x6xf32>, %[[C:.*]]: tensor<8x6xf32>)
// CHECK-DAG: %[[FT:.*]] = linalg.fill ins(%[[V]] : f32) outs(%[[T]] : tensor<6x8xf32>) -> tensor<6x8xf32>
// CHECK-DAG: %[[FB:.*]] = linalg.fill ins(%[[V]] : f32) outs(%[[B]] : tensor<8x6xf32>) -> tensor<8x6xf32>
// CHECK-DAG: %[[CC:.*]] = linalg.copy ins(%[[C]] : tensor<8x6xf32>) outs(%[[A]] : tensor<8x6xf32>) -> tensor<8x6xf32>
// CHECK-NOT: linalg.transpose
// CHECK: return %[[FT]], %[[FB]], %[[CC]]
func.func @fill_then_relayout(%v: f32, %a: tensor<8x6xf32>, %t: tensor<6x8xf32>, %b: tensor<8x6xf32>, %c: tensor<8x6xf32>) -> (tensor<6x8xf32>, tensor<8x6xf32>, tensor<8x6xf32>) {
  %f = linalg.fill ins(%v : f32) outs(%a : tensor<8x6xf32>) -> tensor<8x6xf32>
  %tr = linalg.transpose ins(%f : tensor<8x6xf32>) outs(%t : tensor<6x8xf32>) permutation = [1, 0]
  %cp = linalg.copy ins(%f : tensor<8x6xf32>) outs(%b : tensor<8x6xf32>) -> tensor<8x6xf32>
  %over = linalg.copy ins(%c : tensor<8x6xf32>) outs(%f : tensor<8x6xf32>) -> tensor<8x6xf32>
  return %tr, %cp, %over : tensor<6x8xf32>, tensor<8x6xf32>, tensor<8x6xf32>
}
