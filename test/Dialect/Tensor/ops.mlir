// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @casts
// CHECK: tensor.cast %{{.*}} : tensor<4x?xf32> to tensor<?x?xf32>
// CHECK: tensor.cast %{{.*}} : tensor<4x?xf32> to tensor<*xf32>
// CHECK: tensor.cast %{{.*}} : tensor<*xf32> to tensor<4x8xf32>
// CHECK: tensor.cast %{{.*}} : tensor<*xf32> to tensor<*xf32>
// CHECK: tensor.bitcast %{{.*}} : tensor<16xf32> to tensor<16xi32>
// CHECK: tensor.bitcast %{{.*}} : tensor<?xui8> to tensor<4xi8>
func.func @casts(%t: tensor<4x?xf32>, %u: tensor<*xf32>, %s: tensor<16xf32>, %b: tensor<?xui8>) {
  %0 = tensor.cast %t : tensor<4x?xf32> to tensor<?x?xf32>
  %1 = tensor.cast %t : tensor<4x?xf32> to tensor<*xf32>
  %2 = tensor.cast %u : tensor<*xf32> to tensor<4x8xf32>
  %3 = tensor.cast %u : tensor<*xf32> to tensor<*xf32>
  %4 = tensor.bitcast %s : tensor<16xf32> to tensor<16xi32>
  %5 = tensor.bitcast %b : tensor<?xui8> to tensor<4xi8>
  return
}

// -----

// CHECK-LABEL: func.func @shape_queries
// CHECK-SAME: (%[[T:[^ ,:]+]]: tensor<4x?xf32>, %[[U:[^ ,:]+]]: tensor<*xf32>, %[[I:[^ ,:]+]]: index)
// CHECK: tensor.dim %[[T]], %[[I]] : tensor<4x?xf32>
// CHECK: tensor.dim %[[U]], %[[I]] : tensor<*xf32>
// CHECK: tensor.rank %[[U]] : tensor<*xf32>
// CHECK: tensor.rank %[[T]] : tensor<4x?xf32>
func.func @shape_queries(%t: tensor<4x?xf32>, %u: tensor<*xf32>, %i: index) -> (index, index, index, index) {
  %0 = tensor.dim %t, %i : tensor<4x?xf32>
  %1 = tensor.dim %u, %i : tensor<*xf32>
  %2 = tensor.rank %u : tensor<*xf32>
  %3 = tensor.rank %t : tensor<4x?xf32>
  return %0, %1, %2, %3 : index, index, index, index
}

// -----

// CHECK-LABEL: func.func @creation
// CHECK-SAME: (%[[I:[^ ,:]+]]: index, %[[F:[^ ,:]+]]: f32)
// CHECK: tensor.empty(%[[I]]) : tensor<4x?xf32>
// CHECK: tensor.empty() {test.attr} : tensor<4x8xf32>
// CHECK: tensor.from_elements %[[F]], %[[F]], %[[F]], %[[F]] : tensor<2x2xf32>
// CHECK: tensor.from_elements %[[F]] : tensor<f32>
// CHECK: tensor.splat %[[F]] : tensor<4x8xf32>
// CHECK: tensor.splat %[[F]][%[[I]]] : tensor<4x?xf32>
func.func @creation(%i: index, %f: f32) {
  %0 = tensor.empty(%i) : tensor<4x?xf32>
  %1 = tensor.empty() {test.attr} : tensor<4x8xf32>
  %2 = tensor.from_elements %f, %f, %f, %f : tensor<2x2xf32>
  %3 = tensor.from_elements %f : tensor<f32>
  %4 = tensor.splat %f : tensor<4x8xf32>
  %5 = tensor.splat %f[%i] : tensor<4x?xf32>
  return
}

// -----

// CHECK-LABEL: func.func @generate
// CHECK-SAME: (%[[I:[^ ,:]+]]: index)
// CHECK: tensor.generate %[[I]] {
// CHECK-NEXT: ^bb0(%[[A:[^ ,:]+]]: index, %{{[^ ,:]+}}: index):
// CHECK-NEXT: %[[V:[^ ,:]+]] = arith.index_cast %[[A]] : index to i32
// CHECK-NEXT: tensor.yield %[[V]] : i32
// CHECK-NEXT: } : tensor<4x?xi32>
// CHECK: tensor.generate {
// CHECK: } : tensor<3xf32>
func.func @generate(%i: index) {
  %0 = tensor.generate %i {
  ^bb0(%a: index, %b: index):
    %v = arith.index_cast %a : index to i32
    tensor.yield %v : i32
  } : tensor<4x?xi32>
  %1 = tensor.generate {
  ^bb0(%a: index):
    %c = arith.constant 1.0 : f32
    tensor.yield %c : f32
  } : tensor<3xf32>
  return
}

// -----

// CHECK-LABEL: func.func @elements
// CHECK-SAME: (%[[T:[^ ,:]+]]: tensor<4x?xf32>, %[[Z:[^ ,:]+]]: tensor<f32>, %[[I:[^ ,:]+]]: index, %[[J:[^ ,:]+]]: index, %[[F:[^ ,:]+]]: f32)
// CHECK: tensor.extract %[[T]][%[[I]], %[[J]]] : tensor<4x?xf32>
// CHECK: tensor.extract %[[Z]][] : tensor<f32>
// CHECK: tensor.insert %[[F]] into %[[T]][%[[I]], %[[J]]] : tensor<4x?xf32>
// CHECK: tensor.insert %[[F]] into %[[Z]][] : tensor<f32>
func.func @elements(%t: tensor<4x?xf32>, %z: tensor<f32>, %i: index, %j: index, %f: f32) {
  %0 = tensor.extract %t[%i, %j] : tensor<4x?xf32>
  %1 = tensor.extract %z[] : tensor<f32>
  %2 = tensor.insert %f into %t[%i, %j] : tensor<4x?xf32>
  %3 = tensor.insert %f into %z[] : tensor<f32>
  return
}

// -----

// CHECK-LABEL: func.func @slices
// CHECK-SAME: (%[[T:[^ ,:]+]]: tensor<4x?xf32>, %[[I:[^ ,:]+]]: index, %[[J:[^ ,:]+]]: index)
// CHECK: %[[S:[^ ,:]+]] = tensor.extract_slice %[[T]][0, %[[I]]] [2, %[[J]]] [1, 2] : tensor<4x?xf32> to tensor<2x?xf32>
// CHECK: %[[R:[^ ,:]+]] = tensor.extract_slice %[[T]][0, 0] [1, 4] [1, 1] : tensor<4x?xf32> to tensor<4xf32>
// CHECK: tensor.extract_slice %[[T]][%[[I]], %[[I]]] [%[[J]], %[[J]]] [%[[I]], %[[J]]] : tensor<4x?xf32> to tensor<?x?xf32>
// CHECK: tensor.insert_slice %[[S]] into %[[T]][0, %[[I]]] [2, %[[J]]] [1, 2] : tensor<2x?xf32> into tensor<4x?xf32>
// CHECK: tensor.insert_slice %[[R]] into %[[T]][1, 0] [1, 4] [1, 1] : tensor<4xf32> into tensor<4x?xf32>
func.func @slices(%t: tensor<4x?xf32>, %i: index, %j: index) {
  %0 = tensor.extract_slice %t[0, %i] [2, %j] [1, 2] : tensor<4x?xf32> to tensor<2x?xf32>
  %1 = tensor.extract_slice %t[0, 0] [1, 4] [1, 1] : tensor<4x?xf32> to tensor<4xf32>
  %2 = tensor.extract_slice %t[%i, %i] [%j, %j] [%i, %j] : tensor<4x?xf32> to tensor<?x?xf32>
  %3 = tensor.insert_slice %0 into %t[0, %i] [2, %j] [1, 2] : tensor<2x?xf32> into tensor<4x?xf32>
  %4 = tensor.insert_slice %1 into %t[1, 0] [1, 4] [1, 1] : tensor<4xf32> into tensor<4x?xf32>
  return
}

// -----

// CHECK-LABEL: func.func @parallel_insert_slice
// CHECK: scf.forall.in_parallel {
// CHECK-NEXT: tensor.parallel_insert_slice %{{.*}} into %{{.*}}[%{{.*}}] [8] [1] : tensor<8xf32> into tensor<16xf32>
// CHECK-NEXT: }
func.func @parallel_insert_slice(%t: tensor<8xf32>, %o: tensor<16xf32>) -> tensor<16xf32> {
  %r = scf.forall (%i) in (2) shared_outs(%out = %o) -> (tensor<16xf32>) {
    %c8 = arith.constant 8 : index
    %off = arith.muli %i, %c8 : index
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %t into %out[%off] [8] [1] : tensor<8xf32> into tensor<16xf32>
    }
  }
  return %r : tensor<16xf32>
}

// -----

// CHECK-LABEL: func.func @reshapes
// CHECK-SAME: (%[[T:[^ ,:]+]]: tensor<4x?xf32>, %[[S:[^ ,:]+]]: tensor<16xf32>, %[[SHAPE:[^ ,:]+]]: tensor<2xindex>, %[[I:[^ ,:]+]]: index,
// CHECK: tensor.collapse_shape %[[T]] {{\[}}[0, 1]] : tensor<4x?xf32> into tensor<?xf32>
// CHECK: tensor.collapse_shape %{{.*}} [] : tensor<1x1xf32> into tensor<f32>
// CHECK: tensor.expand_shape %[[S]] {{\[}}[0, 1]] output_shape [4, 4] : tensor<16xf32> into tensor<4x4xf32>
// CHECK: tensor.expand_shape %[[T]] {{\[}}[0], [1, 2]] output_shape [4, %[[I]], 2] : tensor<4x?xf32> into tensor<4x?x2xf32>
// CHECK: tensor.reshape %[[S]](%[[SHAPE]]) : (tensor<16xf32>, tensor<2xindex>) -> tensor<?x?xf32>
// CHECK: tensor.reshape %{{.*}}(%{{.*}}) : (tensor<*xf32>, tensor<?xi32>) -> tensor<*xf32>
func.func @reshapes(%t: tensor<4x?xf32>, %s: tensor<16xf32>, %shape: tensor<2xindex>, %i: index,
                    %one: tensor<1x1xf32>, %u: tensor<*xf32>, %dyn: tensor<?xi32>) {
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<4x?xf32> into tensor<?xf32>
  %1 = tensor.collapse_shape %one [] : tensor<1x1xf32> into tensor<f32>
  %2 = tensor.expand_shape %s [[0, 1]] output_shape [4, 4] : tensor<16xf32> into tensor<4x4xf32>
  %3 = tensor.expand_shape %t [[0], [1, 2]] output_shape [4, %i, 2] : tensor<4x?xf32> into tensor<4x?x2xf32>
  %4 = tensor.reshape %s(%shape) : (tensor<16xf32>, tensor<2xindex>) -> tensor<?x?xf32>
  %5 = tensor.reshape %u(%dyn) : (tensor<*xf32>, tensor<?xi32>) -> tensor<*xf32>
  return
}

// -----

// CHECK-LABEL: func.func @concat
// CHECK: tensor.concat dim(0) %{{.*}}, %{{.*}} : (tensor<4x8xf32>, tensor<?x8xf32>) -> tensor<?x8xf32>
// CHECK: tensor.concat dim(1) %{{.*}} : (tensor<4x8xf32>) -> tensor<4x8xf32>
func.func @concat(%a: tensor<4x8xf32>, %b: tensor<?x8xf32>) {
  %0 = tensor.concat dim(0) %a, %b : (tensor<4x8xf32>, tensor<?x8xf32>) -> tensor<?x8xf32>
  %1 = tensor.concat dim(1) %a : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return
}

// -----

// CHECK-LABEL: func.func @pad
// CHECK-SAME: (%[[T:[^ ,:]+]]: tensor<4x?xf32>, %[[I:[^ ,:]+]]: index, %[[F:[^ ,:]+]]: f32)
// CHECK: tensor.pad %[[T]] low[1, %[[I]]] high[2, 3] {
// CHECK-NEXT: ^bb0(%{{[^ ,:]+}}: index, %{{[^ ,:]+}}: index):
// CHECK-NEXT: tensor.yield %[[F]] : f32
// CHECK-NEXT: } : tensor<4x?xf32> to tensor<7x?xf32>
// CHECK: tensor.pad %[[T]] nofold low[0, 0] high[0, 0] {
// CHECK: } : tensor<4x?xf32> to tensor<4x?xf32>
func.func @pad(%t: tensor<4x?xf32>, %i: index, %f: f32) {
  %0 = tensor.pad %t low[1, %i] high[2, 3] {
  ^bb0(%a: index, %b: index):
    tensor.yield %f : f32
  } : tensor<4x?xf32> to tensor<7x?xf32>
  %1 = tensor.pad %t nofold low[0, 0] high[0, 0] {
  ^bb0(%a: index, %b: index):
    tensor.yield %f : f32
  } : tensor<4x?xf32> to tensor<4x?xf32>
  return
}

// -----

// CHECK-LABEL: func.func @gather_scatter
// CHECK: %[[G:[^ ,:]+]] = tensor.gather %{{.*}}[%{{.*}}] gather_dims([0, 2]) : (tensor<4x5x6xf32>, tensor<1x2x3x2xindex>) -> tensor<1x2x3x1x5x1xf32>
// CHECK: tensor.gather %{{.*}}[%{{.*}}] gather_dims([0, 2]) unique : (tensor<4x5x6xf32>, tensor<1x2x3x2xindex>) -> tensor<1x2x3x5xf32>
// CHECK: tensor.scatter %[[G]] into %{{.*}}[%{{.*}}] scatter_dims([0, 2]) unique : (tensor<1x2x3x1x5x1xf32>, tensor<4x5x6xf32>, tensor<1x2x3x2xindex>) -> tensor<4x5x6xf32>
func.func @gather_scatter(%src: tensor<4x5x6xf32>, %ind: tensor<1x2x3x2xindex>, %dst: tensor<4x5x6xf32>) {
  %0 = tensor.gather %src[%ind] gather_dims([0, 2]) : (tensor<4x5x6xf32>, tensor<1x2x3x2xindex>) -> tensor<1x2x3x1x5x1xf32>
  %1 = tensor.gather %src[%ind] gather_dims([0, 2]) unique : (tensor<4x5x6xf32>, tensor<1x2x3x2xindex>) -> tensor<1x2x3x5xf32>
  %2 = tensor.scatter %0 into %dst[%ind] scatter_dims([0, 2]) unique : (tensor<1x2x3x1x5x1xf32>, tensor<4x5x6xf32>, tensor<1x2x3x2xindex>) -> tensor<4x5x6xf32>
  return
}

// -----

// The generic form, as mlir-opt prints it.
// CHECK-LABEL: func.func @generic
// CHECK: tensor.extract_slice %{{.*}}[0, %{{.*}}] [2, 4] [1, 1] : tensor<4x8xf32> to tensor<2x4xf32>
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0, 1]] output_shape [2, 8] : tensor<16xf32> into tensor<2x8xf32>
// CHECK: tensor.pad %{{.*}} nofold low[1] high[%{{.*}}] {
func.func @generic(%t: tensor<4x8xf32>, %s: tensor<16xf32>, %i: index, %f: f32) {
  %0 = "tensor.extract_slice"(%t, %i) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: 0, -9223372036854775808>, static_sizes = array<i64: 2, 4>, static_strides = array<i64: 1, 1>}> : (tensor<4x8xf32>, index) -> tensor<2x4xf32>
  %1 = "tensor.expand_shape"(%s) <{reassociation = [[0, 1]], static_output_shape = array<i64: 2, 8>}> : (tensor<16xf32>) -> tensor<2x8xf32>
  %2 = "tensor.pad"(%s, %i) <{nofold, operandSegmentSizes = array<i32: 1, 0, 1>, static_high = array<i64: -9223372036854775808>, static_low = array<i64: 1>}> ({
  ^bb0(%a: index):
    "tensor.yield"(%f) : (f32) -> ()
  }) : (tensor<16xf32>, index) -> tensor<?xf32>
  return
}
