// RUN: mlopt %s --split-input-file --verify-diagnostics
// These are accepted by xDSL's own verifier but rejected by mlir-opt; mlopt rejects them too.

func.func @use_before_def() -> i32 {
  // expected-error@+1 {{operand #0 does not dominate this use}}
  %0 = arith.addi %1, %1 : i32
  // expected-note@+1 {{operand defined here}}
  %1 = arith.constant 1 : i32
  return %0 : i32
}

// -----

func.func @not_dominating(%cond: i1) -> i32 {
  cf.cond_br %cond, ^then, ^else
^then:
  // expected-note@+1 {{operand defined here}}
  %0 = arith.constant 1 : i32
  cf.br ^join
^else:
  cf.br ^join
^join:
  // expected-error@+1 {{operand #0 does not dominate this use}}
  return %0 : i32
}

// -----

func.func @branch_operands(%a: i32) {
  // expected-error@+1 {{branch has 0 operands for successor #0, but target block has 1}}
  cf.br ^next
^next(%x: i32):
  return
}

// -----

func.func @branch_types(%a: i64) {
  // expected-error@+1 {{type mismatch for bb argument #0 of successor #0}}
  cf.br ^next(%a : i64)
^next(%x: i32):
  return
}

// -----

%outside = arith.constant 1 : i32
// expected-note@+1 {{required by region isolation constraints}}
func.func @isolated() -> i32 {
  // expected-error@+1 {{'func.return' op using value defined outside the region}}
  return %outside : i32
}

// -----

// expected-note@+1 {{see existing symbol definition here}}
func.func @twice() {
  return
}
// expected-error@+1 {{redefinition of symbol named 'twice'}}
func.func @twice() {
  return
}
