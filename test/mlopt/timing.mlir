// RUN: mlopt %s --pass-pipeline='builtin.module(func.func(canonicalize,cse))' --mlir-timing -o /dev/null 2>&1 | FileCheck %s

// CHECK: ... Execution time report ...
// CHECK: Total Execution Time: {{[0-9]+\.[0-9]+}} seconds
// CHECK: ----Wall Time----  ----Name----
// CHECK: {{[0-9]+\.[0-9]+}} ({{ *[0-9]+\.[0-9]}}%)  Parser
// CHECK: 'func.func' Pipeline
// CHECK-NEXT: {{^ +[0-9.]+ \( *[0-9.]+%\)    Canonicalizer$}}
// CHECK-NEXT: {{^ +[0-9.]+ \( *[0-9.]+%\)    CSE$}}
// CHECK: Output
// CHECK: Rest
// CHECK: (100.0%)  Total

func.func @f() {
  return
}
