// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule --split-input-file --verify-diagnostics --allow-unregistered-dialect | FileCheck %s

// Unrolling by 2 a loop of 5 iterations: two copies per iteration of a loop
// up to 8, the second at iv + step; the fifth iteration is left over, a loop
// of one iteration, promoted to straight-line code at 8.

// CHECK-LABEL: func.func @unroll
//   CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
//   CHECK-DAG: %[[C8:.*]] = arith.constant 8 : index
//   CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
//       CHECK: scf.for %[[IV:[^ ]+]] = %[[C0]] to %[[C8]] step %[[C4]] {
//  CHECK-NEXT:   "test.use"(%[[IV]])
//       CHECK:   %[[NEXT:.*]] = arith.addi %[[IV]], %{{.*}} : index
//  CHECK-NEXT:   "test.use"(%[[NEXT]])
//  CHECK-NEXT: }
//  CHECK-NEXT: "test.use"(%[[C8]])
//  CHECK-NEXT: return
func.func @unroll() {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c10 = arith.constant 10 : index
  scf.for %i = %c0 to %c10 step %c2 {
    "test.use"(%i) : (index) -> ()
  }
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %l = transform.structured.match ops{["scf.for"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.loop.unroll %l {factor = 2} : !transform.any_op
    transform.yield
  }
}

// -----

// With iter_args and a dynamic bound: the copies chain the carried value,
// and an epilogue loop from the last multiple of 3 iterations carries on.

// CHECK-LABEL: func.func @unroll_dynamic
//  CHECK-SAME: (%[[N:.*]]: index, %[[X:.*]]: f32)
//       CHECK: %[[MAIN:.*]] = scf.for %[[IV:[^ ]+]] = %[[LB:.*]] to %[[SPLIT:.*]] step %{{.*}} iter_args(%[[A:.*]] = %[[X]]) -> (f32) {
//  CHECK-NEXT:   %[[A1:.*]] = arith.addf %[[A]], %[[A]] : f32
//       CHECK:   %[[A2:.*]] = arith.addf %[[A1]], %[[A1]] : f32
//       CHECK:   %[[A3:.*]] = arith.addf %[[A2]], %[[A2]] : f32
//  CHECK-NEXT:   scf.yield %[[A3]] : f32
//       CHECK: %[[REST:.*]] = scf.for %{{.*}} = %[[SPLIT]] to %[[N]] step %{{.*}} iter_args(%[[B:.*]] = %[[MAIN]]) -> (f32) {
//  CHECK-NEXT:   %[[B1:.*]] = arith.addf %[[B]], %[[B]] : f32
//  CHECK-NEXT:   scf.yield %[[B1]] : f32
//       CHECK: return %[[REST]] : f32
func.func @unroll_dynamic(%n: index, %x: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x) -> f32 {
    %b = arith.addf %a, %a : f32
    scf.yield %b : f32
  }
  return %r : f32
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %l = transform.structured.match ops{["scf.for"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.loop.unroll %l {factor = 3} : !transform.any_op
    transform.yield
  }
}

// -----

// Peeling the last iteration of a tiled loop: in the main loop the tile size
// min(10 - iv, 4) is 4, in the peeled one 10 - iv.

//   CHECK-DAG: #[[$FOUR:.+]] = affine_map<() -> (4)>
//   CHECK-DAG: #[[$REST:.+]] = affine_map<(d0) -> (-d0 + 10)>
// CHECK-LABEL: func.func @peel
//   CHECK-DAG: %[[C8:.*]] = arith.constant 8 : index
//   CHECK-DAG: %[[C10:.*]] = arith.constant 10 : index
//       CHECK: scf.for %{{.*}} = %{{.*}} to %[[C8]] step %{{.*}} {
//  CHECK-NEXT:   %[[FOUR:.*]] = affine.apply #[[$FOUR]]()
//  CHECK-NEXT:   "test.use"(%[[FOUR]])
//       CHECK: scf.for %[[IV:[^ ]+]] = %[[C8]] to %[[C10]] step %{{.*}} {
//  CHECK-NEXT:   %[[REST:.*]] = affine.apply #[[$REST]](%[[IV]])
//  CHECK-NEXT:   "test.use"(%[[REST]])
func.func @peel() {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c10 = arith.constant 10 : index
  // expected-remark@+2 {{main}}
  // expected-remark@+1 {{rest}}
  scf.for %i = %c0 to %c10 step %c4 {
    %s = affine.min affine_map<(d0) -> (-d0 + 10, 4)>(%i)
    "test.use"(%s) : (index) -> ()
  }
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %l = transform.structured.match ops{["scf.for"]} in %root : (!transform.any_op) -> !transform.op<"scf.for">
    %main, %rest = transform.loop.peel %l : (!transform.op<"scf.for">) -> (!transform.any_op, !transform.any_op)
    transform.debug.emit_remark_at %main, "main" : !transform.any_op
    transform.debug.emit_remark_at %rest, "rest" : !transform.any_op
    transform.yield
  }
}

// -----

// Peeling the first iteration, then promoting it: the first iteration runs
// before a loop from lb + step, carrying its result in.

// CHECK-LABEL: func.func @peel_front
//  CHECK-SAME: (%[[N:.*]]: index, %[[X:.*]]: f32)
//       CHECK: %[[FIRST:.*]] = arith.addf %[[X]], %[[X]] : f32
//       CHECK: %[[R:.*]] = scf.for %{{.*}} = %{{.*}} to %[[N]] step %{{.*}} iter_args(%[[A:.*]] = %[[FIRST]]) -> (f32) {
//       CHECK: return %[[R]]
func.func @peel_front(%n: index, %x: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x) -> f32 {
    %b = arith.addf %a, %a : f32
    scf.yield %b : f32
  }
  return %r : f32
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %l = transform.structured.match ops{["scf.for"]} in %root : (!transform.any_op) -> !transform.op<"scf.for">
    %rest, %first = transform.loop.peel %l {peel_front = true} : (!transform.op<"scf.for">) -> (!transform.any_op, !transform.any_op)
    transform.loop.promote_if_one_iteration %first : !transform.any_op
    transform.yield
  }
}

// -----

// Outlining: the loop becomes @sum, taking what it uses from above (the
// index constants it uses are cloned in); the call sits in an scf.execute_region.

// CHECK-LABEL: func.func @sum
//  CHECK-SAME: (%[[M:.*]]: memref<10xf32>, %{{.*}}: index, %[[N:.*]]: index, %{{.*}}: index, %[[Z:.*]]: f32) -> f32
//   CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
//   CHECK-DAG: %[[C1:.*]] = arith.constant 1 : index
//       CHECK: %[[R:.*]] = scf.for %{{.*}} = %[[C0]] to %[[N]] step %[[C1]] iter_args(%{{.*}} = %[[Z]]) -> (f32) {
//       CHECK:   memref.load %[[M]]
//       CHECK: return %[[R]] : f32
// CHECK-LABEL: func.func @outline
//  CHECK-SAME: (%[[M2:.*]]: memref<10xf32>, %[[N2:.*]]: index)
//       CHECK: %[[E:.*]] = scf.execute_region -> f32 {
//  CHECK-NEXT:   %[[CALL:.*]] = func.call @sum(%[[M2]], %{{.*}}, %[[N2]], %{{.*}}, %{{.*}}) : (memref<10xf32>, index, index, index, f32) -> f32
//  CHECK-NEXT:   scf.yield %[[CALL]] : f32
//       CHECK: return %[[E]] : f32
func.func @outline(%m: memref<10xf32>, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  // expected-remark@+1 {{call}}
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %zero) -> f32 {
    %v = memref.load %m[%i] : memref<10xf32>
    %b = arith.addf %a, %v : f32
    scf.yield %b : f32
  }
  return %r : f32
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %l = transform.structured.match ops{["scf.for"]} in %root : (!transform.any_op) -> !transform.any_op
    %f, %call = transform.loop.outline %l {func_name = "sum"} : (!transform.any_op) -> (!transform.any_op, !transform.op<"func.call">)
    transform.debug.emit_remark_at %call, "call" : !transform.op<"func.call">
    transform.yield
  }
}

// -----

// Coalescing a 3 x 3 nest into one loop of 9 iterations; the original
// induction variables come back by remainder and quotient (times the step,
// plus the lower bound).

// CHECK-LABEL: func.func @coalesce
//   CHECK-DAG: %[[C9:.*]] = arith.constant 9 : index
//       CHECK: scf.for %[[IV:[^ ]+]] = %{{.*}} to %[[C9]] step %{{.*}} {
//       CHECK:   %[[J:.*]] = arith.remui %[[IV]], %[[C3:.*]] : index
//       CHECK:   %[[I:.*]] = arith.divui %[[IV]], %[[C3]] : index
//       CHECK:   %[[JJ:.*]] = arith.addi %[[J]], %{{.*}} : index
//       CHECK:   %[[II:.*]] = arith.muli %[[I]], %{{.*}} : index
//       CHECK:   memref.load %{{.*}}[%[[II]], %[[JJ]]]
//   CHECK-NOT: scf.for
func.func @coalesce(%m: memref<6x4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %c6 = arith.constant 6 : index
  scf.for %i = %c0 to %c6 step %c2 {
    scf.for %j = %c1 to %c4 step %c1 {
      %v = memref.load %m[%i, %j] : memref<6x4xf32>
      memref.store %v, %m[%j, %i] : memref<6x4xf32>
    }
  }
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %l = transform.structured.match ops{["memref.load"]} in %root : (!transform.any_op) -> !transform.any_op
    %outer = transform.get_parent_op %l {op_name = "scf.for", nth_parent = 2} : (!transform.any_op) -> !transform.any_op
    %c = transform.loop.coalesce %outer : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// hoist_loop_invariant_subsets on a loop handle: the slice at a constant
// offset becomes an iter_arg; the handle now holds the new loop.

// CHECK-LABEL: func.func @hoist_subsets
//       CHECK: tensor.extract_slice
//       CHECK: scf.for {{.*}} -> (tensor<?xf32>, tensor<5xf32>)
//       CHECK: tensor.insert_slice
func.func @hoist_subsets(%t: tensor<?xf32>, %n: index) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-remark@+1 {{new loop}}
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %t) -> (tensor<?xf32>) {
    %s = tensor.extract_slice %a[0] [5] [1] : tensor<?xf32> to tensor<5xf32>
    %u = "test.foo"(%s) : (tensor<5xf32>) -> tensor<5xf32>
    %b = tensor.insert_slice %u into %a[0] [5] [1] : tensor<5xf32> into tensor<?xf32>
    scf.yield %b : tensor<?xf32>
  }
  return %r : tensor<?xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %l = transform.structured.match ops{["scf.for"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.loop.hoist_loop_invariant_subsets %l : !transform.any_op
    transform.debug.emit_remark_at %l, "new loop" : !transform.any_op
    transform.yield
  }
}

// -----

// Failures, with upstream's messages.

func.func @divisible() {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  scf.for %i = %c0 to %c8 step %c4 {
    "test.use"(%i) : (index) -> ()
  }
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %l = transform.structured.match ops{["scf.for"]} in %root : (!transform.any_op) -> !transform.op<"scf.for">
    // expected-error@+1 {{failed to peel the last iteration}}
    %a, %b = transform.loop.peel %l : (!transform.op<"scf.for">) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

func.func @one_iteration() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %c1 step %c1 {
    "test.use"(%i) : (index) -> ()
  }
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %l = transform.structured.match ops{["scf.for"]} in %root : (!transform.any_op) -> !transform.op<"scf.for">
    // expected-error@+1 {{failed to peel the first iteration}}
    %a, %b = transform.loop.peel %l {peel_front = true} : (!transform.op<"scf.for">) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

func.func @no_nest() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %c1 step %c1 {
    "test.use"(%i) : (index) -> ()
  }
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %l = transform.structured.match ops{["scf.for"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{failed to coalesce}}
    %c = transform.loop.coalesce %l : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

func.func @not_a_loop() {
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{failed to unroll, incorrect type of payload}}
    transform.loop.unroll %f {factor = 2} : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.consumed}) {
    // expected-error@+1 {{attribute 'factor' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
    transform.loop.unroll %root {factor = 0} : !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.consumed}) {
    // expected-error@+1 {{'transform.loop.peel' op operand #0 must be Transform IR handle to scf.for operations, but got '!transform.any_op'}}
    %a, %b = transform.loop.peel %root : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// forall_to_for: one scf.for per induction variable, one handle each.

// CHECK-LABEL: func.func @forall_to_for
//       CHECK: scf.for %[[I:[^ ]+]] = %{{.*}} to %{{.*}} step %{{.*}} {
//  CHECK-NEXT:   scf.for %[[J:[^ ]+]] = %{{.*}} to %{{.*}} step %{{.*}} {
//  CHECK-NEXT:     memref.load %{{.*}}[%[[I]], %[[J]]]
func.func @forall_to_for(%m: memref<8x4xf32>) {
  // expected-remark@+2 {{outer}}
  // expected-remark@+1 {{inner}}
  scf.forall (%i, %j) in (8, 4) {
    %v = memref.load %m[%i, %j] : memref<8x4xf32>
    memref.store %v, %m[%j, %i] : memref<8x4xf32>
  }
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %l = transform.structured.match ops{["scf.forall"]} in %root : (!transform.any_op) -> !transform.any_op
    %outer, %inner = transform.loop.forall_to_for %l : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.debug.emit_remark_at %outer, "outer" : !transform.any_op
    transform.debug.emit_remark_at %inner, "inner" : !transform.any_op
    transform.yield
  }
}

// -----

// CHECK-LABEL: func.func @forall_to_parallel
//       CHECK: scf.parallel (%[[I:[^ ]+]], %[[J:[^ ]+]]) = (%{{.*}}, %{{.*}}) to (%{{.*}}, %{{.*}}) step (%{{.*}}, %{{.*}}) {
//  CHECK-NEXT:   memref.load %{{.*}}[%[[I]], %[[J]]]
func.func @forall_to_parallel(%m: memref<8x4xf32>) {
  scf.forall (%i, %j) in (8, 4) {
    %v = memref.load %m[%i, %j] : memref<8x4xf32>
    memref.store %v, %m[%i, %j] : memref<8x4xf32>
  }
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %l = transform.structured.match ops{["scf.forall"]} in %root : (!transform.any_op) -> !transform.any_op
    %p = transform.loop.forall_to_parallel %l : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

func.func @rank_mismatch(%m: memref<8x4xf32>) {
  // expected-note@+1 {{payload op}}
  scf.forall (%i, %j) in (8, 4) {
    %v = memref.load %m[%i, %j] : memref<8x4xf32>
    memref.store %v, %m[%i, %j] : memref<8x4xf32>
  }
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %l = transform.structured.match ops{["scf.forall"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{op expects as many results (1) as payload has induction variables (2)}}
    %f = transform.loop.forall_to_for %l : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

func.func @shared_outputs(%t: tensor<8xf32>) -> tensor<8xf32> {
  %r = scf.forall (%i) in (8) shared_outs(%o = %t) -> tensor<8xf32> {
    scf.forall.in_parallel {
    }
  }
  return %r : tensor<8xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %l = transform.structured.match ops{["scf.forall"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{unsupported shared outputs (didn't bufferize?)}}
    %p = transform.loop.forall_to_parallel %l : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
