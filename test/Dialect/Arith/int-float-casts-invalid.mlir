// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @shape_mismatch(%v: vector<8xf32>) -> vector<4xi32> {
  // expected-error@+1 {{'arith.fptosi' op requires the same shape for all operands and results}}
  %0 = arith.fptosi %v : vector<8xf32> to vector<4xi32>
  return %0 : vector<4xi32>
}

// -----

func.func @vector_to_scalar(%v: vector<4xi32>) -> f32 {
  // expected-error@+1 {{'arith.sitofp' op requires the same shape for all operands and results}}
  %0 = arith.sitofp %v : vector<4xi32> to f32
  return %0 : f32
}
