// RUN: not mltranslate --mlir-to-llvmir --split-input-file %s 2>&1 | FileCheck %s

// An op left outside the llvm dialect is a located error naming the op.
// CHECK: errors.mlir:7:8: error: 'arith.addi' op
llvm.func @leftover(%a: i64) -> i64 {
  %c = llvm.mlir.constant(1 : i64) : i64
  %0 = arith.addi %a, %c : i64
  llvm.return %0 : i64
}

// -----

// CHECK: errors.mlir:15:1: error: 'func.func' op
// CHECK-SAME: lower
func.func @not_lowered() {
  return
}
