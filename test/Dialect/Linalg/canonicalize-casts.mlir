// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --canonicalize | FileCheck %s %}

// The linalg op reads the static tensors behind the casts; its result takes
// the static init type and is cast back for the return.
// CHECK-LABEL: func.func @static_operands_behind_casts
// CHECK-SAME: (%[[X:.*]]: tensor<2x5xf32>, %[[Y:.*]]: tensor<2x5xf32>, %[[O:.*]]: tensor<2x5xf32>)
// CHECK: %[[R:.*]] = linalg.add ins(%[[X]], %[[Y]] : tensor<2x5xf32>, tensor<2x5xf32>) outs(%[[O]] : tensor<2x5xf32>) -> tensor<2x5xf32>
// CHECK-NEXT: %[[C:.*]] = tensor.cast %[[R]] : tensor<2x5xf32> to tensor<?x?xf32>
// CHECK-NEXT: return %[[C]]
func.func @static_operands_behind_casts(%x: tensor<2x5xf32>, %y: tensor<2x5xf32>, %o: tensor<2x5xf32>) -> tensor<?x?xf32> {
  %dx = tensor.cast %x : tensor<2x5xf32> to tensor<?x?xf32>
  %dy = tensor.cast %y : tensor<2x5xf32> to tensor<?x5xf32>
  %do = tensor.cast %o : tensor<2x5xf32> to tensor<?x?xf32>
  %dy2 = tensor.cast %dy : tensor<?x5xf32> to tensor<?x?xf32>
  %r = linalg.add ins(%dx, %dy2 : tensor<?x?xf32>, tensor<?x?xf32>) outs(%do : tensor<?x?xf32>) -> tensor<?x?xf32>
  return %r : tensor<?x?xf32>
}

// -----

// A cast that adds a static size is a check: the linalg op keeps reading it.
// CHECK-LABEL: func.func @cast_that_checks
// CHECK: %[[S:.*]] = tensor.cast %{{.*}} : tensor<?xi32> to tensor<3xi32>
// CHECK: linalg.copy ins(%[[S]] : tensor<3xi32>)
func.func @cast_that_checks(%x: tensor<?xi32>, %o: tensor<3xi32>) -> tensor<3xi32> {
  %s = tensor.cast %x : tensor<?xi32> to tensor<3xi32>
  %r = linalg.copy ins(%s : tensor<3xi32>) outs(%o : tensor<3xi32>) -> tensor<3xi32>
  return %r : tensor<3xi32>
}

// -----

// On buffers the linalg op uses the memref behind the cast.
// CHECK-LABEL: func.func @buffers_behind_casts
// CHECK-SAME: (%[[A:.*]]: memref<4x4xf32>, %[[B:.*]]: memref<4x4xf32>)
// CHECK-NEXT: linalg.matmul ins(%[[A]], %[[A]] : memref<4x4xf32>, memref<4x4xf32>) outs(%[[B]] : memref<4x4xf32>)
// CHECK-NEXT: return
func.func @buffers_behind_casts(%a: memref<4x4xf32>, %b: memref<4x4xf32>) {
  %ca = memref.cast %a : memref<4x4xf32> to memref<?x?xf32>
  %cb = memref.cast %b : memref<4x4xf32> to memref<?x4xf32>
  linalg.matmul ins(%ca, %ca : memref<?x?xf32>, memref<?x?xf32>) outs(%cb : memref<?x4xf32>)
  return
}
