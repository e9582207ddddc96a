// RUN: mlopt %s --transform-interpreter --split-input-file --verify-diagnostics | FileCheck %s

// Handles: match, split, merge, parents, producers, consumers, params and
// annotations; remarks show which payload ops a handle holds.

// CHECK-LABEL: func.func @handles
// expected-remark @below {{parent}}
func.func @handles(%x: tensor<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  // expected-remark @+4 {{first}}
  // expected-remark @+3 {{merged}}
  // expected-remark @+2 {{producer}}
  // CHECK: linalg.exp {tag = 7 : i64} ins
  %0 = linalg.exp ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  // expected-remark @+4 {{second}}
  // expected-remark @+3 {{merged}}
  // expected-remark @+2 {{consumer}}
  // CHECK: linalg.exp {tag = 7 : i64} ins
  %1 = linalg.exp ins(%0 : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  // expected-remark @+3 {{overflow}}
  // expected-remark @+2 {{merged}}
  // CHECK: linalg.exp {marked, tag = 7 : i64} ins
  %2 = linalg.exp ins(%1 : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  return %2 : tensor<4xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %exps = transform.structured.match ops{["linalg.exp"]} in %root : (!transform.any_op) -> !transform.any_op
    %a, %b = transform.split_handle %exps {overflow_result = 1 : i64} : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.debug.emit_remark_at %a, "first" : !transform.any_op
    %second, %third = transform.split_handle %b : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.debug.emit_remark_at %second, "second" : !transform.any_op
    transform.debug.emit_remark_at %third, "overflow" : !transform.any_op
    %all = transform.merge_handles deduplicate %a, %b, %a : !transform.any_op
    transform.debug.emit_remark_at %all, "merged" : !transform.any_op
    %p = transform.get_producer_of_operand %second[0] : (!transform.any_op) -> !transform.any_op
    transform.debug.emit_remark_at %p, "producer" : !transform.any_op
    %c = transform.get_consumers_of_result %a[0] : (!transform.any_op) -> !transform.any_op
    transform.debug.emit_remark_at %c, "consumer" : !transform.any_op
    %f = transform.get_parent_op %a {op_name = "func.func"} : (!transform.any_op) -> !transform.any_op
    transform.debug.emit_remark_at %f, "parent" : !transform.any_op
    %seven = transform.param.constant 7 : i64 -> !transform.param<i64>
    transform.annotate %all "tag" = %seven : !transform.any_op, !transform.param<i64>
    transform.annotate %third "marked" : !transform.any_op
    transform.yield
  }
}

// -----

// A named sequence called with include; a sequence on a handle; casts.

func.func @include(%x: tensor<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  // expected-remark @+2 {{in the included sequence}}
  // expected-remark @below {{in the sequence}}
  %0 = linalg.exp ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @remark(%op: !transform.any_op {transform.readonly}) -> !transform.any_op {
    transform.debug.emit_remark_at %op, "in the included sequence" : !transform.any_op
    transform.yield %op : !transform.any_op
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %exp = transform.structured.match ops{["linalg.exp"]} in %root : (!transform.any_op) -> !transform.any_op
    %same = transform.include @remark failures(propagate) (%exp) : (!transform.any_op) -> !transform.any_op
    %typed = transform.cast %same : !transform.any_op to !transform.op<"linalg.exp">
    transform.sequence %typed : !transform.op<"linalg.exp"> failures(propagate) {
    ^bb0(%arg0: !transform.op<"linalg.exp">):
      transform.debug.emit_remark_at %arg0, "in the sequence" : !transform.op<"linalg.exp">
    }
    transform.yield
  }
}

// -----

// failures(suppress) drops a silenceable failure: the schedule goes on.

// CHECK-LABEL: func.func @suppress
//       CHECK:   arith.addf
func.func @suppress(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-remark @below {{after the failure}}
  %0 = arith.addf %x, %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %add = transform.structured.match ops{["arith.addf"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.sequence %root : !transform.any_op failures(suppress) {
    ^bb0(%arg0: !transform.any_op):
      %t, %l = transform.structured.tile_using_for %add tile_sizes [2] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    }
    %again = transform.structured.match ops{["arith.addf"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.debug.emit_remark_at %again, "after the failure" : !transform.any_op
    transform.yield
  }
}
