// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --canonicalize | FileCheck %s %}

// A collapse reads through a cast that only forgot sizes: when the collapsed
// source is as static as the old result nothing else is needed, otherwise the
// static collapse is cast back to the old result type.
// CHECK-LABEL: func.func @collapses_of_casts
// CHECK-SAME: (%[[A:.*]]: memref<3x?xf32>, %[[B:.*]]: memref<2x5x1xi8>)
// CHECK-DAG: %[[CA:.*]] = memref.collapse_shape %[[A]] {{\[\[}}0, 1]] : memref<3x?xf32> into memref<?xf32>
// CHECK-DAG: %[[CB:.*]] = memref.collapse_shape %[[B]] {{\[\[}}0], [1, 2]] : memref<2x5x1xi8> into memref<2x5xi8>
// CHECK-DAG: %[[BACK:.*]] = memref.cast %[[CB]] : memref<2x5xi8> to memref<?x?xi8>
// CHECK: return %[[CA]], %[[BACK]]
func.func @collapses_of_casts(%a: memref<3x?xf32>, %b: memref<2x5x1xi8>) -> (memref<?xf32>, memref<?x?xi8>) {
  %da = memref.cast %a : memref<3x?xf32> to memref<?x?xf32>
  %ca = memref.collapse_shape %da [[0, 1]] : memref<?x?xf32> into memref<?xf32>
  %db = memref.cast %b : memref<2x5x1xi8> to memref<?x?x?xi8>
  %cb = memref.collapse_shape %db [[0], [1, 2]] : memref<?x?x?xi8> into memref<?x?xi8>
  return %ca, %cb : memref<?xf32>, memref<?x?xi8>
}

// -----

// A cast that only forgets the layout's offset is read through as well, the
// collapse of the contiguous source cast to the strided result.
// CHECK-LABEL: func.func @collapse_of_forgotten_offset
// CHECK-SAME: (%[[A:.*]]: memref<4x6xf32>)
// CHECK: %[[C:.*]] = memref.collapse_shape %[[A]] {{\[\[}}0, 1]] : memref<4x6xf32> into memref<24xf32>
// CHECK: %[[BACK:.*]] = memref.cast %[[C]] : memref<24xf32> to memref<24xf32, strided<[1], offset: ?>>
// CHECK: return %[[BACK]]
func.func @collapse_of_forgotten_offset(%a: memref<4x6xf32>) -> memref<24xf32, strided<[1], offset: ?>> {
  %d = memref.cast %a : memref<4x6xf32> to memref<4x6xf32, strided<[6, 1], offset: ?>>
  %c = memref.collapse_shape %d [[0, 1]] : memref<4x6xf32, strided<[6, 1], offset: ?>> into memref<24xf32, strided<[1], offset: ?>>
  return %c : memref<24xf32, strided<[1], offset: ?>>
}

// -----

// A cast that adds static sizes is a runtime check and stays in front of the collapse.
// CHECK-LABEL: func.func @collapse_of_checking_cast
// CHECK: %[[D:.*]] = memref.cast %{{.*}} : memref<?x?xf32> to memref<2x3xf32>
// CHECK: memref.collapse_shape %[[D]]
func.func @collapse_of_checking_cast(%a: memref<?x?xf32>) -> memref<6xf32> {
  %d = memref.cast %a : memref<?x?xf32> to memref<2x3xf32>
  %c = memref.collapse_shape %d [[0, 1]] : memref<2x3xf32> into memref<6xf32>
  return %c : memref<6xf32>
}
