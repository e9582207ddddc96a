// RUN: mlopt %s --split-input-file --verify-diagnostics
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --verify-diagnostics %}

// Malformed input gets mlir-opt's messages, on its line: tests written for
// mlir-opt's --verify-diagnostics pass unchanged.

// expected-error@+1 {{expected non-function type}}
func.func private @shape_without_type(tensor<xf16>)

// -----

func.func @result_without_equals() -> i32 {
  // expected-error@+1 {{expected '=' after SSA name}}
  %c arith.constant 1 : i32
  return %c : i32
}

// -----

// expected-error@+1 {{expected 'x' in dimension list}}
func.func private @two_question_marks(memref<??xf32>)

// -----

// expected-error@+1 {{expected '<' in tensor type}}
func.func private @tensor_without_angle(tensor 4xf32>)

// -----

// expected-error@+1 {{expected ',' or '>' in memref type}}
func.func private @memref_unclosed(memref<4xf32) -> ()

// -----

// expected-error@+1 {{expected '>' in vector type}}
func.func private @vector_unclosed(vector<4xf32) -> ()

// -----

func.func @cast_without_to(%t: tensor<4xf32>) -> tensor<?xf32> {
  // expected-error@+1 {{custom op 'tensor.cast' expected 'to'}}
  %u = tensor.cast %t : tensor<4xf32> tensor<?xf32>
  return %u : tensor<?xf32>
}

// -----

func.func @no_results_to_name() {
  // expected-error@+1 {{cannot name an operation with no results}}
  %r = "memref.assume_alignment"() : () -> ()
  return
}

// -----

// expected-error@+1 {{custom op 'func.func' expected valid '@'-identifier for symbol name}}
func.func func.func @name_twice() {
  return
}
