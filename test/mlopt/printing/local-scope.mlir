// --mlir-print-local-scope prints attributes and locations where they are
// used: no #map, #set or #loc definitions, and no blank line after the module.
// RUN: mlopt %s --mlir-print-local-scope | FileCheck %s --strict-whitespace
// RUN: %if mlir-opt %{ %mlir_opt %s --mlir-print-local-scope | FileCheck %s --strict-whitespace %}
// RUN: mlopt %s --mlir-print-local-scope --mlir-print-debuginfo | FileCheck %s --check-prefix=LOC
// RUN: %if mlir-opt %{ %mlir_opt %s --mlir-print-local-scope --mlir-print-debuginfo | FileCheck %s --check-prefix=LOC %}
// An op printed inside its module (an IR dump of a function) is printed in
// local scope without the flag.
// RUN: mlopt %s --pass-pipeline='builtin.module(func.func(cse))' --mlir-print-ir-after=cse -o /dev/null 2>&1 | FileCheck %s --check-prefix=DUMP
// RUN: %if mlir-opt %{ %mlir_opt %s --pass-pipeline='builtin.module(func.func(cse))' --mlir-print-ir-after=cse -o /dev/null 2>&1 | FileCheck %s --check-prefix=DUMP %}

// CHECK-NOT: #
// CHECK:      {{^}}module {
// CHECK-NEXT: func.func @f(%arg0: index) -> (index, tensor<2xf32>) {
// CHECK-NEXT:   %0 = affine.apply affine_map<(d0) -> (d0 + 1)>(%arg0)
// CHECK-NEXT:   %1 = affine.apply affine_map<(d0) -> (d0 * 2)>(%0)
// CHECK-NEXT:   %2 = affine.apply affine_map<(d0) -> (d0 + 1)>(%1)
// CHECK-NEXT:   %cst = arith.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK-NEXT:   %cst_0 = arith.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK-NEXT:   %3 = arith.addf %cst, %cst_0 : tensor<2xf32>
// CHECK-NEXT:   %4 = affine.if affine_set<(d0) : (d0 - 1 >= 0)>(%arg0) -> index {
// CHECK:        return %4, %3 : index, tensor<2xf32>
// CHECK-NEXT: }
// CHECK-NEXT: {{^}}}
// CHECK-EMPTY:
// CHECK-NOT: {{.}}

// LOC-NOT: #
// LOC:      func.func @f(%arg0: index loc("{{.*}}local-scope.mlir":[[# @LINE + 14]]:14)) -> (index, tensor<2xf32>) {
// LOC-NEXT:   affine.apply affine_map<(d0) -> (d0 + 1)>(%arg0) loc("{{.*}}local-scope.mlir":[[# @LINE + 14]]:8)
// LOC-NEXT:   affine.apply affine_map<(d0) -> (d0 * 2)>(%0) loc("x.mlir":3:4)
// LOC:        arith.addf %cst, %cst_0 : tensor<2xf32> loc(fused["a", "b"])
// LOC:        affine.yield %arg0 : index loc("{{.*}}local-scope.mlir":[[# @LINE + 18]]:5)
// LOC:      } loc("{{.*}}local-scope.mlir":[[# @LINE + 9]]:1)
// LOC-NEXT: } loc("{{.*}}local-scope.mlir":0:0)
// LOC-NOT: #

// DUMP:      // -----// IR Dump After CSE (cse) //----- //
// DUMP-NEXT: func.func @f
// DUMP-NEXT:   affine.apply affine_map<(d0) -> (d0 + 1)>(%arg0)
// DUMP-NOT: #map
#map = affine_map<(d0) -> (d0 + 1)>
func.func @f(%a: index) -> (index, tensor<2xf32>) {
  %0 = affine.apply #map(%a)
  %1 = affine.apply affine_map<(d0) -> (d0 * 2)>(%0) loc("x.mlir":3:4)
  %2 = affine.apply #map(%1)
  %c = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %d = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %e = arith.addf %c, %d : tensor<2xf32> loc(fused["a", "b"])
  %s = affine.if affine_set<(d0) : (d0 - 1 >= 0)>(%a) -> index {
    affine.yield %a : index
  } else {
    affine.yield %2 : index
  }
  return %s, %e : index, tensor<2xf32>
}
