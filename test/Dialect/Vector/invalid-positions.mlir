// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @extract_out_of_bounds(%v: vector<4xf32>) -> f32 {
  // expected-error@+1 {{'vector.extract' op expected position attribute #1 to be a non-negative integer smaller than the corresponding vector dimension or poison (-1)}}
  %c = vector.extract %v[5] : f32 from vector<4xf32>
  return %c : f32
}

// -----

func.func @extract_negative(%v: vector<4x3xf32>) -> f32 {
  // expected-error@+1 {{'vector.extract' op expected position attribute #2 to be a non-negative integer smaller than the corresponding vector dimension or poison (-1)}}
  %c = vector.extract %v[1, -2] : f32 from vector<4x3xf32>
  return %c : f32
}

// -----

func.func @insert_out_of_bounds(%v: vector<4xf32>, %s: f32) -> vector<4xf32> {
  // expected-error@+1 {{'vector.insert' op expected position attribute #1 to be a non-negative integer smaller than the corresponding dest vector dimension}}
  %c = vector.insert %s, %v[4] : f32 into vector<4xf32>
  return %c : vector<4xf32>
}

// -----

func.func @reduction_element_type(%v: vector<4xf32>) -> f64 {
  // expected-error@+1 {{'vector.reduction' op failed to verify that source operand and result have same element type}}
  %c = vector.reduction <add>, %v : vector<4xf32> into f64
  return %c : f64
}

// -----

func.func @insert_too_many_positions(%v: vector<4xf32>, %s: f32) -> vector<4xf32> {
  // expected-error@+1 {{'vector.insert' op expected position attribute of rank no greater than dest vector rank}}
  %c = vector.insert %s, %v[1, 2] : f32 into vector<4xf32>
  return %c : vector<4xf32>
}
