// RUN: mlopt %s --arith-emulate-wide-int --split-input-file --verify-diagnostics | FileCheck %s

// i64 with widest-int-supported=32 (the default): a wide value crosses
// function boundaries as vector<2xi32>, low half first; i32 code is left alone.

// CHECK-LABEL: func.func @supported_width
// CHECK-SAME: (%[[A:[^:]+]]: i32) -> i32
// CHECK-NEXT: arith.addi %[[A]], %[[A]] : i32
func.func @supported_width(%a: i32) -> i32 {
  %x = arith.addi %a, %a : i32
  return %x : i32
}

// CHECK-LABEL: func.func @identity
// CHECK-SAME: (%[[X:[^:]+]]: vector<2xi32>) -> vector<2xi32>
// CHECK: return %[[X]] : vector<2xi32>
func.func @identity(%x: i64) -> i64 {
  return %x : i64
}

// CHECK-LABEL: func.func @call
// CHECK-SAME: (%[[X:[^:]+]]: vector<2xi32>) -> vector<2xi32>
// CHECK: %[[R:.+]] = call @identity(%[[X]]) : (vector<2xi32>) -> vector<2xi32>
// CHECK: return %[[R]] : vector<2xi32>
func.func @call(%x: i64) -> i64 {
  %r = func.call @identity(%x) : (i64) -> i64
  return %r : i64
}

// CHECK-LABEL: func.func @addi
// CHECK-SAME: (%[[A:[^:]+]]: vector<2xi32>, %[[B:[^:]+]]: vector<2xi32>) -> vector<2xi32>
// CHECK-DAG: %[[AL:.+]] = vector.extract %[[A]][0] : i32 from vector<2xi32>
// CHECK-DAG: %[[AH:.+]] = vector.extract %[[A]][1] : i32 from vector<2xi32>
// CHECK-DAG: %[[BL:.+]] = vector.extract %[[B]][0] : i32 from vector<2xi32>
// CHECK-DAG: %[[BH:.+]] = vector.extract %[[B]][1] : i32 from vector<2xi32>
// CHECK: %[[LOW:.+]] = arith.addi %[[AL]], %[[BL]] : i32
// CHECK: %[[CARRY:.+]] = arith.cmpi ult, %[[LOW]], %[[AL]] : i32
// CHECK: %[[CARRY32:.+]] = arith.extui %[[CARRY]] : i1 to i32
// CHECK: %[[SUM:.+]] = arith.addi %[[AH]], %[[BH]] : i32
// CHECK: %[[HIGH:.+]] = arith.addi %[[SUM]], %[[CARRY32]] : i32
// CHECK: %[[R:.+]] = vector.from_elements %[[LOW]], %[[HIGH]] : vector<2xi32>
// CHECK: return %[[R]] : vector<2xi32>
func.func @addi(%a: i64, %b: i64) -> i64 {
  %x = arith.addi %a, %b : i64
  return %x : i64
}

// -----

func.func @wider_still(%a: i64) -> i64 {
  // expected-error@+1 {{failed to legalize operation 'arith.extsi' that was explicitly marked illegal}}
  %0 = arith.extsi %a : i64 to i128
  %1 = arith.muli %0, %0 : i128
  %2 = arith.trunci %1 : i128 to i64
  return %2 : i64
}
