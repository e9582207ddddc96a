// RUN: mlopt %s --arith-expand --split-input-file | FileCheck %s
// RUN: mlopt %s --arith-expand=include-bf16 --split-input-file | FileCheck %s --check-prefix=BF16

// CHECK-LABEL: func.func @ceildivsi
// CHECK-SAME: (%[[A:[^:]+]]: i32, %[[B:[^:]+]]: i32)
// CHECK-DAG: %[[ZERO:.+]] = arith.constant 0 : i32
// CHECK-DAG: %[[ONE:.+]] = arith.constant 1 : i32
// CHECK: %[[Q:.+]] = arith.divsi %[[A]], %[[B]] : i32
// CHECK: %[[P:.+]] = arith.muli %[[Q]], %[[B]] : i32
// CHECK: %[[INEXACT:.+]] = arith.cmpi ne, %[[A]], %[[P]] : i32
// CHECK: %[[ANEG:.+]] = arith.cmpi slt, %[[A]], %[[ZERO]] : i32
// CHECK: %[[BNEG:.+]] = arith.cmpi slt, %[[B]], %[[ZERO]] : i32
// CHECK: %[[SAME:.+]] = arith.cmpi eq, %[[ANEG]], %[[BNEG]] : i1
// CHECK: %[[UP:.+]] = arith.andi %[[INEXACT]], %[[SAME]] : i1
// CHECK: %[[NEXT:.+]] = arith.addi %[[Q]], %[[ONE]] : i32
// CHECK: %[[R:.+]] = arith.select %[[UP]], %[[NEXT]], %[[Q]] : i32
// CHECK: return %[[R]]
func.func @ceildivsi(%a: i32, %b: i32) -> i32 {
  %r = arith.ceildivsi %a, %b : i32
  return %r : i32
}

// -----

// CHECK-LABEL: func.func @maxui_on_vectors
// CHECK-SAME: (%[[A:[^:]+]]: vector<4xi8>, %[[B:[^:]+]]: vector<4xi8>)
// CHECK: %[[GT:.+]] = arith.cmpi ugt, %[[A]], %[[B]] : vector<4xi8>
// CHECK: arith.select %[[GT]], %[[A]], %[[B]] : vector<4xi1>, vector<4xi8>
func.func @maxui_on_vectors(%a: vector<4xi8>, %b: vector<4xi8>) -> vector<4xi8> {
  %r = arith.maxui %a, %b : vector<4xi8>
  return %r : vector<4xi8>
}

// -----

// maximumf: NaN if either operand is NaN.
// CHECK-LABEL: func.func @maximumf
// CHECK-SAME: (%[[A:[^:]+]]: f32, %[[B:[^:]+]]: f32)
// CHECK: %[[GT:.+]] = arith.cmpf ugt, %[[A]], %[[B]] : f32
// CHECK: %[[MAX:.+]] = arith.select %[[GT]], %[[A]], %[[B]] : f32
// CHECK: %[[NAN:.+]] = arith.cmpf uno, %[[B]], %[[B]] : f32
// CHECK: arith.select %[[NAN]], %[[B]], %[[MAX]] : f32
func.func @maximumf(%a: f32, %b: f32) -> f32 {
  %r = arith.maximumf %a, %b : f32
  return %r : f32
}

// -----

// minnumf: the other operand if one is NaN.
// CHECK-LABEL: func.func @minnumf
// CHECK-SAME: (%[[A:[^:]+]]: f64, %[[B:[^:]+]]: f64)
// CHECK: %[[LT:.+]] = arith.cmpf ult, %[[A]], %[[B]] : f64
// CHECK: %[[MIN:.+]] = arith.select %[[LT]], %[[A]], %[[B]] : f64
// CHECK: %[[NAN:.+]] = arith.cmpf uno, %[[A]], %[[A]] : f64
// CHECK: arith.select %[[NAN]], %[[B]], %[[MIN]] : f64
func.func @minnumf(%a: f64, %b: f64) -> f64 {
  %r = arith.minnumf %a, %b : f64
  return %r : f64
}

// -----

// Without include-bf16 the conversions stay.
// CHECK-LABEL: func.func @bf16
// CHECK: arith.truncf
// BF16-LABEL: func.func @bf16
// BF16-NOT: arith.truncf
// BF16: arith.shrui
// BF16: arith.trunci %{{.*}} : i32 to i16
// BF16: arith.bitcast %{{.*}} : i16 to bf16
func.func @bf16(%x: f32) -> bf16 {
  %r = arith.truncf %x : f32 to bf16
  return %r : bf16
}
