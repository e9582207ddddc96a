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
