// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @casts
// CHECK: bufferization.to_tensor %{{.*}} restrict writable : memref<?xf32> to tensor<?xf32>
// CHECK: bufferization.to_buffer %{{.*}} read_only : tensor<?xf32> to memref<?xf32>
// CHECK: bufferization.to_tensor %{{.*}} : memref<4xf32, strided<[2]>, 1> to tensor<4xf32>
// CHECK: bufferization.to_buffer %{{.*}} : tensor<*xf32> to memref<*xf32>
func.func @casts(%m: memref<?xf32>, %t: tensor<?xf32>, %s: memref<4xf32, strided<[2]>, 1>, %u: tensor<*xf32>) {
  %0 = bufferization.to_tensor %m restrict writable : memref<?xf32> to tensor<?xf32>
  %1 = bufferization.to_buffer %t read_only : tensor<?xf32> to memref<?xf32>
  %2 = bufferization.to_tensor %s : memref<4xf32, strided<[2]>, 1> to tensor<4xf32>
  %3 = bufferization.to_buffer %u : tensor<*xf32> to memref<*xf32>
  return
}

// -----

// CHECK-LABEL: func.func @alloc_tensor
// CHECK-SAME: (%[[T:[^ ,:]+]]: tensor<?xf32>, %[[N:[^ ,:]+]]: index)
// CHECK: bufferization.alloc_tensor(%[[N]]) : tensor<?xf32>
// CHECK: bufferization.alloc_tensor() copy(%[[T]]) : tensor<?xf32>
// CHECK: bufferization.alloc_tensor(%[[N]]) size_hint=%[[N]] : tensor<?xf32>
// CHECK: bufferization.alloc_tensor() {memory_space = 1 : i64} : tensor<3xf32>
func.func @alloc_tensor(%t: tensor<?xf32>, %n: index) {
  %0 = bufferization.alloc_tensor(%n) : tensor<?xf32>
  %1 = bufferization.alloc_tensor() copy(%t) : tensor<?xf32>
  %2 = bufferization.alloc_tensor(%n) size_hint=%n : tensor<?xf32>
  %3 = bufferization.alloc_tensor() {memory_space = 1 : i64} : tensor<3xf32>
  return
}

// -----

// CHECK-LABEL: func.func @materialize
// CHECK: bufferization.materialize_in_destination %{{.*}} in %{{.*}} : (tensor<?xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK: bufferization.materialize_in_destination %{{.*}} in restrict writable %{{.*}} : (tensor<?xf32>, memref<?xf32>) -> ()
func.func @materialize(%t: tensor<?xf32>, %d: tensor<4xf32>, %m: memref<?xf32>) {
  %0 = bufferization.materialize_in_destination %t in %d : (tensor<?xf32>, tensor<4xf32>) -> tensor<4xf32>
  bufferization.materialize_in_destination %t in restrict writable %m : (tensor<?xf32>, memref<?xf32>) -> ()
  return
}

// -----

// CHECK-LABEL: func.func @clone_and_dealloc
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?xf32>, %[[B:[^ ,:]+]]: memref<2xf32>, %[[C0:[^ ,:]+]]: i1, %[[C1:[^ ,:]+]]: i1, %[[T:[^ ,:]+]]: tensor<2xf32>)
// CHECK: %[[CLONE:[^ ]+]] = bufferization.clone %[[A]] : memref<?xf32> to memref<?xf32>
// CHECK: bufferization.dealloc (%[[A]], %[[B]] : memref<?xf32>, memref<2xf32>) if (%[[C0]], %[[C1]]) retain (%[[CLONE]], %[[B]] : memref<?xf32>, memref<2xf32>)
// CHECK: bufferization.dealloc (%[[B]] : memref<2xf32>) if (%[[C1]]){{$}}
// CHECK: bufferization.dealloc{{$}}
// CHECK: bufferization.dealloc retain (%[[B]] : memref<2xf32>)
// CHECK: bufferization.dealloc_tensor %[[T]] : tensor<2xf32>
func.func @clone_and_dealloc(%a: memref<?xf32>, %b: memref<2xf32>, %c0: i1, %c1: i1, %t: tensor<2xf32>) -> (i1, i1) {
  %0 = bufferization.clone %a : memref<?xf32> to memref<?xf32>
  %1:2 = bufferization.dealloc (%a, %b : memref<?xf32>, memref<2xf32>) if (%c0, %c1) retain (%0, %b : memref<?xf32>, memref<2xf32>)
  bufferization.dealloc (%b : memref<2xf32>) if (%c1)
  bufferization.dealloc
  %2 = bufferization.dealloc retain (%b : memref<2xf32>)
  bufferization.dealloc_tensor %t : tensor<2xf32>
  return %1#0, %1#1 : i1, i1
}
