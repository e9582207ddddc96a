// RUN: mlopt %s --fold-memref-alias-ops --split-input-file | FileCheck %s

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<()[s0, s1] -> (s0 + s1)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<()[s0] -> (s0 * 2 + 1)>
// CHECK-LABEL: func.func @load_store_through_subview
// CHECK-SAME: (%[[M:[^:]+]]: memref<8x8xf32>, %[[O:[^:]+]]: index, %[[I:[^:]+]]: index, %[[J:[^:]+]]: index)
// CHECK: %[[R:[^ ]+]] = affine.apply #[[MAP0]]()[%[[O]], %[[I]]]
// CHECK: %[[C:[^ ]+]] = affine.apply #[[MAP1]]()[%[[J]]]
// CHECK: %[[X:[^ ]+]] = memref.load %[[M]][%[[R]], %[[C]]] : memref<8x8xf32>
// CHECK: %[[R2:[^ ]+]] = affine.apply #[[MAP0]]()[%[[O]], %[[J]]]
// CHECK: %[[C2:[^ ]+]] = affine.apply #[[MAP1]]()[%[[I]]]
// CHECK: memref.store %[[X]], %[[M]][%[[R2]], %[[C2]]] : memref<8x8xf32>
func.func @load_store_through_subview(%m: memref<8x8xf32>, %o: index, %i: index, %j: index) -> f32 {
  %v = memref.subview %m[%o, 1] [4, 3] [1, 2] : memref<8x8xf32> to memref<4x3xf32, strided<[8, 2], offset: ?>>
  %x = memref.load %v[%i, %j] : memref<4x3xf32, strided<[8, 2], offset: ?>>
  memref.store %x, %v[%j, %i] : memref<4x3xf32, strided<[8, 2], offset: ?>>
  return %x : f32
}

// -----

// A dimension the subview drops is read at its offset.

// CHECK-LABEL: func.func @rank_reducing
// CHECK-SAME: (%[[M:[^:]+]]: memref<8x8xf32>, %[[I:[^:]+]]: index)
// CHECK: %[[C3:[^ ]+]] = arith.constant 3 : index
// CHECK: memref.load %[[M]][%[[C3]], %[[I]]] : memref<8x8xf32>
func.func @rank_reducing(%m: memref<8x8xf32>, %i: index) -> f32 {
  %v = memref.subview %m[3, 0] [1, 8] [1, 1] : memref<8x8xf32> to memref<8xf32, strided<[1], offset: 24>>
  %x = memref.load %v[%i] : memref<8xf32, strided<[1], offset: 24>>
  return %x : f32
}

// -----

// Subviews of subviews fold one after the other.

// CHECK-LABEL: func.func @nested
// CHECK-SAME: (%[[M:[^:]+]]: memref<8xf32>, %[[I:[^:]+]]: index)
// CHECK-NOT: memref.subview
// CHECK: memref.load %[[M]][%{{[0-9a-z_]+}}] : memref<8xf32>
func.func @nested(%m: memref<8xf32>, %i: index) -> f32 {
  %a = memref.subview %m[2] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1], offset: 2>>
  %b = memref.subview %a[1] [2] [1] : memref<4xf32, strided<[1], offset: 2>> to memref<2xf32, strided<[1], offset: 3>>
  %x = memref.load %b[%i] : memref<2xf32, strided<[1], offset: 3>>
  return %x : f32
}
