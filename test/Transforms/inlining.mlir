// RUN: mlopt %s --split-input-file --inline='default-pipeline=' | FileCheck %s
// RUN: mlopt %s --split-input-file --inline | FileCheck %s --check-prefix=CANON
// RUN: mlopt %s --split-input-file --inline='default-pipeline= inlining-threshold=50' | FileCheck %s --check-prefix=THRESHOLD
// RUN: mlopt %s --split-input-file --inline='default-pipeline= op-pipelines=func.func(cse)' | FileCheck %s --check-prefix=OPPIPE

// A single-block callee is inlined and, private and unused, erased; a chain of
// calls inlines all the way, callees first.
// CHECK-NOT: func.func private @square
// CHECK-NOT: func.func private @square_plus
// CHECK-LABEL: func.func @chain
// CHECK-SAME: (%[[X:.+]]: i32)
// CHECK-NEXT: %[[SQ:.+]] = arith.muli %[[X]], %[[X]] : i32
// CHECK-NEXT: %[[SUM:.+]] = arith.addi %[[SQ]], %[[X]] : i32
// CHECK-NEXT: return %[[SUM]] : i32

// The threshold keeps a callee larger than half its caller out.
// THRESHOLD-LABEL: func.func @chain
// THRESHOLD: call @square_plus
func.func private @square(%a: i32) -> i32 {
  %0 = arith.muli %a, %a : i32
  return %0 : i32
}
func.func private @square_plus(%a: i32) -> i32 {
  %0 = call @square(%a) : (i32) -> i32
  %1 = arith.addi %0, %a : i32
  return %1 : i32
}
func.func @chain(%x: i32) -> i32 {
  %0 = call @square_plus(%x) : (i32) -> i32
  return %0 : i32
}

// -----

// A callee with several blocks splits the caller's block: its returns branch
// to the rest of the caller, which takes the results as block arguments.
// CHECK-LABEL: func.func @caller
// CHECK-SAME: (%[[X:.+]]: i32)
// CHECK: %[[NEG:.+]] = arith.cmpi slt, %[[X]], %{{.+}} : i32
// CHECK-NEXT: cf.cond_br %[[NEG]], ^[[THEN:.+]], ^[[ELSE:[a-z0-9]+]]
// CHECK-NEXT: ^[[THEN]]:
// CHECK-NEXT: %[[N:.+]] = arith.subi %{{.+}}, %[[X]] : i32
// CHECK-NEXT: cf.br ^[[CONT:.+]](%[[N]] : i32)
// CHECK-NEXT: ^[[ELSE]]:
// CHECK-NEXT: cf.br ^[[CONT]](%[[X]] : i32)
// CHECK-NEXT: ^[[CONT]](%[[R:.+]]: i32):
// CHECK-NEXT: %[[D:.+]] = arith.addi %[[R]], %[[R]] : i32
// CHECK-NEXT: return %[[D]] : i32

// Canonicalization (the default pipeline) then merges the two paths.
// CANON-LABEL: func.func @caller
// CANON-NOT: call
// CANON: return
func.func @abs(%a: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %neg = arith.cmpi slt, %a, %c0 : i32
  cf.cond_br %neg, ^bb1, ^bb2
^bb1:
  %n = arith.subi %c0, %a : i32
  return %n : i32
^bb2:
  return %a : i32
}
func.func @caller(%x: i32) -> i32 {
  %0 = call @abs(%x) : (i32) -> i32
  %1 = arith.addi %0, %0 : i32
  return %1 : i32
}

// -----

// In a single-block region (scf.for) only single-block callees inline.
// CHECK-LABEL: func.func @in_loop
// CHECK: scf.for
// CHECK-NEXT: func.call @abs
// CHECK-NEXT: arith.addi
// CHECK-NOT: func.call
func.func @abs(%a: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %neg = arith.cmpi slt, %a, %c0 : i32
  cf.cond_br %neg, ^bb1, ^bb2
^bb1:
  %n = arith.subi %c0, %a : i32
  return %n : i32
^bb2:
  return %a : i32
}
func.func @add(%a: i32, %b: i32) -> i32 {
  %0 = arith.addi %a, %b : i32
  return %0 : i32
}
func.func @in_loop(%a: i32, %n: index, %out: memref<i32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %0 = func.call @abs(%a) : (i32) -> i32
    %1 = func.call @add(%0, %a) : (i32, i32) -> i32
    memref.store %1, %out[] : memref<i32>
  }
  return
}

// -----

// no_inline on the function or on the call site keeps the call; recursive
// calls (direct or through another function) stay.
// CHECK-LABEL: func.func @kept_calls
// CHECK-NEXT: call @opaque
// CHECK-NEXT: call @id({{.+}}) {no_inline}
// CHECK-NEXT: call @id2
// CHECK-NOT: call
// CHECK-LABEL: func.func @rec
// CHECK-NEXT: call @rec
// CHECK-LABEL: func.func @ping
// CHECK-NEXT: call @pong
// CHECK-LABEL: func.func @pong
// CHECK-NEXT: call @ping
func.func @opaque(%a: i32) -> i32 attributes {no_inline} {
  return %a : i32
}
func.func private @id(%a: i32) -> i32 {
  return %a : i32
}
func.func @id2(%a: i32) -> i32 {
  return %a : i32
}
func.func @kept_calls(%x: i32) -> i32 {
  %0 = call @opaque(%x) : (i32) -> i32
  %1 = call @id(%0) {no_inline} : (i32) -> i32
  %2 = call @id2(%1) {no_inline} : (i32) -> i32
  %3 = call @id2(%2) : (i32) -> i32
  return %3 : i32
}
func.func @rec(%a: i32) -> i32 {
  %0 = call @rec(%a) : (i32) -> i32
  return %0 : i32
}
func.func @ping(%a: i32) -> i32 {
  %0 = call @pong(%a) : (i32) -> i32
  return %0 : i32
}
func.func @pong(%a: i32) -> i32 {
  %0 = call @ping(%a) : (i32) -> i32
  return %0 : i32
}

// -----

// op-pipelines picks the simplification pipeline by the callable's op name.
// OPPIPE-LABEL: func.func @twice
// OPPIPE: arith.addi
// OPPIPE-NOT: arith.addi
// OPPIPE: arith.muli
func.func @twice(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
