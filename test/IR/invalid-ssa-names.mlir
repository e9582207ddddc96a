// RUN: mlopt %s --split-input-file --verify-diagnostics
// RUN: not mlopt %s --split-input-file 2>&1 | FileCheck %s

// Undefined and redefined values are reported where upstream reports them:
// an undeclared value at its first use when its function ends, a redefinition
// at the result, never at an unknown location.

// CHECK: invalid-ssa-names.mlir:13:3: error: redefinition of SSA value '%a'
// CHECK: invalid-ssa-names.mlir:21:19: error: use of undeclared SSA value name

func.func @result_shadows_argument(%a: i32) -> i32 {
  // expected-error@+1 {{redefinition of SSA value '%a'}}
  %a = arith.addi %b, %b : i32
  return %a : i32
}

// -----

func.func @undeclared_then_more_functions() {
  // expected-error@+1 {{use of undeclared SSA value name}}
  %0 = arith.addi %x, %x : i32
  return
}

func.func @later() {
  %0 = arith.constant 1 : i32
  return
}
