// mlopt-reduce shrinks a few-hundred-op module in which one arith.muli makes
// a planted pass crash down to a handful of ops; the reduced case still
// crashes, and its crash reproducer replays the crash.

// RUN: mlopt-reduce %S/Inputs/many-ops-one-muli.mlir --crashes-in=planted-crash-on-muli --load-plugin=%S/../mlopt/Inputs/planted_bugs.py --cse --planted-crash-on-muli -o %t.mlir 2>%t.progress
// RUN: FileCheck %s < %t.mlir
// RUN: FileCheck %s --check-prefix=PROGRESS < %t.progress
// RUN: not mlopt %t.mlir --load-plugin=%S/../mlopt/Inputs/planted_bugs.py --cse --planted-crash-on-muli --mlir-pass-pipeline-crash-reproducer=%t.repro.mlir --mlir-pass-pipeline-local-reproducer 2>&1 | FileCheck %s --check-prefix=CRASH
// RUN: not mlopt %t.repro.mlir --run-reproducer --load-plugin=%S/../mlopt/Inputs/planted_bugs.py 2>&1 | FileCheck %s --check-prefix=CRASH

// Only the function holding the arith.muli is left, without its loop.
// CHECK: module {
// CHECK-NEXT: func.func @kernel7(
// CHECK-NOT: scf.for
// CHECK: arith.muli
// CHECK-NOT: func.func
// CHECK-NOT: scf.for
// CHECK-NOT: memref.

// PROGRESS: mlopt-reduce: the input is interesting: {{[0-9][0-9][0-9]}} ops
// PROGRESS: mlopt-reduce: done: {{[1-9]}} ops after

// CRASH: internal error: pass 'planted-crash-on-muli' {{.*}} RuntimeError: planted crash on arith.muli

func.func @unused() {
  return
}
