// RUN: not mlrun %s -e missing --entry-point-result=void 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not mlrun %s -e returns_i64 --entry-point-result=i32 2>&1 | FileCheck %s --check-prefix=RESULT
// RUN: not mlrun %s -e takes_argument --entry-point-result=void 2>&1 | FileCheck %s --check-prefix=ARGS
// RUN: not mlrun %s -e calls_unknown --entry-point-result=void 2>&1 | FileCheck %s --check-prefix=SYMBOL
// RUN: not mlrun %s -e main --entry-point-result=f16 2>&1 | FileCheck %s --check-prefix=KIND
// RUN: not mlrun %S/Inputs/leftover.mlir --pass-pipeline=canonicalize --entry-point-result=void 2>&1 | FileCheck %s --check-prefix=LEFTOVER

// Every error is a message (located where there is a place to point at),
// exit code 1, no traceback.

// MISSING: error: entry point 'missing' not found
// MISSING-NOT: Traceback

// RESULT: errors.mlir:15:1:
llvm.func @returns_i64() -> i64 {
  %0 = llvm.mlir.constant(1 : i64) : i64
  llvm.return %0 : i64
}
// RESULT-SAME: error: entry point 'returns_i64' returns i64, but --entry-point-result=i32

// ARGS: error: entry point 'takes_argument' takes 1 argument(s); mlrun can only call a function without arguments
llvm.func @takes_argument(%x: i64) {
  llvm.return
}

// SYMBOL: errors.mlir:40:1: error: symbol 'not_a_known_function' is not defined
// SYMBOL-NOT: Traceback
llvm.func @calls_unknown() {
  llvm.call @not_a_known_function() : () -> ()
  llvm.return
}

// KIND: mlrun: error: invalid --entry-point-result 'f16' (expected one of void, i32, i64, f32, f64)

// LEFTOVER: leftover.mlir:4:8: error: 'arith.addi' op was not lowered to the llvm dialect; run convert-arith-to-llvm

llvm.func @main() {
  llvm.return
}
llvm.func @not_a_known_function()
