// RUN: mlopt %s --split-input-file 2>&1 | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file 2>&1 | FileCheck %s %}
// RUN: mlopt %s 2>&1 | FileCheck %s --check-prefix=UNSPLIT

// A split marker short of a dash or two does not split; both tools warn at
// its end, once per near miss, and only when splitting was asked for.

// CHECK: split-input-file-near-miss.mlir:15:7: warning: near miss with file split marker
// CHECK-NEXT: {{^// -{3}$}}
// CHECK-NEXT: {{^      \^$}}
// CHECK: split-input-file-near-miss.mlir:20:7: warning: near miss with file split marker
// CHECK-NOT: warning
// CHECK: func.func @second_piece
// UNSPLIT-NOT: warning
// ---
func.func @kept_together() {
  return
}

// ----
func.func @second_piece() {
  return
}
