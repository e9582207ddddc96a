// RUN: mlopt %s --lower-affine | FileCheck %s

// mod is never negative: the remainder is corrected by the divisor.
// CHECK-LABEL: func.func @mod
func.func @mod(%i: index) -> index {
  // CHECK: %[[C:.*]] = arith.constant 4 : index
  // CHECK: %[[R:.*]] = arith.remsi %{{.*}}, %[[C]] : index
  // CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[R]], %{{.*}} : index
  // CHECK: %[[FIX:.*]] = arith.addi %[[R]], %[[C]] : index
  // CHECK: arith.select %[[NEG]], %[[FIX]], %[[R]] : index
  %0 = affine.apply affine_map<(d0) -> (d0 mod 4)>(%i)
  return %0 : index
}

// floordiv rounds towards minus infinity, ceildiv towards plus infinity.
// CHECK-LABEL: func.func @divisions
func.func @divisions(%i: index) -> (index, index) {
  // CHECK: arith.cmpi slt
  // CHECK: arith.subi
  // CHECK: arith.divsi
  // CHECK: arith.select
  %0 = affine.apply affine_map<(d0) -> (d0 floordiv 3)>(%i)
  // CHECK: arith.cmpi sle
  // CHECK: arith.divsi
  // CHECK: arith.select
  %1 = affine.apply affine_map<(d0) -> (d0 ceildiv 3)>(%i)
  return %0, %1 : index, index
}

// Bounds: the max of the lower bound map's results, the min of the upper's.
// CHECK-LABEL: func.func @loop_bounds
func.func @loop_bounds(%n: index, %m: memref<?xf32>) {
  // CHECK: %[[LB:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : index
  // CHECK: %[[UB:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : index
  // CHECK: %[[STEP:.*]] = arith.constant 2 : index
  // CHECK: scf.for %[[I:.*]] = %[[LB]] to %[[UB]] step %[[STEP]] {
  affine.for %i = max affine_map<(d0) -> (d0 - 4, 0)>(%n) to min affine_map<(d0) -> (d0 + 2, 10)>(%n) step 2 {
    // CHECK: %[[J:.*]] = arith.addi %[[I]], %{{.*}} : index
    // CHECK: memref.load %{{.*}}[%[[J]]] : memref<?xf32>
    %v = affine.load %m[%i + 1] : memref<?xf32>
    // CHECK: memref.store %{{.*}}, %{{.*}}[%[[I]]] : memref<?xf32>
    affine.store %v, %m[%i] : memref<?xf32>
  }
  return
}

// CHECK-LABEL: func.func @if
func.func @if(%i: index) -> index {
  // CHECK: %[[A:.*]] = arith.cmpi sge, %{{.*}}, %{{.*}} : index
  // CHECK: %[[B:.*]] = arith.cmpi eq, %{{.*}}, %{{.*}} : index
  // CHECK: %[[C:.*]] = arith.andi %[[A]], %[[B]] : i1
  // CHECK: scf.if %[[C]] -> (index) {
  %r = affine.if affine_set<(d0) : (d0 - 5 >= 0, d0 - 7 == 0)>(%i) -> index {
    affine.yield %i : index
  } else {
    %z = arith.constant 0 : index
    affine.yield %z : index
  }
  return %r : index
}

// CHECK-LABEL: func.func @min_max
func.func @min_max(%i: index, %j: index) -> (index, index) {
  // CHECK: arith.cmpi slt
  // CHECK: arith.select
  %0 = affine.min affine_map<(d0, d1) -> (d0, d1 * 2)>(%i, %j)
  // CHECK: arith.cmpi sgt
  // CHECK: arith.select
  %1 = affine.max affine_map<(d0)[s0] -> (d0, s0)>(%i)[%j]
  return %0, %1 : index, index
}

// CHECK-LABEL: func.func @iter_args
func.func @iter_args(%init: f32) -> f32 {
  // CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %{{.*}}) -> (f32) {
  // CHECK: scf.yield %{{.*}} : f32
  %r = affine.for %i = 0 to 8 iter_args(%acc = %init) -> (f32) {
    %s = arith.addf %acc, %acc : f32
    affine.yield %s : f32
  }
  return %r : f32
}

// CHECK-LABEL: func.func @parallel
func.func @parallel(%m: memref<4x4xf32>, %x: f32) {
  // CHECK: scf.parallel
  affine.parallel (%i, %j) = (0, 0) to (4, 4) {
    affine.store %x, %m[%i, %j] : memref<4x4xf32>
  }
  return
}
