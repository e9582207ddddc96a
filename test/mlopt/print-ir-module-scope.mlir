// --mlir-print-ir-module-scope dumps the whole module for a pass on a nested
// op, and names that op in the header as upstream does.

// RUN: mlopt %s --pass-pipeline='builtin.module(func.func(cse))' --mlir-print-ir-after-all --mlir-print-ir-module-scope 2>&1 >/dev/null | FileCheck %s

// CHECK: // -----// IR Dump After CSE (cse) ('func.func' operation: @first) //----- //
// CHECK-NEXT: module {
// CHECK: func.func @first
// CHECK: func.func @second
// CHECK: // -----// IR Dump After CSE (cse) ('func.func' operation: @second) //----- //
// CHECK-NEXT: module {

func.func @first() {
  return
}

func.func @second() {
  return
}
