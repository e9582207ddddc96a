// RUN: mlopt %s | FileCheck %s

// The boundaries the literal checks must keep accepting: signless integers
// take signed and unsigned values, an index takes signed 64-bit ones, and a
// hexadecimal literal is a float's bit pattern.

// CHECK-LABEL: func.func @bounds
func.func @bounds() -> (i8, i8, index, index, f32, vector<2xf32>) {
  // CHECK: arith.constant -128 : i8
  %min = arith.constant -128 : i8
  // CHECK: arith.constant -1 : i8
  %max = arith.constant 255 : i8
  // CHECK: arith.constant 9223372036854775807 : index
  %big = arith.constant 9223372036854775807 : index
  // CHECK: arith.constant -9223372036854775808 : index
  %small = arith.constant -9223372036854775808 : index
  // CHECK: arith.constant 1.000000e+00 : f32
  %one = arith.constant 0x3F800000 : f32
  // CHECK: arith.constant dense<[1.000000e+00, 2.500000e+00]> : vector<2xf32>
  %pair = arith.constant dense<[1.0, 2.5]> : vector<2xf32>
  return %min, %max, %big, %small, %one, %pair : i8, i8, index, index, f32, vector<2xf32>
}

// CHECK-LABEL: func.func @widest_integer
// CHECK-SAME: i16777215
func.func @widest_integer(%a: i16777215) {
  return
}

// CHECK-LABEL: func.func @flags
func.func @flags(%a: f32) -> f32 {
  // CHECK: arith.addf %{{.*}}, %{{.*}} fastmath<nnan,ninf> : f32
  %c = arith.addf %a, %a fastmath<nnan, ninf> : f32
  return %c : f32
}
