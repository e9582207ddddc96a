// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @cast_1(%t: tensor<4xf32>) {
  // expected-error@+1 {{'tensor.cast' op operand type 'tensor<4xf32>' and result type 'tensor<8xf32>' are cast incompatible}}
  %0 = tensor.cast %t : tensor<4xf32> to tensor<8xf32>
  return
}

// -----

func.func @cast_2(%t: tensor<4xf32>) {
  // expected-error@+1 {{'tensor.cast' op operand type 'tensor<4xf32>' and result type 'tensor<4xi32>' are cast incompatible}}
  %0 = tensor.cast %t : tensor<4xf32> to tensor<4xi32>
  return
}

// -----

func.func @cast_3(%t: tensor<4xf32>) {
  // expected-error@+1 {{'tensor.cast' op operand type 'tensor<4xf32>' and result type 'tensor<4x4xf32>' are cast incompatible}}
  %0 = tensor.cast %t : tensor<4xf32> to tensor<4x4xf32>
  return
}

// -----

func.func @dim_1(%t: tensor<f32>, %i: index) {
  // expected-error@+1 {{'tensor.dim' op operand #0 must be non-0-ranked or unranked tensor, but got 'tensor<f32>'}}
  %0 = tensor.dim %t, %i : tensor<f32>
  return
}

// -----

func.func @extract_1(%t: tensor<4x4xf32>, %i: index) {
  // expected-error@+1 {{'tensor.extract' op incorrect number of indices for extract_element}}
  %0 = tensor.extract %t[%i] : tensor<4x4xf32>
  return
}

// -----

func.func @insert_1(%t: tensor<4x4xf32>, %i: index, %f: f32) {
  // expected-error@+1 {{'tensor.insert' op incorrect number of indices}}
  %0 = tensor.insert %f into %t[%i] : tensor<4x4xf32>
  return
}

// -----

func.func @from_elements_1(%f: f32) {
  // expected-error@+1 {{custom op 'tensor.from_elements' number of operands and types do not match: got 1 operands and 2 types}}
  %0 = tensor.from_elements %f : tensor<2xf32>
  return
}

// -----

func.func @empty_1(%i: index) {
  // expected-error@+1 {{'tensor.empty' op incorrect number of dynamic sizes, has 1, expected 0}}
  %0 = tensor.empty(%i) : tensor<4x4xf32>
  return
}

// -----

func.func @extract_slice_1(%t: tensor<8x16xf32>) {
  // expected-error@+1 {{expected type to be 'tensor<4x4xf32>' or a rank-reduced version. (size mismatch)}}
  %0 = tensor.extract_slice %t[0, 0] [4, 4] [1, 1] : tensor<8x16xf32> to tensor<4x8xf32>
  return
}

// -----

func.func @extract_slice_2(%t: tensor<8x16xf32>) {
  // expected-error@+1 {{expected 2 offset values, got 1}}
  %0 = tensor.extract_slice %t[0] [4] [1] : tensor<8x16xf32> to tensor<4xf32>
  return
}

// -----

func.func @insert_slice_1(%t: tensor<8x16xf32>, %d: tensor<16x16xf32>) {
  // expected-error@+1 {{expected type to be 'tensor<8x8xf32>' or a rank-reduced version. (size mismatch)}}
  %0 = tensor.insert_slice %t into %d[0, 0] [8, 8] [1, 1] : tensor<8x16xf32> into tensor<16x16xf32>
  return
}

// -----

func.func @extract_slice_3(%t: tensor<8x16xf32>) {
  // expected-error@+1 {{expected element type to be 'f32'}}
  %0 = tensor.extract_slice %t[0, 0] [4, 4] [1, 1] : tensor<8x16xf32> to tensor<4x4xi32>
  return
}

// -----

func.func @extract_slice_4(%t: tensor<8x16xf32>) {
  // expected-error@+1 {{expected type to be 'tensor<1x4xf32>' or a rank-reduced version. (size mismatch)}}
  %0 = tensor.extract_slice %t[0, 0] [1, 4] [1, 1] : tensor<8x16xf32> to tensor<4x1xf32>
  return
}

// -----

func.func @collapse_shape_1(%t: tensor<8x16xf32>) {
  // expected-error@+1 {{'tensor.collapse_shape' op expected collapsed rank (1) to equal the number of reassociation maps (2).}}
  %0 = tensor.collapse_shape %t [[0], [1]] : tensor<8x16xf32> into tensor<128xf32>
  return
}

// -----

func.func @collapse_shape_2(%t: tensor<8x16xf32>) {
  // expected-error@+1 {{'tensor.collapse_shape' op expected dimension 0 of collapsed type to be static value of 128}}
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<8x16xf32> into tensor<100xf32>
  return
}

// -----

func.func @collapse_shape_3(%t: tensor<8x16xf32>) {
  // expected-error@+1 {{'tensor.collapse_shape' op expected reassociation map #0 to be valid and contiguous.}}
  %0 = tensor.collapse_shape %t [[1, 0]] : tensor<8x16xf32> into tensor<128xf32>
  return
}

// -----

func.func @expand_shape_1(%t: tensor<16xf32>) {
  // expected-error@+1 {{'tensor.expand_shape' op expected dimension 0 of collapsed type to be static value of 32}}
  %0 = tensor.expand_shape %t [[0, 1]] output_shape [4, 8] : tensor<16xf32> into tensor<4x8xf32>
  return
}

// -----

func.func @expand_shape_2(%t: tensor<16xf32>) {
  // expected-error@+1 {{'tensor.expand_shape' op expected number of static shape dims to be equal to the output rank (2) but found 1 inputs instead}}
  %0 = tensor.expand_shape %t [[0, 1]] output_shape [4] : tensor<16xf32> into tensor<4x4xf32>
  return
}

// -----

func.func @pad_1(%t: tensor<4xf32>, %f: f32) {
  // expected-error@+1 {{specified type 'tensor<7xf32>' does not match the inferred type 'tensor<6xf32>'}}
  %0 = tensor.pad %t low[1] high[1] {
  ^bb0(%a: index):
    tensor.yield %f : f32
  } : tensor<4xf32> to tensor<7xf32>
  return
}

// -----

func.func @pad_2(%t: tensor<4xf32>, %f: f32) {
  // expected-error@+1 {{failed to infer expectedType from sourceType 'tensor<4xf32>', specified resultType is 'tensor<6xf32>'}}
  %0 = tensor.pad %t low[1, 1] high[1, 1] {
  ^bb0(%a: index):
    tensor.yield %f : f32
  } : tensor<4xf32> to tensor<6xf32>
  return
}

// -----

func.func @pad_3(%t: tensor<4xf32>, %f: f32) {
  // expected-error@+1 {{expected the block to have 1 arguments}}
  %0 = tensor.pad %t low[1] high[1] {
  ^bb0(%a: index, %b: index):
    tensor.yield %f : f32
  } : tensor<4xf32> to tensor<6xf32>
  return
}

// -----

func.func @pad_4(%t: tensor<4xf32>, %f: i32) {
  // expected-error@+1 {{'tensor.pad' op expected yield type to match shape element type}}
  %0 = tensor.pad %t low[1] high[1] {
  ^bb0(%a: index):
    tensor.yield %f : i32
  } : tensor<4xf32> to tensor<6xf32>
  return
}

// -----

func.func @generate_1(%i: index) {
  // expected-error@+1 {{'tensor.generate' op incorrect number of dynamic sizes, has 0, expected 1}}
  %0 = tensor.generate {
  ^bb0(%a: index):
    %v = arith.constant 0 : i32
    tensor.yield %v : i32
  } : tensor<?xi32>
  return
}

// -----

func.func @generate_2(%i: index) {
  // expected-error@+1 {{must have one body argument per input dimension}}
  %0 = tensor.generate %i {
  ^bb0(%a: index, %b : index):
    %v = arith.constant 0 : i32
    tensor.yield %v : i32
  } : tensor<?xi32>
  return
}

// -----

func.func @generate_3(%i: index) {
  // expected-error@+1 {{'tensor.generate' op body must be terminated with a `yield` operation of the tensor element type}}
  %0 = tensor.generate %i {
  ^bb0(%a: index):
    %v = arith.constant 0.0 : f32
    tensor.yield %v : f32
  } : tensor<?xi32>
  return
}

// -----

func.func @bitcast_1(%t: tensor<4xf32>) {
  // expected-error@+1 {{'tensor.bitcast' op operand type 'tensor<4xf32>' and result type 'tensor<4xi64>' are cast incompatible}}
  %0 = tensor.bitcast %t : tensor<4xf32> to tensor<4xi64>
  return
}

// -----

func.func @concat_1(%t: tensor<4xf32>) {
  // expected-error@+1 {{'tensor.concat' op concatenation dim must be less than the tensor rank}}
  %0 = tensor.concat dim(1) %t, %t : (tensor<4xf32>, tensor<4xf32>) -> tensor<8xf32>
  return
}

// -----

func.func @concat_2(%t: tensor<4xf32>) {
  // expected-error@+1 {{'tensor.concat' op result type 'tensor<9xf32>'does not match inferred shape 'tensor<8xf32>' static sizes}}
  %0 = tensor.concat dim(0) %t, %t : (tensor<4xf32>, tensor<4xf32>) -> tensor<9xf32>
  return
}

// -----

func.func @concat_3(%t: tensor<4x3xf32>, %u: tensor<4x4xf32>) {
  // expected-error@+1 {{'tensor.concat' op static concatenation size mismatch along non-concatenated dimension 1}}
  %0 = tensor.concat dim(0) %t, %u : (tensor<4x3xf32>, tensor<4x4xf32>) -> tensor<8x3xf32>
  return
}

// -----

func.func @splat_1(%f: f32, %i: index) {
  // expected-error@+1 {{'tensor.splat' op incorrect number of dynamic sizes, has 0, expected 1}}
  %0 = tensor.splat %f : tensor<?xf32>
  return
}

// -----

func.func @reshape_1(%t: tensor<16xf32>, %s: tensor<3xindex>) {
  // expected-error@+1 {{'tensor.reshape' op length of shape operand differs from the result's tensor rank}}
  %0 = tensor.reshape %t(%s) : (tensor<16xf32>, tensor<3xindex>) -> tensor<4x4xf32>
  return
}

// -----

func.func @reshape_2(%t: tensor<16xf32>, %s: tensor<2xindex>) {
  // expected-error@+1 {{'tensor.reshape' op source and destination tensor should have the same number of elements}}
  %0 = tensor.reshape %t(%s) : (tensor<16xf32>, tensor<2xindex>) -> tensor<4x5xf32>
  return
}

// -----

func.func @reshape_3(%t: tensor<16xf32>, %s: tensor<2xindex>) {
  // expected-error@+1 {{'tensor.reshape' op element types of source and destination tensor types should be the same}}
  %0 = tensor.reshape %t(%s) : (tensor<16xf32>, tensor<2xindex>) -> tensor<4x4xi32>
  return
}

// -----

func.func @gather_1(%src: tensor<4x5x6xf32>, %ind: tensor<1x2x3x2xindex>) {
  // expected-error@+1 {{'tensor.gather' op gather_dims values must be strictly increasing}}
  %g = tensor.gather %src[%ind] gather_dims([2, 0]) : (tensor<4x5x6xf32>, tensor<1x2x3x2xindex>) -> tensor<1x2x3x1x5x1xf32>
  return
}

// -----

func.func @gather_2(%src: tensor<4x5x6xf32>, %ind: tensor<1x2x3x1xindex>) {
  // expected-error@+1 {{'tensor.gather' op gather_dims length must match the size of last dimension of indices}}
  %g = tensor.gather %src[%ind] gather_dims([0, 2]) : (tensor<4x5x6xf32>, tensor<1x2x3x1xindex>) -> tensor<1x2x3x1x5x1xf32>
  return
}

// -----

func.func @scatter_1(%src: tensor<1x2x3x1x5x1xf32>, %d: tensor<4x5x6xf32>, %ind: tensor<1x2x3x2xindex>) {
  // expected-error@+1 {{'tensor.scatter' op requires 'unique' attribute to be set}}
  %g = tensor.scatter %src into %d[%ind] scatter_dims([0, 2]) : (tensor<1x2x3x1x5x1xf32>, tensor<4x5x6xf32>, tensor<1x2x3x2xindex>) -> tensor<4x5x6xf32>
  return
}

// -----

func.func @parallel_insert_slice_1(%t: tensor<8xf32>, %o: tensor<16xf32>) {
  // expected-error@+1 {{expected InParallelOpInterface parent, got:}}
  tensor.parallel_insert_slice %t into %o[0] [8] [1] : tensor<8xf32> into tensor<16xf32>
  return
}

// -----

func.func @extract_2(%t: tensor<4xf32>) {
  %0 = tensor.extract_slice %t[0] [4] [1] : tensor<4xf32> to tensor<4xf32>
  // expected-error@+1 {{'tensor.extract' op incorrect number of indices for extract_element}}
  %1 = tensor.extract %0[] : tensor<4xf32>
  return
}

// -----

func.func @extract_slice_5(%t: tensor<8xf32>) {
  // expected-error@+1 {{offset 0 is out-of-bounds: 8 >= 8}}
  %0 = tensor.extract_slice %t[8] [1] [1] : tensor<8xf32> to tensor<1xf32>
  return
}

// -----

func.func @extract_slice_6(%t: tensor<8xf32>) {
  // expected-error@+1 {{slice along dimension 0 runs out-of-bounds: 10 >= 8}}
  %0 = tensor.extract_slice %t[4] [4] [2] : tensor<8xf32> to tensor<4xf32>
  return
}

// -----

func.func @extract_slice_7(%t: tensor<8xf32>) {
  // expected-error@+1 {{offset 0 is out-of-bounds: 8 >= 8}}
  %0 = tensor.extract_slice %t[8] [0] [1] : tensor<8xf32> to tensor<0xf32>
  return
}

// -----

func.func @insert_slice_2(%t: tensor<8xf32>, %d: tensor<16xf32>) {
  // expected-error@+1 {{slice along dimension 0 runs out-of-bounds: 17 >= 16}}
  %0 = tensor.insert_slice %t into %d[10] [8] [1] : tensor<8xf32> into tensor<16xf32>
  return
}

// -----

func.func @extract_slice_8(%t: tensor<8xf32>) {
  // expected-error@+1 {{expected rank to be smaller or equal to the other rank.}}
  %0 = tensor.extract_slice %t[0] [4] [1] : tensor<8xf32> to tensor<1x4xf32>
  return
}

// -----

func.func @extract_slice_9(%t: tensor<8xf32>, %i: index) {
  // expected-error@+1 {{expected the number of 'offsets' to match the number of dynamic entries in 'static_offsets' (0 vs 1)}}
  %0 = "tensor.extract_slice"(%t) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: -9223372036854775808>, static_sizes = array<i64: 4>, static_strides = array<i64: 1>}> : (tensor<8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @extract_slice_10(%t: tensor<8xf32>, %i: index) {
  // expected-error@+1 {{expected mixed offsets rank to match mixed sizes rank (2 vs 1) so the rank of the result type is well-formed.}}
  %0 = "tensor.extract_slice"(%t) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 4>, static_strides = array<i64: 1>}> : (tensor<8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @extract_slice_11(%t: tensor<8xf32>) {
  // expected-error@+1 {{expected offsets to be non-negative, but got -1}}
  %0 = "tensor.extract_slice"(%t) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: -1>, static_sizes = array<i64: 4>, static_strides = array<i64: 1>}> : (tensor<8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @expand_shape_3(%t: tensor<16xf32>, %i: index) {
  // expected-error@+1 {{'tensor.expand_shape' op mismatch in dynamic dims in output_shape and static_output_shape: static_output_shape has 0 dynamic dims while output_shape has 1 values}}
  %0 = "tensor.expand_shape"(%t, %i) <{reassociation = [[0, 1]], static_output_shape = array<i64: 4, 4>}> : (tensor<16xf32>, index) -> tensor<4x4xf32>
  return
}

// -----

func.func @collapse_shape_4(%t: tensor<4x4xf32>) {
  // expected-error@+1 {{'tensor.collapse_shape' op expected the expanded type, 'tensor<4x4xf32>' to have a higher (or same) rank than the collapsed type, 'tensor<4x4x1xf32>'.}}
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<4x4xf32> into tensor<4x4x1xf32>
  return
}

// -----

func.func @collapse_shape_5(%t: tensor<4x4x4xf32>) {
  // expected-error@+1 {{'tensor.collapse_shape' op expected reassociation map #0 to have size equal to the expanded rank (3), but it is  2.}}
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<4x4x4xf32> into tensor<16xf32>
  return
}

// -----

func.func @collapse_shape_6(%t: tensor<4x?xf32>) {
  // expected-error@+1 {{'tensor.collapse_shape' op expected dimension 0 of collapsed type to be dynamic since one or more of the corresponding dimensions in the expanded type is dynamic}}
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<4x?xf32> into tensor<16xf32>
  return
}

// -----

func.func @collapse_shape_7(%t: tensor<4x4xf32>) {
  // expected-error@+1 {{'tensor.collapse_shape' op expected collapsed type to be 'tensor<16xf32>', but got 'tensor<16xi32>'}}
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<4x4xf32> into tensor<16xi32>
  return
}

// -----

func.func @cast_4(%t: tensor<*xf32>) {
  // expected-error@+1 {{'tensor.cast' op operand type 'tensor<*xf32>' and result type 'tensor<*xi32>' are cast incompatible}}
  %0 = tensor.cast %t : tensor<*xf32> to tensor<*xi32>
  return
}

// -----

func.func @reshape_4(%t: tensor<16xf32>, %s: tensor<?xindex>) {
  // expected-error@+1 {{'tensor.reshape' op cannot use shape operand with dynamic length to reshape to statically-ranked tensor type}}
  %0 = tensor.reshape %t(%s) : (tensor<16xf32>, tensor<?xindex>) -> tensor<4x4xf32>
  return
}

// -----

func.func @gather_3(%src: tensor<4x5x6xf32>, %ind: tensor<1x2x3x2xindex>) {
  // expected-error@+1 {{'tensor.gather' op gather_dims value must be smaller than source rank}}
  %g = tensor.gather %src[%ind] gather_dims([0, 6]) : (tensor<4x5x6xf32>, tensor<1x2x3x2xindex>) -> tensor<1x2x3x1x5x1xf32>
  return
}

// -----

func.func @gather_4(%src: tensor<4x5x6xf32>, %ind: tensor<1x2x3x2xindex>) {
  // expected-error@+1 {{'tensor.gather' op result type mismatch: expected 'tensor<1x2x3x1x5x1xf32>' or its rank-reduced variant 'tensor<1x2x3x5xf32>' (got: 'tensor<1x2x3x2x5x1xf32>')}}
  %g = tensor.gather %src[%ind] gather_dims([0, 2]) : (tensor<4x5x6xf32>, tensor<1x2x3x2xindex>) -> tensor<1x2x3x2x5x1xf32>
  return
}

// -----

func.func @gather_5(%src: tensor<4x5x6xf32>, %ind: tensor<1x2x3x0xindex>) {
  // expected-error@+1 {{'tensor.gather' op gather_dims must be non-empty}}
  %g = tensor.gather %src[%ind] gather_dims([]) : (tensor<4x5x6xf32>, tensor<1x2x3x0xindex>) -> tensor<1x2x3x4x5x6xf32>
  return
}

// -----

func.func @scatter_2(%src: tensor<1x2x3x5x1xf32>, %d: tensor<4x5x6xf32>, %ind: tensor<1x2x3x2xindex>) {
  // expected-error@+1 {{'tensor.scatter' op source type mismatch: expected 'tensor<1x2x3x1x5x1xf32>' or its rank-reduced variant 'tensor<1x2x3x5xf32>' (got: 'tensor<1x2x3x5x1xf32>')}}
  %g = tensor.scatter %src into %d[%ind] scatter_dims([0, 2]) unique : (tensor<1x2x3x5x1xf32>, tensor<4x5x6xf32>, tensor<1x2x3x2xindex>) -> tensor<4x5x6xf32>
  return
}

// -----

func.func @generate_4(%i: i32) {
  // expected-error@+1 {{all body arguments must be index}}
  %0 = tensor.generate {
  ^bb0(%a: i32):
    %v = arith.constant 0 : i32
    tensor.yield %v : i32
  } : tensor<4xi32>
  return
}

// -----

func.func @pad_5(%t: tensor<4xf32>, %f: f32) {
  // expected-error@+1 {{'tensor.pad' op expected block argument 1 to be an index}}
  %0 = tensor.pad %t low[1] high[1] {
  ^bb0(%a: i32):
    tensor.yield %f : f32
  } : tensor<4xf32> to tensor<6xf32>
  return
}

// -----

func.func @pad_6(%t: tensor<4xf32>, %f: f32) {
  // expected-error@+1 {{specified type 'tensor<?xf32>' does not match the inferred type 'tensor<6xf32>'}}
  %0 = tensor.pad %t low[1] high[1] {
  ^bb0(%a: index):
    tensor.yield %f : f32
  } : tensor<4xf32> to tensor<?xf32>
  return
}

// -----

func.func @concat_4(%t: tensor<4xf32>, %u: tensor<4x4xf32>) {
  // expected-error@+1 {{'tensor.concat' op rank of concatenated inputs must match result rank}}
  %0 = tensor.concat dim(0) %t, %u : (tensor<4xf32>, tensor<4x4xf32>) -> tensor<8xf32>
  return
}

// -----

func.func @concat_5(%t: tensor<4xf32>, %u: tensor<4xi32>) {
  // expected-error@+1 {{'tensor.concat' op inputs and result element type must match}}
  %0 = tensor.concat dim(0) %t, %u : (tensor<4xf32>, tensor<4xi32>) -> tensor<8xf32>
  return
}

// -----

func.func @bitcast_2(%t: tensor<4xindex>) {
  // expected-error@+1 {{'tensor.bitcast' op operand #0 must be tensor of signless integer or unsigned integer or signed integer or floating-point values, but got 'tensor<4xindex>'}}
  %0 = tensor.bitcast %t : tensor<4xindex> to tensor<4xi64>
  return
}

// -----

func.func @from_elements_2(%f: f32) {
  // expected-error@+1 {{'tensor.from_elements' op failed to verify that operand types match result element type}}
  %0 = "tensor.from_elements"(%f) : (f32) -> tensor<2xf32>
  return
}

// -----

func.func @insert_2(%t: tensor<4xf32>, %i: index, %f: f32) {
  // expected-error@+1 {{'tensor.insert' op incorrect number of indices}}
  %0 = tensor.insert %f into %t[%i, %i] : tensor<4xf32>
  return
}

// -----

func.func @collapse_shape_map_too_large(%t: tensor<4xf32>) {
  // expected-error@+1 {{'tensor.collapse_shape' op expected reassociation map #0 to have size equal to the expanded rank (1), but it is  2.}}
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<4xf32> into tensor<4xf32>
  return
}

// -----

func.func @collapse_shape_repeated_dim(%t: tensor<4x4xf32>) {
  // expected-error@+1 {{'tensor.collapse_shape' op expected reassociation map #0 to have size equal to the expanded rank (2), but it is  1.}}
  %0 = tensor.collapse_shape %t [[0], [0]] : tensor<4x4xf32> into tensor<4x4xf32>
  return
}

// -----

func.func @expand_shape_group_count(%t: tensor<4xf32>) {
  // expected-error@+1 {{'tensor.expand_shape' op expected collapsed rank (1) to equal the number of reassociation maps (2).}}
  %0 = tensor.expand_shape %t [[0, 1], [2]] output_shape [2, 2, 1] : tensor<4xf32> into tensor<2x2x1xf32>
  return
}

// -----

func.func @from_elements_dynamic(%f: f32) {
  // expected-error@+1 {{custom op 'tensor.from_elements' 'result' must be statically shaped tensor of any type values, but got 'tensor<?xf32>'}}
  %0 = tensor.from_elements %f : tensor<?xf32>
  return
}

// -----

func.func @concat_no_inputs() {
  // expected-error@+1 {{'tensor.concat' op requires at least one input}}
  %0 = tensor.concat dim(0) : () -> tensor<4xf32>
  return
}

// -----

func.func @reshape_shape_not_1d(%t: tensor<4xf32>, %s: tensor<2x2xindex>) {
  // expected-error@+1 {{'tensor.reshape' op operand #1 must be 1D tensor of signless integer or index values, but got 'tensor<2x2xindex>'}}
  %0 = tensor.reshape %t(%s) : (tensor<4xf32>, tensor<2x2xindex>) -> tensor<2x2xf32>
  return
}

// -----

func.func @generate_yield_without_value(%i: index) {
  %0 = "tensor.generate"(%i) ({
  ^bb0(%a: index):
    // expected-error@+1 {{'tensor.yield' op requires a single operand}}
    "tensor.yield"() : () -> ()
  }) : (index) -> tensor<?xf32>
  return
}

// -----

func.func @insert_slice_rank_too_large(%t: tensor<8xf32>, %d: tensor<8x8xf32>) {
  // expected-error@+1 {{expected rank to be smaller or equal to the other rank.}}
  %0 = tensor.insert_slice %d into %t[0] [8] [1] : tensor<8x8xf32> into tensor<8xf32>
  return
}

// -----

func.func @extract_slice_mixed_ranks(%t: tensor<8xf32>) {
  // expected-error@+1 {{expected mixed offsets rank to match mixed sizes rank (2 vs 1) so the rank of the result type is well-formed.}}
  %0 = "tensor.extract_slice"(%t) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 4>, static_strides = array<i64: 1>}> : (tensor<8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @extract_slice_negative_size(%t: tensor<8xf32>) {
  // expected-error@+1 {{expected sizes to be non-negative, but got -1}}
  %0 = "tensor.extract_slice"(%t) <{operandSegmentSizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64: -1>, static_strides = array<i64: 1>}> : (tensor<8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @extract_slice_dynamic_size_static_result(%t: tensor<8xf32>, %i: index) {
  // expected-error@+1 {{expected type to be 'tensor<?xf32>' or a rank-reduced version. (size mismatch)}}
  %0 = tensor.extract_slice %t[0] [%i] [1] : tensor<8xf32> to tensor<4xf32>
  return
}

// -----

func.func @expand_shape_static_product(%t: tensor<?x4xf32>) {
  // expected-error@+1 {{'tensor.expand_shape' op expected dimension 0 of collapsed type to be static value of 6}}
  %0 = tensor.expand_shape %t [[0, 1], [2]] output_shape [2, 3, 4] : tensor<?x4xf32> into tensor<2x3x4xf32>
  return
}

// -----

func.func @extract_result_type(%t: tensor<4xf32>, %i: index) {
  // expected-error@+1 {{'tensor.extract' op failed to verify that result type matches element type of tensor}}
  %0 = "tensor.extract"(%t, %i) : (tensor<4xf32>, index) -> i32
  return
}

// -----

func.func @insert_scalar_type(%t: tensor<4xf32>, %i: index, %v: i32) {
  // expected-error@+1 {{'tensor.insert' op failed to verify that scalar type matches element type of dest}}
  %0 = "tensor.insert"(%v, %t, %i) : (i32, tensor<4xf32>, index) -> tensor<4xf32>
  return
}

// -----

func.func @insert_result_type(%t: tensor<4xf32>, %i: index, %v: f32) {
  // expected-error@+1 {{'tensor.insert' op failed to verify that result type matches type of dest}}
  %0 = "tensor.insert"(%v, %t, %i) : (f32, tensor<4xf32>, index) -> tensor<?xf32>
  return
}

// -----

func.func @splat_operand_type(%v: i32) {
  // expected-error@+1 {{'tensor.splat' op failed to verify that operand type matches element type of result}}
  %0 = "tensor.splat"(%v) : (i32) -> tensor<4xf32>
  return
}

// -----

func.func @insert_slice_result_type(%t: tensor<4xf32>, %d: tensor<8xf32>) {
  // expected-error@+1 {{'tensor.insert_slice' op failed to verify that expected result type to match dest type}}
  %0 = "tensor.insert_slice"(%t, %d) <{operandSegmentSizes = array<i32: 1, 1, 0, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64: 4>, static_strides = array<i64: 1>}> : (tensor<4xf32>, tensor<8xf32>) -> tensor<?xf32>
  return
}
