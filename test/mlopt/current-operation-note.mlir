// RUN: not mlopt %s 2>&1 | FileCheck %s
// RUN: %if mlir-opt %{ not %mlir_opt %s 2>&1 | FileCheck %s %}

// A verifier error on an op notes the op in generic form, its values named as
// in the enclosing function, on the note's own line when it fits on one; the
// note is where the error is, so the source line is not quoted again.

// CHECK: current-operation-note.mlir:15:8: error: 'vector.extract' op expected position attribute #1
// CHECK-NEXT: {{^  %e = vector.extract}}
// CHECK-NEXT: {{^       \^$}}
// CHECK-NEXT: current-operation-note.mlir:15:8: note: see current operation: %1 = "vector.extract"(%arg0) <{static_position = array<i64: 5>}> : (vector<4xf32>) -> f32
// CHECK-NOT: {{.}}
func.func @out_of_range(%v: vector<4xf32>, %w: i32) -> f32 {
  %c = arith.addi %w, %w : i32
  %e = vector.extract %v[5] : f32 from vector<4xf32>
  return %e : f32
}
