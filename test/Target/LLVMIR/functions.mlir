// RUN: mltranslate --mlir-to-llvmir %s | FileCheck %s

// CHECK: declare i32 @printf(ptr, ...)
llvm.func @printf(!llvm.ptr, ...) -> i32
// CHECK-LABEL: define void @consume(ptr noalias captures(none) %0, i64 signext %1)
llvm.func @consume(%p: !llvm.ptr {llvm.noalias, llvm.nocapture}, %n: i64 {llvm.signext}) {
  llvm.return
}

// CHECK: define internal i64 @helper(i64 %0) #[[NOINLINE:[0-9]+]]
llvm.func internal @helper(%x: i64) -> i64 attributes {passthrough = ["noinline"]} {
  llvm.return %x : i64
}

// CHECK-LABEL: define weak void @caller(ptr %0)
llvm.func weak @caller(%fmt: !llvm.ptr) {
  %c = llvm.mlir.constant(3 : i64) : i64
  // CHECK: call i64 @helper(i64 3)
  %r = llvm.call @helper(%c) : (i64) -> i64
  // CHECK: call i32 (ptr, ...) @printf(ptr %0, i64 %{{[0-9]+}})
  %n = llvm.call @printf(%fmt, %r) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, i64) -> i32
  %f = llvm.mlir.addressof @helper : !llvm.ptr
  // CHECK: call i64 @helper(i64 %{{[0-9]+}})
  %again = llvm.call %f(%r) : !llvm.ptr, (i64) -> i64
  // CHECK: tail call void @consume(ptr %0, i64
  llvm.call tail @consume(%fmt, %again) : (!llvm.ptr, i64) -> ()
  llvm.return
}

// CHECK: attributes #[[NOINLINE]] = { noinline }
