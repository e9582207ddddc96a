// --diagnostic=REGEX: interesting while running the passes reports a matching diagnostic.

// RUN: mlopt-reduce %s --diagnostic='planted failure on arith\.muli' --load-plugin=%S/../mlopt/Inputs/planted_bugs.py --planted-fail-on-muli 2>/dev/null | FileCheck %s
// RUN: not mlopt-reduce %s --diagnostic='no such message' --load-plugin=%S/../mlopt/Inputs/planted_bugs.py --planted-fail-on-muli 2>&1 | FileCheck %s --check-prefix=UNINTERESTING

// Results go, arguments go, the loop is inlined: the multiplication stays.
// CHECK: func.func @loop() {
// CHECK-NOT: scf.for
// CHECK: arith.muli
// CHECK-NEXT: return

// UNINTERESTING: mlopt-reduce: error: the input is not interesting

func.func @loop(%n: index, %x: i64) -> i64 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> (i64) {
    %sq = arith.muli %acc, %acc : i64
    %next = arith.addi %sq, %x : i64
    scf.yield %next : i64
  }
  return %r : i64
}
