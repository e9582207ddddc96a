// RUN: mlopt %s --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --canonicalize | FileCheck %s %}

// An element taken from a dense constant of complex numbers is a
// complex.constant; a tensor built from such elements is a dense constant again.

// CHECK-LABEL: func.func @complex_elements
// CHECK-DAG: %[[SECOND:.*]] = complex.constant [3 : i32, -4 : i32] : complex<i32>
// CHECK-DAG: %[[ANY:.*]] = complex.constant [5.000000e-01 : f32, -2.500000e+00 : f32] : complex<f32>
// CHECK-DAG: %[[SWAPPED:.*]] = arith.constant dense<[(3,-4), (1,2)]> : tensor<2xcomplex<i32>>
// CHECK-NOT: tensor.extract
// CHECK-NOT: tensor.from_elements
// CHECK: return %[[SECOND]], %[[ANY]], %[[SWAPPED]]
func.func @complex_elements() -> (complex<i32>, complex<f32>, tensor<2xcomplex<i32>>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %ints = arith.constant dense<[(1, 2), (3, -4)]> : tensor<2xcomplex<i32>>
  %first = tensor.extract %ints[%c0] : tensor<2xcomplex<i32>>
  %second = tensor.extract %ints[%c1] : tensor<2xcomplex<i32>>
  %splat = arith.constant dense<(0.5, -2.5)> : tensor<2x2xcomplex<f32>>
  %any = tensor.extract %splat[%c1, %c0] : tensor<2x2xcomplex<f32>>
  %swapped = tensor.from_elements %second, %first : tensor<2xcomplex<i32>>
  return %second, %any, %swapped : complex<i32>, complex<f32>, tensor<2xcomplex<i32>>
}
