// RUN: mlopt %s --convert-math-to-libm | FileCheck %s

// CHECK-DAG: func.func private @acoshf(f32) -> f32 attributes {llvm.readnone}
// CHECK-DAG: func.func private @erf(f64) -> f64 attributes {llvm.readnone}
// CHECK-DAG: func.func private @atan2f(f32, f32) -> f32 attributes {llvm.readnone}

// CHECK-LABEL: func.func @calls
func.func @calls(%x: f32, %y: f64) -> (f32, f64, f32, f32) {
  // CHECK: call @acoshf(%{{.*}}) : (f32) -> f32
  %0 = math.acosh %x : f32
  // CHECK: call @erf(%{{.*}}) : (f64) -> f64
  %1 = math.erf %y : f64
  // CHECK: call @atan2f(%{{.*}}, %{{.*}}) : (f32, f32) -> f32
  %2 = math.atan2 %x, %x : f32
  // One declaration per function.
  // CHECK: call @acoshf(%{{.*}}) : (f32) -> f32
  %3 = math.acosh %2 : f32
  return %0, %1, %2, %3 : f32, f64, f32, f32
}
