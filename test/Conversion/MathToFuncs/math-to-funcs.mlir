// RUN: mlopt %s --convert-math-to-funcs | FileCheck %s
// RUN: mlopt %s --convert-math-to-funcs='convert-ctlz min-width-of-fpowi-exponent=65' | FileCheck %s --check-prefix=OPTIONS

// One outlined function per type, called once per vector element.

// CHECK-LABEL: func.func @calls
// CHECK-SAME: (%[[B:[^:]+]]: i16, %[[X:[^:]+]]: f32, %[[P:[^:]+]]: i64, %[[V:[^:]+]]: vector<2xi16>)
// CHECK: call @__mlir_math_ipowi_i16(%[[B]], %[[B]]) : (i16, i16) -> i16
// CHECK: call @__mlir_math_fpowi_f32_i64(%[[X]], %[[P]]) : (f32, i64) -> f32
// CHECK: %[[E0:.+]] = vector.extract %[[V]][0] : i16 from vector<2xi16>
// CHECK: call @__mlir_math_ipowi_i16(%[[E0]], %{{.*}}) : (i16, i16) -> i16
// CHECK: vector.extract %[[V]][1] : i16 from vector<2xi16>
// CHECK: call @__mlir_math_ipowi_i16
// CHECK: vector.insert %{{.*}} [1] : i16 into vector<2xi16>
// CHECK: math.ctlz %[[B]] : i16
// CHECK: func.func private @__mlir_math_ipowi_i16(%{{.*}}: i16, %{{.*}}: i16) -> i16
// CHECK: func.func private @__mlir_math_fpowi_f32_i64(%{{.*}}: f32, %{{.*}}: i64) -> f32
// CHECK-NOT: func.func private

// OPTIONS-LABEL: func.func @calls
// OPTIONS: math.fpowi
// OPTIONS: call @__mlir_math_ctlz_i16
// OPTIONS: func.func private @__mlir_math_ctlz_i16(%{{.*}}: i16) -> i16
func.func @calls(%b: i16, %x: f32, %p: i64, %v: vector<2xi16>) -> (i16, f32, vector<2xi16>, i16) {
  %0 = math.ipowi %b, %b : i16
  %1 = math.fpowi %x, %p : f32, i64
  %2 = math.ipowi %v, %v : vector<2xi16>
  %3 = math.ctlz %b : i16
  return %0, %1, %2, %3 : i16, f32, vector<2xi16>, i16
}
