// RUN: mlopt %s | FileCheck %s

// Calls that match their callee, variadic ones included, stay valid.

llvm.func @callee(i32) -> i32
llvm.func @printf(!llvm.ptr, ...) -> i32
llvm.func @sink(i32)

// CHECK-LABEL: llvm.func @caller
llvm.func @caller(%a: i32, %p: !llvm.ptr) -> i32 {
  // CHECK: llvm.call @callee(%{{.*}}) : (i32) -> i32
  %r = llvm.call @callee(%a) : (i32) -> i32
  // CHECK: llvm.call @printf(%{{.*}}, %{{.*}}) vararg(!llvm.func<i32 ({{.*}}ptr, ...)>) : (!llvm.ptr, i32) -> i32
  %n = llvm.call @printf(%p, %r) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, i32) -> i32
  // CHECK: llvm.call @sink(%{{.*}}) : (i32) -> ()
  llvm.call @sink(%n) : (i32) -> ()
  llvm.return %n : i32
}
