// --mlir-print-ir-tree-dir writes each dump to its own file, in directories
// nesting as the ops the passes ran on (upstream's layout: op name with '_'
// for '.', then the symbol name; files named by per-op dump counters and the pass).

// RUN: rm -rf %t && mlopt %s --pass-pipeline='builtin.module(canonicalize,func.func(cse,canonicalize))' --mlir-print-ir-after-all --mlir-print-ir-before=cse --mlir-print-ir-tree-dir=%t | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --check-prefix=MODULE < %t/builtin_module_no-symbol-name/0_canonicalize.mlir
// RUN: FileCheck %s --check-prefix=BEFORE-CSE < %t/builtin_module_no-symbol-name/func_func_twice/0_0_cse.mlir
// RUN: FileCheck %s --check-prefix=AFTER-CSE < %t/builtin_module_no-symbol-name/func_func_twice/0_1_cse.mlir
// RUN: FileCheck %s --check-prefix=OTHER < %t/builtin_module_no-symbol-name/func_func_once/0_2_canonicalize.mlir

// The dumps go to the files, not to stderr; the output is as usual.
// RUN: mlopt %s --canonicalize --mlir-print-ir-after-all --mlir-print-ir-tree-dir=%t 2>&1 | FileCheck %s --check-prefix=OUT

// OUT-NOT: IR Dump
// OUT: func.func @twice

// MODULE: // -----// IR Dump After Canonicalizer (canonicalize) //----- //
// MODULE-NEXT: module {
// MODULE: func.func @twice
// MODULE: func.func @once

// BEFORE-CSE: // -----// IR Dump Before CSE (cse) //----- //
// BEFORE-CSE-NEXT: func.func @twice
// BEFORE-CSE-COUNT-2: arith.addi
// BEFORE-CSE-NOT: @once

// AFTER-CSE: // -----// IR Dump After CSE (cse) //----- //
// AFTER-CSE-NEXT: func.func @twice
// AFTER-CSE: arith.addi
// AFTER-CSE-NOT: arith.addi

// OTHER: // -----// IR Dump After Canonicalizer (canonicalize) //----- //
// OTHER-NEXT: func.func @once

func.func @twice(%a: i32) -> (i32, i32) {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  return %0, %1 : i32, i32
}

func.func @once(%a: i32) -> i32 {
  return %a : i32
}
