// RUN: mlopt %s | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s | FileCheck %s %}

// Floats print as mlir-opt prints them: six digits in exponent form when they
// read back exactly; else APFloat's default string (its digits are cut, then
// rounded half up, so not always the nearest ones; an uppercase E without
// padding); else the bit pattern.

// CHECK-LABEL: func.func @floats
// CHECK: arith.constant 1.000000e-01 : f64
// CHECK: arith.constant 3.14159274 : f32
// CHECK: arith.constant 1.07574668E+37 : f32
// CHECK: arith.constant 7.41629992E-5 : f32
// CHECK: arith.constant 9250.7998 : f32
// CHECK: arith.constant 1.23456789012345E+200 : f64
// CHECK: arith.constant -0.000000e+00 : f32
// CHECK: arith.constant 0x4B800001 : f32
func.func @floats() -> (f64, f32, f32, f32, f32, f64, f32, f32) {
  %a = arith.constant 0.1 : f64
  %b = arith.constant 3.14159274 : f32
  %c = arith.constant 1.07574668E+37 : f32
  %d = arith.constant 7.41629992E-5 : f32
  %e = arith.constant 9250.7998 : f32
  %f = arith.constant 1.23456789012345e+200 : f64
  %g = arith.constant -0.0 : f32
  %h = arith.constant 0x4B800001 : f32
  return %a, %b, %c, %d, %e, %f, %g, %h : f64, f32, f32, f32, f32, f64, f32, f32
}
