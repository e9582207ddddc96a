// RUN: mlopt %s --convert-vector-to-scf | FileCheck %s
// RUN: %if mlir-opt %{ mlopt %s --convert-vector-to-scf | %mlir_opt > /dev/null %}

// A write of one scalar (a vectorized linalg.fill) over more than 64 rows
// is a loop nest writing one row per iteration, not a store per row.
// CHECK-LABEL: func.func @long_fill
//  CHECK-SAME:     (%[[M:[^:]*]]: memref<100x8x16xf32>, %[[S:[^:]*]]: f32, %[[I:[^:]*]]: index)
//   CHECK-DAG:   %[[ROW:.*]] = vector.broadcast %[[S]] : f32 to vector<16xf32>
//   CHECK-DAG:   %[[C100:.*]] = arith.constant 100 : index
//   CHECK-DAG:   %[[C8:.*]] = arith.constant 8 : index
//       CHECK:   scf.for %[[R:.*]] = %{{.*}} to %[[C100]] step %{{.*}} {
//       CHECK:     %[[IR:.*]] = arith.addi %[[I]], %[[R]] : index
//       CHECK:     scf.for %[[C:.*]] = %{{.*}} to %[[C8]] step %{{.*}} {
//       CHECK:       vector.transfer_write %[[ROW]], %[[M]][%[[IR]], %[[C]], %{{.*}}] {in_bounds = [true]} : vector<16xf32>, memref<100x8x16xf32>
//   CHECK-NOT:   vector.transfer_write
//       CHECK:   return
func.func @long_fill(%m: memref<100x8x16xf32>, %s: f32, %i: index) {
  %c0 = arith.constant 0 : index
  %v = vector.broadcast %s : f32 to vector<100x8x16xf32>
  vector.transfer_write %v, %m[%i, %c0, %c0] {in_bounds = [true, true, true]} : vector<100x8x16xf32>, memref<100x8x16xf32>
  return
}

// A few rows stay unrolled, and so does a long write that may leave the
// memref (each row is guarded) or of values that differ.
// CHECK-LABEL: func.func @kept_unrolled
//   CHECK-NOT:   scf.for
//  CHECK-COUNT-8: vector.transfer_write {{.*}} : vector<16xf32>, memref<8x16xf32>
//   CHECK-NOT:   scf.for
//  CHECK-COUNT-65: scf.if
//   CHECK-NOT:   scf.for
//  CHECK-COUNT-65: vector.transfer_write {{.*}} : vector<16xf32>, memref<65x16xf32>
//   CHECK-NOT:   scf.for
//       CHECK:   return
func.func @kept_unrolled(%short: memref<8x16xf32>, %m: memref<65x16xf32>, %s: f32, %i: index, %v: vector<65x16xf32>) {
  %c0 = arith.constant 0 : index
  %few = vector.broadcast %s : f32 to vector<8x16xf32>
  vector.transfer_write %few, %short[%c0, %c0] {in_bounds = [true, true]} : vector<8x16xf32>, memref<8x16xf32>
  %many = vector.broadcast %s : f32 to vector<65x16xf32>
  vector.transfer_write %many, %m[%i, %c0] {in_bounds = [false, true]} : vector<65x16xf32>, memref<65x16xf32>
  vector.transfer_write %v, %m[%c0, %c0] {in_bounds = [true, true]} : vector<65x16xf32>, memref<65x16xf32>
  return
}
