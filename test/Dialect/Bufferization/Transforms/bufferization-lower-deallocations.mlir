// RUN: mlopt %s --bufferization-lower-deallocations --split-input-file | FileCheck %s

// One memref, nothing retained: a conditional free.

// CHECK-LABEL: func.func @single
// CHECK-SAME: (%[[M:[^:]+]]: memref<2xf32>, %[[C:[^:]+]]: i1)
// CHECK-NEXT: scf.if %[[C]] {
// CHECK-NEXT:   memref.dealloc %[[M]] : memref<2xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @single(%m: memref<2xf32>, %c: i1) {
  bufferization.dealloc (%m : memref<2xf32>) if (%c)
  return
}

// -----

// One memref and a retained value: freed unless it is the retained buffer;
// the retained value is owned when it is.

// CHECK-LABEL: func.func @single_retained
// CHECK-SAME: (%[[M:[^:]+]]: memref<2xf32>, %[[R:[^:]+]]: memref<2xf32>, %[[C:[^:]+]]: i1)
// CHECK: %[[PM:[^ ]+]] = memref.extract_aligned_pointer_as_index %[[M]] : memref<2xf32> -> index
// CHECK: %[[PR:[^ ]+]] = memref.extract_aligned_pointer_as_index %[[R]] : memref<2xf32> -> index
// CHECK: %[[NE:[^ ]+]] = arith.cmpi ne, %[[PM]], %[[PR]] : index
// CHECK: %[[FREE:[^ ]+]] = arith.andi %[[C]], %[[NE]] : i1
// CHECK: scf.if %[[FREE]] {
// CHECK:   memref.dealloc %[[M]] : memref<2xf32>
// CHECK: %[[EQ:[^ ]+]] = arith.cmpi eq, %[[PM]], %[[PR]] : index
// CHECK: %[[OWN:[^ ]+]] = arith.andi %[[EQ]], %[[C]] : i1
// CHECK: return %[[OWN]]
func.func @single_retained(%m: memref<2xf32>, %r: memref<2xf32>, %c: i1) -> i1 {
  %0 = bufferization.dealloc (%m : memref<2xf32>) if (%c) retain (%r : memref<2xf32>)
  return %0 : i1
}

// -----

// Two memrefs that may be the same buffer: the second is freed only if the
// first (with a true condition) was not that buffer.

// CHECK-LABEL: func.func @aliasing_pair
// CHECK-SAME: (%[[A:[^:]+]]: memref<2xf32>, %[[B:[^:]+]]: memref<2xf32>, %[[CA:[^:]+]]: i1, %[[CB:[^:]+]]: i1)
// CHECK: %[[PA:[^ ]+]] = memref.extract_aligned_pointer_as_index %[[A]]
// CHECK: %[[PB:[^ ]+]] = memref.extract_aligned_pointer_as_index %[[B]]
// CHECK: scf.if %[[CA]] {
// CHECK:   memref.dealloc %[[A]]
// CHECK: %[[NE:[^ ]+]] = arith.cmpi ne, %[[PB]], %[[PA]] : index
// CHECK: %[[NOT_A:[^ ]+]] = arith.xori %[[CA]], %{{[^ ]+}} : i1
// CHECK: %[[FIRST:[^ ]+]] = arith.ori %[[NE]], %[[NOT_A]] : i1
// CHECK: %[[FREE:[^ ]+]] = arith.andi %[[CB]], %[[FIRST]] : i1
// CHECK: scf.if %[[FREE]] {
// CHECK:   memref.dealloc %[[B]]
func.func @aliasing_pair(%a: memref<2xf32>, %b: memref<2xf32>, %ca: i1, %cb: i1) {
  bufferization.dealloc (%a, %b : memref<2xf32>, memref<2xf32>) if (%ca, %cb)
  return
}

// -----

// Nothing to free: retained values are not owned.

// CHECK-LABEL: func.func @only_retained
// CHECK: %[[FALSE:[^ ]+]] = arith.constant false
// CHECK: return %[[FALSE]]
func.func @only_retained(%r: memref<2xf32>) -> i1 {
  %0 = bufferization.dealloc retain (%r : memref<2xf32>)
  return %0 : i1
}
