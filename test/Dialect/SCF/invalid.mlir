// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @for_types(%a: index, %b: i32) {
  // expected-error@+1 {{scf.yield expected 1 args, but got 0. The scf.for must yield its loop-carried variables.}}
  scf.for %i = %a to %a step %a iter_args(%x = %b) -> (i32) {
    scf.yield
  }
  return
}

// -----

func.func @if_results(%c: i1) {
  // expected-error@+1 {{must have an else block if defining values}}
  %0 = scf.if %c -> (i32) {
    %x = arith.constant 1 : i32
    scf.yield %x : i32
  }
  return
}

// -----

func.func @yield_outside() {
  // expected-error@+1 {{'scf.yield' expects parent op to be one of 'scf.for', 'scf.if', 'scf.execute_region', 'scf.while', 'scf.index_switch'}}
  scf.yield
}

// -----

func.func @while_cond(%n: i32) {
  // expected-error@+1 {{along control flow edge from Operation scf.condition to parent: region branch point has 1 operands, but region successor needs 0 inputs}}
  scf.while (%i = %n) : (i32) -> () {
    %c = arith.constant true
    scf.condition(%c) %i : i32
  } do {
  ^bb0(%j: i32):
    scf.yield %j : i32
  }
  return
}

// -----

func.func @parallel_mismatch(%a: index) {
  // expected-error@+1 {{Expected the same number of lower bounds, upper bounds, and steps for scf.parallel. Got 1, 2 and 2.}}
  scf.parallel (%i, %j) = (%a) to (%a, %a) step (%a, %a) {
  }
  return
}

// -----

func.func @index_switch_dup(%i: index) {
  // expected-error@+1 {{has duplicate case value}}
  scf.index_switch %i
  case 1 {
    scf.yield
  }
  case 1 {
    scf.yield
  }
  default {
  }
  return
}
