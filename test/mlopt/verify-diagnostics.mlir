// RUN: mlopt %s --split-input-file --verify-diagnostics
// RUN: not mlopt %S/Inputs/diagnostics-mismatch.mlir --split-input-file --verify-diagnostics 2>&1 | FileCheck %s --check-prefix=MISMATCH

func.func @result_type(%a: i32) -> i64 {
  // expected-error@+1 {{doesn't match function result type}}
  return %a : i32
}

// -----

func.func @above(%a: i32) -> i64 {
  return %a : i32
  // expected-error@above {{doesn't match function result type ('i64')}}
}

// -----

// expected-error@below {{operation being parsed with an unregistered dialect}}
"nope.op"() : () -> ()

// -----

func.func @same_line(%a: i32) -> i64 {
  return %a : i32 // expected-error {{doesn't match function result type ('i64')}}
}

// MISMATCH: diagnostics-mismatch.mlir:4:3: error: unexpected error: 'func.return' op
// MISMATCH: diagnostics-mismatch.mlir:3:6: error: expected error "something else" was not produced
// MISMATCH-NEXT: // expected-{{error}}@+1 {{[{][{]}}something else{{[}][}]}}
// MISMATCH-NEXT: ^~~~
// MISMATCH: diagnostics-mismatch.mlir:8:4: error: expected warning "never emitted" was not produced
