// RUN: mlopt %s --split-input-file --allow-unregistered-dialect --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --allow-unregistered-dialect --canonicalize | FileCheck %s %}

// CHECK-LABEL: func.func @reshapes_that_change_nothing
// CHECK-SAME: (%[[A:[^:]*]]: memref<2x3xf32>, %[[B:[^:]*]]: memref<6xf32>)
// CHECK-NEXT: return %[[A]], %[[B]]
func.func @reshapes_that_change_nothing(%a: memref<2x3xf32>, %b: memref<6xf32>) -> (memref<2x3xf32>, memref<6xf32>) {
  %0 = memref.collapse_shape %a [[0], [1]] : memref<2x3xf32> into memref<2x3xf32>
  %1 = memref.expand_shape %b [[0]] output_shape [6] : memref<6xf32> into memref<6xf32>
  return %0, %1 : memref<2x3xf32>, memref<6xf32>
}

// -----

// CHECK-LABEL: func.func @expand_undoes_collapse
// CHECK-SAME: (%[[A:[^:]*]]: memref<4x5xi8>)
// CHECK-NEXT: return %[[A]]
func.func @expand_undoes_collapse(%a: memref<4x5xi8>) -> memref<4x5xi8> {
  %0 = memref.collapse_shape %a [[0, 1]] : memref<4x5xi8> into memref<20xi8>
  %1 = memref.expand_shape %0 [[0, 1]] output_shape [4, 5] : memref<20xi8> into memref<4x5xi8>
  return %1 : memref<4x5xi8>
}

// -----

// A different split is a different view: it stays.

// CHECK-LABEL: func.func @expand_differently
// CHECK: memref.collapse_shape
// CHECK: memref.expand_shape
func.func @expand_differently(%a: memref<4x5xi8>) -> memref<2x10xi8> {
  %0 = memref.collapse_shape %a [[0, 1]] : memref<4x5xi8> into memref<20xi8>
  %1 = memref.expand_shape %0 [[0, 1]] output_shape [2, 10] : memref<20xi8> into memref<2x10xi8>
  return %1 : memref<2x10xi8>
}

// -----

// CHECK-LABEL: func.func @dims_of_alloc
// CHECK-SAME: (%[[N:[^:]*]]: index, %[[M:[^:]*]]: index)
// CHECK-DAG: %[[C8:.*]] = arith.constant 8 : index
// CHECK-DAG: %[[BUF:.*]] = memref.alloc(%[[N]], %[[M]]) : memref<?x8x?xf32>
// CHECK: "test.use"(%[[BUF]])
// CHECK-NEXT: return %[[M]], %[[C8]], %[[N]]
func.func @dims_of_alloc(%n: index, %m: index) -> (index, index, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %buf = memref.alloc(%n, %m) : memref<?x8x?xf32>
  "test.use"(%buf) : (memref<?x8x?xf32>) -> ()
  %d2 = memref.dim %buf, %c2 : memref<?x8x?xf32>
  %d1 = memref.dim %buf, %c1 : memref<?x8x?xf32>
  %d0 = memref.dim %buf, %c0 : memref<?x8x?xf32>
  return %d2, %d1, %d0 : index, index, index
}

// -----

// Only written to: the scratch buffer and its stores go.

// CHECK-LABEL: func.func @write_only_alloca
// CHECK-NEXT: return
func.func @write_only_alloca(%n: index, %v: f32) {
  %c0 = arith.constant 0 : index
  %scratch = memref.alloca(%n) : memref<?xf32>
  memref.store %v, %scratch[%c0] : memref<?xf32>
  return
}

// -----

// CHECK-LABEL: func.func @read_alloca_stays
// CHECK: memref.alloca
// CHECK: memref.store
// CHECK: memref.load
func.func @read_alloca_stays(%v: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %scratch = memref.alloca() : memref<1xf32>
  memref.store %v, %scratch[%c0] : memref<1xf32>
  %r = memref.load %scratch[%c0] : memref<1xf32>
  return %r : f32
}

// -----

// The size is read from the shape right after the reshape, before the shape
// is overwritten.

// CHECK-LABEL: func.func @dim_of_reshape
// CHECK-SAME: (%[[M:[^:]*]]: memref<*xf32>, %[[SHAPE:[^:]*]]: memref<?xindex>)
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[SIZE:.*]] = memref.load %[[SHAPE]][%[[C1]]] : memref<?xindex>
// CHECK-NEXT: memref.store %[[C1]], %[[SHAPE]][%[[C1]]]
// CHECK-NEXT: return %[[SIZE]]
func.func @dim_of_reshape(%m: memref<*xf32>, %shape: memref<?xindex>) -> index {
  %c1 = arith.constant 1 : index
  %r = memref.reshape %m(%shape) : (memref<*xf32>, memref<?xindex>) -> memref<*xf32>
  memref.store %c1, %shape[%c1] : memref<?xindex>
  %d = memref.dim %r, %c1 : memref<*xf32>
  return %d : index
}

// -----

// CHECK-LABEL: func.func @dim_of_reshape_by_i64_shape
// CHECK-SAME: (%[[M:[^:]*]]: memref<6xf32>, %[[SHAPE:[^:]*]]: memref<2xi64>, %[[I:[^:]*]]: index)
// CHECK-NEXT: %[[SIZE:.*]] = memref.load %[[SHAPE]][%[[I]]] : memref<2xi64>
// CHECK-NEXT: %[[CAST:.*]] = arith.index_cast %[[SIZE]] : i64 to index
// CHECK-NEXT: return %[[CAST]]
func.func @dim_of_reshape_by_i64_shape(%m: memref<6xf32>, %shape: memref<2xi64>, %i: index) -> index {
  %r = memref.reshape %m(%shape) : (memref<6xf32>, memref<2xi64>) -> memref<?x?xf32>
  %d = memref.dim %r, %i : memref<?x?xf32>
  return %d : index
}

// -----

// CHECK-LABEL: func.func @subview_of_all
// CHECK-SAME: (%[[A:[^:]*]]: memref<8x4xf32, strided<[8, 1], offset: 2>>)
// CHECK-NEXT: return %[[A]]
func.func @subview_of_all(%a: memref<8x4xf32, strided<[8, 1], offset: 2>>) -> memref<8x4xf32, strided<[8, 1], offset: 2>> {
  %0 = memref.subview %a[0, 0] [8, 4] [1, 1] : memref<8x4xf32, strided<[8, 1], offset: 2>> to memref<8x4xf32, strided<[8, 1], offset: 2>>
  return %0 : memref<8x4xf32, strided<[8, 1], offset: 2>>
}

// -----

// With a dynamic offset the same type says nothing about which part is viewed.

// CHECK-LABEL: func.func @subview_at_unknown_offset
// CHECK: memref.subview
func.func @subview_at_unknown_offset(%a: memref<8xf32, strided<[1], offset: ?>>, %i: index) -> memref<8xf32, strided<[1], offset: ?>> {
  %0 = memref.subview %a[%i] [8] [1] : memref<8xf32, strided<[1], offset: ?>> to memref<8xf32, strided<[1], offset: ?>>
  return %0 : memref<8xf32, strided<[1], offset: ?>>
}

// -----

// Constant offsets, sizes and strides become static; the more static view is
// cast back to the type its users expect.

// CHECK-LABEL: func.func @subview_of_constants
// CHECK-SAME: (%[[A:[^:]*]]: memref<?x?xf32>, %[[I:[^:]*]]: index)
// CHECK-NEXT: %[[V:.*]] = memref.subview %[[A]][%[[I]], 2] [3, 1] [1, 2] : memref<?x?xf32> to memref<3x1xf32, strided<[?, 2], offset: ?>>
// CHECK-NEXT: %[[C:.*]] = memref.cast %[[V]] : memref<3x1xf32, strided<[?, 2], offset: ?>> to memref<?x?xf32, strided<[?, ?], offset: ?>>
// CHECK-NEXT: return %[[C]]
func.func @subview_of_constants(%a: memref<?x?xf32>, %i: index) -> memref<?x?xf32, strided<[?, ?], offset: ?>> {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %0 = memref.subview %a[%i, %c2] [%c3, %c1] [%c1, %c2] : memref<?x?xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
  return %0 : memref<?x?xf32, strided<[?, ?], offset: ?>>
}

// -----

// A reversing view of a static memref: every size and offset is known.

// CHECK-LABEL: func.func @reversed_view
// CHECK-SAME: (%[[A:[^:]*]]: memref<5xi8>)
// CHECK-NEXT: %[[V:.*]] = memref.subview %[[A]][4] [5] [-1] : memref<5xi8> to memref<5xi8, strided<[-1], offset: 4>>
// CHECK-NEXT: %[[C:.*]] = memref.cast %[[V]]
// CHECK-NEXT: return %[[C]]
func.func @reversed_view(%a: memref<5xi8>) -> memref<?xi8, strided<[?], offset: ?>> {
  %c0 = arith.constant 0 : index
  %cm1 = arith.constant -1 : index
  %n = memref.dim %a, %c0 : memref<5xi8>
  %last = arith.addi %n, %cm1 : index
  %0 = memref.subview %a[%last] [%n] [%cm1] : memref<5xi8> to memref<?xi8, strided<[?], offset: ?>>
  return %0 : memref<?xi8, strided<[?], offset: ?>>
}

// -----

// A zero stride stays dynamic, as upstream leaves it.

// CHECK-LABEL: func.func @zero_stride_stays
// CHECK: memref.subview %{{[^[]*}}[1] [1] [%{{.*}}]
func.func @zero_stride_stays(%a: memref<10xf32>) -> memref<1xf32, strided<[?], offset: 1>> {
  %c0 = arith.constant 0 : index
  %0 = memref.subview %a[1] [1] [%c0] : memref<10xf32> to memref<1xf32, strided<[?], offset: 1>>
  return %0 : memref<1xf32, strided<[?], offset: 1>>
}
