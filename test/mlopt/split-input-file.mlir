// RUN: mlopt %s --split-input-file | FileCheck %s
// RUN: not mlopt %s 2>&1 | FileCheck %s --check-prefix=UNSPLIT

// CHECK-LABEL: func.func @first
// CHECK: // -----
// CHECK-LABEL: func.func @second
// UNSPLIT: split-input-file.mlir:16:1: error: redefinition of symbol named 'first'
// UNSPLIT: split-input-file.mlir:10:1: note: see existing symbol definition here

func.func @first() {
  return
}

// -----

func.func @first() {
  return
}
// -----
func.func @second() {
  return
}
