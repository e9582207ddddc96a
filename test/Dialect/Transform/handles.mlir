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

// -----

// foreach_match runs the first matcher that succeeds on each op, then its
// action; alternatives keep the first region that succeeds (the first fails
// silenceably here: arith.addf cannot be tiled).

func.func @match_and_alternatives(%x: tensor<8xf32>) -> tensor<8xf32> {
  %e = tensor.empty() : tensor<8xf32>
  // expected-remark @below {{matched}}
  // expected-remark @below {{chosen}}
  %0 = linalg.exp ins(%x : tensor<8xf32>) outs(%e : tensor<8xf32>) -> tensor<8xf32>
  %1 = arith.addf %0, %0 : tensor<8xf32>
  return %1 : tensor<8xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @match_exp(%op: !transform.any_op {transform.readonly}) -> !transform.any_op {
    transform.match.operation_name %op ["linalg.exp"] : !transform.any_op
    transform.yield %op : !transform.any_op
  }
  transform.named_sequence @remark(%op: !transform.any_op {transform.readonly}) {
    transform.debug.emit_remark_at %op, "matched" : !transform.any_op
    transform.yield
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    %updated = transform.foreach_match in %f @match_exp -> @remark : (!transform.any_op) -> !transform.any_op
    %r = transform.alternatives %updated : !transform.any_op -> !transform.any_op {
    ^bb0(%scope: !transform.any_op):
      %adds = transform.structured.match ops{["arith.addf"]} in %scope : (!transform.any_op) -> !transform.any_op
      %t, %l = transform.structured.tile_using_for %adds tile_sizes [2] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
      transform.yield %l : !transform.any_op
    }, {
    ^bb0(%scope: !transform.any_op):
      %exps = transform.structured.match ops{["linalg.exp"]} in %scope : (!transform.any_op) -> !transform.any_op
      %t, %l = transform.structured.tile_using_for %exps tile_sizes [4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
      transform.yield %l : !transform.any_op
    }
    transform.debug.emit_remark_at %r, "chosen" : !transform.any_op
    transform.yield
  }
}

// -----

// apply_licm hoists what does not depend on the loop; apply_patterns with
// canonicalization folds the constant arithmetic; apply_cse merges the rest.

// CHECK-LABEL: func.func @cleanups
//       CHECK:   %[[C:.*]] = arith.constant 6 : index
//       CHECK:   %[[M:.*]] = arith.muli %{{.*}}, %[[C]] : index
//       CHECK:   scf.for
//   CHECK-NOT:   arith.muli
//       CHECK:     memref.store %[[M]]
func.func @cleanups(%m: memref<8xindex>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  scf.for %i = %c0 to %c8 step %c1 {
    %two = arith.constant 2 : index
    %three = arith.constant 3 : index
    %six = arith.muli %two, %three : index
    %a = arith.muli %n, %six : index
    %b = arith.muli %n, %six : index
    memref.store %a, %m[%i] : memref<8xindex>
    memref.store %b, %m[%i] : memref<8xindex>
  }
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    %loop = transform.structured.match ops{["scf.for"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %f {
      transform.apply_patterns.canonicalization
    } : !transform.any_op
    transform.apply_cse to %f : !transform.any_op
    transform.apply_licm to %loop : !transform.any_op
    transform.yield
  }
}

// -----

// Value handles: results and operands of payload ops, their defining ops; a
// registered pass applied to a payload op.

// CHECK-LABEL: func.func @values
//       CHECK:   %[[M:.*]] = arith.muli %{{.*}}, %{{.*}} : index
//  CHECK-NEXT:   return %[[M]]
func.func @values(%x: index) -> index {
  %c0 = arith.constant 0 : index
  // expected-remark @below {{defining}}
  %0 = arith.addi %x, %c0 : index
  // expected-remark @below {{result}}
  // expected-note @below {{value handle points to an op result #0}}
  %1 = arith.muli %0, %x : index
  return %1 : index
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mul = transform.structured.match ops{["arith.muli"]} in %root : (!transform.any_op) -> !transform.any_op
    %v = transform.get_result %mul[0] : (!transform.any_op) -> !transform.any_value
    %o = transform.get_operand %mul[except(1)] : (!transform.any_op) -> !transform.any_value
    %d = transform.get_defining_op %o : (!transform.any_value) -> !transform.any_op
    transform.debug.emit_remark_at %d, "defining" : !transform.any_op
    transform.debug.emit_remark_at %v, "result" : !transform.any_value
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    %g = transform.apply_registered_pass "canonicalize" with options = {"top-down" = false} to %f : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
