// Programs one-shot-bufferize rejects, with mlir-opt 22's messages and lines.
// RUN: mlopt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect --one-shot-bufferize="bufferize-function-boundaries"
// RUN: not mlopt %s --split-input-file --allow-unregistered-dialect --one-shot-bufferize 2>&1 | FileCheck %s --check-prefix=NOFUNC
// NOFUNC: error: Yield operand #0 is not equivalent to the corresponding iter bbArg
// NOFUNC: error: op was not bufferized
// NOFUNC-NOT: cannot avoid RaW conflict

func.func @yield_fresh_tensor(%t: tensor<4xf32>, %n: index) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %t) -> (tensor<4xf32>) {
    %e = tensor.empty() : tensor<4xf32>
    %d = linalg.add ins(%a, %a : tensor<4xf32>, tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
    // expected-error@+1 {{Yield operand #0 is not equivalent to the corresponding iter bbArg}}
    scf.yield %d : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}

// -----

func.func @unknown_op(%t: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{op was not bufferized}}
  %0 = "test.opaque"(%t) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// A write into a constant passed to a loop is copied first, not an error;
// writing into a tensor read later by an op nobody models is copied too.
func.func @no_error(%n: index) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %f = arith.constant 1.0 : f32
  %cst = arith.constant dense<0.0> : tensor<4xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %cst) -> (tensor<4xf32>) {
    %b = tensor.insert %f into %a[%c0] : tensor<4xf32>
    scf.yield %b : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}

// -----

// An unranked tensor cannot be copied, so the cast cannot be separated from
// the buffer the first call may write and the second reads.
func.func private @print(tensor<*xf32>)
func.func @unranked_written_then_read(%t: tensor<4xf32>) {
  // expected-error@+1 {{'tensor.cast' op not bufferizable under the given constraints: cannot avoid RaW conflict}}
  %u = tensor.cast %t : tensor<4xf32> to tensor<*xf32>
  call @print(%u) : (tensor<*xf32>) -> ()
  call @print(%u) : (tensor<*xf32>) -> ()
  return
}
