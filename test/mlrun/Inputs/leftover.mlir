llvm.func @printI64(i64)
llvm.func @main() {
  %c = llvm.mlir.constant(1 : i64) : i64
  %0 = arith.addi %c, %c : i64
  llvm.call @printI64(%0) : (i64) -> ()
  llvm.return
}
