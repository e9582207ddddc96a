// A planted pass rewrites the first arith.addi into arith.subi: bisection
// names it, with the IR before and after it and both outputs.

// RUN: mlopt-bisect %s --load-plugin=%S/../mlopt/Inputs/planted_bugs.py --entry-point-result=void --pass-pipeline='builtin.module(func.func(cse),canonicalize{top-down=false},planted-addi-to-subi,cse,canonicalize)' 2>%t.progress | FileCheck %s
// RUN: FileCheck %s --check-prefix=PROGRESS < %t.progress

// The flag form of the pipeline, and a reference file instead of the input's output.
// RUN: mlopt-bisect %s --load-plugin=%S/../mlopt/Inputs/planted_bugs.py -e main --entry-point-result=void --cse --planted-addi-to-subi --reference=%S/Inputs/sum-and-double.out 2>/dev/null | FileCheck %s --check-prefix=FLAGS

// A pipeline that keeps the program's meaning has no first bad pass.
// RUN: mlopt-bisect %s --entry-point-result=void --cse --canonicalize --convert-scf-to-cf 2>/dev/null | FileCheck %s --check-prefix=GOOD

// A pass that crashes is the first bad pass too.
// RUN: mlopt-bisect %s --load-plugin=%S/../mlopt/Inputs/planted_bugs.py --entry-point-result=void --cse --planted-crash-on-muli --canonicalize 2>/dev/null | FileCheck %s --check-prefix=CRASH

// A program that does not run as given has nothing to bisect.
// RUN: not mlopt-bisect %s --cse -e missing 2>&1 | FileCheck %s --check-prefix=NOT-RUNNING

// CHECK: pass 3 of 5: builtin.module(planted-addi-to-subi)
// CHECK: // -----// IR Dump Before AddiToSubi (planted-addi-to-subi) //----- //
// CHECK: arith.addi
// CHECK: // -----// IR Dump After AddiToSubi (planted-addi-to-subi) //----- //
// CHECK-NOT: arith.addi
// CHECK: arith.subi
// CHECK: expected (exit code 0):
// CHECK-NEXT: | 42
// CHECK-NEXT: | 84
// CHECK-NEXT: got (exit code 0):
// CHECK-NEXT: | 38
// CHECK-NEXT: | 76
// CHECK-NEXT: planted-addi-to-subi is the first bad pass

// PROGRESS: [0/5] the input: same output
// PROGRESS: [5/5] after pass 5 (canonicalize): differs: different output
// PROGRESS: [2/5] after pass 2 (canonicalize): same output
// PROGRESS: [3/5] after pass 3 (planted-addi-to-subi): differs: different output

// FLAGS: pass 2 of 2: builtin.module(planted-addi-to-subi)
// FLAGS: planted-addi-to-subi is the first bad pass

// CRASH: pass 2 of 3: builtin.module(planted-crash-on-muli)
// CRASH: // -----// planted-crash-on-muli failed //----- //
// CRASH-NEXT: mlopt-bisect: internal error: pass 'planted-crash-on-muli'
// CRASH: got (exit code 2: mlopt-bisect: internal error: pass {{.*}}):
// CRASH: planted-crash-on-muli is the first bad pass

// NOT-RUNNING: mlopt-bisect: error: the input program does not run cleanly (exit code 1: mlrun: error: entry point 'missing' not found

// GOOD: the output is the same after all 3 passes: no pass changes it

func.func private @printI64(i64)
func.func private @printNewline()

// Arguments, so that canonicalize cannot fold the arithmetic away.
func.func @sum_and_double(%a: i64, %b: i64) -> (i64, i64) {
  %sum = arith.addi %a, %b : i64
  %double = arith.muli %sum, %b : i64
  return %sum, %double : i64, i64
}

func.func @main() {
  %a = arith.constant 40 : i64
  %b = arith.constant 2 : i64
  %sum, %double = call @sum_and_double(%a, %b) : (i64, i64) -> (i64, i64)
  call @printI64(%sum) : (i64) -> ()
  call @printNewline() : () -> ()
  call @printI64(%double) : (i64) -> ()
  call @printNewline() : () -> ()
  return
}
