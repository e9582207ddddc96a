// RUN: mlopt %s --split-input-file --verify-diagnostics

// lower_pack and lower_unpack take and give handles typed with their op kinds,
// as upstream's: an untyped handle is refused when the script is verified.

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%module: !transform.any_op {transform.readonly}) {
    %pack = transform.structured.match ops{["linalg.pack"]} in %module : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{operand #0 must be Transform IR handle to linalg.pack operations, but got '!transform.any_op'}}
    %pad, %expand, %transpose = transform.structured.lower_pack %pack : (!transform.any_op) -> (!transform.op<"tensor.pad">, !transform.op<"tensor.expand_shape">, !transform.op<"linalg.transpose">)
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%module: !transform.any_op {transform.readonly}) {
    %unpack = transform.structured.match ops{["linalg.unpack"]} in %module : (!transform.any_op) -> !transform.op<"linalg.unpack">
    // expected-error@+1 {{result #1 must be Transform IR handle to linalg.transpose operations, but got '!transform.any_op'}}
    %e, %t, %c, %s = transform.structured.lower_unpack %unpack : (!transform.op<"linalg.unpack">) -> (!transform.op<"tensor.empty">, !transform.any_op, !transform.op<"tensor.collapse_shape">, !transform.op<"tensor.extract_slice">)
    transform.yield
  }
}
