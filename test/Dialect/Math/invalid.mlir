// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @math_type(%a: i32) {
  // expected-error@+1 {{Unexpected attribute i32}}
  %0 = math.exp %a : i32
  return
}
