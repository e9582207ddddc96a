// RUN: mlopt %s --expand-strided-metadata | FileCheck %s

// offset = i·16 + 2·1 (static strides of the source); strides scaled by the steps.
// CHECK-LABEL: func.func @subview
func.func @subview(%m: memref<8x16xf32>, %i: index) -> memref<4x?xf32, strided<[16, 2], offset: ?>> {
  %c3 = arith.constant 3 : index
  // CHECK: %[[BASE:[^,]*]], %{{.*}} = memref.extract_strided_metadata %{{.*}} : memref<8x16xf32> -> memref<f32>, index, index, index, index, index
  // CHECK: %[[SIXTEEN:.*]] = arith.constant 16 : index
  // CHECK: %[[ROW:.*]] = arith.muli %{{.*}}, %[[SIXTEEN]] : index
  // CHECK: %[[OFFSET:.*]] = arith.addi %[[ROW]], %{{.*}} : index
  // CHECK: memref.reinterpret_cast %[[BASE]] to offset: {{\[}}%[[OFFSET]]], sizes: [4, %{{.*}}], strides: [16, 2] : memref<f32> to memref<4x?xf32, strided<[16, 2], offset: ?>>
  %s = memref.subview %m[%i, 2][4, %c3][1, 2] : memref<8x16xf32> to memref<4x?xf32, strided<[16, 2], offset: ?>>
  return %s : memref<4x?xf32, strided<[16, 2], offset: ?>>
}

// A dynamic source layout reads offset and strides from the metadata.
// CHECK-LABEL: func.func @subview_dynamic
func.func @subview_dynamic(%m: memref<?x?xf32, strided<[?, ?], offset: ?>>, %i: index) -> memref<2xf32, strided<[?], offset: ?>> {
  // CHECK: %[[BASE:[^,]*]], %[[OFF:[^,]*]], %{{[^,]*}}:2, %[[S:[^:]*]]:2 = memref.extract_strided_metadata
  // CHECK: %[[T:.*]] = arith.muli %{{.*}}, %[[S]]#0 : index
  // CHECK: arith.addi %[[OFF]], %[[T]] : index
  // CHECK: memref.reinterpret_cast %[[BASE]] to offset: [%{{.*}}], sizes: [2], strides: [%[[S]]#1]
  %s = memref.subview %m[%i, 0][1, 2][1, 1] : memref<?x?xf32, strided<[?, ?], offset: ?>> to memref<2xf32, strided<[?], offset: ?>>
  return %s : memref<2xf32, strided<[?], offset: ?>>
}

// CHECK-LABEL: func.func @reshapes
func.func @reshapes(%m: memref<2x3x4xf32>) -> (memref<6x4xf32>, memref<2x3x2x2xf32>) {
  // CHECK: memref.reinterpret_cast %{{.*}} to offset: [0], sizes: [6, 4], strides: [4, 1] : memref<f32> to memref<6x4xf32>
  %a = memref.collapse_shape %m [[0, 1], [2]] : memref<2x3x4xf32> into memref<6x4xf32>
  // CHECK: memref.reinterpret_cast %{{.*}} to offset: [0], sizes: [2, 3, 2, 2], strides: [12, 4, 2, 1] : memref<f32> to memref<2x3x2x2xf32>
  %b = memref.expand_shape %m [[0], [1], [2, 3]] output_shape [2, 3, 2, 2] : memref<2x3x4xf32> into memref<2x3x2x2xf32>
  return %a, %b : memref<6x4xf32>, memref<2x3x2x2xf32>
}
