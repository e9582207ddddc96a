// convert-math-to-funcs keeps the numbers: integer powers (negative powers
// of ±1 and others), float powers with negative and most-negative integer
// exponents, and the software ctlz, on scalars and vectors. The CHECK lines
// are mlir-runner's output for mlir-opt --convert-math-to-funcs=convert-ctlz
// --test-lower-to-llvm.
// RUN: mlopt %s --convert-math-to-funcs=convert-ctlz | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-math-to-funcs | FileCheck %s --check-prefix=CALLS

// CALLS-LABEL: func.func @powers
// CALLS: call @__mlir_math_ipowi_i32
// CALLS: call @__mlir_math_fpowi_f64_i32
// CALLS: math.ctlz
// CALLS: func.func private @__mlir_math_ipowi_i32
// CALLS-SAME: llvm.linkage
// CALLS: func.func private @__mlir_math_fpowi_f64_i32
func.func @powers(%b: i32, %p: i32, %x: f64) {
  %i = math.ipowi %b, %p : i32
  %f = math.fpowi %x, %p : f64, i32
  %z = math.ctlz %b : i32
  vector.print %i : i32
  vector.print %f : f64
  vector.print %z : i32
  return
}

func.func @vectors(%b: vector<3xi8>, %p: vector<3xi8>, %x: vector<3xf32>) {
  %i = math.ipowi %b, %p : vector<3xi8>
  %f = math.fpowi %x, %p : vector<3xf32>, vector<3xi8>
  vector.print %i : vector<3xi8>
  vector.print %f : vector<3xf32>
  return
}

// CHECK: 243
// CHECK-NEXT: 7.59375
// CHECK-NEXT: 30
// CHECK-NEXT: -1
// CHECK-NEXT: 0.296296
// CHECK-NEXT: 0
// CHECK-NEXT: 1
// CHECK-NEXT: 0.444444
// CHECK-NEXT: 0
// CHECK-NEXT: 0
// CHECK-NEXT: 0.444444
// CHECK-NEXT: 30
// CHECK-NEXT: 1
// CHECK-NEXT: 1
// CHECK-NEXT: 32
// CHECK-NEXT: -27
// CHECK-NEXT: 1
// CHECK-NEXT: 0
// CHECK-NEXT: 0
// CHECK-NEXT: 1
// CHECK-NEXT: 29
// CHECK-NEXT: ( -128, -27, 0 )
// CHECK-NEXT: ( 128, -0.125, 0.25 )
func.func @main() {
  %c3 = arith.constant 3 : i32
  %c5 = arith.constant 5 : i32
  %cm1 = arith.constant -1 : i32
  %cm2 = arith.constant -2 : i32
  %cm3 = arith.constant -3 : i32
  %c0 = arith.constant 0 : i32
  %min = arith.constant -2147483648 : i32
  %x = arith.constant 1.5 : f64
  %one = arith.constant 1.0 : f64
  func.call @powers(%c3, %c5, %x) : (i32, i32, f64) -> ()
  func.call @powers(%cm1, %cm3, %x) : (i32, i32, f64) -> ()
  func.call @powers(%cm1, %cm2, %x) : (i32, i32, f64) -> ()
  func.call @powers(%c3, %cm2, %x) : (i32, i32, f64) -> ()
  func.call @powers(%c0, %c0, %x) : (i32, i32, f64) -> ()
  func.call @powers(%cm3, %c3, %one) : (i32, i32, f64) -> ()
  func.call @powers(%c5, %min, %one) : (i32, i32, f64) -> ()
  %b = arith.constant dense<[2, -3, 7]> : vector<3xi8>
  %p = arith.constant dense<[7, 3, -1]> : vector<3xi8>
  %v = arith.constant dense<[2.0, -0.5, 4.0]> : vector<3xf32>
  func.call @vectors(%b, %p, %v) : (vector<3xi8>, vector<3xi8>, vector<3xf32>) -> ()
  return
}
