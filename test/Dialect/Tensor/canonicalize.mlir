// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @dim_of_static_dimension
// CHECK-NEXT: %[[C4:[^ ]+]] = arith.constant 4 : index
// CHECK-NEXT: return %[[C4]] : index
func.func @dim_of_static_dimension(%t: tensor<4x?xf32>) -> index {
  %c0 = arith.constant 0 : index
  %d = tensor.dim %t, %c0 : tensor<4x?xf32>
  return %d : index
}

// -----

// CHECK-LABEL: func.func @dim_of_dynamic_dimension_stays
// CHECK: %[[D:[^ ]+]] = tensor.dim %{{.*}}, %{{.*}} : tensor<4x?xf32>
// CHECK-NEXT: return %[[D]]
func.func @dim_of_dynamic_dimension_stays(%t: tensor<4x?xf32>) -> index {
  %c1 = arith.constant 1 : index
  %d = tensor.dim %t, %c1 : tensor<4x?xf32>
  return %d : index
}

// -----

// CHECK-LABEL: func.func @dim_of_empty
// CHECK-SAME: (%{{[^:]+}}: index, %[[M:[^:]+]]: index)
// CHECK-NEXT: %[[C4:[^ ]+]] = arith.constant 4 : index
// CHECK-NEXT: return %[[C4]], %[[M]] : index, index
func.func @dim_of_empty(%n: index, %m: index) -> (index, index) {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %e = tensor.empty(%n, %m) : tensor<?x4x?xf32>
  %d1 = tensor.dim %e, %c1 : tensor<?x4x?xf32>
  %d2 = tensor.dim %e, %c2 : tensor<?x4x?xf32>
  return %d1, %d2 : index, index
}

// -----

// CHECK-LABEL: func.func @dim_of_generate
// CHECK-SAME: (%[[N:[^:]+]]: index)
// CHECK-NEXT: return %[[N]] : index
func.func @dim_of_generate(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %g = tensor.generate %n {
  ^bb0(%i: index):
    %f = arith.constant 0.0 : f32
    tensor.yield %f : f32
  } : tensor<?xf32>
  %d = tensor.dim %g, %c0 : tensor<?xf32>
  return %d : index
}

// -----

// CHECK-LABEL: func.func @cast_of_cast
// CHECK-SAME: (%[[T:[^:]+]]: tensor<4x8xf32>)
// CHECK-NEXT: %[[C:[^ ]+]] = tensor.cast %[[T]] : tensor<4x8xf32> to tensor<4x?xf32>
// CHECK-NEXT: return %[[C]]
func.func @cast_of_cast(%t: tensor<4x8xf32>) -> tensor<4x?xf32> {
  %0 = tensor.cast %t : tensor<4x8xf32> to tensor<?x?xf32>
  %1 = tensor.cast %0 : tensor<?x?xf32> to tensor<4x?xf32>
  return %1 : tensor<4x?xf32>
}

// -----

// Dropping the middle cast would drop its runtime check that dimension 0 is 4.
// CHECK-LABEL: func.func @cast_of_cast_keeps_check
// CHECK: tensor.cast %{{.*}} : tensor<?x?xf32> to tensor<4x?xf32>
// CHECK-NEXT: tensor.cast %{{.*}} : tensor<4x?xf32> to tensor<?x?xf32>
func.func @cast_of_cast_keeps_check(%t: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %0 = tensor.cast %t : tensor<?x?xf32> to tensor<4x?xf32>
  %1 = tensor.cast %0 : tensor<4x?xf32> to tensor<?x?xf32>
  return %1 : tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @cast_to_same_type
// CHECK-SAME: (%[[T:[^:]+]]: tensor<4xf32>)
// CHECK-NEXT: return %[[T]]
func.func @cast_to_same_type(%t: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensor.cast %t : tensor<4xf32> to tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @extract_from_elements
// CHECK-SAME: (%{{[^:]+}}: f32, %{{[^:]+}}: f32, %[[C:[^:]+]]: f32, %{{[^:]+}}: f32)
// CHECK-NEXT: return %[[C]] : f32
func.func @extract_from_elements(%a: f32, %b: f32, %c: f32, %d: f32) -> f32 {
  %c1 = arith.constant 1 : index
  %c0 = arith.constant 0 : index
  %t = tensor.from_elements %a, %b, %c, %d : tensor<2x2xf32>
  %e = tensor.extract %t[%c1, %c0] : tensor<2x2xf32>
  return %e : f32
}

// -----

// CHECK-LABEL: func.func @extract_from_elements_out_of_bounds
// CHECK: tensor.extract
func.func @extract_from_elements_out_of_bounds(%a: f32, %b: f32) -> f32 {
  %c2 = arith.constant 2 : index
  %t = tensor.from_elements %a, %b : tensor<2xf32>
  %e = tensor.extract %t[%c2] : tensor<2xf32>
  return %e : f32
}

// -----

// Upstream leaves an extract of tensor.splat alone.
// CHECK-LABEL: func.func @extract_from_splat_stays
// CHECK: tensor.splat
// CHECK-NEXT: tensor.extract
func.func @extract_from_splat_stays(%a: f32, %i: index) -> f32 {
  %t = tensor.splat %a : tensor<4xf32>
  %e = tensor.extract %t[%i] : tensor<4xf32>
  return %e : f32
}

// -----

// CHECK-LABEL: func.func @extract_from_dense_constant
// CHECK-DAG: %[[E:[^ ]+]] = arith.constant 3.000000e+00 : f32
// CHECK-DAG: %[[S:[^ ]+]] = arith.constant 7 : i32
// CHECK: return %[[E]], %[[S]] : f32, i32
func.func @extract_from_dense_constant(%i: index) -> (f32, i32) {
  %c2 = arith.constant 2 : index
  %t = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %s = arith.constant dense<7> : tensor<2x2xi32>
  %e = tensor.extract %t[%c2] : tensor<3xf32>
  %f = tensor.extract %s[%i, %i] : tensor<2x2xi32>
  return %e, %f : f32, i32
}

// -----

// CHECK-LABEL: func.func @dim_of_cast
// CHECK-SAME: (%[[T:[^:]+]]: tensor<?x?xf32>)
// CHECK: %[[D:[^ ]+]] = tensor.dim %[[T]], %{{.*}} : tensor<?x?xf32>
// CHECK-NEXT: return %[[D]]
func.func @dim_of_cast(%t: tensor<?x?xf32>) -> index {
  %c1 = arith.constant 1 : index
  %0 = tensor.cast %t : tensor<?x?xf32> to tensor<*xf32>
  %1 = tensor.dim %0, %c1 : tensor<*xf32>
  return %1 : index
}

// -----

// CHECK-LABEL: func.func @extract_of_cast
// CHECK-SAME: (%[[T:[^:]+]]: tensor<4xf32>, %[[I:[^:]+]]: index)
// CHECK-NEXT: %[[E:[^ ]+]] = tensor.extract %[[T]][%[[I]]] : tensor<4xf32>
// CHECK-NEXT: return %[[E]]
func.func @extract_of_cast(%t: tensor<4xf32>, %i: index) -> f32 {
  %0 = tensor.cast %t : tensor<4xf32> to tensor<?xf32>
  %1 = tensor.extract %0[%i] : tensor<?xf32>
  return %1 : f32
}

// -----

// CHECK-LABEL: func.func @rank_of_ranked
// CHECK-NEXT: %[[C2:[^ ]+]] = arith.constant 2 : index
// CHECK-NEXT: return %[[C2]]
func.func @rank_of_ranked(%t: tensor<4x?xf32>) -> index {
  %0 = tensor.rank %t : tensor<4x?xf32>
  return %0 : index
}

// -----

// CHECK-LABEL: func.func @from_elements_of_constants
// CHECK-NEXT: %[[C:[^ ]+]] = arith.constant dense<[1, 2]> : tensor<2xi32>
// CHECK-NEXT: return %[[C]]
func.func @from_elements_of_constants() -> tensor<2xi32> {
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %0 = tensor.from_elements %c1, %c2 : tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

// CHECK-LABEL: func.func @empty_with_constant_size
// CHECK-NEXT: %[[E:[^ ]+]] = tensor.empty() : tensor<3x4xf32>
// CHECK-NEXT: %[[C:[^ ]+]] = tensor.cast %[[E]] : tensor<3x4xf32> to tensor<?x4xf32>
// CHECK-NEXT: return %[[C]]
func.func @empty_with_constant_size() -> tensor<?x4xf32> {
  %c3 = arith.constant 3 : index
  %0 = tensor.empty(%c3) : tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

// CHECK-LABEL: func.func @identity_slices
// CHECK-SAME: (%[[T:[^:]+]]: tensor<4x8xf32>, %[[S:[^:]+]]: tensor<4x8xf32>)
// CHECK-NEXT: return %[[T]], %[[S]]
func.func @identity_slices(%t: tensor<4x8xf32>, %s: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>) {
  %0 = tensor.extract_slice %t[0, 0] [4, 8] [1, 1] : tensor<4x8xf32> to tensor<4x8xf32>
  %1 = tensor.insert_slice %s into %t[0, 0] [4, 8] [1, 1] : tensor<4x8xf32> into tensor<4x8xf32>
  return %0, %1 : tensor<4x8xf32>, tensor<4x8xf32>
}

// -----

// CHECK-LABEL: func.func @extract_slice_constant_arguments
// CHECK-SAME: (%[[T:[^:]+]]: tensor<?x8xf32>)
// CHECK: %[[S:[^ ]+]] = tensor.extract_slice %[[T]][1, 0] [2, 4] [1, 2] : tensor<?x8xf32> to tensor<2x4xf32>
// CHECK-NEXT: %[[C:[^ ]+]] = tensor.cast %[[S]] : tensor<2x4xf32> to tensor<?x?xf32>
// CHECK-NEXT: return %[[C]]
func.func @extract_slice_constant_arguments(%t: tensor<?x8xf32>) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %0 = tensor.extract_slice %t[%c1, %c0] [%c2, %c4] [%c1, %c2] : tensor<?x8xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @insert_slice_constant_arguments
// CHECK-SAME: (%[[S:[^:]+]]: tensor<?x?xf32>, %[[T:[^:]+]]: tensor<8x8xf32>)
// CHECK: %[[C:[^ ]+]] = tensor.cast %[[S]] : tensor<?x?xf32> to tensor<2x2xf32>
// CHECK-NEXT: %[[R:[^ ]+]] = tensor.insert_slice %[[C]] into %[[T]][1, 0] [2, 2] [1, 1] : tensor<2x2xf32> into tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @insert_slice_constant_arguments(%s: tensor<?x?xf32>, %t: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %0 = tensor.insert_slice %s into %t[%c1, %c0] [%c2, %c2] [1, 1] : tensor<?x?xf32> into tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// -----

// The cast of the source goes in front of scf.forall.in_parallel.
// CHECK-LABEL: func.func @parallel_insert_slice_constant_arguments
// CHECK: %[[C:[^ ]+]] = tensor.cast %{{.*}} : tensor<?xf32> to tensor<4xf32>
// CHECK-NEXT: scf.forall.in_parallel {
// CHECK-NEXT: tensor.parallel_insert_slice %[[C]] into %{{.*}}[0] [4] [1] : tensor<4xf32> into tensor<8xf32>
func.func @parallel_insert_slice_constant_arguments(%s: tensor<?xf32>, %o: tensor<8xf32>) -> tensor<8xf32> {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %r = scf.forall (%i) in (2) shared_outs(%out = %o) -> (tensor<8xf32>) {
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %s into %out[%c0] [%c4] [1] : tensor<?xf32> into tensor<8xf32>
    }
  }
  return %r : tensor<8xf32>
}

// -----

// CHECK-LABEL: func.func @pad_by_zero
// CHECK-SAME: (%[[T:[^:]+]]: tensor<4xf32>
// CHECK-NEXT: return %[[T]]
func.func @pad_by_zero(%t: tensor<4xf32>, %f: f32) -> tensor<4xf32> {
  %0 = tensor.pad %t low[0] high[0] {
  ^bb0(%a: index):
    tensor.yield %f : f32
  } : tensor<4xf32> to tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @pad_by_zero_nofold
// CHECK: tensor.pad
func.func @pad_by_zero_nofold(%t: tensor<4xf32>, %f: f32) -> tensor<4xf32> {
  %0 = tensor.pad %t nofold low[0] high[0] {
  ^bb0(%a: index):
    tensor.yield %f : f32
  } : tensor<4xf32> to tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @collapse_then_expand
// CHECK-SAME: (%[[T:[^:]+]]: tensor<4x8xf32>)
// CHECK-NEXT: return %[[T]]
func.func @collapse_then_expand(%t: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<4x8xf32> into tensor<32xf32>
  %1 = tensor.expand_shape %0 [[0, 1]] output_shape [4, 8] : tensor<32xf32> into tensor<4x8xf32>
  return %1 : tensor<4x8xf32>
}

// -----

// CHECK-LABEL: func.func @cast_of_empty
// CHECK-NEXT: %[[E:[^ ]+]] = tensor.empty() : tensor<4x8xf32>
// CHECK-NEXT: return %[[E]]
func.func @cast_of_empty(%n: index) -> tensor<4x8xf32> {
  %e = tensor.empty(%n) : tensor<?x8xf32>
  %c = tensor.cast %e : tensor<?x8xf32> to tensor<4x8xf32>
  return %c : tensor<4x8xf32>
}

// -----

// CHECK-LABEL: func.func @extract_slice_of_cast
// CHECK-SAME: (%[[T:[^:]+]]: tensor<16x16xf32>)
// CHECK-NEXT: %[[S:[^ ]+]] = tensor.extract_slice %[[T]][0, 0] [4, 4] [1, 1] : tensor<16x16xf32> to tensor<4x4xf32>
// CHECK-NEXT: return %[[S]]
func.func @extract_slice_of_cast(%t: tensor<16x16xf32>) -> tensor<4x4xf32> {
  %c = tensor.cast %t : tensor<16x16xf32> to tensor<?x?xf32>
  %s = tensor.extract_slice %c[0, 0] [4, 4] [1, 1] : tensor<?x?xf32> to tensor<4x4xf32>
  return %s : tensor<4x4xf32>
}

// -----

// CHECK-LABEL: func.func @cast_of_extract_slice
// CHECK-SAME: (%[[T:[^:]+]]: tensor<16x16xf32>, %[[O:[^:]+]]: index, %{{[^:]+}}: index)
// CHECK-NEXT: %[[S:[^ ]+]] = tensor.extract_slice %[[T]][%[[O]], 0] [4, 16] [1, 1] : tensor<16x16xf32> to tensor<4x16xf32>
// CHECK-NEXT: return %[[S]]
func.func @cast_of_extract_slice(%t: tensor<16x16xf32>, %o: index, %n: index) -> tensor<4x16xf32> {
  %s = tensor.extract_slice %t[%o, 0] [%n, 16] [1, 1] : tensor<16x16xf32> to tensor<?x16xf32>
  %c = tensor.cast %s : tensor<?x16xf32> to tensor<4x16xf32>
  return %c : tensor<4x16xf32>
}

// -----

// The static size lands on the dimension the rank reduction keeps.
// CHECK-LABEL: func.func @cast_of_rank_reducing_extract_slice
// CHECK-NEXT: %[[S:[^ ]+]] = tensor.extract_slice %{{.*}}[0, 0] [1, 4] [1, 1] : tensor<16x16xf32> to tensor<4xf32>
// CHECK-NEXT: return %[[S]]
func.func @cast_of_rank_reducing_extract_slice(%t: tensor<16x16xf32>, %n: index) -> tensor<4xf32> {
  %s = tensor.extract_slice %t[0, 0] [1, %n] [1, 1] : tensor<16x16xf32> to tensor<?xf32>
  %c = tensor.cast %s : tensor<?xf32> to tensor<4xf32>
  return %c : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @extract_slice_of_insert_slice
// CHECK-SAME: (%[[T:[^:]+]]: tensor<4xf32>
// CHECK-NEXT: return %[[T]]
func.func @extract_slice_of_insert_slice(%t: tensor<4xf32>, %d: tensor<16xf32>, %o: index) -> tensor<4xf32> {
  %i = tensor.insert_slice %t into %d[%o] [4] [1] : tensor<4xf32> into tensor<16xf32>
  %s = tensor.extract_slice %i[%o] [4] [1] : tensor<16xf32> to tensor<4xf32>
  return %s : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @insert_slice_over_insert_slice
// CHECK-SAME: (%{{[^:]+}}: tensor<4xf32>, %[[B:[^:]+]]: tensor<4xf32>, %[[D:[^:]+]]: tensor<16xf32>, %[[O:[^:]+]]: index)
// CHECK-NEXT: %[[R:[^ ]+]] = tensor.insert_slice %[[B]] into %[[D]][%[[O]]] [4] [1] : tensor<4xf32> into tensor<16xf32>
// CHECK-NEXT: return %[[R]]
func.func @insert_slice_over_insert_slice(%a: tensor<4xf32>, %b: tensor<4xf32>, %d: tensor<16xf32>, %o: index) -> tensor<16xf32> {
  %0 = tensor.insert_slice %a into %d[%o] [4] [1] : tensor<4xf32> into tensor<16xf32>
  %1 = tensor.insert_slice %b into %0[%o] [4] [1] : tensor<4xf32> into tensor<16xf32>
  return %1 : tensor<16xf32>
}

// -----

// CHECK-LABEL: func.func @insert_slice_of_its_extract_slice
// CHECK-SAME: (%[[D:[^:]+]]: tensor<16xf32>
// CHECK-NEXT: return %[[D]]
func.func @insert_slice_of_its_extract_slice(%d: tensor<16xf32>, %o: index) -> tensor<16xf32> {
  %0 = tensor.extract_slice %d[%o] [4] [1] : tensor<16xf32> to tensor<4xf32>
  %1 = tensor.insert_slice %0 into %d[%o] [4] [1] : tensor<4xf32> into tensor<16xf32>
  return %1 : tensor<16xf32>
}

// -----

// Extracting elsewhere than the insertion keeps both.
// CHECK-LABEL: func.func @extract_slice_elsewhere
// CHECK: tensor.insert_slice
// CHECK-NEXT: tensor.extract_slice
func.func @extract_slice_elsewhere(%t: tensor<4xf32>, %d: tensor<16xf32>, %o: index, %p: index) -> tensor<4xf32> {
  %i = tensor.insert_slice %t into %d[%o] [4] [1] : tensor<4xf32> into tensor<16xf32>
  %s = tensor.extract_slice %i[%p] [4] [1] : tensor<16xf32> to tensor<4xf32>
  return %s : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @dim_of_extract_slice
// CHECK-SAME: (%{{[^:]+}}: tensor<?x?xf32>, %{{[^:]+}}: index, %[[M:[^:]+]]: index)
// CHECK-NEXT: return %[[M]] : index
func.func @dim_of_extract_slice(%t: tensor<?x?xf32>, %n: index, %m: index) -> index {
  %c1 = arith.constant 1 : index
  %s = tensor.extract_slice %t[0, 0] [%n, %m] [1, 1] : tensor<?x?xf32> to tensor<?x?xf32>
  %d = tensor.dim %s, %c1 : tensor<?x?xf32>
  return %d : index
}

// -----

// A slice of dynamic sizes may be smaller than its source: it stays.
// CHECK-LABEL: func.func @dynamic_extract_slice_stays
// CHECK: tensor.extract_slice
func.func @dynamic_extract_slice_stays(%t: tensor<?x?xf32>, %n: index, %m: index) -> tensor<?x?xf32> {
  %s = tensor.extract_slice %t[0, 0] [%n, %m] [1, 1] : tensor<?x?xf32> to tensor<?x?xf32>
  return %s : tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @dim_of_destination_style_results
// CHECK-SAME: (%{{[^:]+}}: tensor<4xf32>, %[[D:[^:]+]]: tensor<?xf32>, %{{[^:]+}}: tensor<?xf32>, %[[O:[^:]+]]: tensor<?xf32>)
// CHECK-DAG: %[[D0:[^ ]+]] = tensor.dim %[[D]], %{{.*}} : tensor<?xf32>
// CHECK-DAG: %[[D1:[^ ]+]] = tensor.dim %[[O]], %{{.*}} : tensor<?xf32>
// CHECK: return %[[D0]], %[[D1]]
func.func @dim_of_destination_style_results(%t: tensor<4xf32>, %d: tensor<?xf32>, %a: tensor<?xf32>, %o: tensor<?xf32>) -> (index, index) {
  %c0 = arith.constant 0 : index
  %s = tensor.insert_slice %t into %d[0] [4] [1] : tensor<4xf32> into tensor<?xf32>
  %r = linalg.exp ins(%a : tensor<?xf32>) outs(%o : tensor<?xf32>) -> tensor<?xf32>
  %0 = tensor.dim %s, %c0 : tensor<?xf32>
  %1 = tensor.dim %r, %c0 : tensor<?xf32>
  return %0, %1 : index, index
}

// -----

// CHECK-LABEL: func.func @splat_of_constant
// CHECK-NEXT: %[[C:[^ ]+]] = arith.constant dense<2.000000e+00> : tensor<4xf32>
// CHECK-NEXT: return %[[C]]
func.func @splat_of_constant() -> tensor<4xf32> {
  %c = arith.constant 2.0 : f32
  %0 = tensor.splat %c : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @concat_of_one
// CHECK-SAME: (%[[T:[^:]+]]: tensor<4xf32>)
// CHECK-NEXT: %[[C:[^ ]+]] = tensor.cast %[[T]] : tensor<4xf32> to tensor<?xf32>
// CHECK-NEXT: return %[[C]]
func.func @concat_of_one(%t: tensor<4xf32>) -> tensor<?xf32> {
  %0 = tensor.concat dim(0) %t : (tensor<4xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @collapse_of_collapse
// CHECK-NEXT: %[[R:[^ ]+]] = tensor.collapse_shape %{{.*}} {{\[}}[0, 1, 2, 3]] : tensor<2x3x4x5xf32> into tensor<120xf32>
// CHECK-NEXT: return %[[R]]
func.func @collapse_of_collapse(%t: tensor<2x3x4x5xf32>) -> tensor<120xf32> {
  %0 = tensor.collapse_shape %t [[0, 1], [2, 3]] : tensor<2x3x4x5xf32> into tensor<6x20xf32>
  %1 = tensor.collapse_shape %0 [[0, 1]] : tensor<6x20xf32> into tensor<120xf32>
  return %1 : tensor<120xf32>
}

// -----

// CHECK-LABEL: func.func @expand_of_expand
// CHECK-SAME: (%[[T:[^:]+]]: tensor<?xf32>, %[[A:[^:]+]]: index, %{{[^:]+}}: index, %[[C:[^:]+]]: index)
// CHECK-NEXT: %[[R:[^ ]+]] = tensor.expand_shape %[[T]] {{\[}}[0, 1, 2]] output_shape [%[[A]], %[[C]], 2] : tensor<?xf32> into tensor<?x?x2xf32>
// CHECK-NEXT: return %[[R]]
func.func @expand_of_expand(%t: tensor<?xf32>, %a: index, %b: index, %c: index) -> tensor<?x?x2xf32> {
  %0 = tensor.expand_shape %t [[0, 1]] output_shape [%a, %b] : tensor<?xf32> into tensor<?x?xf32>
  %1 = tensor.expand_shape %0 [[0], [1, 2]] output_shape [%a, %c, 2] : tensor<?x?xf32> into tensor<?x?x2xf32>
  return %1 : tensor<?x?x2xf32>
}

// -----

// CHECK-LABEL: func.func @pad_by_constants
// CHECK: %[[P:[^ ]+]] = tensor.pad %{{.*}} low[1] high[1] {
// CHECK: } : tensor<4xf32> to tensor<6xf32>
// CHECK-NEXT: %[[C:[^ ]+]] = tensor.cast %[[P]] : tensor<6xf32> to tensor<?xf32>
// CHECK-NEXT: return %[[C]]
func.func @pad_by_constants(%t: tensor<4xf32>, %f: f32) -> tensor<?xf32> {
  %c1 = arith.constant 1 : index
  %0 = tensor.pad %t low[%c1] high[%c1] {
  ^bb0(%a: index):
    tensor.yield %f : f32
  } : tensor<4xf32> to tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @generate_with_constant_extent
// CHECK: %[[G:[^ ]+]] = tensor.generate {{ *}}{
// CHECK: } : tensor<3xf32>
// CHECK-NEXT: %[[C:[^ ]+]] = tensor.cast %[[G]] : tensor<3xf32> to tensor<?xf32>
// CHECK-NEXT: return %[[C]]
func.func @generate_with_constant_extent() -> tensor<?xf32> {
  %c3 = arith.constant 3 : index
  %0 = tensor.generate %c3 {
  ^bb0(%a: index):
    %f = arith.constant 1.0 : f32
    tensor.yield %f : f32
  } : tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @extract_of_generate
// CHECK-SAME: (%[[N:[^:]+]]: index, %[[K:[^:]+]]: index)
// CHECK-NEXT: %[[V:[^ ]+]] = arith.addi %[[K]], %[[N]] : index
// CHECK-NEXT: return %[[V]]
func.func @extract_of_generate(%n: index, %k: index) -> index {
  %g = tensor.generate %n {
  ^bb0(%i: index):
    %v = arith.addi %i, %n : index
    tensor.yield %v : index
  } : tensor<?xindex>
  %e = tensor.extract %g[%k] : tensor<?xindex>
  return %e : index
}

// -----

// A body with side effects is not run for one element.
// CHECK-LABEL: func.func @extract_of_generate_with_effects
// CHECK: tensor.generate
// CHECK: memref.store
// CHECK: tensor.extract
func.func @extract_of_generate_with_effects(%n: index, %m: memref<4xindex>) -> index {
  %c1 = arith.constant 1 : index
  %g = tensor.generate %n {
  ^bb0(%i: index):
    %v = memref.load %m[%i] : memref<4xindex>
    memref.store %i, %m[%i] : memref<4xindex>
    tensor.yield %v : index
  } : tensor<?xindex>
  %e = tensor.extract %g[%c1] : tensor<?xindex>
  return %e : index
}

// -----

// CHECK-LABEL: func.func @insert_slice_of_cast
// CHECK-SAME: (%[[T:[^:]+]]: tensor<4x4xf32>, %[[D:[^:]+]]: tensor<16x16xf32>
// CHECK-NEXT: %[[R:[^ ]+]] = tensor.insert_slice %[[T]] into %[[D]][0, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<16x16xf32>
// CHECK-NEXT: return %[[R]]
func.func @insert_slice_of_cast(%t: tensor<4x4xf32>, %d: tensor<16x16xf32>, %n: index) -> tensor<16x16xf32> {
  %c = tensor.cast %t : tensor<4x4xf32> to tensor<?x?xf32>
  %s = tensor.insert_slice %c into %d[0, 0] [%n, %n] [1, 1] : tensor<?x?xf32> into tensor<16x16xf32>
  return %s : tensor<16x16xf32>
}

// -----

// CHECK-LABEL: func.func @insert_slice_into_cast
// CHECK-SAME: (%[[T:[^:]+]]: tensor<4xf32>, %[[D:[^:]+]]: tensor<16xf32>)
// CHECK-NEXT: %[[R:[^ ]+]] = tensor.insert_slice %[[T]] into %[[D]][0] [4] [1] : tensor<4xf32> into tensor<16xf32>
// CHECK-NEXT: %[[C:[^ ]+]] = tensor.cast %[[R]] : tensor<16xf32> to tensor<?xf32>
// CHECK-NEXT: return %[[C]]
func.func @insert_slice_into_cast(%t: tensor<4xf32>, %d: tensor<16xf32>) -> tensor<?xf32> {
  %c = tensor.cast %d : tensor<16xf32> to tensor<?xf32>
  %s = tensor.insert_slice %t into %c[0] [4] [1] : tensor<4xf32> into tensor<?xf32>
  return %s : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @rank_reducing_insert_slice_of_cast
// CHECK-NEXT: %[[R:[^ ]+]] = tensor.insert_slice %{{.*}} into %{{.*}}[0, 0] [1, 4] [1, 1] : tensor<4xf32> into tensor<16x16xf32>
// CHECK-NEXT: return %[[R]]
func.func @rank_reducing_insert_slice_of_cast(%t: tensor<4xf32>, %d: tensor<16x16xf32>, %n: index) -> tensor<16x16xf32> {
  %c = tensor.cast %t : tensor<4xf32> to tensor<?xf32>
  %s = tensor.insert_slice %c into %d[0, 0] [1, %n] [1, 1] : tensor<?xf32> into tensor<16x16xf32>
  return %s : tensor<16x16xf32>
}

// -----

// CHECK-LABEL: func.func @pad_of_cast
// CHECK-SAME: (%[[T:[^:]+]]: tensor<4xf32>
// CHECK-NEXT: %[[P:[^ ]+]] = tensor.pad %[[T]] low[1] high[1] {
// CHECK: } : tensor<4xf32> to tensor<6xf32>
// CHECK-NEXT: %[[C:[^ ]+]] = tensor.cast %[[P]] : tensor<6xf32> to tensor<?xf32>
// CHECK-NEXT: return %[[C]]
func.func @pad_of_cast(%t: tensor<4xf32>, %f: f32) -> tensor<?xf32> {
  %c = tensor.cast %t : tensor<4xf32> to tensor<?xf32>
  %p = tensor.pad %c low[1] high[1] {
  ^bb0(%a: index):
    tensor.yield %f : f32
  } : tensor<?xf32> to tensor<?xf32>
  return %p : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @cast_of_pad
// CHECK-NEXT: %[[P:[^ ]+]] = tensor.pad %{{.*}} low[1] high[1] {
// CHECK: } : tensor<?xf32> to tensor<6xf32>
// CHECK-NEXT: return %[[P]]
func.func @cast_of_pad(%t: tensor<?xf32>, %f: f32) -> tensor<6xf32> {
  %p = tensor.pad %t low[1] high[1] {
  ^bb0(%a: index):
    tensor.yield %f : f32
  } : tensor<?xf32> to tensor<?xf32>
  %c = tensor.cast %p : tensor<?xf32> to tensor<6xf32>
  return %c : tensor<6xf32>
}

// -----

// Inserting a slice with a zero size (static, or a constant operand) writes
// nothing: the result is the destination. A slice of one element stays.
// CHECK-LABEL: func.func @insert_nothing
// CHECK-SAME: (%[[A:[^:]*]]: tensor<0x2xi8>, %[[B:[^:]*]]: tensor<?x2xi8>, %[[D:[^:]*]]: tensor<3x3xi8>)
// CHECK-NEXT: %[[CAST:.*]] = tensor.cast %[[B]] : tensor<?x2xi8> to tensor<1x2xi8>
// CHECK-NEXT: %[[ONE:.*]] = tensor.insert_slice %[[CAST]] into %[[D]]
// CHECK-NEXT: return %[[D]], %[[D]], %[[ONE]]
func.func @insert_nothing(%a: tensor<0x2xi8>, %b: tensor<?x2xi8>, %d: tensor<3x3xi8>) -> (tensor<3x3xi8>, tensor<3x3xi8>, tensor<3x3xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %static = tensor.insert_slice %a into %d[1, 1] [0, 2] [1, 1] : tensor<0x2xi8> into tensor<3x3xi8>
  %dynamic = tensor.insert_slice %b into %d[1, 0] [%c0, 2] [1, 1] : tensor<?x2xi8> into tensor<3x3xi8>
  %one = tensor.insert_slice %b into %d[0, 0] [%c1, 2] [1, 1] : tensor<?x2xi8> into tensor<3x3xi8>
  return %static, %dynamic, %one : tensor<3x3xi8>, tensor<3x3xi8>, tensor<3x3xi8>
}
