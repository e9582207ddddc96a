// NaNs keep their bit patterns: payload, sign and signalling bit.
// RUN: mlopt %s | FileCheck %s
// RUN: mlopt %s | mlopt | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s | FileCheck %s %}

// CHECK-LABEL: func.func @nans
func.func @nans() -> (f16, f16, f32, f32, bf16, f64, f32) {
  // CHECK-NEXT: arith.constant 0x7C01 : f16
  // CHECK-NEXT: arith.constant 0xFE00 : f16
  // CHECK-NEXT: arith.constant 0x7F800001 : f32
  // CHECK-NEXT: arith.constant 0xFFC00001 : f32
  // CHECK-NEXT: arith.constant 0x7F81 : bf16
  // CHECK-NEXT: arith.constant 0x7FF0000000000001 : f64
  // CHECK-NEXT: arith.constant 0xFF800000 : f32
  %0 = arith.constant 0x7C01 : f16
  %1 = arith.constant 0xFE00 : f16
  %2 = arith.constant 0x7F800001 : f32
  %3 = arith.constant 0xFFC00001 : f32
  %4 = arith.constant 0x7F81 : bf16
  %5 = arith.constant 0x7FF0000000000001 : f64
  %6 = arith.constant 0xFF800000 : f32
  return %0, %1, %2, %3, %4, %5, %6 : f16, f16, f32, f32, bf16, f64, f32
}
