// RUN: mlopt %s --verify-diagnostics
// RUN: %if mlir-opt %{ %mlir_opt %s --verify-diagnostics %}

// A terminator in the middle of its block, in mlir-opt's words.

func.func @return_then_more(%a: i32) -> i32 {
  // expected-error@+1 {{'func.return' op must be the last operation in the parent block}}
  func.return %a : i32
  %b = arith.addi %a, %a : i32
  func.return %b : i32
}
