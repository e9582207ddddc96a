// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @non_index_results(%i: index) {
  // expected-error@+1 {{'affine.delinearize_index' op result #0 must be variadic of index, but got 'i32'}}
  %a:2 = affine.delinearize_index %i into (4, 8) : i32, i32
  return
}
