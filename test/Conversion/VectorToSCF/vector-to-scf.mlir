// RUN: mlopt %s --convert-vector-to-scf | FileCheck %s

// A 2-D read becomes one 1-D read per row; the row index that may run past
// the memref is guarded, reading the padding there.
// CHECK-LABEL: func.func @read_2d
func.func @read_2d(%m: memref<?x?xf32>, %i: index, %j: index, %pad: f32) -> vector<2x4xf32> {
  // CHECK: %[[INIT:.*]] = vector.broadcast %{{.*}} : f32 to vector<2x4xf32>
  // CHECK: %[[DIM:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<?x?xf32>
  // CHECK: %[[IN:.*]] = arith.cmpi slt, %{{.*}}, %[[DIM]] : index
  // CHECK: %[[ROW0:.*]] = scf.if %[[IN]] -> (vector<4xf32>) {
  // CHECK: vector.transfer_read %{{.*}}[%{{.*}}, %{{.*}}], %{{.*}} : memref<?x?xf32>, vector<4xf32>
  // CHECK: } else {
  // CHECK: vector.broadcast %{{.*}} : f32 to vector<4xf32>
  // CHECK: vector.insert %[[ROW0]], %[[INIT]] [0] : vector<4xf32> into vector<2x4xf32>
  // CHECK: %[[ONE:.*]] = arith.constant 1 : index
  // CHECK: arith.addi %{{.*}}, %[[ONE]] : index
  // CHECK: vector.insert %{{.*}}, %{{.*}} [1] : vector<4xf32> into vector<2x4xf32>
  %0 = vector.transfer_read %m[%i, %j], %pad : memref<?x?xf32>, vector<2x4xf32>
  return %0 : vector<2x4xf32>
}

// In-bounds rows need no guard.
// CHECK-LABEL: func.func @write_2d
func.func @write_2d(%m: memref<4x8xf32>, %v: vector<2x8xf32>, %i: index) {
  // CHECK-NOT: scf.if
  // CHECK: %[[R0:.*]] = vector.extract %{{.*}}[0] : vector<8xf32> from vector<2x8xf32>
  // CHECK: vector.transfer_write %[[R0]], %{{.*}}[%{{.*}}, %{{.*}}] {in_bounds = [true]} : vector<8xf32>, memref<4x8xf32>
  // CHECK: vector.extract %{{.*}}[1] : vector<8xf32> from vector<2x8xf32>
  %c0 = arith.constant 0 : index
  vector.transfer_write %v, %m[%i, %c0] {in_bounds = [true, true]} : vector<2x8xf32>, memref<4x8xf32>
  return
}
