// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --canonicalize | FileCheck %s %}

// CHECK-LABEL: func.func @copy_onto_itself
// CHECK-SAME: (%{{[^:]*}}: memref<8xi32>, %[[T:[^:]*]]: tensor<4xf32>)
// CHECK-NEXT: return %[[T]]
func.func @copy_onto_itself(%m: memref<8xi32>, %t: tensor<4xf32>) -> tensor<4xf32> {
  linalg.copy ins(%m : memref<8xi32>) outs(%m : memref<8xi32>)
  %0 = linalg.copy ins(%t : tensor<4xf32>) outs(%t : tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @copy_elsewhere_stays
// CHECK: linalg.copy
func.func @copy_elsewhere_stays(%a: memref<8xi32>, %b: memref<8xi32>) {
  linalg.copy ins(%a : memref<8xi32>) outs(%b : memref<8xi32>)
  return
}

// -----

#id = affine_map<(d0, d1) -> (d0, d1)>

// The results are the operands the body passes on, in its order.

// CHECK-LABEL: func.func @generic_passes_operands_on
// CHECK-SAME: (%[[A:[^:]*]]: tensor<2x3xf32>, %[[B:[^:]*]]: tensor<2x3xf32>)
// CHECK-NEXT: return %[[B]], %[[A]]
func.func @generic_passes_operands_on(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  %init = tensor.empty() : tensor<2x3xf32>
  %0:2 = linalg.generic {indexing_maps = [#id, #id, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%a, %b : tensor<2x3xf32>, tensor<2x3xf32>) outs(%init, %init : tensor<2x3xf32>, tensor<2x3xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32, %p: f32):
    linalg.yield %y, %x : f32, f32
  } -> (tensor<2x3xf32>, tensor<2x3xf32>)
  return %0#0, %0#1 : tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

#id = affine_map<(d0) -> (d0)>

// CHECK-LABEL: func.func @generic_passes_on_a_more_dynamic_operand
// CHECK-SAME: (%[[A:[^:]*]]: tensor<?xf32>)
// CHECK-NEXT: %[[C:.*]] = tensor.cast %[[A]] : tensor<?xf32> to tensor<5xf32>
// CHECK-NEXT: return %[[C]]
func.func @generic_passes_on_a_more_dynamic_operand(%a: tensor<?xf32>) -> tensor<5xf32> {
  %init = tensor.empty() : tensor<5xf32>
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%a : tensor<?xf32>) outs(%init : tensor<5xf32>) {
  ^bb0(%x: f32, %o: f32):
    linalg.yield %x : f32
  } -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

#id = affine_map<(d0) -> (d0)>

// CHECK-LABEL: func.func @generic_copies_buffer_onto_itself
// CHECK-NEXT: return
func.func @generic_copies_buffer_onto_itself(%m: memref<16xf32>) {
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%m : memref<16xf32>) outs(%m : memref<16xf32>) {
  ^bb0(%x: f32, %o: f32):
    linalg.yield %x : f32
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
#rev = affine_map<(d0) -> (-d0 + 15)>

// Different indexing maps move elements: the generic stays.

// CHECK-LABEL: func.func @generic_that_reverses
// CHECK: linalg.generic
func.func @generic_that_reverses(%a: tensor<16xf32>, %init: tensor<16xf32>) -> tensor<16xf32> {
  %0 = linalg.generic {indexing_maps = [#rev, #id], iterator_types = ["parallel"]}
      ins(%a : tensor<16xf32>) outs(%init : tensor<16xf32>) {
  ^bb0(%x: f32, %o: f32):
    linalg.yield %x : f32
  } -> tensor<16xf32>
  return %0 : tensor<16xf32>
}

// -----

#id = affine_map<(d0) -> (d0)>

// A body that computes stays.

// CHECK-LABEL: func.func @generic_that_computes
// CHECK: linalg.generic
// CHECK: arith.negf
func.func @generic_that_computes(%a: tensor<16xf32>, %init: tensor<16xf32>) -> tensor<16xf32> {
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%a : tensor<16xf32>) outs(%init : tensor<16xf32>) {
  ^bb0(%x: f32, %o: f32):
    %n = arith.negf %x : f32
    linalg.yield %n : f32
  } -> tensor<16xf32>
  return %0 : tensor<16xf32>
}
