// RUN: mlopt %s --canonicalize --split-input-file | FileCheck %s

// Comparisons get their constant on the right, with the predicate swapped.

// CHECK-LABEL: func.func @cmpi_constant_to_the_right
// CHECK-SAME: (%[[X:.*]]: i64)
// CHECK: %[[C:.*]] = arith.constant 1 : i64
// CHECK: %[[LT:.*]] = arith.cmpi sgt, %[[X]], %[[C]] : i64
// CHECK: %[[UGE:.*]] = arith.cmpi ule, %[[X]], %[[C]] : i64
// CHECK: %[[EQ:.*]] = arith.cmpi eq, %[[X]], %[[C]] : i64
// CHECK: return %[[LT]], %[[UGE]], %[[EQ]]
func.func @cmpi_constant_to_the_right(%x: i64) -> (i1, i1, i1) {
  %c1 = arith.constant 1 : i64
  %lt = arith.cmpi slt, %c1, %x : i64
  %uge = arith.cmpi uge, %c1, %x : i64
  %eq = arith.cmpi eq, %c1, %x : i64
  return %lt, %uge, %eq : i1, i1, i1
}

// -----

// A boolean compared with true (eq) or false (ne) is itself, scalars and vectors.

// CHECK-LABEL: func.func @cmpi_bool
// CHECK-SAME: (%[[B:.*]]: i1, %[[V:.*]]: vector<4xi1>)
// CHECK-NEXT: return %[[B]], %[[B]], %[[B]], %[[V]]
func.func @cmpi_bool(%b: i1, %v: vector<4xi1>) -> (i1, i1, i1, vector<4xi1>) {
  %true = arith.constant true
  %false = arith.constant false
  %ones = arith.constant dense<true> : vector<4xi1>
  %eq = arith.cmpi eq, %true, %b : i1
  %ne = arith.cmpi ne, %b, %false : i1
  %veq = arith.cmpi eq, %v, %ones : vector<4xi1>
  return %eq, %ne, %b, %veq : i1, i1, i1, vector<4xi1>
}

// -----

// Extensions of extensions become one extension; comparing extended values
// for (in)equality compares the originals.

// CHECK-LABEL: func.func @extensions
// CHECK-SAME: (%[[B:.*]]: i1, %[[X:.*]]: i8, %[[Y:.*]]: i8)
// CHECK-NEXT: %[[UU:.*]] = arith.extui %[[B]] : i1 to i64
// CHECK-NEXT: %[[SU:.*]] = arith.extui %[[B]] : i1 to i64
// CHECK-NEXT: %[[SS:.*]] = arith.extsi %[[B]] : i1 to i64
// CHECK-NEXT: %[[NE:.*]] = arith.cmpi ne, %[[X]], %[[Y]] : i8
// CHECK-NEXT: return %[[UU]], %[[SU]], %[[SS]], %[[NE]], %[[B]]
func.func @extensions(%b: i1, %x: i8, %y: i8) -> (i64, i64, i64, i1, i1) {
  %u8 = arith.extui %b : i1 to i8
  %uu = arith.extui %u8 : i8 to i64
  %su = arith.extsi %u8 : i8 to i64
  %s8 = arith.extsi %b : i1 to i8
  %ss = arith.extsi %s8 : i8 to i64
  %ex = arith.extsi %x : i8 to i64
  %ey = arith.extsi %y : i8 to i64
  %ne = arith.cmpi ne, %ex, %ey : i64
  %zero = arith.constant 0 : i64
  %back = arith.cmpi ne, %ss, %zero : i64
  return %uu, %su, %ss, %ne, %back : i64, i64, i64, i1, i1
}

// -----

// A signed comparison of extended values keeps the extensions.

// CHECK-LABEL: func.func @ordered_comparison_of_extensions
// CHECK: arith.extsi
// CHECK: arith.extui
// CHECK: arith.cmpi slt
func.func @ordered_comparison_of_extensions(%x: i8, %y: i8) -> i1 {
  %ex = arith.extsi %x : i8 to i64
  %ey = arith.extui %y : i8 to i64
  %lt = arith.cmpi slt, %ex, %ey : i64
  return %lt : i1
}
