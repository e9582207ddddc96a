// RUN: mlopt %s --canonicalize | FileCheck %s

// A copy of a buffer onto itself copies nothing (bufferizing in place leaves these).
// CHECK-LABEL: func.func @self_copy
// CHECK-SAME: (%[[M:.*]]: memref<4xf32>, %[[N:.*]]: memref<4xf32>)
// CHECK-NEXT: memref.copy %[[M]], %[[N]]
// CHECK-NEXT: return
func.func @self_copy(%m: memref<4xf32>, %n: memref<4xf32>) {
  memref.copy %m, %m : memref<4xf32> to memref<4xf32>
  memref.copy %m, %n : memref<4xf32> to memref<4xf32>
  memref.copy %n, %n : memref<4xf32> to memref<4xf32>
  return
}
