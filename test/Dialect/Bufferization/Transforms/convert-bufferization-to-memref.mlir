// RUN: mlopt %s --convert-bufferization-to-memref --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @clone_dynamic
// CHECK-SAME: (%[[M:[^:]+]]: memref<?x4xf32>)
// CHECK: %[[C0:[^ ]+]] = arith.constant 0 : index
// CHECK: %[[D0:[^ ]+]] = memref.dim %[[M]], %[[C0]] : memref<?x4xf32>
// CHECK: %[[NEW:[^ ]+]] = memref.alloc(%[[D0]]) : memref<?x4xf32>
// CHECK: memref.copy %[[M]], %[[NEW]] : memref<?x4xf32> to memref<?x4xf32>
// CHECK: return %[[NEW]]
func.func @clone_dynamic(%m: memref<?x4xf32>) -> memref<?x4xf32> {
  %0 = bufferization.clone %m : memref<?x4xf32> to memref<?x4xf32>
  return %0 : memref<?x4xf32>
}

// -----

// A clone of a strided view gets the identity layout, cast to the declared type.

// CHECK-LABEL: func.func @clone_strided
// CHECK: %[[NEW:[^ ]+]] = memref.alloc() : memref<2xf32>
// CHECK: memref.copy %{{[^,]+}}, %[[NEW]] : memref<2xf32, strided<[1], offset: ?>> to memref<2xf32>
// CHECK: %[[CAST:[^ ]+]] = memref.cast %[[NEW]] : memref<2xf32> to memref<2xf32, strided<[1], offset: ?>>
// CHECK: return %[[CAST]]
func.func @clone_strided(%m: memref<2xf32, strided<[1], offset: ?>>) -> memref<2xf32, strided<[1], offset: ?>> {
  %0 = bufferization.clone %m : memref<2xf32, strided<[1], offset: ?>> to memref<2xf32, strided<[1], offset: ?>>
  return %0 : memref<2xf32, strided<[1], offset: ?>>
}

// -----

// CHECK-LABEL: func.func @dealloc
// CHECK-SAME: (%[[M:[^:]+]]: memref<2xf32>, %[[C:[^:]+]]: i1)
// CHECK: scf.if %[[C]] {
// CHECK:   memref.dealloc %[[M]] : memref<2xf32>
func.func @dealloc(%m: memref<2xf32>, %c: i1) {
  bufferization.dealloc (%m : memref<2xf32>) if (%c)
  return
}
