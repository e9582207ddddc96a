// RUN: mlopt %s --split-input-file --affine-scalrep | FileCheck %s

// A load of what was just stored reads the stored value; a load repeated
// reads the first; a store overwritten before any read goes; the local buffer
// left with stores only goes with them.
// CHECK-LABEL: func.func @forward
// CHECK-SAME: (%[[A:.+]]: memref<10xf32>, %[[X:.+]]: f32)
// CHECK-NOT: memref.alloc
// CHECK: affine.for %[[I:.+]] = 0 to 10 {
// CHECK-NEXT: %[[W:.+]] = arith.addf %[[X]], %[[X]] : f32
// CHECK-NEXT: %[[S:.+]] = arith.addf %[[W]], %[[W]] : f32
// CHECK-NEXT: affine.store %[[S]], %[[A]][%[[I]]] : memref<10xf32>
// CHECK-NEXT: }
func.func @forward(%A: memref<10xf32>, %x: f32) -> f32 {
  %t = memref.alloc() : memref<10xf32>
  affine.for %i = 0 to 10 {
    affine.store %x, %t[%i] : memref<10xf32>
    %v = affine.load %t[%i] : memref<10xf32>
    %w = arith.addf %v, %v : f32
    affine.store %w, %A[%i] : memref<10xf32>
    %u = affine.load %A[%i] : memref<10xf32>
    %u2 = affine.load %A[%i] : memref<10xf32>
    %s = arith.addf %u, %u2 : f32
    affine.store %s, %A[%i] : memref<10xf32>
    affine.store %s, %A[%i] : memref<10xf32>
  }
  %c0 = arith.constant 0 : index
  %r = affine.load %A[%c0] : memref<10xf32>
  memref.dealloc %t : memref<10xf32>
  return %r : f32
}

// -----

// A store to a neighbouring element (index + 1) does not hide the one before.
// CHECK-LABEL: func.func @neighbour
// CHECK-SAME: (%[[A:.+]]: memref<10xf32>, %[[X:.+]]: f32, %[[Y:.+]]: f32)
// CHECK: affine.for %[[I:.+]] = 0 to 9 {
// CHECK-NEXT: affine.store %[[Y]], %[[A]][%[[I]] + 1]
// CHECK-NEXT: affine.store %[[X]], %[[A]][%[[I]]]
// CHECK-NEXT: }
func.func @neighbour(%A: memref<10xf32>, %x: f32, %y: f32) {
  affine.for %i = 0 to 9 {
    affine.store %x, %A[%i] : memref<10xf32>
    affine.store %y, %A[%i + 1] : memref<10xf32>
    %v = affine.load %A[%i] : memref<10xf32>
    affine.store %v, %A[%i] : memref<10xf32>
  }
  return
}

// -----

// A call may write the memref: the load stays.
// CHECK-LABEL: func.func @call_between
// CHECK: affine.store
// CHECK-NEXT: call @clobber
// CHECK-NEXT: %[[V:.+]] = affine.load
// CHECK-NEXT: return %[[V]]
func.func @call_between(%A: memref<10xf32>, %x: f32) -> f32 {
  %c0 = arith.constant 0 : index
  affine.store %x, %A[%c0] : memref<10xf32>
  func.call @clobber(%A) : (memref<10xf32>) -> ()
  %v = affine.load %A[%c0] : memref<10xf32>
  return %v : f32
}
func.func private @clobber(memref<10xf32>)
