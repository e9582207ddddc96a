// A pass that crashes: the internal error says where the reproducer is, and
// the reproducer replays the crash.

// RUN: not mlopt %s --load-plugin=%S/../Inputs/planted_bugs.py --pass-pipeline='builtin.module(func.func(cse),planted-crash-on-muli)' --mlir-pass-pipeline-crash-reproducer=%t.local.mlir --mlir-pass-pipeline-local-reproducer 2>&1 | FileCheck %s --check-prefix=CRASH
// RUN: FileCheck %s --check-prefix=LOCAL < %t.local.mlir
// RUN: not mlopt %t.local.mlir --run-reproducer --load-plugin=%S/../Inputs/planted_bugs.py 2>&1 | FileCheck %s --check-prefix=REPLAY

// Without --mlir-pass-pipeline-local-reproducer: the input and the whole pipeline.
// RUN: not mlopt %s --load-plugin=%S/../Inputs/planted_bugs.py --cse --planted-crash-on-muli --mlir-pass-pipeline-crash-reproducer=%t.full.mlir 2>&1 | FileCheck %s --check-prefix=CRASH
// RUN: FileCheck %s --check-prefix=FULL < %t.full.mlir

// Without a file named, the reproducer goes to a temporary file.
// RUN: rm -rf %t.tmpdir && mkdir -p %t.tmpdir
// RUN: env TMPDIR=%t.tmpdir not mlopt %s --load-plugin=%S/../Inputs/planted_bugs.py --cse --planted-crash-on-muli 2>&1 | FileCheck %s --check-prefix=TEMP

// CRASH: mlopt: internal error: pass 'planted-crash-on-muli' (plugin 'planted_bugs'
// CRASH-SAME: crashed on 'builtin.module': RuntimeError: planted crash on arith.muli
// CRASH: reproducer generated at `{{.*}}.mlir`; replay it with: mlopt {{.*}}.mlir --run-reproducer --load-plugin={{.*}}planted_bugs.py

// The IR right before the failing pass: cse has merged the two additions.
// LOCAL-LABEL: func.func @square_of_double
// LOCAL: %[[SUM:.*]] = arith.addi
// LOCAL-NOT: arith.addi
// LOCAL: arith.muli %[[SUM]], %[[SUM]] : i32
// LOCAL: {-#
// LOCAL-NEXT: external_resources: {
// LOCAL-NEXT: mlir_reproducer: {
// LOCAL-NEXT: pipeline: "builtin.module(planted-crash-on-muli)",
// LOCAL-NEXT: disable_threading: true,
// LOCAL-NEXT: verify_each: true
// LOCAL: #-}

// REPLAY: mlopt: internal error: pass 'planted-crash-on-muli' {{.*}} RuntimeError: planted crash on arith.muli

// FULL-LABEL: func.func @square_of_double
// FULL: arith.addi
// FULL-NEXT: arith.addi
// FULL: pipeline: "builtin.module(cse,planted-crash-on-muli)",
// FULL-NEXT: disable_threading: false,

// TEMP: reproducer generated at `{{.*}}tmpdir{{/|\\}}mlopt-reproducer-{{.*}}.mlir`

func.func @square_of_double(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
