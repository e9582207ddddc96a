// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s



// -----

// CHECK-LABEL: func.func @distinct
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?xf32>, %[[B:[^ ,:]+]]: memref<?xf32>) {
// CHECK: %[[N0:[^ ,:]+]]:2 = memref.distinct_objects %[[A]], %[[B]] : memref<?xf32>, memref<?xf32>
// CHECK: return
func.func @distinct(%a: memref<?xf32>, %b: memref<?xf32>) {
  %0:2 = memref.distinct_objects %a, %b : memref<?xf32>, memref<?xf32>
  return
}

// CHECK-LABEL: func.func @prefetch
// CHECK: memref.prefetch %{{.*}}[%{{.*}}], write, locality<1>, instr : memref<8xf32>
// CHECK: memref.prefetch %{{.*}}[%{{.*}}], read, locality<3>, data : memref<8xf32>
func.func @prefetch(%m: memref<8xf32>, %i: index) {
  memref.prefetch %m[%i], write, locality<1>, instr : memref<8xf32>
  memref.prefetch %m[%i], read, locality<3>, data : memref<8xf32>
  return
}
