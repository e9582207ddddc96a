// RUN: mlopt %s --convert-func-to-llvm --reconcile-unrealized-casts | FileCheck %s
// RUN: mlopt %s --convert-func-to-llvm --reconcile-unrealized-casts | mlopt

func.func @twice(%x: i64) -> i64 {
  %r = arith.addi %x, %x : i64
  return %r : i64
}

// A function value is the function's address; calling it is an indirect call.
// CHECK-LABEL: llvm.func @apply
// CHECK: %[[FN:.*]] = llvm.mlir.addressof @twice : !llvm.ptr
// CHECK: %[[R:.*]] = llvm.call %[[FN]](%{{.*}}) : !llvm.ptr, (i64) -> i64
// CHECK: llvm.return %[[R]] : i64
func.func @apply(%x: i64) -> i64 {
  %fn = func.constant @twice : (i64) -> i64
  %r = func.call_indirect %fn(%x) : (i64) -> i64
  return %r : i64
}
