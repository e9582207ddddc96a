// RUN: mlopt %s --split-input-file --lower-vector-mask | FileCheck %s

// The mask of vector.mask becomes the transfer's own mask operand.
// CHECK-LABEL: func.func @transfers
// CHECK-SAME: (%[[M:.*]]: memref<?x?xf32>, %[[I:.*]]: index, %[[MASK:.*]]: vector<2x4xi1>)
// CHECK-NOT: vector.mask
// CHECK: %[[V:.*]] = vector.transfer_read %[[M]][%[[I]], %[[I]]], %{{.*}}, %[[MASK]] {in_bounds = [true, true]} : memref<?x?xf32>, vector<2x4xf32>
// CHECK: vector.transfer_write %[[V]], %[[M]][%[[I]], %[[I]]], %[[MASK]] {in_bounds = [true, true]} : vector<2x4xf32>, memref<?x?xf32>
func.func @transfers(%m: memref<?x?xf32>, %i: index, %mask: vector<2x4xi1>) {
  %pad = ub.poison : f32
  %0 = vector.mask %mask { vector.transfer_read %m[%i, %i], %pad {in_bounds = [true, true]} : memref<?x?xf32>, vector<2x4xf32> } : vector<2x4xi1> -> vector<2x4xf32>
  vector.mask %mask { vector.transfer_write %0, %m[%i, %i] {in_bounds = [true, true]} : vector<2x4xf32>, memref<?x?xf32> } : vector<2x4xi1>
  return
}

// -----

// A transposed read is masked in memref order.
// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-LABEL: func.func @transposed
// CHECK: vector.transfer_read %{{.*}}[%{{.*}}, %{{.*}}], %{{.*}}, %{{.*}} {permutation_map = #[[MAP0]]} : memref<?x?xf32>, vector<4x2xf32>
func.func @transposed(%m: memref<?x?xf32>, %i: index, %mask: vector<2x4xi1>) -> vector<4x2xf32> {
  %pad = arith.constant 0.0 : f32
  %0 = vector.mask %mask { vector.transfer_read %m[%i, %i], %pad {permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : memref<?x?xf32>, vector<4x2xf32> } : vector<2x4xi1> -> vector<4x2xf32>
  return %0 : vector<4x2xf32>
}

// -----

// Masked ops without a mask operand of their own stay under vector.mask.
// CHECK-LABEL: func.func @reduction_stays
// CHECK: vector.mask %{{.*}} { vector.reduction <add>
func.func @reduction_stays(%v: vector<4xf32>, %mask: vector<4xi1>) -> f32 {
  %0 = vector.mask %mask { vector.reduction <add>, %v : vector<4xf32> into f32 } : vector<4xi1> -> f32
  return %0 : f32
}
