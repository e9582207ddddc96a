// mlir-reduce's contract: the test gets its --test-arg values and then the
// candidate file, and exits non-zero when the candidate is interesting.

// RUN: mlopt-reduce %s --test=%python --test-arg=%S/Inputs/crashes_in_planted_pass.py --test-arg=%S/../mlopt/Inputs/planted_bugs.py -o %t.mlir 2>&1 | FileCheck %s --check-prefix=PROGRESS
// RUN: FileCheck %s < %t.mlir

// An input the test does not find interesting is an error; --invert-test turns the verdict round.
// RUN: not mlopt-reduce %s --test=%python --test-arg=%S/Inputs/crashes_in_planted_pass.py --test-arg=%S/../mlopt/Inputs/planted_bugs.py --invert-test 2>&1 | FileCheck %s --check-prefix=UNINTERESTING

// The call and the function it calls go; the arith.addi after the
// multiplication stays, as without a use the multiplication would be dead
// and cse, which runs first, would erase it.
// CHECK-NOT: @offset
// CHECK: func.func @scaled
// CHECK-NOT: call
// CHECK: arith.muli
// CHECK-NEXT: arith.addi
// CHECK-NEXT: return
// CHECK-NOT: @offset

// PROGRESS: mlopt-reduce: the input is interesting
// PROGRESS: mlopt-reduce: done:

// UNINTERESTING: mlopt-reduce: error: the input is not interesting

func.func @offset(%a: i32, %b: i32) -> i32 {
  %0 = arith.addi %a, %b : i32
  return %0 : i32
}

func.func @scaled(%a: i32, %b: i32) -> i32 {
  %0 = call @offset(%a, %b) : (i32, i32) -> i32
  %1 = arith.muli %0, %b : i32
  %2 = arith.addi %1, %a : i32
  return %2 : i32
}
