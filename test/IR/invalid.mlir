// RUN: mlopt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect

func.func @use_before_def() {
  // expected-error@+1 {{operand #0 does not dominate this use}}
  %0 = arith.addi %1, %1 : i32
  // expected-note@+1 {{operand defined here}}
  %1 = arith.constant 1 : i32
  return
}

// -----

func.func @undefined() {
  // expected-error@+1 {{use of undeclared SSA value name}}
  %0 = arith.addi %x, %x : i32
  return
}

// -----

func.func @dominance(%c: i1) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  // expected-note@+1 {{operand defined here}}
  %0 = arith.constant 1 : i32
  cf.br ^bb3
^bb2:
  cf.br ^bb3
^bb3:
  // expected-error@+1 {{operand #0 does not dominate this use}}
  %1 = arith.addi %0, %0 : i32
  return
}

// -----

func.func @br_count(%a: i32) {
  // expected-error@+1 {{branch has 1 operands for successor #0, but target block has 0}}
  cf.br ^bb1(%a : i32)
^bb1:
  return
}

// -----

func.func @br_type(%a: i32) {
  // expected-error@+1 {{type mismatch for bb argument #0 of successor #0}}
  cf.br ^bb1(%a : i32)
^bb1(%b: i64):
  return
}

// -----

func.func @isolated(%a: i32) {
  %f = "test.op"() ({
    // expected-note@+1 {{required by region isolation constraints}}
    func.func @inner() -> i32 {
      // expected-error@+1 {{using value defined outside the region}}
      return %a : i32
    }
  }) : () -> i32
  return
}

// -----

func.func @missing_terminator() {
  // expected-error@+1 {{block with no terminator, has 'arith.constant'}}
  %0 = arith.constant 1 : i32
}

// -----

// expected-note@+1 {{see existing symbol definition here}}
func.func @dup() {
  return
}
// expected-error@+1 {{redefinition of symbol named 'dup'}}
func.func @dup() {
  return
}

// -----

func.func @wrong_type_use(%a: i32) {
  // expected-error@+1 {{expects different type than prior uses: 'i64' vs 'i32'}}
  %0 = arith.addi %a, %a : i64
  return
}

// -----

func.func @redefinition() {
  %0 = arith.constant 1 : i32
  // expected-error@+1 {{redefinition of SSA value '%0'}}
  %0 = arith.constant 2 : i32
  return
}

// -----

func.func @region_use_in_nested(%c: i1) {
  scf.if %c {
    %x = arith.constant 1 : i32
  }
  // expected-error@+1 {{use of undeclared SSA value name}}
  %y = arith.addi %x, %x : i32
  return
}

// -----

func.func @return_mismatch(%a: i32) -> i64 {
  // expected-error@+1 {{type of return operand 0 ('i32') doesn't match function result type ('i64') in function @return_mismatch}}
  return %a : i32
}

// -----

func.func @return_count(%a: i32) -> i32 {
  // expected-error@+1 {{has 0 operands, but enclosing function (@return_count) returns 1}}
  return
}

// -----

func.func @entry_args(%a: i32) {
// expected-error@+1 {{invalid block name in region with named arguments}}
^bb0(%b: i64):
  return
}

// -----

func.func @unknown_op() {
  // expected-error@+1 {{custom op 'arith.bogus' is unknown}}
  arith.bogus
  return
}

// -----

func.func @terminator_mid() {
  return
  // expected-error@+1 {{expected ':'}}
  %0 = arith.constant 1 : i32
}

// -----

func.func @successor_in_other_region(%c: i1) {
  scf.if %c {
    // expected-error@+1 {{reference to an undefined block}}
    cf.br ^bb1
  }
^bb1:
  return
}

// -----

func.func @self_use() {
  // expected-error@+2 {{operand #0 does not dominate this use}}
  // expected-note@+1 {{operand defined here}}
  %0 = arith.addi %0, %0 : i32
  return
}

// -----

func.func @graph_region() {
  "test.graph"() ({
    %0 = arith.addi %1, %1 : i32
    %1 = arith.constant 1 : i32
  }) : () -> ()
  return
}

// -----

module {
  %0 = arith.addi %1, %1 : i32
  %1 = arith.constant 1 : i32
}

// -----

// expected-note@+1 {{operand defined here}}
func.func @block_arg_dominance(%c: i1) {
  cf.cond_br %c, ^bb1(%c : i1), ^bb2
^bb1(%x: i1):
  cf.br ^bb2
^bb2:
  // expected-error@+1 {{operand #0 does not dominate this use}}
  %0 = arith.xori %x, %x : i1
  return
}

// -----

func.func @unreachable_block_ok() {
  return
^bb1:
  %0 = arith.addi %1, %1 : i32
  %1 = arith.constant 1 : i32
  cf.br ^bb1
}

// -----

func.func @call_mismatch(%a: i32) {
  // expected-error@+1 {{incorrect number of results for callee}}
  %0 = call @call_mismatch(%a) : (i32) -> i32
  return
}

// -----

func.func @call_unknown() {
  // expected-error@+1 {{'@nope' could not be found in symbol table}}
  call @nope() : () -> ()
  return
}
