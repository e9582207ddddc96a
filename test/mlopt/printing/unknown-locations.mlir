// A location written as loc(unknown) stays unknown: only ops written without
// a location are located at their name, and only the implicit module around
// the input's ops at the file's 0:0.
// RUN: mlopt %s --allow-unregistered-dialect --mlir-print-debuginfo | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --allow-unregistered-dialect --mlir-print-debuginfo | FileCheck %s %}
// RUN: mlopt %s --allow-unregistered-dialect --mlir-print-debuginfo | mlopt --allow-unregistered-dialect --mlir-print-debuginfo | FileCheck %s

// CHECK-LABEL: func.func @unknown_op(
// CHECK-NEXT: arith.addf {{.*}} loc([[UNKNOWN:#loc[0-9]*]])
// CHECK-NEXT: arith.mulf {{.*}} loc([[LOCATED:#loc[0-9]*]])
// CHECK: } loc([[UNKNOWN]])
func.func @unknown_op(%a: f32) -> f32 {
  %0 = arith.addf %a, %a : f32 loc(unknown)
  %1 = arith.mulf %0, %0 : f32
  return %1 : f32
} loc(unknown)

// CHECK-LABEL: func.func @generic_form(
// CHECK-NEXT: "test.op"() : () -> () loc([[UNKNOWN]])
func.func @generic_form() {
  "test.op"() : () -> () loc(unknown)
  return
}

// CHECK: {{^}}} loc([[MODULE:#loc[0-9]*]])
// CHECK-DAG: [[MODULE]] = loc("{{.*}}unknown-locations.mlir":0:0)
// CHECK-DAG: [[UNKNOWN]] = loc(unknown)
// CHECK-DAG: [[LOCATED]] = loc("{{.*}}unknown-locations.mlir":14:8)
