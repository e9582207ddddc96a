// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @addi_types(%a: i32, %b: i64) {
  // expected-error@+1 {{operand 'rhs' at position 1 does not verify:}}
  %0 = "arith.addi"(%a, %b) : (i32, i64) -> i32
  return
}

// -----

func.func @extsi_narrow(%a: i32) {
  // expected-error@+1 {{operand type 'i32' and result type 'i16' are cast incompatible}}
  %0 = arith.extsi %a : i32 to i16
  return
}

// -----

func.func @trunci_wide(%a: i32) {
  // expected-error@+1 {{operand type 'i32' and result type 'i64' are cast incompatible}}
  %0 = arith.trunci %a : i32 to i64
  return
}

// -----

func.func @cmpi_pred(%a: i32) {
  // expected-error@+1 {{expected string or keyword containing one of the following enum values for attribute 'predicate'}}
  %0 = arith.cmpi foo, %a, %a : i32
  return
}

// -----

func.func @constant_type() {
  // expected-error@+1 {{attribute i32 expected from variable 'T', but got i64}}
  %0 = "arith.constant"() <{value = 1 : i64}> : () -> i32
  return
}

// -----

func.func @addf_int(%a: i32) {
  // expected-error@+1 {{'arith.addf' op operand #0 must be floating-point-like, but got 'i32'}}
  %0 = arith.addf %a, %a : i32
  return
}

// -----

func.func @index_cast_bad(%a: i32) {
  // expected-error@+1 {{operand type 'i32' and result type 'i64' are cast incompatible}}
  %0 = arith.index_cast %a : i32 to i64
  return
}

// -----

func.func @select_shape(%c: vector<2xi1>, %v: vector<4xf32>) {
  // expected-error@+1 {{expected condition type to have the same shape as the result type}}
  %0 = arith.select %c, %v, %v : vector<2xi1>, vector<4xf32>
  return
}

// -----

func.func @extf_narrow(%a: f64) {
  // expected-error@+1 {{operand type 'f64' and result type 'f32' are cast incompatible}}
  %0 = arith.extf %a : f64 to f32
  return
}

// -----

func.func @fastmath_bad(%a: f32) {
  // expected-error@+1 {{Expected `reassoc`, `nnan`, `ninf`, `nsz`, `arcp`, `contract`, or `afn`.}}
  %0 = arith.addf %a, %a fastmath<bogus> : f32
  return
}
