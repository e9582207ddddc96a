// A block argument without a location is located at its name, as upstream's
// parser does; one written keeps it. (mlopt prints locations in place, as
// mlir-opt does with --mlir-print-local-scope.)
// RUN: mlopt %s --mlir-print-debuginfo | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --mlir-print-debuginfo --mlir-print-local-scope | FileCheck %s %}

// CHECK-LABEL: func.func @f(
// CHECK-SAME: %arg0: i32 loc("{{.*}}block-argument-locations.mlir":[[# @LINE + 2]]:14)
// CHECK-SAME: %arg1: i32 loc("named")
func.func @f(%a: i32, %b: i32 loc("named")) -> i32 {
  // CHECK: ^bb1(%0: i32 loc("{{.*}}block-argument-locations.mlir":[[# @LINE + 3]]:6)):
  // CHECK-SAME: // pred: ^bb0
  cf.br ^bb1(%a : i32)
^bb1(%x: i32):
  return %x : i32
}
