// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --canonicalize | FileCheck %s %}

// extf of a constant is the same value in the wider type: the f16 nearest to
// 0.1 is 0.0999755859375, exactly, in f32 too.
// CHECK-LABEL: func.func @extf_of_constants
// CHECK-DAG: %[[S:.*]] = arith.constant 0.0999755859 : f32
// CHECK-DAG: %[[V:.*]] = arith.constant dense<[1.500000e+00, -2.500000e-01, 3.200000e+01]> : vector<3xf64>
// CHECK-NOT: arith.extf
// CHECK: return %[[S]], %[[V]]
func.func @extf_of_constants() -> (f32, vector<3xf64>) {
  %h = arith.constant 0.1 : f16
  %s = arith.extf %h : f16 to f32
  %b = arith.constant dense<[1.5, -0.25, 32.0]> : vector<3xbf16>
  %v = arith.extf %b : vector<3xbf16> to vector<3xf64>
  return %s, %v : f32, vector<3xf64>
}

// -----

// truncf of extf: back to the source type is the source; to a type whose
// values the source type all holds, a truncf of the source. f16 and bf16 do
// not hold each other's values, and f16 not f32's: those pairs stay.
// CHECK-LABEL: func.func @truncf_of_extf
// CHECK-SAME: (%[[H:[^:]*]]: f16, %[[F:[^:]*]]: f32, %[[B:[^:]*]]: bf16)
// CHECK-DAG: %[[DIRECT:.*]] = arith.truncf %[[F]] : f32 to f16
// CHECK-DAG: %[[WIDE:.*]] = arith.extf %[[B]] : bf16 to f32
// CHECK-DAG: %[[KEPT:.*]] = arith.truncf %[[WIDE]] : f32 to f16
// CHECK-DAG: %[[WIDEH:.*]] = arith.extf %[[H]] : f16 to f64
// CHECK-DAG: %[[UP:.*]] = arith.truncf %[[WIDEH]] : f64 to f32
// CHECK: return %[[H]], %[[DIRECT]], %[[KEPT]], %[[UP]]
func.func @truncf_of_extf(%h: f16, %f: f32, %b: bf16) -> (f16, f16, f16, f32) {
  %h64 = arith.extf %h : f16 to f64
  %back = arith.truncf %h64 : f64 to f16
  %f64 = arith.extf %f : f32 to f64
  %direct = arith.truncf %f64 : f64 to f16
  %b32 = arith.extf %b : bf16 to f32
  %kept = arith.truncf %b32 : f32 to f16
  %up = arith.truncf %h64 : f64 to f32
  return %back, %direct, %kept, %up : f16, f16, f16, f32
}
