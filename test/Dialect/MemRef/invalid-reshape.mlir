// RUN: mlopt %s --split-input-file --verify-diagnostics
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --verify-diagnostics %}

// Views that reshape, reinterpret or permute a memref: the verifiers report
// what mlir-opt 22 reports, in its words.

func.func @expand_group_size(%m: memref<12xf32>) {
  // expected-error@+1 {{'memref.expand_shape' op collapsed dim size (12) must equal reassociation group size (15)}}
  %0 = memref.expand_shape %m [[0, 1]] output_shape [3, 5] : memref<12xf32> into memref<3x5xf32>
  return
}

// -----

func.func @expand_group_count(%m: memref<12xf32>) {
  // expected-error@+1 {{'memref.expand_shape' op invalid number of reassociation groups: found 2, expected 1}}
  %0 = memref.expand_shape %m [[0], [1]] output_shape [3, 4] : memref<12xf32> into memref<3x4xf32>
  return
}

// -----

func.func @expand_not_contiguous(%m: memref<12xf32>) {
  // expected-error@+1 {{'memref.expand_shape' op reassociation indices must be contiguous}}
  %0 = memref.expand_shape %m [[0, 2]] output_shape [3, 4] : memref<12xf32> into memref<3x4xf32>
  return
}

// -----

func.func @expand_rank_not_covered(%m: memref<12xf32>) {
  // expected-error@+1 {{'memref.expand_shape' op expanded rank (3) inconsistent with number of reassociation indices (2)}}
  %0 = memref.expand_shape %m [[0, 1]] output_shape [3, 4] : memref<12xf32> into memref<3x4x1xf32>
  return
}

// -----

func.func @expand_casts_dynamicity(%m: memref<?xf32>) {
  // expected-error@+1 {{'memref.expand_shape' op collapsed dim (0) must be dynamic if and only if reassociation group is dynamic}}
  %0 = memref.expand_shape %m [[0, 1]] output_shape [3, 4] : memref<?xf32> into memref<3x4xf32>
  return
}

// -----

func.func @expand_rank0_not_ones(%m: memref<f32>) {
  // expected-error@+1 {{'memref.expand_shape' op rank 0 memrefs can only be extended/collapsed with/from ones}}
  %0 = memref.expand_shape %m [] output_shape [1, 2] : memref<f32> into memref<1x2xf32>
  return
}

// -----

func.func @expand_layout(%m: memref<12xf32>) {
  // expected-error@+1 {{'memref.expand_shape' op expected expanded type to be 'memref<3x4xf32>' but found 'memref<3x4xf32, strided<[8, 1]>>'}}
  %0 = memref.expand_shape %m [[0, 1]] output_shape [3, 4] : memref<12xf32> into memref<3x4xf32, strided<[8, 1]>>
  return
}

// -----

func.func @expand_output_shape_length(%m: memref<12xf32>) {
  // expected-error@+1 {{'memref.expand_shape' op expected number of static shape bounds to be equal to the output rank (2) but found 3 inputs instead}}
  %0 = memref.expand_shape %m [[0, 1]] output_shape [3, 4, 1] : memref<12xf32> into memref<3x4xf32>
  return
}

// -----

func.func @expand_output_shape_value(%m: memref<12xf32>) {
  // expected-error@+1 {{'memref.expand_shape' op invalid output shape provided at pos 1}}
  %0 = memref.expand_shape %m [[0, 1]] output_shape [3, 5] : memref<12xf32> into memref<3x4xf32>
  return
}

// -----

func.func @collapse_group_size(%m: memref<3x4xf32>) {
  // expected-error@+1 {{'memref.collapse_shape' op collapsed dim size (13) must equal reassociation group size (12)}}
  %0 = memref.collapse_shape %m [[0, 1]] : memref<3x4xf32> into memref<13xf32>
  return
}

// -----

func.func @collapse_casts_dynamicity(%m: memref<3x?xf32>) {
  // expected-error@+1 {{'memref.collapse_shape' op collapsed dim (0) must be dynamic if and only if reassociation group is dynamic}}
  %0 = memref.collapse_shape %m [[0, 1]] : memref<3x?xf32> into memref<12xf32>
  return
}

// -----

func.func @reshape_rank(%m: memref<4xf32>, %s: memref<2xindex>) {
  // expected-error@+1 {{'memref.reshape' op length of shape operand differs from the result's memref rank}}
  %0 = memref.reshape %m(%s) : (memref<4xf32>, memref<2xindex>) -> memref<?x?x?xf32>
  return
}

// -----

func.func @reshape_element_type(%m: memref<4xf32>, %s: memref<2xindex>) {
  // expected-error@+1 {{'memref.reshape' op element types of source and destination memref types should be the same}}
  %0 = memref.reshape %m(%s) : (memref<4xf32>, memref<2xindex>) -> memref<?x?xi32>
  return
}

// -----

func.func @reshape_dynamic_length_to_ranked(%m: memref<4xf32>, %s: memref<?xindex>) {
  // expected-error@+1 {{'memref.reshape' op cannot use shape operand with dynamic length to reshape to statically-ranked memref type}}
  %0 = memref.reshape %m(%s) : (memref<4xf32>, memref<?xindex>) -> memref<?x?xf32>
  return
}

// -----

func.func @reshape_source_layout(%m: memref<4xf32, strided<[2]>>, %s: memref<2xindex>) {
  // expected-error@+1 {{'memref.reshape' op source memref type should have identity affine map}}
  %0 = memref.reshape %m(%s) : (memref<4xf32, strided<[2]>>, memref<2xindex>) -> memref<?x?xf32>
  return
}

// -----

func.func @transpose_not_a_permutation(%m: memref<?x?xf32>) {
  // expected-error@+1 {{'memref.transpose' op expected a permutation map}}
  %0 = memref.transpose %m (i, j) -> (i, i) : memref<?x?xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
  return
}

// -----

func.func @transpose_rank(%m: memref<?x?xf32>) {
  // expected-error@+1 {{'memref.transpose' op expected a permutation map of same rank as the input}}
  %0 = memref.transpose %m (i, j, k) -> (k, j, i) : memref<?x?xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
  return
}

// -----

// expected-error@+1 {{'memref.global' op visibility expected to be one of ["public", "private", "nested"], but got "privat"}}
memref.global "privat" @misspelled : memref<2xf32> = uninitialized
