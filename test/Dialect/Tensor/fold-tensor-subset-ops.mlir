// RUN: mlopt %s --fold-tensor-subset-ops --split-input-file | FileCheck %s

// A transfer_read of a slice reads the slice's source at offset + index.

//   CHECK-DAG: #[[$PLUS:.+]] = affine_map<()[s0, s1] -> (s0 + s1)>
// CHECK-LABEL: func.func @read_of_slice
//  CHECK-SAME: (%[[T:.*]]: tensor<8x16xf32>, %[[I:.*]]: index, %[[J:.*]]: index)
//   CHECK-DAG: %[[C3:.*]] = arith.constant 3 : index
//   CHECK-DAG: %[[COL:.*]] = affine.apply #[[$PLUS]]()[%[[I]], %[[J]]]
//       CHECK: %[[V:.*]] = vector.transfer_read %[[T]][%[[C3]], %[[COL]]], %{{.*}} {in_bounds = [true]} : tensor<8x16xf32>, vector<4xf32>
//       CHECK: return %[[V]]
func.func @read_of_slice(%t: tensor<8x16xf32>, %i: index, %j: index) -> vector<4xf32> {
  %c1 = arith.constant 1 : index
  %pad = arith.constant 0.0 : f32
  %s = tensor.extract_slice %t[2, %i] [4, 8] [1, 1] : tensor<8x16xf32> to tensor<4x8xf32>
  %v = vector.transfer_read %s[%c1, %j], %pad {in_bounds = [true]} : tensor<4x8xf32>, vector<4xf32>
  return %v : vector<4xf32>
}

// -----

// Through a rank-reducing slice: the dropped dimension is read at its offset.

// CHECK-LABEL: func.func @read_of_rank_reduced
//  CHECK-SAME: (%[[T:.*]]: tensor<8x16xf32>, %[[I:.*]]: index)
//       CHECK: %[[C4:.*]] = arith.constant 4 : index
//       CHECK: vector.transfer_read %[[T]][%[[I]], %[[C4]]], %{{.*}} {in_bounds = [true]} : tensor<8x16xf32>, vector<4xf32>
func.func @read_of_rank_reduced(%t: tensor<8x16xf32>, %i: index) -> vector<4xf32> {
  %c0 = arith.constant 0 : index
  %pad = arith.constant 0.0 : f32
  %s = tensor.extract_slice %t[%i, 4] [1, 8] [1, 1] : tensor<8x16xf32> to tensor<8xf32>
  %v = vector.transfer_read %s[%c0], %pad {in_bounds = [true]} : tensor<8xf32>, vector<4xf32>
  return %v : vector<4xf32>
}

// -----

// A vector filling a whole tile, inserted into %d: written into %d directly.

// CHECK-LABEL: func.func @write_then_insert
//  CHECK-SAME: (%[[V:.*]]: vector<4x8xf32>, %[[D:.*]]: tensor<16x16xf32>, %[[I:.*]]: index)
//       CHECK: %[[C8:.*]] = arith.constant 8 : index
//       CHECK: %[[W:.*]] = vector.transfer_write %[[V]], %[[D]][%[[I]], %[[C8]]] {in_bounds = [true, true]} : vector<4x8xf32>, tensor<16x16xf32>
//       CHECK: return %[[W]]
func.func @write_then_insert(%v: vector<4x8xf32>, %d: tensor<16x16xf32>, %i: index) -> tensor<16x16xf32> {
  %c0 = arith.constant 0 : index
  %e = tensor.empty() : tensor<4x8xf32>
  %w = vector.transfer_write %v, %e[%c0, %c0] {in_bounds = [true, true]} : vector<4x8xf32>, tensor<4x8xf32>
  %r = tensor.insert_slice %w into %d[%i, 8] [4, 8] [1, 1] : tensor<4x8xf32> into tensor<16x16xf32>
  return %r : tensor<16x16xf32>
}

// -----

// An insert_slice of an insertion that fills its destination inserts the
// inner source; a vector writing only part of the tile stays as it is.

// CHECK-LABEL: func.func @insert_of_insert
//  CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %{{.*}}: tensor<4xf32>, %[[Z:.*]]: tensor<16x16xf32>, %[[I:.*]]: index)
//       CHECK: %[[R:.*]] = tensor.insert_slice %[[X]] into %[[Z]][%[[I]], 4] [1, 4] [1, 1] : tensor<4xf32> into tensor<16x16xf32>
//       CHECK: return %[[R]]
func.func @insert_of_insert(%x: tensor<4xf32>, %y: tensor<4xf32>, %z: tensor<16x16xf32>, %i: index) -> tensor<16x16xf32> {
  %a = tensor.insert_slice %x into %y[0] [4] [1] : tensor<4xf32> into tensor<4xf32>
  %b = tensor.insert_slice %a into %z[%i, 4] [1, 4] [1, 1] : tensor<4xf32> into tensor<16x16xf32>
  return %b : tensor<16x16xf32>
}

// CHECK-LABEL: func.func @partial_write_stays
//       CHECK: %[[W:.*]] = vector.transfer_write %{{.*}} : vector<4xf32>, tensor<8xf32>
//       CHECK: tensor.insert_slice %[[W]]
func.func @partial_write_stays(%v: vector<4xf32>, %t: tensor<8xf32>, %d: tensor<16xf32>) -> tensor<16xf32> {
  %c0 = arith.constant 0 : index
  %w = vector.transfer_write %v, %t[%c0] {in_bounds = [true]} : vector<4xf32>, tensor<8xf32>
  %r = tensor.insert_slice %w into %d[8] [8] [1] : tensor<8xf32> into tensor<16xf32>
  return %r : tensor<16xf32>
}
