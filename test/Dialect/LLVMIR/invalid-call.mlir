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

// -----

// vararg(...) describes the call's own operands and result: it is checked
// against them, not against the callee's fixed parameters.

llvm.func @printf(!llvm.ptr, ...) -> i32

llvm.func @var_callee_type_not_variadic(%p: !llvm.ptr, %a: i32) {
  // expected-error@+1 {{'llvm.call' op expected var_callee_type to be a variadic function type}}
  %r = llvm.call @printf(%p, %a) vararg(!llvm.func<i32 (!llvm.ptr)>) : (!llvm.ptr, i32) -> i32
  llvm.return
}

// -----

llvm.func @printf(!llvm.ptr, ...) -> i32

llvm.func @var_callee_type_too_many_params(%p: !llvm.ptr) {
  // expected-error@+1 {{'llvm.call' op expected var_callee_type to have at most 1 parameters}}
  %r = llvm.call @printf(%p) vararg(!llvm.func<i32 (!llvm.ptr, i32, ...)>) : (!llvm.ptr) -> i32
  llvm.return
}

// -----

llvm.func @printf(!llvm.ptr, ...) -> i32

llvm.func @var_callee_type_param_differs(%p: !llvm.ptr, %a: i32) {
  // expected-error@+1 {{'llvm.call' op var_callee_type parameter type mismatch: 'i64' != '!llvm.ptr'}}
  %r = llvm.call @printf(%p, %a) vararg(!llvm.func<i32 (i64, ...)>) : (!llvm.ptr, i32) -> i32
  llvm.return
}

// -----

llvm.func @printf(!llvm.ptr, ...) -> i32

llvm.func @var_callee_type_result_differs(%p: !llvm.ptr, %a: i32) {
  // expected-error@+1 {{'llvm.call' op var_callee_type return type mismatch: 'i64' != 'i32'}}
  %r = llvm.call @printf(%p, %a) vararg(!llvm.func<i64 (!llvm.ptr, ...)>) : (!llvm.ptr, i32) -> i32
  llvm.return
}

// -----

llvm.func @log(!llvm.ptr, ...)

llvm.func @var_callee_type_not_void(%p: !llvm.ptr, %a: i32) {
  // expected-error@+1 {{'llvm.call' op expected var_callee_type to return void}}
  llvm.call @log(%p, %a) vararg(!llvm.func<i32 (!llvm.ptr, ...)>) : (!llvm.ptr, i32) -> ()
  llvm.return
}

// -----

llvm.func @printf(!llvm.ptr, ...) -> i32

llvm.func @var_callee_type_missing(%p: !llvm.ptr, %a: i32) {
  // expected-error@+1 {{'llvm.call' op missing var_callee_type attribute for vararg call}}
  %r = llvm.call @printf(%p, %a) : (!llvm.ptr, i32) -> i32
  llvm.return
}
