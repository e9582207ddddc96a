// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @math_type(%a: i32) {
  // expected-error@+1 {{'math.exp' op operand #0 must be floating-point-like, but got 'i32'}}
  %0 = math.exp %a : i32
  return
}
