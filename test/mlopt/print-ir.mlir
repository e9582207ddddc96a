// RUN: mlopt %s --mlir-print-ir-before=cse --mlir-print-ir-after-all --canonicalize --cse -o /dev/null 2>&1 | FileCheck %s
// RUN: mlopt %s --mlir-print-ir-after-all --mlir-print-ir-after-change --canonicalize --cse -o /dev/null 2>&1 | FileCheck %s --check-prefix=CHANGE
// RUN: mlopt %s --pass-pipeline='builtin.module(func.func(cse))' --mlir-print-ir-after=cse -o /dev/null 2>&1 | FileCheck %s --check-prefix=NESTED
// RUN: mlopt %s --pass-pipeline='builtin.module(func.func(cse))' --mlir-print-ir-after=cse --mlir-print-ir-module-scope -o /dev/null 2>&1 | FileCheck %s --check-prefix=SCOPE
// RUN: not mlopt %s --cse --check-llvm-legality --mlir-print-ir-after-failure -o /dev/null 2>&1 | FileCheck %s --check-prefix=FAILURE

// A top-level module's dump ends with two blank lines, a nested op's with one (as mlir-opt).
// CHECK: // -----// IR Dump After Canonicalizer (canonicalize) //----- //
// CHECK-NEXT: module {
// CHECK: {{^}}}
// CHECK-EMPTY:
// CHECK-EMPTY:
// CHECK-NEXT: // -----// IR Dump Before CSE (cse) //----- //
// CHECK: arith.addi
// CHECK: arith.addi
// CHECK: // -----// IR Dump After CSE (cse) //----- //
// CHECK: arith.addi
// CHECK-NOT: arith.addi
// CHECK: return

// Canonicalize changes nothing here, so only CSE's dump is printed.
// CHANGE-NOT: Canonicalizer
// CHANGE: // -----// IR Dump After CSE (cse) //----- //
// CHANGE-NOT: Canonicalizer

// A nested pass dumps the op it ran on.
// NESTED: // -----// IR Dump After CSE (cse) //----- //
// NESTED-NEXT: func.func @twice
// NESTED: {{^}}}
// NESTED-EMPTY:
// NESTED-NOT: {{.}}

// SCOPE: // -----// IR Dump After CSE (cse) ('func.func' operation: @twice) //----- //
// SCOPE-NEXT: module {

// Only the failing pass dumps, marked as failed, followed by its error.
// FAILURE-NOT: IR Dump After CSE
// FAILURE: // -----// IR Dump After CheckLLVMLegalityPass Failed (check-llvm-legality) //----- //
// FAILURE-NEXT: module {
// FAILURE: error: 'arith.addi' op was not lowered to the llvm dialect

func.func @twice(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
