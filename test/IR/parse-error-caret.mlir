// RUN: not mlopt %s 2>&1 | FileCheck %s
// RUN: %if mlir-opt %{ not %mlir_opt %s 2>&1 | FileCheck %s %}

// A parse error points at a position with a caret alone, as mlir-opt's does,
// however long the offending token.

// CHECK: parse-error-caret.mlir:10:25: error: integer constant out of range for attribute
// CHECK-NEXT: {{^  %big = arith.constant 100000000000 : i8$}}
// CHECK-NEXT: {{^                        \^$}}
  %big = arith.constant 100000000000 : i8
