// RUN: mlopt %s --split-input-file --allow-unregistered-dialect --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --allow-unregistered-dialect --canonicalize | FileCheck %s %}

// A loop-carried value the body passes on unchanged is its init value.

// CHECK-LABEL: func.func @passed_on_unchanged
// CHECK-SAME: (%{{[^:]*}}: index, %[[INIT:[^:]*]]: f32, %[[ACC:[^:]*]]: f32)
// CHECK: %[[SUM:.*]] = scf.for %{{.*}} iter_args(%[[A:.*]] = %[[ACC]]) -> (f32) {
// CHECK-NEXT: %[[NEXT:.*]] = arith.addf %[[A]], %[[INIT]] : f32
// CHECK-NEXT: scf.yield %[[NEXT]] : f32
// CHECK: return %[[INIT]], %[[SUM]]
func.func @passed_on_unchanged(%n: index, %init: f32, %acc: f32) -> (f32, f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r:2 = scf.for %i = %c0 to %n step %c1 iter_args(%same = %init, %a = %acc) -> (f32, f32) {
    %next = arith.addf %a, %same : f32
    scf.yield %same, %next : f32, f32
  }
  return %r#0, %r#1 : f32, f32
}

// -----

// Yielding the init value itself: inside the loop the argument is that value.

// CHECK-LABEL: func.func @yields_its_init
// CHECK-SAME: (%{{[^:]*}}: index, %[[V:[^:]*]]: i64)
// CHECK: scf.for
// CHECK-NEXT: "test.sink"(%[[V]]) : (i64) -> ()
// CHECK-NEXT: }
// CHECK-NEXT: return %[[V]]
func.func @yields_its_init(%n: index, %v: i64) -> i64 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %v) -> i64 {
    "test.sink"(%a) : (i64) -> ()
    scf.yield %v : i64
  }
  return %r : i64
}

// -----

// A loop that runs (three times here) and only yields a value from outside is
// that value.

// CHECK-LABEL: func.func @runs_and_yields_outer
// CHECK-SAME: (%{{[^:]*}}: f32, %[[B:[^:]*]]: f32)
// CHECK-NEXT: return %[[B]]
func.func @runs_and_yields_outer(%a: f32, %b: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %r = scf.for %i = %c0 to %c3 step %c1 iter_args(%x = %a) -> f32 {
    scf.yield %b : f32
  }
  return %r : f32
}

// -----

// When it may not run, the loop stays.

// CHECK-LABEL: func.func @may_not_run
// CHECK: scf.for
func.func @may_not_run(%n: index, %a: f32, %b: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%x = %a) -> f32 {
    scf.yield %b : f32
  }
  return %r : f32
}

// -----

// CHECK-LABEL: func.func @else_does_nothing
// CHECK: scf.if %{{.*}} {
// CHECK-NEXT: "test.effect"() : () -> ()
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @else_does_nothing(%c: i1) {
  scf.if %c {
    "test.effect"() : () -> ()
    scf.yield
  } else {
  }
  return
}

// -----

// Values both branches take from outside become selects; the branch with an
// effect stays, without results.

// CHECK-LABEL: func.func @trivial_results_to_select
// CHECK-SAME: (%[[C:[^:]*]]: i1, %[[X:[^:]*]]: i32, %[[Y:[^:]*]]: i32)
// CHECK-NEXT: %[[S:.*]] = arith.select %[[C]], %[[Y]], %[[X]] : i32
// CHECK-NEXT: scf.if %[[C]] {
// CHECK-NEXT: "test.effect"() : () -> ()
// CHECK-NEXT: }
// CHECK-NEXT: return %[[S]], %[[X]] : i32, i32
func.func @trivial_results_to_select(%c: i1, %x: i32, %y: i32) -> (i32, i32) {
  %r:2 = scf.if %c -> (i32, i32) {
    "test.effect"() : () -> ()
    scf.yield %y, %x : i32, i32
  } else {
    scf.yield %x, %x : i32, i32
  }
  return %r#0, %r#1 : i32, i32
}

// -----

// A result computed in a branch stays a result.

// CHECK-LABEL: func.func @computed_result_stays
// CHECK-SAME: (%[[C:[^:]*]]: i1, %[[X:[^:]*]]: i32)
// CHECK: %[[R:.*]] = scf.if %[[C]] -> (i32) {
// CHECK-NEXT: %[[V:.*]] = "test.make"() : () -> i32
// CHECK-NEXT: scf.yield %[[V]] : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %[[X]] : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %[[R]]
func.func @computed_result_stays(%c: i1, %x: i32) -> i32 {
  %r = scf.if %c -> (i32) {
    %v = "test.make"() : () -> i32
    scf.yield %v : i32
  } else {
    scf.yield %x : i32
  }
  return %r : i32
}

// -----

// CHECK-LABEL: func.func @unused_result_dropped
// CHECK: %[[R:.*]] = scf.if %{{.*}} -> (i32) {
// CHECK-NEXT: %[[A:.*]]:2 = "test.pair"() : () -> (i32, i32)
// CHECK-NEXT: scf.yield %[[A]]#1 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[B:.*]]:2 = "test.pair"() : () -> (i32, i32)
// CHECK-NEXT: scf.yield %[[B]]#0 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %[[R]]
func.func @unused_result_dropped(%c: i1) -> i32 {
  %r:2 = scf.if %c -> (i32, i32) {
    %a:2 = "test.pair"() : () -> (i32, i32)
    scf.yield %a#0, %a#1 : i32, i32
  } else {
    %b:2 = "test.pair"() : () -> (i32, i32)
    scf.yield %b#1, %b#0 : i32, i32
  }
  return %r#1 : i32
}

// -----

// CHECK-LABEL: func.func @nested_ifs_combined
// CHECK-SAME: (%[[A:[^:]*]]: i1, %[[B:[^:]*]]: i1)
// CHECK-NEXT: %[[AB:.*]] = arith.andi %[[A]], %[[B]] : i1
// CHECK-NEXT: scf.if %[[AB]] {
// CHECK-NEXT: "test.effect"() : () -> ()
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @nested_ifs_combined(%a: i1, %b: i1) {
  scf.if %a {
    scf.if %b {
      "test.effect"() : () -> ()
      scf.yield
    }
  }
  return
}

// -----

// Something next to the inner if: the ifs stay apart.

// CHECK-LABEL: func.func @nested_if_with_neighbour
// CHECK: scf.if
// CHECK-NEXT: "test.effect"
// CHECK-NEXT: scf.if
func.func @nested_if_with_neighbour(%a: i1, %b: i1) {
  scf.if %a {
    "test.effect"() : () -> ()
    scf.if %b {
      "test.effect"() : () -> ()
      scf.yield
    }
  }
  return
}

// -----

// Constants leave the loop; an op the canonicalizer does not know stays in it,
// after the iteration value it uses.

// CHECK-LABEL: func.func @only_constants_leave_loops
// CHECK-NEXT: %[[C7:.*]] = arith.constant 7 : i32
// CHECK: scf.for %[[I:.*]] = {{.*}} {
// CHECK-NEXT: "test.sink"(%[[I]], %[[C7]]) : (index, i32) -> ()
// CHECK-NEXT: }
func.func @only_constants_leave_loops(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %c7 = arith.constant 7 : i32
    "test.sink"(%i, %c7) : (index, i32) -> ()
  }
  return
}

// -----

// A dimension that runs once is its lower bound.

// CHECK-LABEL: func.func @parallel_dim_running_once
// CHECK-SAME: (%[[M:[^:]*]]: memref<?x?xf32>, %[[N:[^:]*]]: index, %[[V:[^:]*]]: f32)
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK: scf.parallel (%[[J:.*]]) = (%[[C0]]) to (%[[N]]) step (%[[C1]]) {
// CHECK-NEXT: memref.store %[[V]], %[[M]][%[[C4]], %[[J]]]
func.func @parallel_dim_running_once(%m: memref<?x?xf32>, %n: index, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c7 = arith.constant 7 : index
  scf.parallel (%i, %j) = (%c4, %c0) to (%c7, %n) step (%c4, %c1) {
    memref.store %v, %m[%i, %j] : memref<?x?xf32>
    scf.reduce
  }
  return
}

// -----

// All dimensions run once: the body and the reduction run in place.

// CHECK-LABEL: func.func @parallel_running_once
// CHECK-SAME: (%[[INIT:[^:]*]]: f32, %[[X:[^:]*]]: f32)
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[X]], %[[X]] : f32
// CHECK-NEXT: %[[R:.*]] = arith.addf %[[INIT]], %[[P]] : f32
// CHECK-NEXT: return %[[R]]
func.func @parallel_running_once(%init: f32, %x: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.parallel (%i) = (%c0) to (%c1) step (%c1) init(%init) -> f32 {
    %p = arith.mulf %x, %x : f32
    scf.reduce(%p : f32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.addf %a, %b : f32
      scf.reduce.return %s : f32
    }
  }
  return %r : f32
}

// -----

// CHECK-LABEL: func.func @nested_parallel_merged
// CHECK-SAME: (%[[M:[^:]*]]: memref<?x?xf32>, %[[N:[^:]*]]: index, %[[K:[^:]*]]: index)
// CHECK: scf.parallel (%[[I:.*]], %[[J:.*]]) = (%{{.*}}, %{{.*}}) to (%[[N]], %[[K]]) step (%{{.*}}, %{{.*}}) {
// CHECK-NEXT: %[[X:.*]] = memref.load %[[M]][%[[J]], %[[I]]]
// CHECK-NEXT: memref.store %[[X]], %[[M]][%[[I]], %[[J]]]
// CHECK-NEXT: scf.reduce
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @nested_parallel_merged(%m: memref<?x?xf32>, %n: index, %k: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    scf.parallel (%j) = (%c0) to (%k) step (%c1) {
      %x = memref.load %m[%j, %i] : memref<?x?xf32>
      memref.store %x, %m[%i, %j] : memref<?x?xf32>
      scf.reduce
    }
    scf.reduce
  }
  return
}

// -----

// The inner bound depends on the outer index: the loops stay nested.

// CHECK-LABEL: func.func @triangular_parallel_stays_nested
// CHECK: scf.parallel
// CHECK: scf.parallel
func.func @triangular_parallel_stays_nested(%m: memref<?x?xf32>, %n: index, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    scf.parallel (%j) = (%c0) to (%i) step (%c1) {
      memref.store %v, %m[%i, %j] : memref<?x?xf32>
      scf.reduce
    }
    scf.reduce
  }
  return
}

// -----

// CHECK-LABEL: func.func @if_on_negated_condition
// CHECK-SAME: (%[[C:[^:]*]]: i1)
// CHECK-NEXT: %[[R:.*]] = scf.if %[[C]] -> (i32) {
// CHECK-NEXT: %[[E:.*]] = "test.else"() : () -> i32
// CHECK-NEXT: scf.yield %[[E]]
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[T:.*]] = "test.then"() : () -> i32
// CHECK-NEXT: scf.yield %[[T]]
// CHECK-NEXT: }
// CHECK-NEXT: return %[[R]]
func.func @if_on_negated_condition(%c: i1) -> i32 {
  %true = arith.constant true
  %not = arith.xori %c, %true : i1
  %r = scf.if %not -> (i32) {
    %t = "test.then"() : () -> i32
    scf.yield %t : i32
  } else {
    %e = "test.else"() : () -> i32
    scf.yield %e : i32
  }
  return %r : i32
}

// -----

// Inside the branches the condition is known.

// CHECK-LABEL: func.func @condition_known_in_branches
// CHECK-SAME: (%[[C:[^:]*]]: i1)
// CHECK-DAG: %[[TRUE:.*]] = arith.constant true
// CHECK-DAG: %[[FALSE:.*]] = arith.constant false
// CHECK: scf.if %[[C]] {
// CHECK-NEXT: "test.sink"(%[[TRUE]]) : (i1) -> ()
// CHECK-NEXT: } else {
// CHECK-NEXT: "test.sink"(%[[FALSE]]) : (i1) -> ()
// CHECK-NEXT: }
func.func @condition_known_in_branches(%c: i1) {
  scf.if %c {
    "test.sink"(%c) : (i1) -> ()
    scf.yield
  } else {
    "test.sink"(%c) : (i1) -> ()
    scf.yield
  }
  return
}

// -----

// Loops from a bound to the same bound never run.

// CHECK-LABEL: func.func @loops_without_iterations
// CHECK-SAME: (%[[N:[^:]*]]: index, %[[INIT:[^:]*]]: f32)
// CHECK-NOT: scf.for
// CHECK-NOT: scf.parallel
// CHECK: return %[[INIT]], %[[INIT]]
func.func @loops_without_iterations(%n: index, %init: f32) -> (f32, f32) {
  %c1 = arith.constant 1 : index
  %0 = scf.for %i = %n to %n step %c1 iter_args(%a = %init) -> f32 {
    %s = arith.addf %a, %a : f32
    scf.yield %s : f32
  }
  %1 = scf.parallel (%i, %j) = (%c1, %n) to (%n, %n) step (%c1, %c1) init(%init) -> f32 {
    %v = "test.value"() : () -> f32
    scf.reduce(%v : f32) {
    ^bb0(%x: f32, %y: f32):
      %m = arith.mulf %x, %y : f32
      scf.reduce.return %m : f32
    }
  }
  return %0, %1 : f32, f32
}

// -----

// Compared unsigned, 0 to -1 is a long loop, not an empty one: it stays.

// CHECK-LABEL: func.func @unsigned_loop_is_not_empty
// CHECK: %[[R:.*]] = scf.for unsigned
// CHECK: return %[[R]]
func.func @unsigned_loop_is_not_empty(%init: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %cm1 = arith.constant -1 : i32
  %c1 = arith.constant 1 : i32
  %r = scf.for unsigned %i = %c0 to %cm1 step %c1 iter_args(%a = %init) -> (i32) : i32 {
    %n = arith.addi %a, %i : i32
    scf.yield %n : i32
  }
  return %r : i32
}

// -----

// Two iter_args with the same init and the same yielded value are one.

// CHECK-LABEL: func.func @duplicate_iter_args
// CHECK-SAME: (%[[N:[^:]*]]: index, %[[X:[^:]*]]: f32)
// CHECK: %[[R:.*]] = scf.for %{{.*}} iter_args(%[[A:.*]] = %[[X]]) -> (f32) {
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[A]], %[[A]] : f32
// CHECK-NEXT: scf.yield %[[S]] : f32
// CHECK: return %[[R]], %[[R]]
func.func @duplicate_iter_args(%n: index, %x: f32) -> (f32, f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r:2 = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x, %b = %x) -> (f32, f32) {
    %s = arith.addf %a, %b : f32
    scf.yield %s, %s : f32, f32
  }
  return %r#0, %r#1 : f32, f32
}

// -----

// From %lb to %lb + 2 (without signed wrap) by 4: one iteration, at %lb.

// CHECK-LABEL: func.func @one_step_past_the_bound
// CHECK-SAME: (%[[LB:[^:]*]]: index, %[[X:[^:]*]]: index)
// CHECK-NOT: scf.for
// CHECK: %[[S:.*]] = arith.addi %[[X]], %[[LB]] : index
// CHECK-NEXT: return %[[S]]
func.func @one_step_past_the_bound(%lb: index, %x: index) -> index {
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %ub = arith.addi %lb, %c2 overflow<nsw> : index
  %r = scf.for %i = %lb to %ub step %c4 iter_args(%a = %x) -> index {
    %s = arith.addi %a, %i : index
    scf.yield %s : index
  }
  return %r : index
}

// -----

// The bound may wrap: the loop stays.

// CHECK-LABEL: func.func @bound_that_may_wrap
// CHECK: scf.for
func.func @bound_that_may_wrap(%lb: index, %x: index) -> index {
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %ub = arith.addi %lb, %c2 : index
  %r = scf.for %i = %lb to %ub step %c4 iter_args(%a = %x) -> index {
    %s = arith.addi %a, %i : index
    scf.yield %s : index
  }
  return %r : index
}
