// A pass that fails (an error, not a crash) writes a reproducer only when
// asked, and says so as mlir-opt does.

// RUN: not mlopt %s --load-plugin=%S/../Inputs/planted_bugs.py --pass-pipeline='builtin.module(func.func(cse),planted-fail-on-muli)' --mlir-pass-pipeline-crash-reproducer=%t.mlir 2>&1 | FileCheck %s
// RUN: FileCheck %s --check-prefix=REPRO < %t.mlir
// RUN: not mlopt %t.mlir --run-reproducer --load-plugin=%S/../Inputs/planted_bugs.py 2>&1 | FileCheck %s --check-prefix=REPLAY
// RUN: not mlopt %s --load-plugin=%S/../Inputs/planted_bugs.py --planted-fail-on-muli 2>&1 | FileCheck %s --check-prefix=UNASKED

// CHECK: error: planted failure on arith.muli
// CHECK: error: Failures have been detected while processing an MLIR pass pipeline
// CHECK-NEXT: note: Pipeline failed while executing [`FailOnMuli` on 'builtin.module' operation]: reproducer generated at `{{.*}}.mlir`

// REPRO: pipeline: "builtin.module(func.func(cse),planted-fail-on-muli)",

// REPLAY: error: planted failure on arith.muli

// UNASKED: error: planted failure on arith.muli
// UNASKED-NOT: reproducer generated

func.func @product(%a: i32, %b: i32) -> i32 {
  %0 = arith.muli %a, %b : i32
  return %0 : i32
}
