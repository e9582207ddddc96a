// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --canonicalize | FileCheck %s %}

// CHECK-LABEL: func.func @bitcasts_chained
// CHECK-SAME: (%[[T:[^:]*]]: tensor<3xi16>)
// CHECK-NEXT: %[[B:.*]] = tensor.bitcast %[[T]] : tensor<3xi16> to tensor<3xf16>
// CHECK-NEXT: return %[[B]]
func.func @bitcasts_chained(%t: tensor<3xi16>) -> tensor<3xf16> {
  %0 = tensor.bitcast %t : tensor<3xi16> to tensor<3xbf16>
  %1 = tensor.bitcast %0 : tensor<3xbf16> to tensor<3xf16>
  return %1 : tensor<3xf16>
}

// -----

// CHECK-LABEL: func.func @bitcasts_back_and_forth
// CHECK-SAME: (%[[T:[^:]*]]: tensor<?xf32>)
// CHECK-NEXT: return %[[T]]
func.func @bitcasts_back_and_forth(%t: tensor<?xf32>) -> tensor<?xf32> {
  %0 = tensor.bitcast %t : tensor<?xf32> to tensor<?xi32>
  %1 = tensor.bitcast %0 : tensor<?xi32> to tensor<?xf32>
  return %1 : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @insert_what_is_everywhere
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<7> : tensor<2x2xi8>
// CHECK-NEXT: return %[[C]]
func.func @insert_what_is_everywhere(%i: index) -> tensor<2x2xi8> {
  %splat = arith.constant dense<7> : tensor<2x2xi8>
  %seven = arith.constant 7 : i8
  %0 = tensor.insert %seven into %splat[%i, %i] : tensor<2x2xi8>
  return %0 : tensor<2x2xi8>
}

// -----

// CHECK-LABEL: func.func @insert_something_else
// CHECK: tensor.insert
func.func @insert_something_else(%i: index) -> tensor<2x2xi8> {
  %splat = arith.constant dense<7> : tensor<2x2xi8>
  %six = arith.constant 6 : i8
  %0 = tensor.insert %six into %splat[%i, %i] : tensor<2x2xi8>
  return %0 : tensor<2x2xi8>
}
