// RUN: mlopt %s --split-input-file --allow-unregistered-dialect --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --allow-unregistered-dialect --canonicalize | FileCheck %s %}

// The outer if yields what the inner if yields, and both else branches yield
// the same fallback: one if on both conditions.
// CHECK-LABEL: func.func @inner_result_passed_out
// CHECK-SAME: (%[[P:.*]]: i1, %[[Q:.*]]: i1, %[[F:.*]]: f64)
// CHECK: %[[BOTH:.*]] = arith.andi %[[P]], %[[Q]] : i1
// CHECK-NEXT: %[[R:.*]] = scf.if %[[BOTH]] -> (f64) {
// CHECK-NEXT: %[[V:.*]] = "ext.compute"() : () -> f64
// CHECK-NEXT: scf.yield %[[V]] : f64
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %[[F]] : f64
// CHECK: return %[[R]]
func.func @inner_result_passed_out(%p: i1, %q: i1, %fallback: f64) -> f64 {
  %r = scf.if %p -> f64 {
    %inner = scf.if %q -> f64 {
      %v = "ext.compute"() : () -> f64
      scf.yield %v : f64
    } else {
      scf.yield %fallback : f64
    }
    scf.yield %inner : f64
  } else {
    scf.yield %fallback : f64
  }
  return %r : f64
}

// -----

// The outer if also yields a value from outside: it becomes a select on the
// outer condition alone, the side effect stays under both.
// CHECK-LABEL: func.func @outside_value_selected
// CHECK-SAME: (%[[P:.*]]: i1, %[[Q:.*]]: i1, %[[A:.*]]: i8, %[[B:.*]]: i8)
// CHECK-DAG: %[[BOTH:.*]] = arith.andi %[[P]], %[[Q]] : i1
// CHECK-DAG: %[[S:.*]] = arith.select %[[P]], %[[A]], %[[B]] : i8
// CHECK: scf.if %[[BOTH]] {
// CHECK-NEXT: "ext.effect"() : () -> ()
// CHECK-NEXT: }
// CHECK: return %[[S]]
func.func @outside_value_selected(%p: i1, %q: i1, %a: i8, %b: i8) -> i8 {
  %r = scf.if %p -> i8 {
    scf.if %q {
      "ext.effect"() : () -> ()
    }
    scf.yield %a : i8
  } else {
    scf.yield %b : i8
  }
  return %r : i8
}

// -----

// The inner else yields something other than the outer else: no merge.
// CHECK-LABEL: func.func @different_fallbacks
// CHECK-NOT: arith.andi
func.func @different_fallbacks(%p: i1, %q: i1, %x: i16, %y: i16) -> i16 {
  %r = scf.if %p -> i16 {
    %inner = scf.if %q -> i16 {
      %v = "ext.compute"() : () -> i16
      scf.yield %v : i16
    } else {
      scf.yield %x : i16
    }
    scf.yield %inner : i16
  } else {
    scf.yield %y : i16
  }
  return %r : i16
}
