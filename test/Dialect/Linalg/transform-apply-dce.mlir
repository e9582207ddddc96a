// RUN: mlopt %s --transform-interpreter | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --transform-interpreter | FileCheck %s %}

// transform.apply_dce erases linalg ops on tensors whose results are unused
// (what fusing a producer into a loop leaves behind); on buffers they write
// memory and stay.

// CHECK-LABEL: func.func @fused_away
// CHECK-SAME: (%[[X:[^:]*]]: tensor<4x8xf32>, %[[B:[^:]*]]: memref<4x8xf32>)
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant
// CHECK-NEXT: linalg.fill ins(%[[ZERO]] : f32) outs(%[[B]] : memref<4x8xf32>)
// CHECK-NEXT: return %[[X]]
func.func @fused_away(%x: tensor<4x8xf32>, %b: memref<4x8xf32>) -> tensor<4x8xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<4x8xf32>
  %filled = linalg.fill ins(%zero : f32) outs(%empty : tensor<4x8xf32>) -> tensor<4x8xf32>
  %exp = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                         iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xf32>) outs(%filled : tensor<4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    %e = math.exp %in : f32
    linalg.yield %e : f32
  } -> tensor<4x8xf32>
  linalg.fill ins(%zero : f32) outs(%b : memref<4x8xf32>)
  return %x : tensor<4x8xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%module: !transform.any_op {transform.readonly}) {
    %functions = transform.structured.match ops{["func.func"]} in %module : (!transform.any_op) -> !transform.any_op
    transform.apply_dce to %functions : !transform.any_op
    transform.yield
  }
}
