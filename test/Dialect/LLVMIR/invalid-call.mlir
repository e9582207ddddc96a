// RUN: mlopt %s --split-input-file --verify-diagnostics

// llvm.call is checked against its callee's signature, as upstream's
// CallOp::verifySymbolUses does.

llvm.func @callee(i32) -> i32

llvm.func @result_type_differs(%a: i32) -> i64 {
  // expected-error@+1 {{'llvm.call' op result type mismatch: 'i64' != 'i32'}}
  %r = llvm.call @callee(%a) : (i32) -> i64
  llvm.return %r : i64
}

// -----

llvm.func @callee(i32) -> i32

llvm.func @operand_count_differs(%a: i32) {
  // expected-error@+1 {{'llvm.call' op incorrect number of operands (2) for callee (expecting: 1)}}
  %r = llvm.call @callee(%a, %a) : (i32, i32) -> i32
  llvm.return
}

// -----

llvm.func @callee(i32) -> i32

llvm.func @operand_type_differs(%a: i64) {
  // expected-error@+1 {{'llvm.call' op operand type mismatch for operand 0: 'i64' != 'i32'}}
  %r = llvm.call @callee(%a) : (i64) -> i32
  llvm.return
}

// -----

llvm.func @callee(i32) -> i32

llvm.func @result_dropped(%a: i32) {
  // expected-error@+1 {{'llvm.call' op expected function call to produce a value}}
  llvm.call @callee(%a) : (i32) -> ()
  llvm.return
}

// -----

llvm.func @callee(i32)

llvm.func @void_result_used(%a: i32) {
  // expected-error@+1 {{'llvm.call' op calling function with void result must not produce values}}
  %r = llvm.call @callee(%a) : (i32) -> i32
  llvm.return
}
