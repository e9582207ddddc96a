// RUN: mlopt %s --transform-interpreter --split-input-file --verify-diagnostics | FileCheck %s

// Each operand dim indexed by a padded loop grows to a multiple of its
// pad_to_multiple_of entry; nofold_flags keep the pads of A and B; the
// result is sliced back and copied into the original init.

// CHECK-LABEL: func.func @pad_to_multiple
//  CHECK-SAME:     %[[A:[a-zA-Z0-9]+]]: tensor<13x17xf32>, %[[B:[a-zA-Z0-9]+]]: tensor<17x19xf32>, %[[C:[a-zA-Z0-9]+]]: tensor<13x19xf32>
//       CHECK:   %[[ZA:.*]] = arith.constant 0.000000e+00 : f32
//       CHECK:   %[[PA:.*]] = tensor.pad %[[A]] nofold low[0, 0] high[3, 15] {
//       CHECK:     tensor.yield %[[ZA]] : f32
//       CHECK:   } : tensor<13x17xf32> to tensor<16x32xf32>
//       CHECK:   %[[PB:.*]] = tensor.pad %[[B]] nofold low[0, 0] high[15, 5] {
//       CHECK:   } : tensor<17x19xf32> to tensor<32x24xf32>
//       CHECK:   %[[PC:.*]] = tensor.pad %[[C]] low[0, 0] high[3, 5] {
//       CHECK:   } : tensor<13x19xf32> to tensor<16x24xf32>
//       CHECK:   %[[M:.*]] = linalg.matmul ins(%[[PA]], %[[PB]] : tensor<16x32xf32>, tensor<32x24xf32>) outs(%[[PC]] : tensor<16x24xf32>) -> tensor<16x24xf32>
//       CHECK:   %[[S:.*]] = tensor.extract_slice %[[M]][0, 0] [13, 19] [1, 1] : tensor<16x24xf32> to tensor<13x19xf32>
//       CHECK:   %[[R:.*]] = bufferization.materialize_in_destination %[[S]] in %[[C]] : (tensor<13x19xf32>, tensor<13x19xf32>) -> tensor<13x19xf32>
//       CHECK:   return %[[R]]
func.func @pad_to_multiple(%a: tensor<13x17xf32>, %b: tensor<17x19xf32>, %c: tensor<13x19xf32>) -> tensor<13x19xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<13x17xf32>, tensor<17x19xf32>) outs(%c : tensor<13x19xf32>) -> tensor<13x19xf32>
  return %0 : tensor<13x19xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %p, %pad, %copy = transform.structured.pad %m pad_to_multiple_of [4, 8, 16] {padding_values = [0.0 : f32, 0.0 : f32, 0.0 : f32], padding_dimensions = [0, 1, 2], nofold_flags = [1, 1, 0]} : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// An operand already of its padded shape is used as it is; copy_back_op =
// "linalg.copy" copies the result back with linalg.copy.

// CHECK-LABEL: func.func @unpadded_operand
//  CHECK-SAME:     %[[A:[a-zA-Z0-9]+]]: tensor<16x17xf32>
//   CHECK-NOT:   tensor.pad %[[A]]
//       CHECK:   linalg.matmul ins(%[[A]], %{{.*}} : tensor<16x17xf32>, tensor<17x24xf32>) outs(%{{.*}} : tensor<16x24xf32>)
//       CHECK:   %[[S:.*]] = tensor.extract_slice %{{.*}}[0, 0] [16, 19] [1, 1] : tensor<16x24xf32> to tensor<16x19xf32>
//       CHECK:   linalg.copy ins(%[[S]] : tensor<16x19xf32>) outs(%{{.*}} : tensor<16x19xf32>) -> tensor<16x19xf32>
func.func @unpadded_operand(%a: tensor<16x17xf32>, %b: tensor<17x19xf32>, %c: tensor<16x19xf32>) -> tensor<16x19xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<16x17xf32>, tensor<17x19xf32>) outs(%c : tensor<16x19xf32>) -> tensor<16x19xf32>
  return %0 : tensor<16x19xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %p, %pad, %copy = transform.structured.pad %m pad_to_multiple_of [4, 8] {padding_values = [0.0 : f32, 0.0 : f32, 0.0 : f32], padding_dimensions = [0, 1], copy_back_op = "linalg.copy"} : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// After tiling, the partial tiles (affine.min sizes) pad to the tile size;
// without copy-back the slice of the padded result is used directly.

//   CHECK-DAG: #[[$MIN_M:.+]] = affine_map<(d0) -> (-d0 + 13, 4)>
//   CHECK-DAG: #[[$MIN_N:.+]] = affine_map<(d0) -> (-d0 + 19, 8)>
//   CHECK-DAG: #[[$HIGH_M:.+]] = affine_map<(d0) -> (-d0 + 4)>
// CHECK-LABEL: func.func @pad_tiles
//       CHECK:   scf.for
//       CHECK:     scf.for
//       CHECK:       %[[M:.*]] = affine.min #[[$MIN_M]]
//       CHECK:       %[[N:.*]] = affine.min #[[$MIN_N]]
//       CHECK:       %[[SA:.*]] = tensor.extract_slice
//       CHECK:       %[[H:.*]] = affine.apply #[[$HIGH_M]](%[[M]])
//       CHECK:       %[[PA:.*]] = tensor.pad %[[SA]] low[0, 0] high[%[[H]], 0] {
//       CHECK:       } : tensor<?x17xf32> to tensor<4x17xf32>
//       CHECK:       } : tensor<17x?xf32> to tensor<17x8xf32>
//       CHECK:       } : tensor<?x?xf32> to tensor<4x8xf32>
//       CHECK:       %[[R:.*]] = linalg.matmul ins(%[[PA]], %{{.*}} : tensor<4x17xf32>, tensor<17x8xf32>) outs(%{{.*}} : tensor<4x8xf32>) -> tensor<4x8xf32>
//       CHECK:       %[[S:.*]] = tensor.extract_slice %[[R]][0, 0] [%[[M]], %[[N]]] [1, 1] : tensor<4x8xf32> to tensor<?x?xf32>
//       CHECK:       tensor.insert_slice %[[S]]
func.func @pad_tiles(%a: tensor<13x17xf32>, %b: tensor<17x19xf32>, %c: tensor<13x19xf32>) -> tensor<13x19xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<13x17xf32>, tensor<17x19xf32>) outs(%c : tensor<13x19xf32>) -> tensor<13x19xf32>
  return %0 : tensor<13x19xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %l:2 = transform.structured.tile_using_for %m tile_sizes [4, 8] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %p, %pad, %copy = transform.structured.pad %t {padding_values = [0.0 : f32, 0.0 : f32, 0.0 : f32], padding_dimensions = [0, 1, 2], copy_back_op = "none"} : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{expects as many multiples as padding_dimensions}}
    %p, %pad, %copy = transform.structured.pad %m pad_to_multiple_of [4, 8, 16] {padding_dimensions = [0, 1]} : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{invalid copy_back_op}}
    %p, %pad, %copy = transform.structured.pad %m {padding_dimensions = [0, 1], copy_back_op = "memref.copy"} : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

func.func @wrong_value_type(%a: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-note@+1 {{when applied to this op}}
  %0 = linalg.matmul ins(%a, %a : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{expects a padding value of type 'f32', got 0 : i32}}
    %p, %pad, %copy = transform.structured.pad %m {padding_values = [0 : i32, 0.0 : f32, 0.0 : f32], padding_dimensions = [0]} : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

func.func @no_bound(%a: tensor<?x4xf32>, %b: tensor<4x4xf32>, %c: tensor<?x4xf32>) -> tensor<?x4xf32> {
  // expected-note@+1 {{target op}}
  %0 = linalg.matmul ins(%a, %b : tensor<?x4xf32>, tensor<4x4xf32>) outs(%c : tensor<?x4xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{failed to pad op}}
    %p, %pad, %copy = transform.structured.pad %m {padding_dimensions = [0]} : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// hoist_pad by 1 loop: before the k loop, a loop of the same bounds pads
// each of B's k tiles into slot k / 5 of a 4x5x8 tensor; inside the k loop
// the pad becomes the slice at that slot.

//   CHECK-DAG: #[[$SLOT:.+]] = affine_map<(d0) -> (d0 ceildiv 5)>
// CHECK-LABEL: func.func @hoist_pad
//  CHECK-SAME:     %[[A:[a-zA-Z0-9]+]]: tensor<13x17xf32>, %[[B:[a-zA-Z0-9]+]]: tensor<17x19xf32>
//       CHECK:   scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}}
//       CHECK:     scf.for %[[N:.*]] = %{{.*}} to %{{.*}} step %{{.*}}
//       CHECK:       %[[E:.*]] = tensor.empty() : tensor<4x5x8xf32>
//       CHECK:       %[[PACKED:.*]] = scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[E]]) -> (tensor<4x5x8xf32>) {
//       CHECK:         %[[S:.*]] = tensor.extract_slice %[[B]][%[[K]], %[[N]]]
//       CHECK:         %[[P:.*]] = tensor.pad %[[S]] nofold
//       CHECK:         } : tensor<?x?xf32> to tensor<5x8xf32>
//       CHECK:         %[[INS:.*]] = tensor.insert_slice %[[P]] into %[[ACC]][%{{.*}}, 0, 0] [1, 5, 8] [1, 1, 1] : tensor<5x8xf32> into tensor<4x5x8xf32>
//       CHECK:         scf.yield %[[INS]] : tensor<4x5x8xf32>
//       CHECK:       scf.for %[[K2:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args
//       CHECK:         %[[J:.*]] = affine.apply #[[$SLOT]](%[[K2]])
//       CHECK:         %[[TILE:.*]] = tensor.extract_slice %[[PACKED]][%[[J]], 0, 0] [1, 5, 8] [1, 1, 1] : tensor<4x5x8xf32> to tensor<5x8xf32>
//       CHECK:         linalg.matmul ins(%{{.*}}, %[[TILE]] : tensor<4x5xf32>, tensor<5x8xf32>) outs(%{{.*}} : tensor<4x8xf32>)
func.func @hoist_pad(%a: tensor<13x17xf32>, %b: tensor<17x19xf32>, %c: tensor<13x19xf32>) -> tensor<13x19xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<13x17xf32>, tensor<17x19xf32>) outs(%c : tensor<13x19xf32>) -> tensor<13x19xf32>
  return %0 : tensor<13x19xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %l:3 = transform.structured.tile_using_for %m tile_sizes [4, 8, 5] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    %p, %pad, %copy = transform.structured.pad %t {padding_values = [0.0 : f32, 0.0 : f32, 0.0 : f32], padding_dimensions = [0, 1, 2], nofold_flags = [1, 1, 1], copy_back_op = "none"} : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %pa, %pb, %pc = transform.split_handle %pad : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %h = transform.structured.hoist_pad %pb by 1 loops : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

func.func @not_in_loops(%a: tensor<3x5xf32>) -> tensor<4x8xf32> {
  %cst = arith.constant 0.0 : f32
  // expected-note@+1 {{when applied to this op}}
  %0 = tensor.pad %a low[0, 0] high[1, 3] {
  ^bb0(%i: index, %j: index):
    tensor.yield %cst : f32
  } : tensor<3x5xf32> to tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %p = transform.structured.match ops{["tensor.pad"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{transform.structured.hoist_pad failed to apply}}
    %h = transform.structured.hoist_pad %p by 1 loops : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
