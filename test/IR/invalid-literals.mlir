// RUN: mlopt %s --split-input-file --verify-diagnostics

// Number literals, builtin types, flag lists and locations that upstream's
// parser rejects, reported at the token upstream points at.

func.func @decimal_for_float() {
  // expected-error@+1 {{unexpected decimal integer literal for a floating point value}}
  %c = arith.constant 1 : f32
  return
}

// -----

func.func @negative_decimal_for_float() {
  // expected-error@+1 {{unexpected decimal integer literal for a floating point value}}
  %c = arith.constant -1 : f64
  return
}

// -----

func.func @decimal_in_float_dense() {
  // expected-error@+1 {{unexpected decimal integer literal for a floating point value}}
  %c = arith.constant dense<[1.0, 2]> : tensor<2xf32>
  return
}

// -----

func.func @decimal_splat_for_float() {
  // expected-error@+1 {{unexpected decimal integer literal for a floating point value}}
  %c = arith.constant dense<1> : vector<4xf32>
  return
}

// -----

llvm.func @decimal_for_float_in_llvm_constant() {
  // expected-error@+1 {{unexpected decimal integer literal for a floating point value}}
  %c = llvm.mlir.constant(42 : f64) : i64
  llvm.return
}

// -----

func.func @index_beyond_64_bits() -> index {
  // expected-error@+1 {{integer constant out of range for attribute}}
  %c = arith.constant 18446744073709551617 : index
  return %c : index
}

// -----

func.func @index_is_signed() -> index {
  // expected-error@+1 {{integer constant out of range for attribute}}
  %c = arith.constant 18446744073709551615 : index
  return %c : index
}

// -----

func.func @i8_too_large() -> i8 {
  // expected-error@+1 {{integer constant out of range for attribute}}
  %c = arith.constant 256 : i8
  return %c : i8
}

// -----

func.func @i8_too_small() -> i8 {
  // expected-error@+1 {{integer constant out of range for attribute}}
  %c = arith.constant -129 : i8
  return %c : i8
}

// -----

// expected-error@+1 {{integer bitwidth is limited to 16777215 bits}}
func.func @integer_too_wide(%a: i16777216) {
  return
}

// -----

// expected-error@+1 {{vector types must have positive constant sizes but got 0}}
func.func @empty_vector(%a: vector<0xf32>) {
  return
}

// -----

// expected-error@+1 {{invalid dimension}}
func.func @dimension_beyond_int64(%a: vector<9223372036854775808xf32>) {
  return
}

// -----

func.func @empty_fastmath(%a: f32) {
  // expected-error@+1 {{expected valid keyword or string}}
  %c = arith.addf %a, %a fastmath<> : f32
  return
}

// -----

func.func @empty_overflow_flags(%a: i32) {
  // expected-error@+1 {{expected valid keyword or string}}
  %c = arith.addi %a, %a overflow<> : i32
  return
}

// -----

// expected-error@+1 {{expected integer line number in FileLineColRange}}
func.func @line_beyond_32_bits() { return } loc("a.mlir":99999999999:1)

// -----

// expected-error@+1 {{expected integer column number in FileLineColRange}}
func.func @column_beyond_32_bits() { return } loc("a.mlir":1:4294967296)
