// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s



// -----

// CHECK-LABEL: func.func @scalable
// CHECK-SAME: (%[[V:[^ ,:]+]]: vector<[4]xf32>) {
// CHECK: %[[N0:[^ ,:]+]] = vector.scalable.extract %[[V]][0] : vector<4xf32> from vector<[4]xf32>
// CHECK: %[[N1:[^ ,:]+]] = vector.scalable.insert %[[N0]], %[[V]][0] : vector<4xf32> into vector<[4]xf32>
// CHECK: return
func.func @scalable(%v: vector<[4]xf32>) {
  %0 = vector.scalable.extract %v[0] : vector<4xf32> from vector<[4]xf32>
  %1 = vector.scalable.insert %0, %v[0] : vector<4xf32> into vector<[4]xf32>
  return
}
