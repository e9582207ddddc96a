// RUN: mlopt %s --split-input-file --convert-vector-to-scf | FileCheck %s

// A transposing map: the read in memref order, then a vector.transpose.
// CHECK-LABEL: func.func @transposed_read
// CHECK: %[[INIT:.*]] = vector.broadcast %{{.*}} : f32 to vector<2x4xf32>
// CHECK: vector.transfer_read %{{.*}}[%{{.*}}, %{{.*}}], %{{.*}} {in_bounds = [true]} : memref<2x4xf32>, vector<4xf32>
// CHECK: vector.insert %{{.*}}, %[[INIT]] [0] : vector<4xf32> into vector<2x4xf32>
// CHECK: %[[ROWS:.*]] = vector.insert %{{.*}}, %{{.*}} [1] : vector<4xf32> into vector<2x4xf32>
// CHECK: %[[T:.*]] = vector.transpose %[[ROWS]], [1, 0] : vector<2x4xf32> to vector<4x2xf32>
// CHECK: return %[[T]]
func.func @transposed_read(%m: memref<2x4xf32>, %pad: f32) -> vector<4x2xf32> {
  %c0 = arith.constant 0 : index
  %0 = vector.transfer_read %m[%c0, %c0], %pad {in_bounds = [true, true], permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : memref<2x4xf32>, vector<4x2xf32>
  return %0 : vector<4x2xf32>
}

// -----

// A broadcast dimension: a read of the other dimensions, then vector.broadcast
// (and a transpose when the broadcast is not in front).
// CHECK-LABEL: func.func @broadcast_read
// CHECK: %[[ROW:.*]] = vector.transfer_read %{{.*}}[%{{.*}}, %{{.*}}], %{{.*}} : memref<?x?xf32>, vector<4xf32>
// CHECK: %[[B:.*]] = vector.broadcast %[[ROW]] : vector<4xf32> to vector<3x4xf32>
// CHECK: vector.transpose %[[B]], [1, 0] : vector<3x4xf32> to vector<4x3xf32>
func.func @broadcast_read(%m: memref<?x?xf32>, %i: index, %pad: f32) -> vector<4x3xf32> {
  %0 = vector.transfer_read %m[%i, %i], %pad {in_bounds = [false, true], permutation_map = affine_map<(d0, d1) -> (d1, 0)>} : memref<?x?xf32>, vector<4x3xf32>
  return %0 : vector<4x3xf32>
}

// -----

// A 1-D read down a column: one guarded scalar load per lane.
// CHECK-LABEL: func.func @column_read
// CHECK: %[[INIT:.*]] = vector.broadcast %[[PAD:.*]] : f32 to vector<2xf32>
// CHECK: %[[DIM:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<?x?xf32>
// CHECK: %[[IN:.*]] = arith.cmpi slt, %{{.*}}, %[[DIM]] : index
// CHECK: %[[X:.*]] = scf.if %[[IN]] -> (f32) {
// CHECK: %[[LOADED:.*]] = memref.load %{{.*}}[%{{.*}}, %{{.*}}] : memref<?x?xf32>
// CHECK: scf.yield %[[LOADED]] : f32
// CHECK: } else {
// CHECK: scf.yield %[[PAD]] : f32
// CHECK: vector.insert %[[X]], %[[INIT]] [0] : f32 into vector<2xf32>
// CHECK: arith.addi
// CHECK: vector.insert %{{.*}}, %{{.*}} [1] : f32 into vector<2xf32>
func.func @column_read(%m: memref<?x?xf32>, %i: index, %pad: f32) -> vector<2xf32> {
  %0 = vector.transfer_read %m[%i, %i], %pad {permutation_map = affine_map<(d0, d1) -> (d0)>} : memref<?x?xf32>, vector<2xf32>
  return %0 : vector<2xf32>
}

// -----

// A transposing write: a vector.transpose, then rows in memref order; a
// masked column write stores the masked lanes only.
// CHECK-LABEL: func.func @writes
// CHECK: %[[T:.*]] = vector.transpose %{{.*}}, [1, 0] : vector<2x3xf32> to vector<3x2xf32>
// CHECK: %[[R0:.*]] = vector.extract %[[T]][0] : vector<2xf32> from vector<3x2xf32>
// CHECK: vector.transfer_write %[[R0]], %{{.*}}[%{{.*}}, %{{.*}}] {in_bounds = [true]} : vector<2xf32>, memref<3x2xf32>
// CHECK: %[[LANE:.*]] = vector.extract %{{.*}}[0] : i1 from vector<2xi1>
// CHECK: scf.if %[[LANE]] {
// CHECK: memref.store %{{.*}}, %{{.*}}[%{{.*}}, %{{.*}}] : memref<3x2xf32>
func.func @writes(%m: memref<3x2xf32>, %v: vector<2x3xf32>, %w: vector<2xf32>, %mask: vector<2xi1>) {
  %c0 = arith.constant 0 : index
  vector.transfer_write %v, %m[%c0, %c0] {in_bounds = [true, true], permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : vector<2x3xf32>, memref<3x2xf32>
  vector.transfer_write %w, %m[%c0, %c0], %mask {in_bounds = [true], permutation_map = affine_map<(d0, d1) -> (d0)>} : vector<2xf32>, memref<3x2xf32>
  return
}

// -----

// Constant indices into a static memref: rows that provably stay inside are
// in bounds, with no guard; a row that may leave it is still guarded.
// CHECK-LABEL: func.func @static_bounds
// CHECK-NOT: scf.if
// CHECK: vector.transfer_read %{{.*}}[%{{.*}}, %{{.*}}], %{{.*}} {in_bounds = [true]} : memref<3x8xf32>, vector<8xf32>
// CHECK-NOT: scf.if
// CHECK: vector.transfer_read %{{.*}}[%{{.*}}, %{{.*}}], %{{.*}} {in_bounds = [true]} : memref<3x8xf32>, vector<8xf32>
// CHECK: scf.if
// CHECK: vector.transfer_read %{{.*}}[%{{.*}}, %{{.*}}], %{{.*}} {in_bounds = [true]} : memref<3x8xf32>, vector<8xf32>
func.func @static_bounds(%m: memref<3x8xf32>, %pad: f32) -> vector<3x8xf32> {
  %c1 = arith.constant 1 : index
  %c0 = arith.constant 0 : index
  %0 = vector.transfer_read %m[%c1, %c0], %pad : memref<3x8xf32>, vector<3x8xf32>
  return %0 : vector<3x8xf32>
}
