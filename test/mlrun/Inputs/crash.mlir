// Programs that die of a fatal signal (test/mlrun/test_crash_report.py).

llvm.func @printI64(i64)
llvm.func @printNewline()

llvm.func @store_to(%p: !llvm.ptr) {
  %0 = llvm.mlir.constant(7 : i32) : i32
  llvm.store volatile %0, %p : i32, !llvm.ptr
  llvm.return
}

llvm.func @null_store() {
  %answer = llvm.mlir.constant(42 : i64) : i64
  llvm.call @printI64(%answer) : (i64) -> ()
  llvm.call @printNewline() : () -> ()
  %0 = llvm.mlir.zero : !llvm.ptr
  llvm.call @store_to(%0) : (!llvm.ptr) -> ()
  llvm.return
}

llvm.func @divide(%a: i32, %b: i32) -> i32 {
  %0 = llvm.sdiv %a, %b : i32
  llvm.return %0 : i32
}

llvm.func @divide_by_zero() -> i32 {
  %a = llvm.mlir.constant(7 : i32) : i32
  %zero = llvm.mlir.constant(0 : i32) : i32
  %0 = llvm.call @divide(%a, %zero) : (i32, i32) -> i32
  llvm.return %0 : i32
}

llvm.func @trap() {
  "llvm.intr.trap"() : () -> ()
  llvm.return
}

llvm.func @recurse(%depth: i64) -> i64 {
  %one = llvm.mlir.constant(1 : i64) : i64
  %next = llvm.add %depth, %one : i64
  %deeper = llvm.call @recurse(%next) : (i64) -> i64
  %sum = llvm.add %deeper, %one : i64
  llvm.return %sum : i64
}

llvm.func @recurse_forever() {
  %zero = llvm.mlir.constant(0 : i64) : i64
  %0 = llvm.call @recurse(%zero) : (i64) -> i64
  llvm.return
}
