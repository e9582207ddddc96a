// RUN: mlopt %s --split-input-file --verify-diagnostics
// RUN: not mlopt %s --split-input-file 2>&1 | FileCheck %s

// Malformed string literals are reported where upstream's lexer stops. A long
// unterminated string used to backtrack exponentially in the lexer (a hang).

// CHECK: string-literal-errors.mlir:9:109: error: expected '"' in string literal
// expected-error@+1 {{expected '"' in string literal}}
func.func @unterminated() attributes {note = "an unterminated string of sixty characters or so, never closed
}

// -----

// CHECK: string-literal-errors.mlir:16:46: error: unknown escape in string literal
// expected-error@+1 {{unknown escape in string literal}}
func.func @bad_escape() attributes {note = "a\qb"} {
  return
}

// -----

// CHECK: string-literal-errors.mlir:24:49: error: expected '"' in string literal
// expected-error@+1 {{expected '"' in string literal}}
func.func @escaped_quote() attributes {x = "\" {
  return
}

// -----

// Every valid escape still lexes.
func.func @valid_escapes() attributes {note = "tab\t, newline\n, quote\", backslash\\, byte\7F"} {
  return
}
