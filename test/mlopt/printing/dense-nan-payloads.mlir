// Elements of dense attributes keep their bit patterns: NaN payloads, the
// signalling bit and the sign; a splat is found by bits (NaN != NaN, and
// 0.0 == -0.0 is no splat).
// RUN: mlopt %s | FileCheck %s
// RUN: mlopt %s | mlopt | FileCheck %s
// RUN: mlopt %s --mlir-print-op-generic | mlopt | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s | FileCheck %s %}

// CHECK-LABEL: func.func @nans
func.func @nans() -> (tensor<2xf32>, tensor<2xf32>, tensor<3xf16>, tensor<2xf16>, tensor<2xbf16>, tensor<2xf64>, tensor<2xf32>) {
  // CHECK-NEXT: arith.constant dense<[0x7FC00001, 0x7F800001]> : tensor<2xf32>
  // CHECK-NEXT: arith.constant dense<0x7FA00000> : tensor<2xf32>
  // CHECK-NEXT: arith.constant dense<[0x7C01, 0xFE00, 1.000000e+00]> : tensor<3xf16>
  // CHECK-NEXT: arith.constant dense<0x7C01> : tensor<2xf16>
  // CHECK-NEXT: arith.constant dense<[0x7F81, 0xFFC1]> : tensor<2xbf16>
  // CHECK-NEXT: arith.constant dense<[0x7FF0000000000001, 0x7FF8000000000000]> : tensor<2xf64>
  // CHECK-NEXT: arith.constant dense<[0.000000e+00, -0.000000e+00]> : tensor<2xf32>
  %0 = arith.constant dense<[0x7FC00001, 0x7F800001]> : tensor<2xf32>
  %1 = arith.constant dense<0x7FA00000> : tensor<2xf32>
  %2 = arith.constant dense<[0x7C01, 0xFE00, 1.0]> : tensor<3xf16>
  %3 = arith.constant dense<0x7C01> : tensor<2xf16>
  %4 = arith.constant dense<[0x7F81, 0xFFC1]> : tensor<2xbf16>
  %5 = arith.constant dense<[0x7FF0000000000001, 0x7FF8000000000000]> : tensor<2xf64>
  %6 = arith.constant dense<[0.0, -0.0]> : tensor<2xf32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<2xf32>, tensor<2xf32>, tensor<3xf16>, tensor<2xf16>, tensor<2xbf16>, tensor<2xf64>, tensor<2xf32>
}

// A splat of a signalling NaN written as its splat form.
// CHECK-LABEL: func.func @splat
func.func @splat() -> tensor<2x2xf32> {
  // CHECK-NEXT: arith.constant dense<0x7F800001> : tensor<2x2xf32>
  %0 = arith.constant dense<[[0x7F800001, 0x7F800001], [0x7F800001, 0x7F800001]]> : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}
