// RUN: mlopt %s --canonicalize | FileCheck %s
// No mlir-opt line: mlir-opt 22 merges these casts into one from 4 to 5
// elements, which its verifier then rejects.

// Skipping the middle cast would cast 4 elements to 5: both casts stay.
// CHECK-LABEL: func.func @casts_that_cannot_merge
// CHECK: memref.cast %{{.*}} : memref<4xi32> to memref<?xi32>
// CHECK: memref.cast %{{.*}} : memref<?xi32> to memref<5xi32>
func.func @casts_that_cannot_merge(%m: memref<4xi32>) -> memref<5xi32> {
  %a = memref.cast %m : memref<4xi32> to memref<?xi32>
  %b = memref.cast %a : memref<?xi32> to memref<5xi32>
  return %b : memref<5xi32>
}
