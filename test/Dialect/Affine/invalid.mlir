// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @affine_load(%m: memref<4x4xf32>, %i: index) {
  // expected-error@+1 {{affine map num results must equal memref rank}}
  %0 = affine.load %m[%i] : memref<4x4xf32>
  return
}

// -----

func.func @affine_apply(%i: index) {
  // expected-error@+1 {{dimension or symbol index mismatch}}
  %0 = affine.apply affine_map<(d0, d1) -> (d0 + d1)>(%i)
  return
}
