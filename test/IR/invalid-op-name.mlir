// RUN: mlopt %s --split-input-file --verify-diagnostics
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --verify-diagnostics %}
// RUN: mlopt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect %}

// An op name no dialect knows: the same messages as mlir-opt, custom form
// or generic, with and without --allow-unregistered-dialect.

func.func @bare_name_tries_the_default_dialect() {
  // expected-error@+1 {{custom op 'frob' is unknown (tried 'func.frob' as well)}}
  frob
  return
}

// -----

// expected-error@+1 {{custom op 'frob' is unknown (tried 'builtin.frob' as well)}}
frob

// -----

func.func @unknown_op_of_a_known_dialect() {
  // expected-error@+1 {{custom op 'arith.frob' is unknown}}
  arith.frob
  return
}

// -----

func.func @custom_form_of_an_unknown_dialect() {
  // expected-error@+2 {{Dialect `nope' not found for custom op 'nope.frob'}}
  // expected-note@+1 {{Available dialects: }}
  nope.frob
  return
}

// -----

func.func @generic_form_in_a_known_dialect() {
  // expected-error@+1 {{unregistered operation 'arith.frob' found in dialect ('arith') that does not allow unknown operations}}
  "arith.frob"() : () -> ()
  return
}
