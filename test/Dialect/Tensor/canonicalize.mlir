// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @dim_of_static_dimension
// CHECK-NEXT: %[[C4:[^ ]+]] = arith.constant 4 : index
// CHECK-NEXT: return %[[C4]] : index
func.func @dim_of_static_dimension(%t: tensor<4x?xf32>) -> index {
  %c0 = arith.constant 0 : index
  %d = tensor.dim %t, %c0 : tensor<4x?xf32>
  return %d : index
}

// -----

// CHECK-LABEL: func.func @dim_of_dynamic_dimension_stays
// CHECK: %[[D:[^ ]+]] = tensor.dim %{{.*}}, %{{.*}} : tensor<4x?xf32>
// CHECK-NEXT: return %[[D]]
func.func @dim_of_dynamic_dimension_stays(%t: tensor<4x?xf32>) -> index {
  %c1 = arith.constant 1 : index
  %d = tensor.dim %t, %c1 : tensor<4x?xf32>
  return %d : index
}

// -----

// CHECK-LABEL: func.func @dim_of_empty
// CHECK-SAME: (%{{[^:]+}}: index, %[[M:[^:]+]]: index)
// CHECK-NEXT: %[[C4:[^ ]+]] = arith.constant 4 : index
// CHECK-NEXT: return %[[C4]], %[[M]] : index, index
func.func @dim_of_empty(%n: index, %m: index) -> (index, index) {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %e = tensor.empty(%n, %m) : tensor<?x4x?xf32>
  %d1 = tensor.dim %e, %c1 : tensor<?x4x?xf32>
  %d2 = tensor.dim %e, %c2 : tensor<?x4x?xf32>
  return %d1, %d2 : index, index
}

// -----

// CHECK-LABEL: func.func @dim_of_generate
// CHECK-SAME: (%[[N:[^:]+]]: index)
// CHECK-NEXT: return %[[N]] : index
func.func @dim_of_generate(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %g = tensor.generate %n {
  ^bb0(%i: index):
    %f = arith.constant 0.0 : f32
    tensor.yield %f : f32
  } : tensor<?xf32>
  %d = tensor.dim %g, %c0 : tensor<?xf32>
  return %d : index
}

// -----

// CHECK-LABEL: func.func @cast_of_cast
// CHECK-SAME: (%[[T:[^:]+]]: tensor<4x8xf32>)
// CHECK-NEXT: %[[C:[^ ]+]] = tensor.cast %[[T]] : tensor<4x8xf32> to tensor<4x?xf32>
// CHECK-NEXT: return %[[C]]
func.func @cast_of_cast(%t: tensor<4x8xf32>) -> tensor<4x?xf32> {
  %0 = tensor.cast %t : tensor<4x8xf32> to tensor<?x?xf32>
  %1 = tensor.cast %0 : tensor<?x?xf32> to tensor<4x?xf32>
  return %1 : tensor<4x?xf32>
}

// -----

// Dropping the middle cast would drop its runtime check that dimension 0 is 4.
// CHECK-LABEL: func.func @cast_of_cast_keeps_check
// CHECK: tensor.cast %{{.*}} : tensor<?x?xf32> to tensor<4x?xf32>
// CHECK-NEXT: tensor.cast %{{.*}} : tensor<4x?xf32> to tensor<?x?xf32>
func.func @cast_of_cast_keeps_check(%t: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %0 = tensor.cast %t : tensor<?x?xf32> to tensor<4x?xf32>
  %1 = tensor.cast %0 : tensor<4x?xf32> to tensor<?x?xf32>
  return %1 : tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @cast_to_same_type
// CHECK-SAME: (%[[T:[^:]+]]: tensor<4xf32>)
// CHECK-NEXT: return %[[T]]
func.func @cast_to_same_type(%t: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensor.cast %t : tensor<4xf32> to tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @extract_from_elements
// CHECK-SAME: (%{{[^:]+}}: f32, %{{[^:]+}}: f32, %[[C:[^:]+]]: f32, %{{[^:]+}}: f32)
// CHECK-NEXT: return %[[C]] : f32
func.func @extract_from_elements(%a: f32, %b: f32, %c: f32, %d: f32) -> f32 {
  %c1 = arith.constant 1 : index
  %c0 = arith.constant 0 : index
  %t = tensor.from_elements %a, %b, %c, %d : tensor<2x2xf32>
  %e = tensor.extract %t[%c1, %c0] : tensor<2x2xf32>
  return %e : f32
}

// -----

// CHECK-LABEL: func.func @extract_from_elements_out_of_bounds
// CHECK: tensor.extract
func.func @extract_from_elements_out_of_bounds(%a: f32, %b: f32) -> f32 {
  %c2 = arith.constant 2 : index
  %t = tensor.from_elements %a, %b : tensor<2xf32>
  %e = tensor.extract %t[%c2] : tensor<2xf32>
  return %e : f32
}

// -----

// Upstream leaves an extract of tensor.splat alone.
// CHECK-LABEL: func.func @extract_from_splat_stays
// CHECK: tensor.splat
// CHECK-NEXT: tensor.extract
func.func @extract_from_splat_stays(%a: f32, %i: index) -> f32 {
  %t = tensor.splat %a : tensor<4xf32>
  %e = tensor.extract %t[%i] : tensor<4xf32>
  return %e : f32
}

// -----

// CHECK-LABEL: func.func @extract_from_dense_constant
// CHECK-DAG: %[[E:[^ ]+]] = arith.constant 3.000000e+00 : f32
// CHECK-DAG: %[[S:[^ ]+]] = arith.constant 7 : i32
// CHECK: return %[[E]], %[[S]] : f32, i32
func.func @extract_from_dense_constant(%i: index) -> (f32, i32) {
  %c2 = arith.constant 2 : index
  %t = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %s = arith.constant dense<7> : tensor<2x2xi32>
  %e = tensor.extract %t[%c2] : tensor<3xf32>
  %f = tensor.extract %s[%i, %i] : tensor<2x2xi32>
  return %e, %f : f32, i32
}
