// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --canonicalize | FileCheck %s %}

// Branching through blocks that only branch on keeps the branch weights.

// CHECK-LABEL: func.func @pass_through_keeps_weights
// CHECK-SAME: (%[[A:[^:]*]]: i32, %[[B:[^:]*]]: i32, %[[C:[^:]*]]: i1)
// CHECK-NEXT: cf.cond_br %[[C]] weights([10, 90]), ^[[T:bb[0-9]+]], ^[[F:bb[0-9]+]]
// CHECK-NEXT: ^[[T]]:
// CHECK-NEXT: return %[[A]]
// CHECK-NEXT: ^[[F]]:
// CHECK-NEXT: return %[[B]]
func.func @pass_through_keeps_weights(%a: i32, %b: i32, %c: i1) -> i32 {
  cf.cond_br %c weights([10, 90]), ^bb1, ^bb2
^bb1:
  cf.br ^bb3
^bb2:
  cf.br ^bb4
^bb3:
  return %a : i32
^bb4:
  return %b : i32
}

// -----

// CHECK-LABEL: func.func @pass_through_without_weights
// CHECK-NEXT: cf.cond_br %{{[^ ]*}}, ^{{bb[0-9]+}}, ^{{bb[0-9]+}}
func.func @pass_through_without_weights(%a: i32, %b: i32, %c: i1) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  cf.br ^bb3
^bb2:
  cf.br ^bb4
^bb3:
  return %a : i32
^bb4:
  return %b : i32
}

// -----

// The branch that a fold creates is simplified at once, in the same sweep: the
// second test of %flag becomes a branch into ^ret, whose only predecessor it
// is, so ^ret's ops move up into ^again (before the first cond_br would skip
// ^again as a mere pass-through block). The blocks keep their order.
// CHECK-LABEL: func.func @branch_created_by_a_fold
// CHECK-SAME: (%[[FLAG:.*]]: i1, %[[X:.*]]: i32)
// CHECK-NEXT: cf.cond_br %[[FLAG]], ^[[AGAIN:.*]], ^[[OTHER:.*]]
// CHECK-NEXT: ^[[AGAIN]]:
// CHECK-NEXT: return %[[X]]
// CHECK-NEXT: ^[[OTHER]]:
// CHECK-NEXT: %[[Y:.*]] = arith.addi %[[X]], %[[X]]
// CHECK-NEXT: return %[[Y]]
func.func @branch_created_by_a_fold(%flag: i1, %x: i32) -> i32 {
  cf.cond_br %flag, ^again, ^other
^again:
  cf.cond_br %flag, ^ret, ^other
^other:
  %y = arith.addi %x, %x : i32
  return %y : i32
^ret:
  return %x : i32
}

// -----

// Branches that go round in a loop of empty blocks are collapsed until the
// loop is one block branching to itself, and canonicalization stops there.
// CHECK-LABEL: func.func @loop_of_three_empty_blocks
// CHECK-NEXT: cf.br ^[[LOOP:.*]]
// CHECK-NEXT: ^[[LOOP]]:
// CHECK-NEXT: cf.br ^[[LOOP]]
// CHECK-NEXT: }
func.func @loop_of_three_empty_blocks() {
  cf.br ^first
^first:
  cf.br ^second
^second:
  cf.br ^third
^third:
  cf.br ^first
}
