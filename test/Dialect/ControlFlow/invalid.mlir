// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @cond_br_not_i1(%a: i32) {
  // expected-error@+1 {{expects different type than prior uses: 'i1' vs 'i32'}}
  cf.cond_br %a, ^bb1, ^bb1
^bb1:
  return
}

// -----

func.func @switch_flag_type(%a: f32) {
  // expected-error@+1 {{Unexpected attribute f32}}
  cf.switch %a : f32, [
    default: ^bb1
  ]
^bb1:
  return
}

// -----

func.func @switch_case_args(%a: i32, %f: f32) {
  // expected-error@+1 {{branch has 0 operands for successor #1, but target block has 1}}
  cf.switch %a : i32, [
    default: ^bb1(%f : f32),
    5: ^bb1
  ]
^bb1(%x: f32):
  return
}

// -----

func.func @assert_type(%a: i32) {
  // expected-error@+1 {{expects different type than prior uses: 'i1' vs 'i32'}}
  cf.assert %a, "x"
  return
}
