// RUN: mlopt %s --split-input-file --mlir-print-debuginfo | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --mlir-print-debuginfo | FileCheck %s %}

// Each piece's implicit module is located where its piece starts: 0:0 for the
// first, right after the split marker for the others, which need not start
// its line (as mlir-opt).

// CHECK: } loc(#loc)
// CHECK-NEXT: #loc = loc("{{.*}}split-input-file-locations.mlir":0:0)
// CHECK: } loc(#loc)
// CHECK-NEXT: #loc = loc("{{.*}}split-input-file-locations.mlir":17:11)
// CHECK: } loc(#loc)
// CHECK-NEXT: #loc = loc("{{.*}}split-input-file-locations.mlir":21:9)
func.func @first() {
  return
}
  // -----
func.func @second() {
  return
}
// -----
func.func @third() {
  return
}
