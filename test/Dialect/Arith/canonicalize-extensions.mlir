// RUN: mlopt %s --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --canonicalize | FileCheck %s %}

// andi and ori of two like extensions of one type work on the narrow values,
// and extend once; index casts skip an extension of the same kind. Mixed
// extensions, or sources of different types, stay.
// CHECK-LABEL: func.func @operations_under_extensions
// CHECK-SAME: (%[[A:[^:]*]]: i3, %[[B:[^:]*]]: i3, %[[C:[^:]*]]: i5)
// CHECK-DAG: %[[AND:.*]] = arith.andi %[[A]], %[[B]] : i3
// CHECK-DAG: %[[WAND:.*]] = arith.extsi %[[AND]] : i3 to i17
// CHECK-DAG: %[[OR:.*]] = arith.ori %[[A]], %[[B]] : i3
// CHECK-DAG: %[[WOR:.*]] = arith.extui %[[OR]] : i3 to i17
// CHECK-DAG: %[[MIXED:.*]] = arith.ori %{{.*}}, %{{.*}} : i17
// CHECK-DAG: %[[OTHER:.*]] = arith.andi %{{.*}}, %{{.*}} : i17
// CHECK-DAG: %[[SIDX:.*]] = arith.index_cast %[[A]] : i3 to index
// CHECK-DAG: %[[UIDX:.*]] = arith.index_castui %[[A]] : i3 to index
// CHECK-DAG: %[[KEPT:.*]] = arith.index_cast %{{.*}} : i17 to index
// CHECK: return %[[WAND]], %[[WOR]], %[[MIXED]], %[[OTHER]], %[[SIDX]], %[[UIDX]], %[[KEPT]]
func.func @operations_under_extensions(%a: i3, %b: i3, %c: i5) -> (i17, i17, i17, i17, index, index, index) {
  %sa = arith.extsi %a : i3 to i17
  %sb = arith.extsi %b : i3 to i17
  %ua = arith.extui %a : i3 to i17
  %ub = arith.extui %b : i3 to i17
  %sc = arith.extsi %c : i5 to i17
  %and = arith.andi %sa, %sb : i17
  %or = arith.ori %ua, %ub : i17
  %mixed = arith.ori %sa, %ub : i17
  %other = arith.andi %sa, %sc : i17
  %sidx = arith.index_cast %sa : i17 to index
  %uidx = arith.index_castui %ua : i17 to index
  %kept = arith.index_cast %ua : i17 to index
  return %and, %or, %mixed, %other, %sidx, %uidx, %kept : i17, i17, i17, i17, index, index, index
}
