// RUN: mlopt %s --split-input-file --affine-loop-fusion | FileCheck %s
// RUN: mlopt %s --split-input-file --affine-loop-fusion="mode=producer" | FileCheck %s --check-prefix=PRODUCER
// RUN: mlopt %s --split-input-file --affine-loop-fusion="mode=sibling" | FileCheck %s --check-prefix=SIBLING

// Producer-consumer over the same 2-D space: one nest, the producer's body
// first; the buffer between them, used by nothing else, shrinks to one element.
// CHECK-LABEL: func.func @producer_consumer
// CHECK-SAME: (%[[A:.+]]: memref<4x6xf32>, %[[B:.+]]: memref<4x6xf32>)
// CHECK-NEXT: %[[T:.+]] = memref.alloc() : memref<1x1xf32>
// CHECK-NEXT: affine.for %[[I:.+]] = 0 to 4 {
// CHECK-NEXT: affine.for %[[J:.+]] = 0 to 6 {
// CHECK-NEXT: %[[V:.+]] = affine.load %[[A]][%[[I]], %[[J]]] : memref<4x6xf32>
// CHECK-NEXT: affine.store %[[V]], %[[T]][0, 0] : memref<1x1xf32>
// CHECK-NEXT: %[[W:.+]] = affine.load %[[T]][0, 0] : memref<1x1xf32>
// CHECK-NEXT: %[[S:.+]] = arith.addf %[[W]], %[[W]] : f32
// CHECK-NEXT: affine.store %[[S]], %[[B]][%[[I]], %[[J]]] : memref<4x6xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
// SIBLING-LABEL: func.func @producer_consumer
// SIBLING-COUNT-4: affine.for
func.func @producer_consumer(%A: memref<4x6xf32>, %B: memref<4x6xf32>) {
  %t = memref.alloc() : memref<4x6xf32>
  affine.for %i = 0 to 4 {
    affine.for %j = 0 to 6 {
      %a = affine.load %A[%i, %j] : memref<4x6xf32>
      affine.store %a, %t[%i, %j] : memref<4x6xf32>
    }
  }
  affine.for %i = 0 to 4 {
    affine.for %j = 0 to 6 {
      %a = affine.load %t[%i, %j] : memref<4x6xf32>
      %b = arith.addf %a, %a : f32
      affine.store %b, %B[%i, %j] : memref<4x6xf32>
    }
  }
  return
}

// -----

// A buffer with another use (its dealloc) keeps its size.
// CHECK-LABEL: func.func @kept_buffer
// CHECK: %[[T:.+]] = memref.alloc() : memref<10xf32>
// CHECK: affine.for %[[I:.+]] = 0 to 10 {
// CHECK: affine.store %{{.+}}, %[[T]][%[[I]]]
// CHECK-NEXT: affine.load %[[T]][%[[I]]]
// CHECK-NOT: affine.for
// CHECK: memref.dealloc %[[T]]
func.func @kept_buffer(%A: memref<10xf32>, %B: memref<10xf32>) {
  %t = memref.alloc() : memref<10xf32>
  %one = arith.constant 1.0 : f32
  affine.for %i = 0 to 10 {
    %a = affine.load %A[%i] : memref<10xf32>
    %b = arith.addf %a, %one : f32
    affine.store %b, %t[%i] : memref<10xf32>
  }
  affine.for %i = 0 to 10 {
    %a = affine.load %t[%i] : memref<10xf32>
    %b = arith.mulf %a, %a : f32
    affine.store %b, %B[%i] : memref<10xf32>
  }
  memref.dealloc %t : memref<10xf32>
  return
}

// -----

// Siblings reading the same input fuse (not in producer mode).
// CHECK-LABEL: func.func @siblings
// CHECK: affine.for
// CHECK: arith.addf
// CHECK: arith.mulf
// CHECK-NOT: affine.for
// PRODUCER-LABEL: func.func @siblings
// PRODUCER-COUNT-2: affine.for
// SIBLING-LABEL: func.func @siblings
// SIBLING: affine.for
// SIBLING-NOT: affine.for
// SIBLING: return
func.func @siblings(%A: memref<10xf32>, %B: memref<10xf32>, %C: memref<10xf32>) {
  affine.for %i = 0 to 10 {
    %a = affine.load %A[%i] : memref<10xf32>
    %b = arith.addf %a, %a : f32
    affine.store %b, %B[%i] : memref<10xf32>
  }
  affine.for %i = 0 to 10 {
    %a = affine.load %A[%i] : memref<10xf32>
    %b = arith.mulf %a, %a : f32
    affine.store %b, %C[%i] : memref<10xf32>
  }
  return
}
