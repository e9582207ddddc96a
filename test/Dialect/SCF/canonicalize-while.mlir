// RUN: mlopt %s --split-input-file --allow-unregistered-dialect --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --allow-unregistered-dialect --canonicalize | FileCheck %s %}

// The condition is true in the after region, and a comparison there of the
// value it compared (with the same other side) is known: true when it is the
// same comparison, false when it is the inverse one.
// CHECK-LABEL: func.func @condition_known_after
// CHECK-DAG: %[[TRUE:.*]] = arith.constant true
// CHECK-DAG: %[[FALSE:.*]] = arith.constant false
// CHECK: } do {
// CHECK-NEXT: ^bb0(%[[V:.*]]: i32):
// CHECK-NEXT: "use.flags"(%[[TRUE]], %[[TRUE]], %[[FALSE]]) : (i1, i1, i1) -> ()
// CHECK-NEXT: "get.next"(%[[V]])
func.func @condition_known_after(%start: i32, %limit: i32) {
  %r:2 = scf.while (%x = %start) : (i32) -> (i32, i1) {
    %go = arith.cmpi ult, %x, %limit : i32
    scf.condition(%go) %x, %go : i32, i1
  } do {
  ^bb0(%v: i32, %flag: i1):
    %again = arith.cmpi ult, %v, %limit : i32
    %done = arith.cmpi uge, %v, %limit : i32
    "use.flags"(%flag, %again, %done) : (i1, i1, i1) -> ()
    %next = "get.next"(%v) : (i32) -> i32
    scf.yield %next : i32
  }
  return
}

// -----

// A value from outside that the condition passes on is that value after the
// loop; a result passed on twice is passed on once; one nobody uses goes.
// CHECK-LABEL: func.func @results_passed_on
// CHECK-SAME: (%[[OUT:.*]]: f32)
// CHECK: %[[R:.*]] = scf.while : () -> i64 {
// CHECK: scf.condition(%{{.*}}) %[[N:.*]] : i64
// CHECK: ^bb0(%[[A:.*]]: i64):
// CHECK-NEXT: "use.pair"(%[[A]], %[[A]]) : (i64, i64) -> ()
// CHECK: return %[[R]], %[[R]], %[[OUT]] : i64, i64, f32
func.func @results_passed_on(%outside: f32) -> (i64, i64, f32) {
  %r:4 = scf.while : () -> (i64, i64, f32, i8) {
    %c = "get.cond"() : () -> i1
    %n = "get.n"() : () -> i64
    %unused = "get.byte"() : () -> i8
    scf.condition(%c) %n, %n, %outside, %unused : i64, i64, f32, i8
  } do {
  ^bb0(%a: i64, %b: i64, %o: f32, %u: i8):
    "use.pair"(%a, %b) : (i64, i64) -> ()
    scf.yield
  }
  return %r#0, %r#1, %r#2 : i64, i64, f32
}

// -----

// Carried values: one yielded back as its init and one passed around unchanged
// are their inits; two with the same init and yielded value are one; one the
// before region does not read is no longer carried.
// CHECK-LABEL: func.func @carried_values
// CHECK-SAME: (%[[I:.*]]: index, %[[K:.*]]: index, %[[J:.*]]: index)
// CHECK: scf.while (%[[X:.*]] = %[[I]]) : (index) -> index {
// CHECK-NEXT: %[[S1:.*]] = arith.addi %[[X]], %[[K]]
// CHECK-NEXT: %[[S2:.*]] = arith.addi %[[S1]], %[[J]]
// CHECK-NEXT: %[[S3:.*]] = arith.addi %[[S2]], %[[X]]
func.func @carried_values(%i: index, %k: index, %j: index) -> index {
  %r:2 = scf.while (%x = %i, %same = %k, %through = %j, %twin = %i, %dead = %j)
      : (index, index, index, index, index) -> (index, index) {
    %s1 = arith.addi %x, %same : index
    %s2 = arith.addi %s1, %through : index
    %s3 = arith.addi %s2, %twin : index
    %c = "get.cond"(%s3) : (index) -> i1
    scf.condition(%c) %x, %through : index, index
  } do {
  ^bb0(%y: index, %t: index):
    %next = "get.next"(%y) : (index) -> index
    scf.yield %next, %k, %t, %next, %y : index, index, index, index, index
  }
  return %r#0 : index
}
