// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s



// -----

// CHECK-LABEL: func.func @distinct
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?xf32>, %[[B:[^ ,:]+]]: memref<?xf32>) {
// CHECK: %[[N0:[^ ,:]+]], %[[N1:[^ ,:]+]] = memref.distinct_objects %[[A]], %[[B]] : memref<?xf32>, memref<?xf32>
// CHECK: return
func.func @distinct(%a: memref<?xf32>, %b: memref<?xf32>) {
  %0:2 = memref.distinct_objects %a, %b : memref<?xf32>, memref<?xf32>
  return
}
