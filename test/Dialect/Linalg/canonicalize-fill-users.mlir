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
