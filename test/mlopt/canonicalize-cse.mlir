// RUN: mlopt %s --canonicalize --cse | FileCheck %s
// RUN: mlopt %s --pass-pipeline='builtin.module(func.func(canonicalize,cse))' | FileCheck %s

// CHECK-LABEL: func.func @redundant
func.func @redundant(%a: i32) -> i32 {
  // CHECK: %[[C:.*]] = arith.constant 1 : i32
  // CHECK-NEXT: %[[S:.*]] = arith.addi %{{.*}}, %[[C]] : i32
  // CHECK-NEXT: %[[M:.*]] = arith.muli %[[S]], %[[S]] : i32
  // CHECK-NEXT: return %[[M]] : i32
  %c = arith.constant 1 : i32
  %0 = arith.addi %a, %c : i32
  %1 = arith.addi %a, %c : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
