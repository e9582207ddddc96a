// RUN: mlopt %s --split-input-file --verify-diagnostics

// An operand of the wrong type class is reported in upstream's words: which
// operand, and what ODS says it must be.

func.func @addi_on_floats(%a: f32) {
  // expected-error@+1 {{'arith.addi' op operand #0 must be signless-integer-like, but got 'f32'}}
  %c = arith.addi %a, %a : f32
  return
}

// -----

func.func @addf_on_integers(%a: i32) {
  // expected-error@+1 {{'arith.addf' op operand #0 must be floating-point-like, but got 'i32'}}
  %c = arith.addf %a, %a : i32
  return
}

// -----

func.func @muli_on_float_vectors(%a: vector<4xf16>) {
  // expected-error@+1 {{'arith.muli' op operand #0 must be signless-integer-like, but got 'vector<4xf16>'}}
  %c = arith.muli %a, %a : vector<4xf16>
  return
}
