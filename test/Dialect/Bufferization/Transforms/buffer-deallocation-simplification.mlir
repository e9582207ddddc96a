// RUN: mlopt %s --buffer-deallocation-simplification --split-input-file | FileCheck %s

// A retained value that is a fresh allocation made after the freed buffer
// existed cannot be it: it leaves the retain list, its ownership is false.

// CHECK-LABEL: func.func @retained_fresh
// CHECK-SAME: (%[[ARG:[^:]+]]: memref<2xf32>, %[[C:[^:]+]]: i1)
// CHECK: %[[A:[^ ]+]] = memref.alloc()
// CHECK: %[[FALSE:[^ ]+]] = arith.constant false
// CHECK: bufferization.dealloc (%[[ARG]] : memref<2xf32>) if (%[[C]]){{$}}
// CHECK: return %[[FALSE]]
func.func @retained_fresh(%arg: memref<2xf32>, %c: i1) -> i1 {
  %a = memref.alloc() : memref<2xf32>
  %0 = bufferization.dealloc (%arg : memref<2xf32>) if (%c) retain (%a : memref<2xf32>)
  return %0 : i1
}

// -----

// A freed memref that is exactly a retained buffer (through its base buffer)
// is not freed: its condition becomes the retained value's ownership.

// CHECK-LABEL: func.func @owned_by_retained
// CHECK-SAME: (%[[ARG:[^:]+]]: memref<2xf32>, %[[C:[^:]+]]: i1, %[[D:[^:]+]]: i1)
// CHECK: %[[A:[^ ]+]] = memref.alloc()
// CHECK: bufferization.dealloc (%[[ARG]] : memref<2xf32>) if (%[[C]]){{$}}
// CHECK: return %[[D]]
func.func @owned_by_retained(%arg: memref<2xf32>, %c: i1, %d: i1) -> i1 {
  %a = memref.alloc() : memref<2xf32>
  %base, %offset, %size, %stride = memref.extract_strided_metadata %a : memref<2xf32> -> memref<f32>, index, index, index
  %0 = bufferization.dealloc (%arg, %base : memref<2xf32>, memref<f32>) if (%c, %d) retain (%a : memref<2xf32>)
  return %0 : i1
}

// -----

// Distinct allocations with nothing retained are freed one by one; constant
// false conditions and duplicates go.

// CHECK-LABEL: func.func @split
// CHECK-SAME: (%[[C:[^:]+]]: i1, %[[D:[^:]+]]: i1)
// CHECK: %[[A:[^ ]+]] = memref.alloc()
// CHECK: %[[B:[^ ]+]] = memref.alloc()
// CHECK: %[[E:[^ ]+]] = memref.alloc()
// CHECK: %[[OR:[^ ]+]] = arith.ori %[[C]], %[[D]] : i1
// CHECK: bufferization.dealloc (%[[A]] : memref<2xf32>) if (%[[OR]]){{$}}
// CHECK: bufferization.dealloc (%[[B]] : memref<2xf32>) if (%[[D]]){{$}}
// CHECK-NOT: bufferization.dealloc
// CHECK: return
func.func @split(%c: i1, %d: i1) {
  %false = arith.constant false
  %a = memref.alloc() : memref<2xf32>
  %b = memref.alloc() : memref<2xf32>
  %e = memref.alloc() : memref<2xf32>
  bufferization.dealloc (%a, %b, %a, %e : memref<2xf32>, memref<2xf32>, memref<2xf32>, memref<2xf32>) if (%c, %d, %d, %false)
  return
}

// -----

// Nothing is known about two arguments: the op stays.

// CHECK-LABEL: func.func @unknown
// CHECK: bufferization.dealloc (%{{[^ ]+}} : memref<2xf32>) if (%{{[^)]+}}) retain (%{{[^ ]+}} : memref<2xf32>)
func.func @unknown(%x: memref<2xf32>, %y: memref<2xf32>, %c: i1) -> i1 {
  %0 = bufferization.dealloc (%x : memref<2xf32>) if (%c) retain (%y : memref<2xf32>)
  return %0 : i1
}
