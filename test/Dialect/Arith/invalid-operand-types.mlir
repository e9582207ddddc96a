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

// -----

func.func @cmpi_on_floats(%a: f32) {
  // expected-error@+1 {{custom op 'arith.cmpi' 'lhs' must be signless-integer-like, but got 'f32'}}
  %r = arith.cmpi eq, %a, %a : f32
  return
}

// -----

func.func @cmpf_on_integers(%a: i32) {
  // expected-error@+1 {{custom op 'arith.cmpf' 'lhs' must be floating-point-like, but got 'i32'}}
  %r = arith.cmpf oeq, %a, %a : i32
  return
}

// -----

func.func @unknown_predicate(%a: f32) {
  // expected-error@+1 {{custom op 'arith.cmpf' expected string or keyword containing one of the following enum values for attribute 'predicate' [false, oeq, ogt, oge, olt, ole, one, ord, ueq, ugt, uge, ult, ule, une, uno, true]}}
  %r = arith.cmpf foo, %a, %a : f32
  return
}

// -----

func.func @missing_predicate(%a: i32) {
  // expected-error@+1 {{custom op 'arith.cmpi' expected string or keyword containing one of the following enum values for attribute 'predicate' [eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge]}}
  %r = arith.cmpi %a, %a : i32
  return
}

// -----

func.func @bitcast_widths(%h: f16) {
  // expected-error@+1 {{'arith.bitcast' op operand type 'f16' and result type 'f32' are cast incompatible}}
  %0 = arith.bitcast %h : f16 to f32
  return
}

// -----

func.func @index_cast_dimensions(%t: tensor<index>) {
  // expected-error@+1 {{'arith.index_cast' op failed to verify that input and output have the same tensor dimensions}}
  %0 = arith.index_cast %t : tensor<index> to tensor<2xi64>
  return
}

// -----

func.func @index_cast_tensor_to_scalar(%t: tensor<index>) {
  // expected-error@+1 {{'arith.index_cast' op requires the same shape for all operands and results}}
  %0 = arith.index_cast %t : tensor<index> to i64
  return
}
