// RUN: mlopt %s --allow-unregistered-dialect --split-input-file --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --allow-unregistered-dialect --split-input-file --canonicalize | FileCheck %s %}

// The loop leaves with the else value, so the then branch runs in the after
// region, on the before-region values it reads (nested uses included) passed
// on; values from outside the loop stay as they are.
// CHECK-LABEL: func.func @if_on_the_condition
// CHECK-SAME: (%[[OUT:.*]]: i32)
// CHECK: %[[W:.*]]:3 = scf.while : () -> (i32, i32, i32) {
// CHECK:   %[[A:.*]] = "test.a"() : () -> i32
// CHECK:   %[[N:.*]] = "test.n"() : () -> i32
// CHECK:   %[[E:.*]] = "test.e"() : () -> i32
// CHECK:   %[[C:.*]] = "test.c"() : () -> i1
// CHECK:   scf.condition(%[[C]]) %[[E]], %[[A]], %[[N]] : i32, i32, i32
// CHECK: } do {
// CHECK: ^bb0(%{{.*}}: i32, %[[PA:.*]]: i32, %[[PN:.*]]: i32):
// CHECK:   %[[S:.*]] = arith.addi %[[PA]], %[[OUT]] : i32
// CHECK:   "test.region"() ({
// CHECK:     "test.nested"(%[[PN]]) : (i32) -> ()
// CHECK:   "test.use"(%[[S]]) : (i32) -> ()
// CHECK: return %[[W]]#0 : i32
func.func @if_on_the_condition(%out: i32) -> i32 {
  %0 = scf.while () : () -> (i32) {
    %a = "test.a"() : () -> i32
    %n = "test.n"() : () -> i32
    %e = "test.e"() : () -> i32
    %c = "test.c"() : () -> i1
    %r = scf.if %c -> (i32) {
      %s = arith.addi %a, %out : i32
      "test.region"() ({
        "test.nested"(%n) : (i32) -> ()
      }) : () -> ()
      scf.yield %s : i32
    } else {
      scf.yield %e : i32
    }
    scf.condition(%c) %r : i32
  } do {
  ^bb0(%x: i32):
    "test.use"(%x) : (i32) -> ()
    scf.yield
  }
  return %0 : i32
}

// -----

// An else branch that computes something, or an if on another condition, stays.
// CHECK-LABEL: func.func @ifs_that_stay
// CHECK-COUNT-2: scf.if
func.func @ifs_that_stay(%out: i32) -> (i32, i32) {
  %0 = scf.while () : () -> (i32) {
    %c = "test.c"() : () -> i1
    %r = scf.if %c -> (i32) {
      %s = "test.then"() : () -> i32
      scf.yield %s : i32
    } else {
      %t = "test.else"() : () -> i32
      scf.yield %t : i32
    }
    scf.condition(%c) %r : i32
  } do {
  ^bb0(%x: i32):
    "test.use"(%x) : (i32) -> ()
    scf.yield
  }
  %1 = scf.while () : () -> (i32) {
    %c = "test.c"() : () -> i1
    %d = "test.d"() : () -> i1
    %r = scf.if %d -> (i32) {
      %s = "test.then"() : () -> i32
      scf.yield %s : i32
    } else {
      scf.yield %out : i32
    }
    scf.condition(%c) %r : i32
  } do {
  ^bb0(%x: i32):
    "test.use"(%x) : (i32) -> ()
    scf.yield
  }
  return %0, %1 : i32, i32
}
