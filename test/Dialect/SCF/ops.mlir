// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @for
// CHECK-SAME: (%[[LB:[^ ,:]+]]: index, %[[UB:[^ ,:]+]]: index, %[[ST:[^ ,:]+]]: index, %[[F:[^ ,:]+]]: f32) -> f32 {
// CHECK: scf.for %[[I:[^ ,:]+]] = %[[LB]] to %[[UB]] step %[[ST]] {
// CHECK: %[[X:[^ ,:]+]] = arith.addi %[[I]], %[[I]] : index
// CHECK: %[[R:[^ ,:]+]]:2 = scf.for %[[I_1:[^ ,:]+]] = %[[LB]] to %[[UB]] step %[[ST]] iter_args(%[[A:[^ ,:]+]] = %[[F]], %[[B:[^ ,:]+]] = %[[F]]) -> (f32, f32) {
// CHECK: %[[S:[^ ,:]+]] = arith.addf %[[A]], %[[B]] : f32
// CHECK: scf.yield %[[S]], %[[A]] : f32, f32
// CHECK: %[[LBI:[^ ,:]+]] = arith.index_cast %[[LB]] : index to i32
// CHECK: scf.for %[[I_2:[^ ,:]+]] = %[[LBI]] to %[[LBI]] step %[[LBI]] : i32 {
// CHECK: scf.for unsigned %[[I_3:[^ ,:]+]] = %[[LBI]] to %[[LBI]] step %[[LBI]] : i32 {
// CHECK: return %[[R]]#0 : f32
func.func @for(%lb: index, %ub: index, %st: index, %f: f32) -> f32 {
  scf.for %i = %lb to %ub step %st {
    %x = arith.addi %i, %i : index
  }
  %r:2 = scf.for %i = %lb to %ub step %st iter_args(%a = %f, %b = %f) -> (f32, f32) {
    %s = arith.addf %a, %b : f32
    scf.yield %s, %a : f32, f32
  }
  %lbi = arith.index_cast %lb : index to i32
  scf.for %i = %lbi to %lbi step %lbi : i32 {
  }
  scf.for unsigned %i = %lbi to %lbi step %lbi : i32 {
  }
  return %r#0 : f32
}

// -----

// CHECK-LABEL: func.func @if
// CHECK-SAME: (%[[C:[^ ,:]+]]: i1, %[[F:[^ ,:]+]]: f32) -> f32 {
// CHECK: scf.if %[[C]] {
// CHECK: %[[X:[^ ,:]+]] = arith.addf %[[F]], %[[F]] : f32
// CHECK: scf.if %[[C]] {
// CHECK: } else {
// CHECK: %[[Y:[^ ,:]+]] = arith.mulf %[[F]], %[[F]] : f32
// CHECK: %[[R:[^ ,:]+]] = scf.if %[[C]] -> (f32) {
// CHECK: scf.yield %[[F]] : f32
// CHECK: } else {
// CHECK: %[[Z:[^ ,:]+]] = arith.subf %[[F]], %[[F]] : f32
// CHECK: scf.yield %[[Z]] : f32
// CHECK: %[[R2:[^ ,:]+]]:2 = scf.if %[[C]] -> (f32, i1) {
// CHECK: scf.yield %[[F]], %[[C]] : f32, i1
// CHECK: } else {
// CHECK: scf.yield %[[F]], %[[C]] : f32, i1
// CHECK: return %[[R]] : f32
func.func @if(%c: i1, %f: f32) -> f32 {
  scf.if %c {
    %x = arith.addf %f, %f : f32
  }
  scf.if %c {
  } else {
    %y = arith.mulf %f, %f : f32
  }
  %r = scf.if %c -> (f32) {
    scf.yield %f : f32
  } else {
    %z = arith.subf %f, %f : f32
    scf.yield %z : f32
  }
  %r2:2 = scf.if %c -> (f32, i1) {
    scf.yield %f, %c : f32, i1
  } else {
    scf.yield %f, %c : f32, i1
  }
  return %r : f32
}

// -----

// CHECK-LABEL: func.func @while
// CHECK-SAME: (%[[N:[^ ,:]+]]: i32) -> i32 {
// CHECK: %[[R:[^ ,:]+]] = scf.while (%[[I:[^ ,:]+]] = %[[N]]) : (i32) -> i32 {
// CHECK: %[[C:[^ ,:]+]] = arith.cmpi slt, %[[I]], %[[N]] : i32
// CHECK: scf.condition(%[[C]]) %[[I]] : i32
// CHECK: } do {
// CHECK: ^bb0(%[[J:[^ ,:]+]]: i32):
// CHECK: %[[K:[^ ,:]+]] = arith.addi %[[J]], %[[J]] : i32
// CHECK: scf.yield %[[K]] : i32
// CHECK: %[[R2:[^ ,:]+]]:2 = scf.while (%[[A:[^ ,:]+]] = %[[N]], %[[B:[^ ,:]+]] = %[[N]]) : (i32, i32) -> (i32, i32) {
// CHECK: %[[C_1:[^ ,:]+]] = arith.cmpi slt, %[[A]], %[[B]] : i32
// CHECK: scf.condition(%[[C_1]]) %[[A]], %[[B]] : i32, i32
// CHECK: } do {
// CHECK: ^bb0(%[[X:[^ ,:]+]]: i32, %[[Y:[^ ,:]+]]: i32):
// CHECK: scf.yield %[[X]], %[[Y]] : i32, i32
// CHECK: scf.while : () -> () {
// CHECK: %[[C_2:[^ ,:]+]] = arith.constant false
// CHECK: scf.condition(%[[C_2]])
// CHECK: } do {
// CHECK: scf.yield
// CHECK: return %[[R]] : i32
func.func @while(%n: i32) -> i32 {
  %r = scf.while (%i = %n) : (i32) -> i32 {
    %c = arith.cmpi slt, %i, %n : i32
    scf.condition(%c) %i : i32
  } do {
  ^bb0(%j: i32):
    %k = arith.addi %j, %j : i32
    scf.yield %k : i32
  }
  %r2:2 = scf.while (%a = %n, %b = %n) : (i32, i32) -> (i32, i32) {
    %c = arith.cmpi slt, %a, %b : i32
    scf.condition(%c) %a, %b : i32, i32
  } do {
  ^bb0(%x: i32, %y: i32):
    scf.yield %x, %y : i32, i32
  }
  scf.while : () -> () {
    %c = arith.constant false
    scf.condition(%c)
  } do {
    scf.yield
  }
  return %r : i32
}

// -----

// CHECK-LABEL: func.func @parallel
// CHECK-SAME: (%[[LB:[^ ,:]+]]: index, %[[UB:[^ ,:]+]]: index, %[[ST:[^ ,:]+]]: index, %[[F:[^ ,:]+]]: f32, %[[M:[^ ,:]+]]: memref<?x?xf32>) -> f32 {
// CHECK: scf.parallel (%[[I:[^ ,:]+]], %[[J:[^ ,:]+]]) = (%[[LB]], %[[LB]]) to (%[[UB]], %[[UB]]) step (%[[ST]], %[[ST]]) {
// CHECK: memref.store %[[F]], %[[M]][%[[I]], %[[J]]] : memref<?x?xf32>
// CHECK: scf.reduce
// CHECK: %[[R:[^ ,:]+]] = scf.parallel (%[[I_1:[^ ,:]+]]) = (%[[LB]]) to (%[[UB]]) step (%[[ST]]) init (%[[F]]) -> f32 {
// CHECK: %[[V:[^ ,:]+]] = memref.load %[[M]][%[[I_1]], %[[I_1]]] : memref<?x?xf32>
// CHECK: scf.reduce(%[[V]] : f32) {
// CHECK: ^bb0(%[[A:[^ ,:]+]]: f32, %[[B:[^ ,:]+]]: f32):
// CHECK: %[[S:[^ ,:]+]] = arith.addf %[[A]], %[[B]] : f32
// CHECK: scf.reduce.return %[[S]] : f32
// CHECK: return %[[R]] : f32
func.func @parallel(%lb: index, %ub: index, %st: index, %f: f32, %m: memref<?x?xf32>) -> f32 {
  scf.parallel (%i, %j) = (%lb, %lb) to (%ub, %ub) step (%st, %st) {
    memref.store %f, %m[%i, %j] : memref<?x?xf32>
  }
  %r = scf.parallel (%i) = (%lb) to (%ub) step (%st) init (%f) -> f32 {
    %v = memref.load %m[%i, %i] : memref<?x?xf32>
    scf.reduce(%v : f32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.addf %a, %b : f32
      scf.reduce.return %s : f32
    }
  }
  return %r : f32
}

// -----

// CHECK-LABEL: func.func @forall
// CHECK-SAME: (%[[M:[^ ,:]+]]: memref<?xf32>, %[[N:[^ ,:]+]]: index) {
// CHECK: scf.forall (%[[I:[^ ,:]+]], %[[J:[^ ,:]+]]) in (4, %[[N]]) {
// CHECK: %[[C:[^ ,:]+]] = arith.constant 0.000000e+00 : f32
// CHECK: memref.store %[[C]], %[[M]][%[[I]]] : memref<?xf32>
// CHECK: scf.forall (%[[I_1:[^ ,:]+]]) = (0) to (%[[N]]) step (2) {
// CHECK: } {mapping = [#gpu.thread<x>]}
// CHECK: scf.forall (%[[I_2:[^ ,:]+]]) = (%[[N]]) to (16) step (%[[N]]) {
// CHECK: return
func.func @forall(%m: memref<?xf32>, %n: index) {
  scf.forall (%i, %j) in (4, %n) {
    %c = arith.constant 0.0 : f32
    memref.store %c, %m[%i] : memref<?xf32>
  }
  scf.forall (%i) = (0) to (%n) step (2) {
  } {mapping = [#gpu.thread<x>]}
  scf.forall (%i) = (%n) to (16) step (%n) {
    scf.forall.in_parallel {
    }
  }
  return
}

// -----

// CHECK-LABEL: func.func @execute_region_switch
// CHECK-SAME: (%[[I:[^ ,:]+]]: index) -> i32 {
// CHECK: %[[R:[^ ,:]+]] = scf.execute_region -> i32 {
// CHECK: %[[C:[^ ,:]+]] = arith.constant 1 : i32
// CHECK: scf.yield %[[C]] : i32
// CHECK: %[[S:[^ ,:]+]] = scf.index_switch %[[I]] -> i32
// CHECK: case 2 {
// CHECK: %[[C_1:[^ ,:]+]] = arith.constant 10 : i32
// CHECK: scf.yield %[[C_1]] : i32
// CHECK: case 5 {
// CHECK: %[[C_2:[^ ,:]+]] = arith.constant 20 : i32
// CHECK: scf.yield %[[C_2]] : i32
// CHECK: default {
// CHECK: %[[C_3:[^ ,:]+]] = arith.constant 30 : i32
// CHECK: scf.yield %[[C_3]] : i32
// CHECK: scf.index_switch %[[I]]
// CHECK: default {
// CHECK: scf.yield
// CHECK: %[[E:[^ ,:]+]] = scf.execute_region -> i32 no_inline {
// CHECK: scf.yield %[[R]] : i32
// CHECK: return %[[S]] : i32
func.func @execute_region_switch(%i: index) -> i32 {
  %r = scf.execute_region -> i32 {
    %c = arith.constant 1 : i32
    scf.yield %c : i32
  }
  %s = scf.index_switch %i -> i32
  case 2 {
    %c = arith.constant 10 : i32
    scf.yield %c : i32
  }
  case 5 {
    %c = arith.constant 20 : i32
    scf.yield %c : i32
  }
  default {
    %c = arith.constant 30 : i32
    scf.yield %c : i32
  }
  scf.index_switch %i
  default {
  }
  %e = scf.execute_region -> i32 no_inline {
    scf.yield %r : i32
  }
  return %s : i32
}

// -----

// CHECK-LABEL: func.func @for_single
// CHECK-SAME: (%[[LB:[^ ,:]+]]: index, %[[F:[^ ,:]+]]: f32) -> f32 {
// CHECK: %[[R:[^ ,:]+]] = scf.for %[[I:[^ ,:]+]] = %[[LB]] to %[[LB]] step %[[LB]] iter_args(%[[A:[^ ,:]+]] = %[[F]]) -> (f32) {
// CHECK: scf.yield %[[A]] : f32
// CHECK: %[[R2:[^ ,:]+]] = scf.execute_region -> f32 {
// CHECK: scf.yield %[[F]] : f32
// CHECK: %[[R3:[^ ,:]+]]:2 = scf.execute_region -> (f32, i32) {
// CHECK: %[[C:[^ ,:]+]] = arith.constant 1 : i32
// CHECK: scf.yield %[[F]], %[[C]] : f32, i32
// CHECK: %[[C1:[^ ,:]+]] = arith.constant true
// CHECK: %[[R4:[^ ,:]+]] = scf.if %[[C1]] -> (f32) {
// CHECK: scf.yield %[[F]] : f32
// CHECK: } else {
// CHECK: scf.yield %[[F]] : f32
// CHECK: return %[[R]] : f32
func.func @for_single(%lb: index, %f: f32) -> f32 {
  %r = scf.for %i = %lb to %lb step %lb iter_args(%a = %f) -> f32 {
    scf.yield %a : f32
  }
  %r2 = scf.execute_region -> (f32) {
    scf.yield %f : f32
  }
  %r3:2 = scf.execute_region -> (f32, i32) {
    %c = arith.constant 1 : i32
    scf.yield %f, %c : f32, i32
  }
  %c1 = arith.constant true
  %r4 = scf.if %c1 -> f32 {
    scf.yield %f : f32
  } else {
    scf.yield %f : f32
  }
  return %r : f32
}

// -----

// CHECK-LABEL: func.func @reduce_two
// CHECK-SAME: (%[[LB:[^ ,:]+]]: index, %[[F:[^ ,:]+]]: f32, %[[I:[^ ,:]+]]: i32) -> (f32, i32) {
// CHECK: %[[R:[^ ,:]+]]:2 = scf.parallel (%[[IV:[^ ,:]+]]) = (%[[LB]]) to (%[[LB]]) step (%[[LB]]) init (%[[F]], %[[I]]) -> (f32, i32) {
// CHECK: scf.reduce(%[[F]], %[[I]] : f32, i32) {
// CHECK: ^bb0(%[[A:[^ ,:]+]]: f32, %[[B:[^ ,:]+]]: f32):
// CHECK: %[[S:[^ ,:]+]] = arith.addf %[[A]], %[[B]] : f32
// CHECK: scf.reduce.return %[[S]] : f32
// CHECK: }, {
// CHECK: ^bb0(%[[A_1:[^ ,:]+]]: i32, %[[B_1:[^ ,:]+]]: i32):
// CHECK: %[[S_1:[^ ,:]+]] = arith.addi %[[A_1]], %[[B_1]] : i32
// CHECK: scf.reduce.return %[[S_1]] : i32
// CHECK: return %[[R]]#0, %[[R]]#1 : f32, i32
func.func @reduce_two(%lb: index, %f: f32, %i: i32) -> (f32, i32) {
  %r:2 = scf.parallel (%iv) = (%lb) to (%lb) step (%lb) init (%f, %i) -> (f32, i32) {
    scf.reduce(%f, %i : f32, i32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.addf %a, %b : f32
      scf.reduce.return %s : f32
    }, {
    ^bb0(%a: i32, %b: i32):
      %s = arith.addi %a, %b : i32
      scf.reduce.return %s : i32
    }
  }
  return %r#0, %r#1 : f32, i32
}

// -----

// CHECK-LABEL: func.func @while_attr
// CHECK-SAME: (%[[N:[^ ,:]+]]: i32) {
// CHECK: %[[R:[^ ,:]+]] = scf.while (%[[I:[^ ,:]+]] = %[[N]]) : (i32) -> i32 {
// CHECK: %[[C:[^ ,:]+]] = arith.cmpi slt, %[[I]], %[[N]] : i32
// CHECK: scf.condition(%[[C]]) %[[I]] : i32
// CHECK: } do {
// CHECK: ^bb0(%[[J:[^ ,:]+]]: i32):
// CHECK: scf.yield %[[J]] : i32
// CHECK: } attributes {foo}
// CHECK: return
func.func @while_attr(%n: i32) {
  %r = scf.while (%i = %n) : (i32) -> i32 {
    %c = arith.cmpi slt, %i, %n : i32
    scf.condition(%c) %i : i32
  } do {
  ^bb0(%j: i32):
    scf.yield %j : i32
  } attributes {foo}
  return
}
