// RUN: mlopt %s --canonicalize --split-input-file | FileCheck %s

// A buffer turned into a tensor and back is the buffer; a cast where the
// layouts differ safely, a copy where a cast could fail at run time.

// CHECK-LABEL: func.func @buffer_round_trip
// CHECK-SAME: (%[[M:[^:]+]]: memref<4xf32>, %[[S:[^:]+]]: memref<4xf32, strided<[1], offset: ?>>)
// CHECK-NEXT: %[[CAST:[^ ]+]] = memref.cast %[[M]] : memref<4xf32> to memref<4xf32, strided<[1], offset: ?>>
// CHECK-NEXT: %[[COPY:[^ ]+]] = memref.alloc() : memref<4xf32>
// CHECK-NEXT: memref.copy %[[S]], %[[COPY]] : memref<4xf32, strided<[1], offset: ?>> to memref<4xf32>
// CHECK-NEXT: return %[[M]], %[[CAST]], %[[COPY]]
func.func @buffer_round_trip(%m: memref<4xf32>, %s: memref<4xf32, strided<[1], offset: ?>>) -> (memref<4xf32>, memref<4xf32, strided<[1], offset: ?>>, memref<4xf32>) {
  %0 = bufferization.to_tensor %m : memref<4xf32> to tensor<4xf32>
  %1 = bufferization.to_buffer %0 : tensor<4xf32> to memref<4xf32>
  %2 = bufferization.to_buffer %0 : tensor<4xf32> to memref<4xf32, strided<[1], offset: ?>>
  %3 = bufferization.to_tensor %s : memref<4xf32, strided<[1], offset: ?>> to tensor<4xf32>
  %4 = bufferization.to_buffer %3 : tensor<4xf32> to memref<4xf32>
  return %1, %2, %4 : memref<4xf32>, memref<4xf32, strided<[1], offset: ?>>, memref<4xf32>
}

// -----

// A tensor turned into a buffer and immediately back is the tensor; with an
// op in between (which may write the buffer) it stays.

// CHECK-LABEL: func.func @tensor_round_trip
// CHECK-SAME: (%[[T:[^:]+]]: tensor<4xf32>, %[[F:[^:]+]]: f32)
// CHECK: %[[B:[^ ]+]] = bufferization.to_buffer %[[T]]
// CHECK-NEXT: memref.store
// CHECK-NEXT: %[[KEPT:[^ ]+]] = bufferization.to_tensor %[[B]]
// CHECK-NEXT: return %[[T]], %[[KEPT]]
func.func @tensor_round_trip(%t: tensor<4xf32>, %f: f32) -> (tensor<4xf32>, tensor<4xf32>) {
  %c0 = arith.constant 0 : index
  %0 = bufferization.to_buffer %t : tensor<4xf32> to memref<4xf32>
  %1 = bufferization.to_tensor %0 : memref<4xf32> to tensor<4xf32>
  %2 = bufferization.to_buffer %t : tensor<4xf32> to memref<4xf32>
  memref.store %f, %2[%c0] : memref<4xf32>
  %3 = bufferization.to_tensor %2 : memref<4xf32> to tensor<4xf32>
  return %1, %3 : tensor<4xf32>, tensor<4xf32>
}

// -----

// bufferization.dealloc: constant-false conditions and duplicates go; with
// nothing left to free, retained values are not owned.

// CHECK-LABEL: func.func @dealloc
// CHECK-SAME: (%[[A:[^:]+]]: memref<2xf32>, %[[R:[^:]+]]: memref<2xf32>, %[[C:[^:]+]]: i1, %[[D:[^:]+]]: i1)
// CHECK: %[[FALSE:[^ ]+]] = arith.constant false
// CHECK: %[[OR:[^ ]+]] = arith.ori %[[C]], %[[D]] : i1
// CHECK: %[[U:[^ ]+]] = bufferization.dealloc (%[[A]] : memref<2xf32>) if (%[[OR]]) retain (%[[R]] : memref<2xf32>)
// CHECK: return %[[U]], %[[U]], %[[FALSE]]
func.func @dealloc(%a: memref<2xf32>, %r: memref<2xf32>, %c: i1, %d: i1) -> (i1, i1, i1) {
  %false = arith.constant false
  %0:2 = bufferization.dealloc (%a, %r, %a : memref<2xf32>, memref<2xf32>, memref<2xf32>) if (%c, %false, %d) retain (%r, %r : memref<2xf32>, memref<2xf32>)
  %1 = bufferization.dealloc (%a : memref<2xf32>) if (%false) retain (%r : memref<2xf32>)
  return %0#0, %0#1, %1 : i1, i1, i1
}
