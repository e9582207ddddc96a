// RUN: mlopt %s --convert-ub-to-llvm | FileCheck %s

// CHECK-LABEL: func.func @poison
func.func @poison() -> (index, vector<4xf32>, i32) {
  // CHECK: %[[P:.*]] = llvm.mlir.poison : i64
  // CHECK: builtin.unrealized_conversion_cast %[[P]] : i64 to index
  %0 = ub.poison : index
  // CHECK: llvm.mlir.poison : vector<4xf32>
  %1 = ub.poison : vector<4xf32>
  // CHECK: llvm.mlir.poison : i32
  %2 = ub.poison : i32
  return %0, %1, %2 : index, vector<4xf32>, i32
}

// CHECK-LABEL: func.func @unreachable
func.func @unreachable() {
  // CHECK: llvm.unreachable
  ub.unreachable
}
