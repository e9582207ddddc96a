// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --canonicalize | FileCheck %s %}

// A cast that forgets a static size folds into the next cast; the cast to
// the type the value already has goes.
// CHECK-LABEL: func.func @casts_in_a_row
// CHECK-SAME: (%[[M:.*]]: memref<8x2xi32>)
// CHECK-NEXT: %[[C:.*]] = memref.cast %[[M]] : memref<8x2xi32> to memref<?x?xi32>
// CHECK-NEXT: return %[[C]]
func.func @casts_in_a_row(%m: memref<8x2xi32>) -> memref<?x?xi32> {
  %a = memref.cast %m : memref<8x2xi32> to memref<?x2xi32>
  %b = memref.cast %a : memref<?x2xi32> to memref<?x?xi32>
  %c = memref.cast %b : memref<?x?xi32> to memref<?x?xi32>
  return %c : memref<?x?xi32>
}

// -----

// Casting there and back is no cast at all, even when the first cast would
// have checked a size.
// CHECK-LABEL: func.func @cast_there_and_back
// CHECK-SAME: (%[[M:.*]]: memref<?xi32>)
// CHECK-NEXT: return %[[M]]
func.func @cast_there_and_back(%m: memref<?xi32>) -> memref<?xi32> {
  %a = memref.cast %m : memref<?xi32> to memref<5xi32>
  %b = memref.cast %a : memref<5xi32> to memref<?xi32>
  return %b : memref<?xi32>
}

// -----

// The subview reads the static memref behind the cast; its type keeps the
// static strides and is cast back to the type it had.
// CHECK-LABEL: func.func @subview_through_a_cast
// CHECK-SAME: (%[[M:.*]]: memref<6x10xf32>, %[[I:.*]]: index)
// CHECK-NEXT: %[[S:.*]] = memref.subview %[[M]][%[[I]], 2] [3, 4] [1, 1] : memref<6x10xf32> to memref<3x4xf32, strided<[10, 1], offset: ?>>
// CHECK-NEXT: %[[C:.*]] = memref.cast %[[S]] : memref<3x4xf32, strided<[10, 1], offset: ?>> to memref<3x4xf32, strided<[?, 1], offset: ?>>
// CHECK-NEXT: return %[[C]]
func.func @subview_through_a_cast(%m: memref<6x10xf32>, %i: index) -> memref<3x4xf32, strided<[?, 1], offset: ?>> {
  %c = memref.cast %m : memref<6x10xf32> to memref<?x?xf32>
  %s = memref.subview %c[%i, 2] [3, 4] [1, 1] : memref<?x?xf32> to memref<3x4xf32, strided<[?, 1], offset: ?>>
  return %s : memref<3x4xf32, strided<[?, 1], offset: ?>>
}

// -----

// Constant sizes of a rank-reducing subview become static; the dropped unit
// dimension stays dropped.
// CHECK-LABEL: func.func @rank_reducing_subview_with_constants
// CHECK: %[[S:.*]] = memref.subview %{{.*}}[0, %{{.*}}, 0] [2, 1, 3] [1, 1, 1] : memref<?x?x?xf32> to memref<2x3xf32, strided<[?, 1], offset: ?>>
// CHECK: memref.cast %[[S]] : memref<2x3xf32, strided<[?, 1], offset: ?>> to memref<?x?xf32, strided<[?, 1], offset: ?>>
func.func @rank_reducing_subview_with_constants(%m: memref<?x?x?xf32>, %j: index) -> memref<?x?xf32, strided<[?, 1], offset: ?>> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %s = memref.subview %m[%c0, %j, %c0] [%c2, 1, %c3] [1, 1, 1] : memref<?x?x?xf32> to memref<?x?xf32, strided<[?, 1], offset: ?>>
  return %s : memref<?x?xf32, strided<[?, 1], offset: ?>>
}

// -----

// Two unit sizes and one lost rank: the stride the result no longer has (the
// outer 12) tells which dimension was dropped.
// CHECK-LABEL: func.func @dropped_dimension_told_by_its_stride
// CHECK: memref.subview %{{.*}}[0, 0, 0] [1, 1, 4] [1, 1, 1] : memref<1x1x6xf32, strided<[12, 6, 1]>> to memref<1x4xf32, strided<[6, 1]>>
func.func @dropped_dimension_told_by_its_stride(%m: memref<1x1x6xf32, strided<[12, 6, 1]>>) -> memref<1x4xf32, strided<[?, ?], offset: ?>> {
  %c = memref.cast %m : memref<1x1x6xf32, strided<[12, 6, 1]>> to memref<1x1x?xf32, strided<[12, ?, ?], offset: ?>>
  %s = memref.subview %c[0, 0, 0] [1, 1, 4] [1, 1, 1] : memref<1x1x?xf32, strided<[12, ?, ?], offset: ?>> to memref<1x4xf32, strided<[?, ?], offset: ?>>
  return %s : memref<1x4xf32, strided<[?, ?], offset: ?>>
}
