// RUN: mlopt %s --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --canonicalize | FileCheck %s %}

// Comparing constants gives a constant; -1 is the largest unsigned value of
// its width, index included, and vectors and tensors compare element by element.
// CHECK-LABEL: func.func @compared_constants
// CHECK-DAG: %[[T:.*]] = arith.constant true
// CHECK-DAG: %[[F:.*]] = arith.constant false
// CHECK-DAG: %[[V:.*]] = arith.constant dense<[true, false, false]> : vector<3xi1>
// CHECK-DAG: %[[TT:.*]] = arith.constant dense<[true, false]> : tensor<2xi1>
// CHECK-NOT: arith.cmpi
// CHECK: return %[[T]], %[[V]], %[[T]], %[[F]], %[[TT]], %[[T]]
func.func @compared_constants() -> (i1, vector<3xi1>, i1, i1, tensor<2xi1>, i1) {
  %three = arith.constant 3 : i32
  %four = arith.constant 4 : i32
  %lt = arith.cmpi slt, %three, %four : i32
  %va = arith.constant dense<[3, 5, -1]> : vector<3xi32>
  %vb = arith.constant dense<4> : vector<3xi32>
  %vlt = arith.cmpi ult, %va, %vb : vector<3xi32>
  %minus_one = arith.constant -1 : i8
  %one = arith.constant 1 : i8
  %ugt = arith.cmpi ugt, %minus_one, %one : i8
  %sgt = arith.cmpi sgt, %minus_one, %one : i8
  %ta = arith.constant dense<[7, 8]> : tensor<2xindex>
  %tb = arith.constant dense<[7, 9]> : tensor<2xindex>
  %teq = arith.cmpi eq, %ta, %tb : tensor<2xindex>
  %big = arith.constant -1 : index
  %zero = arith.constant 0 : index
  %uge = arith.cmpi uge, %big, %zero : index
  return %lt, %vlt, %ugt, %sgt, %teq, %uge : i1, vector<3xi1>, i1, i1, tensor<2xi1>, i1
}

// A comparison with one unknown side stays.
// CHECK-LABEL: func.func @one_side_known
// CHECK: arith.cmpi slt
func.func @one_side_known(%x: i32) -> i1 {
  %four = arith.constant 4 : i32
  %lt = arith.cmpi slt, %x, %four : i32
  return %lt : i1
}
