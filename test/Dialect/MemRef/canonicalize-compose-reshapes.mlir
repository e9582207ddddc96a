// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --canonicalize | FileCheck %s %}

// Two collapses of a memref are one, two expansions too.
// CHECK-LABEL: func.func @reshapes_in_a_row
// CHECK-SAME: (%[[M:.*]]: memref<2x3x4x5xi16>, %[[V:.*]]: memref<60xi16>)
// CHECK-NEXT: %[[C:.*]] = memref.collapse_shape %[[M]] {{\[\[}}0, 1, 2], [3]] : memref<2x3x4x5xi16> into memref<24x5xi16>
// CHECK-NEXT: %[[E:.*]] = memref.expand_shape %[[V]] {{\[\[}}0, 1, 2]] output_shape [3, 4, 5] : memref<60xi16> into memref<3x4x5xi16>
// CHECK-NEXT: return %[[C]], %[[E]]
func.func @reshapes_in_a_row(%m: memref<2x3x4x5xi16>, %v: memref<60xi16>) -> (memref<24x5xi16>, memref<3x4x5xi16>) {
  %c1 = memref.collapse_shape %m [[0, 1], [2], [3]] : memref<2x3x4x5xi16> into memref<6x4x5xi16>
  %c2 = memref.collapse_shape %c1 [[0, 1], [2]] : memref<6x4x5xi16> into memref<24x5xi16>
  %e1 = memref.expand_shape %v [[0, 1]] output_shape [12, 5] : memref<60xi16> into memref<12x5xi16>
  %e2 = memref.expand_shape %e1 [[0, 1], [2]] output_shape [3, 4, 5] : memref<12x5xi16> into memref<3x4x5xi16>
  return %c2, %e2 : memref<24x5xi16>, memref<3x4x5xi16>
}
