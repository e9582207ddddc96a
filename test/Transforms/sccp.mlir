// RUN: mlopt %s --split-input-file --sccp | FileCheck %s

// Constants fold; each constant is made once, at the top of the function,
// the newest first; folded ops go, the rest use the constants.
// CHECK-LABEL: func.func @fold
// CHECK-SAME: (%[[X:.+]]: i32)
// CHECK-NEXT: %[[C3:.+]] = arith.constant 3 : i32
// CHECK-NEXT: arith.constant 2 : i32
// CHECK-NEXT: arith.constant 1 : i32
// CHECK-NEXT: %[[M:.+]] = arith.muli %[[C3]], %[[X]] : i32
// CHECK-NEXT: return %[[M]] : i32
func.func @fold(%x: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %0 = arith.addi %c1, %c2 : i32
  %1 = arith.muli %0, %x : i32
  return %1 : i32
}

// -----

// Integer semantics: wrapping, truncating division, casts; a division by zero
// is left alone; x * 0 and x == x fold without x.
// CHECK-LABEL: func.func @integers
// CHECK-SAME: (%[[X:.+]]: i32)
// CHECK-DAG: %[[WRAP:.+]] = arith.constant -128 : i8
// CHECK-DAG: %[[DIV:.+]] = arith.constant -3 : i8
// CHECK-DAG: %[[EXT:.+]] = arith.constant -7 : i64
// CHECK-DAG: %[[ZERO:.+]] = arith.constant 0 : i32
// CHECK-DAG: %[[TRUE:.+]] = arith.constant true
// CHECK: %[[BYZERO:.+]] = arith.divsi %{{.+}}, %[[ZERO]] : i32
// CHECK-NEXT: return %[[WRAP]], %[[DIV]], %[[EXT]], %[[BYZERO]], %[[ZERO]], %[[TRUE]]
func.func @integers(%x: i32) -> (i8, i8, i64, i32, i32, i1) {
  %a = arith.constant 127 : i8
  %b = arith.constant 1 : i8
  %wrap = arith.addi %a, %b : i8
  %d = arith.constant -7 : i8
  %e = arith.constant 2 : i8
  %div = arith.divsi %d, %e : i8
  %ext = arith.extsi %d : i8 to i64
  %zero = arith.constant 0 : i32
  %five = arith.constant 5 : i32
  %byzero = arith.divsi %five, %zero : i32
  %absorbed = arith.muli %x, %zero : i32
  %same = arith.cmpi sle, %x, %x : i32
  return %wrap, %div, %ext, %byzero, %absorbed, %same : i8, i8, i64, i32, i32, i1
}

// -----

// Floats round at their own precision.
// CHECK-LABEL: func.func @floats
// CHECK-DAG: %[[SUM:.+]] = arith.constant 3.000000e-01 : f32
// CHECK-DAG: %[[LT:.+]] = arith.constant true
// CHECK: return %[[SUM]], %[[LT]] : f32, i1
func.func @floats() -> (f32, i1) {
  %a = arith.constant 0.1 : f32
  %b = arith.constant 0.2 : f32
  %c = arith.addf %a, %b : f32
  %lt = arith.cmpf olt, %a, %b : f32
  return %c, %lt : f32, i1
}

// -----

// Only the branch taken counts: its block argument is a constant, the other
// block is dead and left as it is.
// CHECK-LABEL: func.func @branches
// CHECK: cf.cond_br %{{.+}}, ^[[T:.+]](%{{.+}} : i32), ^[[F:[a-z0-9]+]](%{{.+}} : i32)
// CHECK: ^[[F]](%[[DEAD:.+]]: i32):
// CHECK-NEXT: cf.br ^{{.+}}(%[[DEAD]] : i32)
// CHECK: return %[[C2:.+]] : i32
func.func @branches() -> i32 {
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %true = arith.constant true
  cf.cond_br %true, ^bb1(%c1 : i32), ^bb2(%c2 : i32)
^bb1(%a: i32):
  cf.br ^bb3(%a : i32)
^bb2(%b: i32):
  cf.br ^bb3(%b : i32)
^bb3(%r: i32):
  %s = arith.addi %r, %c1 : i32
  return %s : i32
}

// -----

// A loop-carried value that stays the same is a constant; the counter is not.
// CHECK-LABEL: func.func @cf_loop
// CHECK: %[[ONE:.+]] = arith.constant 1 : i32
// CHECK: ^[[HEAD:.+]](%[[I:.+]]: i32, %{{.+}}: i32):
// CHECK: arith.cmpi slt, %[[I]]
// CHECK: return %[[ONE]] : i32
func.func @cf_loop(%n: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  cf.br ^head(%c0, %c1 : i32, i32)
^head(%i: i32, %v: i32):
  %lt = arith.cmpi slt, %i, %n : i32
  cf.cond_br %lt, ^body, ^exit
^body:
  %i2 = arith.addi %i, %c1 : i32
  %v2 = arith.muli %v, %c1 : i32
  cf.br ^head(%i2, %v2 : i32, i32)
^exit:
  return %v : i32
}

// -----

// scf: a constant condition picks the region; loop-carried values and results
// join over the entry and the yields; ops whose results all became constants
// and have no effects are erased, regions and all.
// CHECK-LABEL: func.func @structured
// CHECK-SAME: (%[[C:.+]]: i1, %[[N:.+]]: index)
// CHECK-NOT: scf.if
// CHECK-NOT: scf.for
// CHECK: scf.while
// CHECK: scf.if %[[C]] -> (i32, i32)
// CHECK: return %[[TWO:[^,]+]], %[[TWO]], %[[ONE:[^,]+]], %[[ONE]], %{{.+}} : i32
func.func @structured(%c: i1, %n: index) -> (i32, i32, i32, i32, i32) {
  %true = arith.constant true
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %i0 = arith.constant 0 : i32
  %i1 = arith.constant 1 : i32
  %i2 = arith.constant 2 : i32
  %i10 = arith.constant 10 : i32
  %if = scf.if %true -> i32 {
    %a = arith.addi %i1, %i1 : i32
    scf.yield %a : i32
  } else {
    scf.yield %i0 : i32
  }
  %for = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %i2) -> i32 {
    scf.yield %acc : i32
  }
  %while:2 = scf.while (%i = %i0, %k = %i1) : (i32, i32) -> (i32, i32) {
    %lt = arith.cmpi slt, %i, %i10 : i32
    scf.condition(%lt) %i, %k : i32, i32
  } do {
  ^bb0(%a: i32, %b: i32):
    %next = arith.addi %a, %i1 : i32
    scf.yield %next, %b : i32, i32
  }
  %both:2 = scf.if %c -> (i32, i32) {
    scf.yield %i1, %i1 : i32, i32
  } else {
    scf.yield %i1, %i2 : i32, i32
  }
  return %if, %for, %while#1, %both#0, %both#1 : i32, i32, i32, i32, i32
}

// -----

// A private function's arguments join over its calls; calls return what the
// callee returns (public callees too).
// CHECK-LABEL: func.func private @callee
// CHECK: %[[SIX:.+]] = arith.constant 6 : i32
// CHECK: return %[[SIX]] : i32
// CHECK-LABEL: func.func private @twice
// CHECK: %[[SUM:.+]] = arith.addi
// CHECK: return %[[SUM]]
// CHECK-LABEL: func.func @calls
// CHECK-DAG: %[[SIX2:.+]] = arith.constant 6 : i32
// CHECK-DAG: %[[FIVE:.+]] = arith.constant 5 : i32
// CHECK: %[[T:.+]] = call @twice
// CHECK: %[[T2:.+]] = call @twice
// CHECK: return %[[SIX2]], %[[FIVE]], %[[T]], %[[T2]]
func.func private @callee(%a: i32) -> i32 {
  %c = arith.constant 5 : i32
  %r = arith.addi %a, %c : i32
  return %r : i32
}
func.func private @twice(%a: i32) -> i32 {
  %r = arith.addi %a, %a : i32
  return %r : i32
}
func.func @public_five(%a: i32) -> i32 {
  %c = arith.constant 5 : i32
  return %c : i32
}
func.func @calls(%x: i32) -> (i32, i32, i32, i32) {
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %0 = call @callee(%c1) : (i32) -> i32
  %1 = call @public_five(%x) : (i32) -> i32
  %2 = call @twice(%c1) : (i32) -> i32
  %3 = call @twice(%c2) : (i32) -> i32
  return %0, %1, %2, %3 : i32, i32, i32, i32
}
