// transform.structured.match by interface: what each interface selects, and
// the generic form, whose `interface` is upstream's i32 enum value, so that
// mlopt and mlir-opt read each other's output.
// RUN: mlopt %s --transform-interpreter --verify-diagnostics > /dev/null
// RUN: mlopt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: mlopt %s --mlir-print-op-generic | mlopt - | FileCheck %s --check-prefix=ROUNDTRIP
// RUN: %if mlir-opt %{ %mlir_opt %s --transform-interpreter --verify-diagnostics > /dev/null %}
// RUN: %if mlir-opt %{ mlopt %s --mlir-print-op-generic | %mlir_opt - | FileCheck %s --check-prefix=ROUNDTRIP %}
// RUN: %if mlir-opt %{ %mlir_opt %s --mlir-print-op-generic | mlopt - | FileCheck %s --check-prefix=ROUNDTRIP %}

func.func @payload(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %n: index) -> tensor<4x4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-remark @below {{linalg op}}
  // expected-remark @below {{tileable op}}
  %0 = linalg.matmul ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%a : tensor<4x4xf32>) -> tensor<4x4xf32>
  // expected-remark @below {{loop}}
  %1 = scf.for %i = %c0 to %n step %c1 iter_args(%t = %0) -> tensor<4x4xf32> {
    scf.yield %t : tensor<4x4xf32>
  }
  return %1 : tensor<4x4xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    // GENERIC: "transform.structured.match"(%{{.*}}) <{interface = 0 : i32}>
    // GENERIC: "transform.structured.match"(%{{.*}}) <{interface = 1 : i32}>
    // GENERIC: "transform.structured.match"(%{{.*}}) <{interface = 2 : i32}>
    // ROUNDTRIP: transform.structured.match interface{LinalgOp} in
    // ROUNDTRIP: transform.structured.match interface{TilingInterface} in
    // ROUNDTRIP: transform.structured.match interface{LoopLikeInterface} in
    %linalg = transform.structured.match interface{LinalgOp} in %root : (!transform.any_op) -> !transform.any_op
    %tileable = transform.structured.match interface{TilingInterface} in %root : (!transform.any_op) -> !transform.any_op
    %loops = transform.structured.match interface{LoopLikeInterface} in %root : (!transform.any_op) -> !transform.any_op
    transform.debug.emit_remark_at %linalg, "linalg op" : !transform.any_op
    transform.debug.emit_remark_at %tileable, "tileable op" : !transform.any_op
    transform.debug.emit_remark_at %loops, "loop" : !transform.any_op
    transform.yield
  }
}
