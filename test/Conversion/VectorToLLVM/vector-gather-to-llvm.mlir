// RUN: mlopt %s --split-input-file --convert-vector-to-llvm | FileCheck %s

// A gather addresses each lane with one vector getelementptr and loads with
// llvm.intr.masked.gather; a scatter stores the same way.
// CHECK-LABEL: func.func @gather_scatter
// CHECK: %[[BASE:.*]] = llvm.getelementptr inbounds|nuw %{{.*}}[%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f32
// CHECK: %[[PTRS:.*]] = llvm.getelementptr %[[BASE]][%{{.*}}] : (!llvm.ptr, vector<4xi32>) -> vector<4x!llvm.ptr>, f32
// CHECK: %[[G:.*]] = llvm.intr.masked.gather %[[PTRS]], %{{.*}}, %{{.*}} {alignment = 4 : i32} : (vector<4x!llvm.ptr>, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
// CHECK: llvm.intr.masked.scatter %[[G]], %{{.*}}, %{{.*}} {alignment = 4 : i32} : vector<4xf32>, vector<4xi1> into vector<4x!llvm.ptr>
func.func @gather_scatter(%m: memref<?xf32>, %idx: vector<4xi32>, %mask: vector<4xi1>, %pass: vector<4xf32>) {
  %c0 = arith.constant 0 : index
  %0 = vector.gather %m[%c0][%idx], %mask, %pass : memref<?xf32>, vector<4xi32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  vector.scatter %m[%c0][%idx], %mask, %0 : memref<?xf32>, vector<4xi32>, vector<4xi1>, vector<4xf32>
  return
}

// -----

// A 2-D gather is one 1-D gather per row.
// CHECK-LABEL: func.func @gather_2d
// CHECK-COUNT-2: llvm.intr.masked.gather %{{.*}} : (vector<3x!llvm.ptr>, vector<3xi1>, vector<3xf32>) -> vector<3xf32>
func.func @gather_2d(%m: memref<4x4xf32>, %idx: vector<2x3xindex>, %mask: vector<2x3xi1>, %pass: vector<2x3xf32>) -> vector<2x3xf32> {
  %c0 = arith.constant 0 : index
  %0 = vector.gather %m[%c0, %c0][%idx], %mask, %pass : memref<4x4xf32>, vector<2x3xindex>, vector<2x3xi1>, vector<2x3xf32> into vector<2x3xf32>
  return %0 : vector<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @expand_compress
// CHECK: %[[E:.*]] = "llvm.intr.masked.expandload"(%{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, vector<8xi1>, vector<8xi32>) -> vector<8xi32>
// CHECK: "llvm.intr.masked.compressstore"(%[[E]], %{{.*}}, %{{.*}}) : (vector<8xi32>, !llvm.ptr, vector<8xi1>) -> ()
func.func @expand_compress(%m: memref<16xi32>, %i: index, %mask: vector<8xi1>, %pass: vector<8xi32>) {
  %0 = vector.expandload %m[%i], %mask, %pass : memref<16xi32>, vector<8xi1>, vector<8xi32> into vector<8xi32>
  vector.compressstore %m[%i], %mask, %0 : memref<16xi32>, vector<8xi1>, vector<8xi32>
  return
}
