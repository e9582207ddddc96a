// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @vector_extract(%v: vector<4xf32>) {
  // expected-error@+1 {{Expected position attribute rank (2) to match source vector rank (1).}}
  %0 = vector.extract %v[5, 1] : f32 from vector<4xf32>
  return
}

// -----

func.func @vector_shape_cast(%v: vector<4xf32>) {
  // expected-error@+1 {{has different number of elements at source (4) and result (3)}}
  %0 = vector.shape_cast %v : vector<4xf32> to vector<3xf32>
  return
}
