// RUN: mlopt %s --convert-scf-to-cf | FileCheck %s

// CHECK-LABEL: func.func @for_loop
func.func @for_loop(%lb: index, %ub: index, %step: index, %init: f32) -> f32 {
  // CHECK: cf.br ^[[COND:.*]](%{{.*}}, %{{.*}} : index, f32)
  // CHECK: ^[[COND]](%[[IV:.*]]: index, %[[ACC:.*]]: f32):
  // CHECK: %[[CMP:.*]] = arith.cmpi slt, %[[IV]], %{{.*}} : index
  // CHECK: cf.cond_br %[[CMP]], ^[[BODY:.*]], ^[[EXIT:.*]]
  // CHECK: ^[[BODY]]:
  // CHECK: %[[NEXT:.*]] = arith.addi %[[IV]], %{{.*}} : index
  // CHECK: cf.br ^[[COND]](%[[NEXT]], %{{.*}} : index, f32)
  // CHECK: ^[[EXIT]]:
  // CHECK: return %[[ACC]] : f32
  %r = scf.for %i = %lb to %ub step %step iter_args(%acc = %init) -> (f32) {
    %s = arith.addf %acc, %acc : f32
    scf.yield %s : f32
  }
  return %r : f32
}

// CHECK-LABEL: func.func @while_loop
func.func @while_loop(%n: i64) -> i64 {
  // CHECK: cf.br ^[[BEFORE:.*]](%{{.*}} : i64)
  // CHECK: ^[[BEFORE]](%[[A:.*]]: i64):
  // CHECK: cf.cond_br %{{.*}}, ^[[AFTER:.*]](%[[A]] : i64), ^[[DONE:.*]](%[[A]] : i64)
  // CHECK: ^[[AFTER]](%[[B:.*]]: i64):
  // CHECK: cf.br ^[[BEFORE]](%{{.*}} : i64)
  // CHECK: ^[[DONE]](%[[R:.*]]: i64):
  // CHECK: return %[[R]] : i64
  %r = scf.while (%a = %n) : (i64) -> i64 {
    %z = arith.constant 0 : i64
    %c = arith.cmpi sgt, %a, %z : i64
    scf.condition(%c) %a : i64
  } do {
  ^bb0(%b: i64):
    %one = arith.constant 1 : i64
    %d = arith.subi %b, %one : i64
    scf.yield %d : i64
  }
  return %r : i64
}

// CHECK-LABEL: func.func @if_else
func.func @if_else(%c: i1, %x: f32) -> f32 {
  // CHECK: cf.cond_br %{{.*}}, ^[[THEN:.*]], ^[[ELSE:.*]]
  // CHECK: ^[[THEN]]:
  // CHECK: cf.br ^[[JOIN:.*]](%{{.*}} : f32)
  // CHECK: ^[[ELSE]]:
  // CHECK: cf.br ^[[JOIN]](%{{.*}} : f32)
  // CHECK: ^[[JOIN]](%{{.*}}: f32):
  %r = scf.if %c -> (f32) {
    scf.yield %x : f32
  } else {
    %y = arith.negf %x : f32
    scf.yield %y : f32
  }
  return %r : f32
}

// CHECK-LABEL: func.func @index_switch
func.func @index_switch(%i: index) -> i32 {
  // CHECK: %[[CASE:.*]] = arith.index_cast %{{.*}} : index to i32
  // CHECK: cf.switch %[[CASE]] : i32, [
  // CHECK-NEXT: default: ^{{.*}},
  // CHECK-NEXT: 2: ^{{.*}}
  %r = scf.index_switch %i -> i32
  case 2 {
    %a = arith.constant 20 : i32
    scf.yield %a : i32
  }
  default {
    %b = arith.constant 0 : i32
    scf.yield %b : i32
  }
  return %r : i32
}

// scf.parallel becomes nested loops; the reduction is carried through them.
// CHECK-LABEL: func.func @parallel_reduce
func.func @parallel_reduce(%n: index, %m: memref<?x?xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  // CHECK: cf.br ^[[OUTER:.*]](%{{.*}}, %{{.*}} : index, f32)
  // CHECK: ^[[OUTER]](%{{.*}}: index, %{{.*}}: f32):
  // CHECK: cf.br ^[[INNER:.*]](%{{.*}}, %{{.*}} : index, f32)
  // CHECK: ^[[INNER]](%{{.*}}: index, %[[ACC:.*]]: f32):
  // CHECK: memref.load
  // CHECK: arith.addf %[[ACC]], %{{.*}} : f32
  // CHECK-NOT: scf.
  %r = scf.parallel (%i, %j) = (%c0, %c0) to (%n, %n) step (%c1, %c1) init (%zero) -> f32 {
    %v = memref.load %m[%i, %j] : memref<?x?xf32>
    scf.reduce(%v : f32) {
    ^bb0(%lhs: f32, %rhs: f32):
      %s = arith.addf %lhs, %rhs : f32
      scf.reduce.return %s : f32
    }
  }
  return %r : f32
}

// CHECK-LABEL: func.func @execute_region
func.func @execute_region() -> i32 {
  // CHECK: cf.br ^[[REGION:.*]]
  // CHECK: ^[[REGION]]:
  // CHECK: cf.br ^[[AFTER:.*]](%{{.*}} : i32)
  // CHECK: ^[[AFTER]](%[[V:.*]]: i32):
  // CHECK: return %[[V]] : i32
  %r = scf.execute_region -> i32 {
    %c = arith.constant 5 : i32
    scf.yield %c : i32
  }
  return %r : i32
}

// CHECK-LABEL: func.func @unsigned_loop
func.func @unsigned_loop(%lb: index, %ub: index) {
  // CHECK: arith.cmpi ult, %{{.*}}, %{{.*}} : index
  scf.for unsigned %i = %lb to %ub step %lb {
  }
  return
}
