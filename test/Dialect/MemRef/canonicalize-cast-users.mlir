// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --canonicalize | FileCheck %s %}

// Loads, stores (of their memref), atomic updates and copies use the memref
// behind a cast; a stored memref stays the cast, as does a copy through a cast
// that adds a static size.
// CHECK-LABEL: func.func @users_of_casts
// CHECK-SAME: (%[[M:.*]]: memref<8xf32>, %[[BOX:.*]]: memref<memref<?xf32>>, %[[D:.*]]: memref<?xf32>, %[[I:.*]]: index, %[[F:.*]]: f32)
// CHECK: %[[C:.*]] = memref.cast %[[M]] : memref<8xf32> to memref<?xf32>
// CHECK: %[[V:.*]] = memref.load %[[M]][%[[I]]] : memref<8xf32>
// CHECK: memref.store %[[V]], %[[M]][%[[I]]] : memref<8xf32>
// CHECK: memref.atomic_rmw addf %[[F]], %[[M]][%[[I]]] : (f32, memref<8xf32>) -> f32
// CHECK: memref.store %[[C]], %[[BOX]][] : memref<memref<?xf32>>
// CHECK: %[[S:.*]] = memref.cast %[[D]] : memref<?xf32> to memref<8xf32>
// CHECK: memref.copy %[[M]], %[[S]] : memref<8xf32> to memref<8xf32>
func.func @users_of_casts(%m: memref<8xf32>, %box: memref<memref<?xf32>>, %d: memref<?xf32>, %i: index, %f: f32) {
  %c = memref.cast %m : memref<8xf32> to memref<?xf32>
  %v = memref.load %c[%i] : memref<?xf32>
  memref.store %v, %c[%i] : memref<?xf32>
  %old = memref.atomic_rmw addf %f, %c[%i] : (f32, memref<?xf32>) -> f32
  memref.store %c, %box[] : memref<memref<?xf32>>
  %s = memref.cast %d : memref<?xf32> to memref<8xf32>
  memref.copy %c, %s : memref<?xf32> to memref<8xf32>
  return
}

// -----

// The rank of a ranked memref is a constant; a subview of all of a static
// memref is that memref (cast to the subview's layout); a copy of no elements
// goes.
// CHECK-LABEL: func.func @known_answers
// CHECK-SAME: (%[[M:.*]]: memref<3x4xi8>, %[[E:.*]]: memref<0x4xi8>, %[[D:.*]]: memref<?x4xi8>)
// CHECK-NEXT: %[[TWO:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[ALL:.*]] = memref.cast %[[M]] : memref<3x4xi8> to memref<3x4xi8, strided<[4, 1]>>
// CHECK-NEXT: return %[[TWO]], %[[ALL]]
func.func @known_answers(%m: memref<3x4xi8>, %e: memref<0x4xi8>, %d: memref<?x4xi8>) -> (index, memref<3x4xi8, strided<[4, 1]>>) {
  %r = memref.rank %m : memref<3x4xi8>
  %all = memref.subview %m[0, 0] [3, 4] [1, 1] : memref<3x4xi8> to memref<3x4xi8, strided<[4, 1]>>
  memref.copy %e, %d : memref<0x4xi8> to memref<?x4xi8>
  return %r, %all : index, memref<3x4xi8, strided<[4, 1]>>
}
