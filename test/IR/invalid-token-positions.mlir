// RUN: not mlopt %s --split-input-file 2>&1 | FileCheck %s

// A missing token is reported where upstream reports it: at the end of the
// previous token, even when the token found instead is on a later line; a lone
// '#' or '%' with upstream's lexer message; a missing '}' at the end of the
// file after the last operation.

// CHECK: invalid-token-positions.mlir:10:25: error: expected ':'
func.func @missing_colon(%a: i32) -> i32 {
  %0 = arith.addi %a, %a
  return %0 : i32
}

// -----

// CHECK: invalid-token-positions.mlir:18:26: error: expected non-function type
func.func @missing_type() {
  %0 = arith.constant 1 :
  return
}

// -----

// CHECK: invalid-token-positions.mlir:26:22: error: expected SSA operand
func.func @missing_operand(%a: i32) {
  %0 = arith.addi %a, : i32
  return
}

// -----

// CHECK: invalid-token-positions.mlir:34:31: error: invalid attribute name
func.func @lone_hash() {
  %0 = arith.constant 1 : i32 #
  return
}

// -----

// CHECK: invalid-token-positions.mlir:42:8: error: invalid SSA name
func.func @lone_percent() {
  %0 = % : i32
  return
}

// -----

// CHECK: invalid-token-positions.mlir:50:9: error: expected operation name in quotes
func.func @missing_brace_at_end_of_file() {
  return
