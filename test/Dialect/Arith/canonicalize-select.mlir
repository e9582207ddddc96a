// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --canonicalize | FileCheck %s %}

// CHECK-LABEL: func.func @select_by_the_comparison_of_its_operands
// CHECK-SAME: (%[[A:[^:]*]]: i32, %[[B:[^:]*]]: i32)
// CHECK-NEXT: return %[[A]], %[[B]]
func.func @select_by_the_comparison_of_its_operands(%a: i32, %b: i32) -> (i32, i32) {
  %ne = arith.cmpi ne, %b, %a : i32
  %0 = arith.select %ne, %a, %b : i32
  %eq = arith.cmpi eq, %a, %b : i32
  %1 = arith.select %eq, %a, %b : i32
  return %0, %1 : i32, i32
}

// -----

// CHECK-LABEL: func.func @select_one_or_zero
// CHECK-SAME: (%[[C:[^:]*]]: i1)
// CHECK-DAG: %[[TRUE:.*]] = arith.constant true
// CHECK-DAG: %[[EXT:.*]] = arith.extui %[[C]] : i1 to i16
// CHECK-DAG: %[[NOT:.*]] = arith.xori %[[C]], %[[TRUE]] : i1
// CHECK-DAG: %[[EXT_NOT:.*]] = arith.extui %[[NOT]] : i1 to i16
// CHECK: return %[[EXT]], %[[EXT_NOT]]
func.func @select_one_or_zero(%c: i1) -> (i16, i16) {
  %one = arith.constant 1 : i16
  %zero = arith.constant 0 : i16
  %0 = arith.select %c, %one, %zero : i16
  %1 = arith.select %c, %zero, %one : i16
  return %0, %1 : i16, i16
}

// -----

// CHECK-LABEL: func.func @select_within_select
// CHECK-SAME: (%[[C:[^:]*]]: i1, %[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32, %[[D:[^:]*]]: f32)
// CHECK-NEXT: %[[S0:.*]] = arith.select %[[C]], %[[A]], %[[D]] : f32
// CHECK-NEXT: %[[S1:.*]] = arith.select %[[C]], %[[D]], %[[B]] : f32
// CHECK-NEXT: return %[[S0]], %[[S1]]
func.func @select_within_select(%c: i1, %a: f32, %b: f32, %d: f32) -> (f32, f32) {
  %inner = arith.select %c, %a, %b : f32
  %0 = arith.select %c, %inner, %d : f32
  %1 = arith.select %c, %d, %inner : f32
  return %0, %1 : f32, f32
}

// -----

// CHECK-LABEL: func.func @select_by_negated_condition
// CHECK-SAME: (%[[C:[^:]*]]: i1, %[[A:[^:]*]]: index, %[[B:[^:]*]]: index)
// CHECK-NEXT: %[[S:.*]] = arith.select %[[C]], %[[B]], %[[A]] : index
// CHECK-NEXT: return %[[S]]
func.func @select_by_negated_condition(%c: i1, %a: index, %b: index) -> index {
  %true = arith.constant true
  %not = arith.xori %true, %c : i1
  %0 = arith.select %not, %a, %b : index
  return %0 : index
}

// -----

// CHECK-LABEL: func.func @select_by_constant_vector
// CHECK-SAME: (%[[A:[^:]*]]: vector<2xf32>, %[[B:[^:]*]]: vector<2xf32>)
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<[7, 2, 9]> : vector<3xi32>
// CHECK-NEXT: return %[[A]], %[[C]]
func.func @select_by_constant_vector(%a: vector<2xf32>, %b: vector<2xf32>) -> (vector<2xf32>, vector<3xi32>) {
  %all = arith.constant dense<true> : vector<2xi1>
  %0 = arith.select %all, %a, %b : vector<2xi1>, vector<2xf32>
  %mixed = arith.constant dense<[true, false, true]> : vector<3xi1>
  %x = arith.constant dense<[7, 8, 9]> : vector<3xi32>
  %y = arith.constant dense<[1, 2, 3]> : vector<3xi32>
  %1 = arith.select %mixed, %x, %y : vector<3xi1>, vector<3xi32>
  return %0, %1 : vector<2xf32>, vector<3xi32>
}
