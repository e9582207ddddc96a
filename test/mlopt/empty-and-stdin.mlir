// RUN: mlopt %S/Inputs/empty.mlir | FileCheck %s
// RUN: cat %s | mlopt - | FileCheck %s --check-prefix=STDIN
// RUN: mlopt %s --no-implicit-module --pass-pipeline='func.func(cse)' 2>&1 | FileCheck %s --check-prefix=NOIMPLICIT

// CHECK: module {
// CHECK-NEXT: }

// STDIN: func.func @from_stdin

// NOIMPLICIT-NOT: module
// NOIMPLICIT: func.func @from_stdin
func.func @from_stdin() {
  return
}
