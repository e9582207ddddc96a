// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @linalg_matmul(%a: memref<4x8xf32>, %b: memref<4x16xf32>, %c: memref<4x16xf32>) {
  // expected-error@+1 {{inferred input/output operand #1 has shape's dimension #0 to be 8, but found 4}}
  linalg.matmul ins(%a, %b : memref<4x8xf32>, memref<4x16xf32>) outs(%c : memref<4x16xf32>)
  return
}

// -----

func.func @linalg_generic_maps(%a: memref<4xf32>) {
  // expected-error@+1 {{expected the number of indexing_map (1) to be equal to the number of input/output operands (2)}}
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a : memref<4xf32>) outs(%a : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  return
}

// -----

func.func @matmul_output_shape(%a: memref<4x8xf32>, %b: memref<8x4xf32>, %c: memref<4x5xf32>) {
  // expected-error@+1 {{'linalg.matmul' op inferred input/output operand #2 has shape's dimension #1 to be 4, but found 5}}
  linalg.matmul ins(%a, %b : memref<4x8xf32>, memref<8x4xf32>) outs(%c : memref<4x5xf32>)
  return
}

// -----

func.func @matmul_missing_operand(%a: memref<4x8xf32>, %c: memref<4x4xf32>) {
  linalg.matmul ins(%a : memref<4x8xf32>) outs(%c : memref<4x4xf32>)
  // expected-error@+1 {{custom op 'linalg.matmul' [parseNamedStructuredOpRegion] ods-gen generated region expects 3 args, got 2}}
  return
}

// -----

func.func @matmul_operand_rank(%a: memref<4x8x2xf32>, %b: memref<8x4xf32>, %c: memref<4x4xf32>) {
  // expected-error@+1 {{'linalg.matmul' op expected operand #0 rank (3) to match the result rank of indexing_map (2)}}
  linalg.matmul ins(%a, %b : memref<4x8x2xf32>, memref<8x4xf32>) outs(%c : memref<4x4xf32>)
  return
}

// -----

func.func @conv_strides_too_large(%i: memref<1x9x9x3xf32>, %f: memref<3x3x3x4xf32>, %o: memref<1x4x4x4xf32>) {
  // expected-error@+1 {{'linalg.conv_2d_nhwc_hwcf' op inferred input/output operand #0 has shape's dimension #1 to be greater than or equal to 12, but found 9}}
  linalg.conv_2d_nhwc_hwcf {strides = dense<3> : tensor<2xi64>} ins(%i, %f : memref<1x9x9x3xf32>, memref<3x3x3x4xf32>) outs(%o : memref<1x4x4x4xf32>)
  return
}

// -----

func.func @generic_too_few_iterators(%a: tensor<4x8xf32>, %c: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{'linalg.generic' op expected indexing_map #0 to have 1 dim(s) to match the number of loops}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel"]} ins(%a : tensor<4x8xf32>) outs(%c : tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  } -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @transpose_invalid_permutation(%a: memref<4x8xf32>, %c: memref<8x4xf32>) {
  // expected-error@+1 {{'linalg.transpose' op permutation is not valid}}
  linalg.transpose ins(%a : memref<4x8xf32>) outs(%c : memref<8x4xf32>) permutation = [0, 0]
  return
}

// -----

func.func @broadcast_dim_mismatch(%a: memref<4xf32>, %c: memref<4x8xf32>) {
  // expected-error@+1 {{'linalg.broadcast' op input dim 0 should match init dim 1. input: 4, init: 8}}
  linalg.broadcast ins(%a : memref<4xf32>) outs(%c : memref<4x8xf32>) dimensions = [0]
  return
}

// -----

func.func @reduce_init_shape(%a: memref<4x8xf32>, %c: memref<4xf32>) {
  // expected-error@+1 {{'linalg.reduce' op init dimensions [4] doesn't match input dimensions after reduction [8]}}
  linalg.reduce { arith.addf } ins(%a : memref<4x8xf32>) outs(%c : memref<4xf32>) dimensions = [0]
  return
}

// -----

func.func @add_missing_operand(%a: memref<4x8xf32>, %c: memref<4x8xf32>) {
  linalg.add ins(%a : memref<4x8xf32>) outs(%c : memref<4x8xf32>)
  // expected-error@+1 {{custom op 'linalg.add' [parseNamedStructuredOpRegion] ods-gen generated region expects 3 args, got 2}}
  return
}

// -----

func.func @exp_on_integers(%a: memref<4x8xi32>, %c: memref<4x8xi32>) {
  // expected-error@+1 {{custom op 'linalg.exp' unsupported non numeric type}}
  linalg.exp ins(%a : memref<4x8xi32>) outs(%c : memref<4x8xi32>)
  return
}

// -----

func.func @map_missing_init_argument(%a: memref<4x8xf32>, %c: memref<4x8xf32>) {
  // expected-error@+1 {{'linalg.map' op expects number of operands to match the arity of mapper, but got: 2 and 1}}
  linalg.map ins(%a : memref<4x8xf32>) outs(%c : memref<4x8xf32>) (%x: f32) {
    linalg.yield %x : f32
  }
  return
}

// -----

func.func @pooling_strides_shape(%a: memref<1x8x8x3xf32>, %w: memref<2x2xf32>, %c: memref<1x4x4x3xf32>) {
  // expected-error@+1 {{custom op 'linalg.pooling_nhwc_sum' 'linalg.pooling_nhwc_sum' op attribute 'strides' failed to satisfy constraint: 64-bit signless int elements attribute of shape [2]}}
  linalg.pooling_nhwc_sum {strides = dense<2> : tensor<3xi64>} ins(%a, %w : memref<1x8x8x3xf32>, memref<2x2xf32>) outs(%c : memref<1x4x4x3xf32>)
  return
}

// -----

func.func @transpose_rank_mismatch(%a: memref<4x8xf32>, %c: memref<8x4x2xf32>) {
  // expected-error@+1 {{'linalg.transpose' op input rank 2 does not match init rank 3}}
  linalg.transpose ins(%a : memref<4x8xf32>) outs(%c : memref<8x4x2xf32>) permutation = [1, 0]
  return
}

// -----

func.func @transpose_permutation_size(%a: memref<4x8xf32>, %c: memref<8x4xf32>) {
  // expected-error@+1 {{'linalg.transpose' op size of permutation 3 does not match the argument rank 2}}
  linalg.transpose ins(%a : memref<4x8xf32>) outs(%c : memref<8x4xf32>) permutation = [1, 0, 2]
  return
}

// -----

func.func @transpose_dim_mismatch(%a: memref<4x8xf32>, %c: memref<4x8xf32>) {
  // expected-error@+1 {{'linalg.transpose' op dim(result, 0) = 4 doesn't match dim(input, permutation[0]) = 8}}
  linalg.transpose ins(%a : memref<4x8xf32>) outs(%c : memref<4x8xf32>) permutation = [1, 0]
  return
}

// -----

func.func @broadcast_rank_mismatch(%a: memref<4xf32>, %c: memref<4x8xf32>) {
  // expected-error@+1 {{'linalg.broadcast' op input rank plus added dimensions does not match init rank. input rank: 1, dimensions size: 2, init rank: 2}}
  linalg.broadcast ins(%a : memref<4xf32>) outs(%c : memref<4x8xf32>) dimensions = [1, 0]
  return
}

// -----

func.func @broadcast_dimension_out_of_range(%a: memref<4xf32>, %c: memref<4x8xf32>) {
  // expected-error@+1 {{'linalg.broadcast' op dimension 0 is out of range. expected range: [0, 1], got: 2}}
  linalg.broadcast ins(%a : memref<4xf32>) outs(%c : memref<4x8xf32>) dimensions = [2]
  return
}

// -----

func.func @broadcast_element_type(%a: memref<4xf32>, %c: memref<4x8xi32>) {
  // expected-error@+1 {{'linalg.yield' op type of yield operand 1 ('f32') doesn't match the element type of the enclosing linalg.generic op ('i32')}}
  linalg.broadcast ins(%a : memref<4xf32>) outs(%c : memref<4x8xi32>) dimensions = [1]
  return
}

// -----

func.func @reduce_dimension_out_of_range(%a: memref<4x8xf32>, %c: memref<4xf32>) {
  // expected-error@+1 {{'linalg.reduce' op dimensions for reduction should be in the range [0, 1].}}
  linalg.reduce { arith.addf } ins(%a : memref<4x8xf32>) outs(%c : memref<4xf32>) dimensions = [2]
  return
}

// -----

func.func @reduce_init_rank(%a: memref<4x8xf32>, %c: memref<4x8xf32>) {
  // expected-error@+1 {{'linalg.reduce' op number of dimensions after reduction 1 doesn't match the init rank 2}}
  linalg.reduce { arith.addf } ins(%a : memref<4x8xf32>) outs(%c : memref<4x8xf32>) dimensions = [1]
  return
}

// -----

func.func @map_shape_mismatch(%a: memref<4x8xf32>, %c: memref<4x9xf32>) {
  // expected-error@+1 {{'linalg.map' op expected shape of input (4, 8) to match shape of output (4, 9)}}
  linalg.map { arith.negf } ins(%a : memref<4x8xf32>) outs(%c : memref<4x9xf32>)
  return
}

// -----

func.func @map_argument_type(%a: memref<4x8xf32>, %c: memref<4x8xf32>) {
  // expected-error@+1 {{'linalg.map' op expected element type of input 'f32' to match bbArg type 'i32'}}
  linalg.map ins(%a : memref<4x8xf32>) outs(%c : memref<4x8xf32>) (%x: i32, %y: f32) {
    linalg.yield %y : f32
  }
  return
}

// -----

func.func @generic_too_few_iterators_on_memrefs(%a: memref<4x8xf32>, %c: memref<4xf32>) {
  // expected-error@+1 {{'linalg.generic' op expected indexing_map #0 to have 1 dim(s) to match the number of loops}}
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel"]} ins(%a : memref<4x8xf32>) outs(%c : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  return
}

// -----

func.func @generic_yield_count(%a: memref<4x8xf32>, %c: memref<4xf32>) {
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%a : memref<4x8xf32>) outs(%c : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    // expected-error@+1 {{'linalg.yield' op expected number of yield values (2) to match the number of inits / outs operands of the enclosing LinalgOp (1)}}
    linalg.yield %x, %y : f32, f32
  }
  return
}

// -----

func.func @generic_argument_count(%a: memref<4x8xf32>, %c: memref<4xf32>) {
  // expected-error@+1 {{'linalg.generic' op expected as many non-induction variable region arguments as the number of input/output operands}}
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%a : memref<4x8xf32>) outs(%c : memref<4xf32>) {
  ^bb0(%x: f32):
    linalg.yield %x : f32
  }
  return
}

// -----

func.func @batch_matmul_operand_rank(%a: memref<2x3x5xf32>, %b: memref<2x5xf32>, %c: memref<2x3x7xf32>) {
  // expected-error@+1 {{'linalg.batch_matmul' op expected operand #1 rank (2) to match the result rank of indexing_map (3)}}
  linalg.batch_matmul ins(%a, %b : memref<2x3x5xf32>, memref<2x5xf32>) outs(%c : memref<2x3x7xf32>)
  return
}

// -----

func.func @elementwise_output_shape(%a: memref<4x8xf32>, %c: memref<4x9xf32>) {
  // expected-error@+1 {{'linalg.elementwise' op inferred input/output operand #1 has shape's dimension #1 to be 8, but found 9}}
  linalg.elementwise kind=#linalg.elementwise_kind<exp> ins(%a : memref<4x8xf32>) outs(%c : memref<4x9xf32>)
  return
}

// -----

func.func @softmax_output_shape(%a: tensor<4x8xf32>, %b: tensor<4x9xf32>) -> tensor<4x9xf32> {
  // expected-error@+1 {{'linalg.softmax' op incompatible output shape}}
  %0 = linalg.softmax dimension(1) ins(%a : tensor<4x8xf32>) outs(%b : tensor<4x9xf32>) -> tensor<4x9xf32>
  return %0 : tensor<4x9xf32>
}

// -----

func.func @softmax_dimension(%a: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error@+1 {{'linalg.softmax' op incorrect dimension specified}}
  %0 = linalg.softmax dimension(2) ins(%a : tensor<4x8xf32>) outs(%a : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

func.func @pack_tile_mismatch(%a: tensor<16x8xf32>, %p: tensor<4x4x4x3xf32>) -> tensor<4x4x4x3xf32> {
  // expected-error@+1 {{mismatch in inner tile sizes specified and shaped of tiled dimension in the packed type}}
  %0 = linalg.pack %a inner_dims_pos = [0, 1] inner_tiles = [4, 2] into %p : tensor<16x8xf32> -> tensor<4x4x4x3xf32>
  return %0 : tensor<4x4x4x3xf32>
}

// -----

func.func @pack_duplicate_inner_dims(%a: tensor<16x8xf32>, %p: tensor<4x4x4x2xf32>) -> tensor<4x4x4x2xf32> {
  // expected-error@+1 {{invalid inner_dims_pos vector}}
  %0 = linalg.pack %a inner_dims_pos = [0, 0] inner_tiles = [4, 2] into %p : tensor<16x8xf32> -> tensor<4x4x4x2xf32>
  return %0 : tensor<4x4x4x2xf32>
}

// -----

func.func @pack_partial_tile(%a: tensor<15x8xf32>, %p: tensor<4x4x4x2xf32>) -> tensor<4x4x4x2xf32> {
  // expected-error@+1 {{'linalg.pack' op invalid tile factor or output size provided. Only full tiles are supported when padding_value is not set}}
  %0 = linalg.pack %a inner_dims_pos = [0, 1] inner_tiles = [4, 2] into %p : tensor<15x8xf32> -> tensor<4x4x4x2xf32>
  return %0 : tensor<4x4x4x2xf32>
}

// -----

func.func @unpack_tile_count(%a: tensor<16x8xf32>, %p: tensor<4x4x4x2xf32>) -> tensor<16x8xf32> {
  // expected-error@+1 {{tiling factors must equal the number of dimensions to tile}}
  %0 = linalg.unpack %p inner_dims_pos = [0, 1] inner_tiles = [4] into %a : tensor<4x4x4x2xf32> -> tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}

// -----

func.func @unpack_outer_perm(%a: tensor<16x8xf32>, %p: tensor<4x4x4x2xf32>) -> tensor<16x8xf32> {
  // expected-error@+1 {{outer_dims_perm must be a permutation or empty}}
  %0 = linalg.unpack %p outer_dims_perm = [0] inner_dims_pos = [0, 1] inner_tiles = [4, 2] into %a : tensor<4x4x4x2xf32> -> tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}

// -----

func.func @unpack_dynamic_tile_static_dim(%a: tensor<16x8xf32>, %p: tensor<4x4x4x2xf32>, %n: index) -> tensor<16x8xf32> {
  // expected-error@+1 {{mismatch in inner tile sizes specified and shaped of tiled dimension in the packed type}}
  %0 = linalg.unpack %p inner_dims_pos = [0, 1] inner_tiles = [%n, 2] into %a : tensor<4x4x4x2xf32> -> tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}

// -----

func.func @pack_outer_perm_tile_mismatch(%a: tensor<16x8xf32>, %p: tensor<2x4x8x2xf32>) -> tensor<2x4x8x2xf32> {
  // expected-error@+1 {{mismatch in inner tile sizes specified and shaped of tiled dimension in the packed type}}
  %0 = linalg.pack %a outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [4, 2] into %p : tensor<16x8xf32> -> tensor<2x4x8x2xf32>
  return %0 : tensor<2x4x8x2xf32>
}

// -----

func.func @pooling_unsigned_on_floats(%a: memref<1x4x4x3xf32>, %w: memref<2x2xf32>, %c: memref<1x3x3x3xf32>) {
  // expected-error@+1 {{custom op 'linalg.pooling_nhwc_max_unsigned' unsupported operation: unsigned max not on uint}}
  linalg.pooling_nhwc_max_unsigned ins(%a, %w : memref<1x4x4x3xf32>, memref<2x2xf32>) outs(%c : memref<1x3x3x3xf32>)
  return
}

// -----

func.func @yield_outside_linalg(%arg0: memref<?xf32>) {
  // expected-error@+1 {{'linalg.yield' op expected parent op with LinalgOp interface}}
  linalg.yield %arg0: memref<?xf32>
}

// -----

func.func @index_dim_out_of_range(%arg0: memref<f32>) {
  linalg.generic {indexing_maps = [affine_map<() -> ()>], iterator_types = []} outs(%arg0 : memref<f32>) {
    ^bb(%0: f32):
      // expected-error@+1 {{'linalg.index' op expected dim (2) to be lower than the number of loops (0) of the enclosing LinalgOp}}
      linalg.index 2 : index
      linalg.yield %0 : f32
  }
  return
}

// -----

func.func @generic_unknown_iterator(%arg0: memref<1xi32>) {
  // expected-error@+1 {{custom op 'linalg.generic' unexpected iterator_type (random)}}
  linalg.generic {indexing_maps = [affine_map<(i) -> (i)>], iterator_types = ["random"]} outs(%arg0 : memref<1xi32>) {
    ^bb(%i : i32):
    linalg.yield %i : i32
  }
  return
}

// -----

func.func @generic_non_invertible_maps(%arg0: memref<?xf32>, %arg1: memref<?xf32>) {
  // expected-error@+1 {{'linalg.generic' op invalid indexing maps are non-invertible: ((d0, d1) -> (d0 + d1, d0 + d1))}}
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (i + j)>, affine_map<(i, j) -> (i + j)>], iterator_types = ["parallel","parallel"]} ins(%arg0 : memref<?xf32>) outs(%arg1 : memref<?xf32>) {
  ^bb(%0: f32, %1: f32):
      linalg.yield %1: f32
  }
  return
}

// -----

func.func @generic_map_with_symbol(%arg0: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error@+1 {{'linalg.generic' op unexpected symbols in indexing_map #0}}
  %0 = linalg.generic {indexing_maps = [affine_map<(d0)[s0] -> (d0 + s0)>, affine_map<(d0)[s0] -> (d0 + s0)>], iterator_types = ["parallel"]} ins(%arg0 : tensor<8xf32>) outs(%arg0 : tensor<8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @generic_result_type_mismatch(%arg0: memref<?xf32>, %arg1: tensor<?xf32>) {
  // expected-error@+1 {{'linalg.generic' op expected type of operand #1 ('tensor<?xf32>') to match type of corresponding result ('tensor<f32>')}}
  %0 = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%arg0 : memref<?xf32>) outs(%arg1 : tensor<?xf32>) {
    ^bb(%i: f32, %j: f32):
      linalg.yield %i: f32
  } -> tensor<f32>
  return
}

// -----

func.func @fill_memref_with_result(%arg0 : memref<?x?xf32>, %arg1 : f32) -> tensor<?x?xf32> {
  // expected-error@+1 {{'linalg.fill' op expected the number of tensor results (1) to be equal to the number of output tensors (0)}}
  %0 = linalg.fill ins(%arg1 : f32) outs(%arg0 : memref<?x?xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @fill_value_type_mismatch(%arg0 : tensor<2xf32>, %arg1 : f64) -> tensor<2xf32> {
  // expected-error@+1 {{'linalg.fill' op expected fill value type ('f64') to match output element type ('f32')}}
  %0 = linalg.fill ins(%arg1 : f64) outs(%arg0 : tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @fill_tensor_value(%arg0 : tensor<2x2xf32>, %arg1 : tensor<2xf32>) -> tensor<2x2xf32> {
  // expected-error@+1 {{expected op with scalar input}}
  %0 = linalg.fill ins(%arg1 : tensor<2xf32>) outs(%arg0 : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @matmul_scalar_operand(%arg0: f32, %arg1: memref<3x4xf32>, %arg2: memref<2x4xf32>) {
  // expected-error@+1 {{'linalg.matmul' op expected operand #0 rank (0) to match the result rank of indexing_map (2)}}
  linalg.matmul ins(%arg0, %arg1 : f32, memref<3x4xf32>) outs(%arg2 : memref<2x4xf32>)
  return
}

// -----

func.func @matmul_unexpected_dim(%arg0: memref<5x5xf32>, %arg1: memref<5x5xf32>, %arg2: memref<5x5xf32>) {
  // expected-error@+1 {{'linalg.matmul' op Unexpected dim expression in map result.}}
  linalg.matmul indexing_maps = [affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>] ins(%arg0, %arg1 : memref<5x5xf32>, memref<5x5xf32>) outs(%arg2 : memref<5x5xf32>)
  return
}

// -----

func.func @matmul_result_type_mismatch(%m: memref<?x?xf32>, %t: tensor<?x?xf32>) {
  // expected-error@+1 {{'linalg.matmul' op expected type of operand #2 ('tensor<?x?xf32>') to match type of corresponding result ('tensor<?xf32>')}}
  %res = linalg.matmul ins(%m, %m : memref<?x?xf32>, memref<?x?xf32>) outs(%t : tensor<?x?xf32>) -> tensor<?xf32>
  return
}

// -----

func.func @matmul_mixed_tensor_and_buffer(%m: memref<4x4xf32>, %t: tensor<4x4xf32>) {
  // expected-error@+1 {{'linalg.matmul' op expected to have pure tensor or buffer semantics}}
  %res = linalg.matmul ins(%m, %m : memref<4x4xf32>, memref<4x4xf32>) outs(%t : tensor<4x4xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @matmul_invalid_broadcast_lhs(%arg0: memref<3xf32>, %arg1: memref<5x7xf32>, %arg2: memref<3x7xf32>) {
  // expected-error@+1 {{'linalg.matmul' op Invalid broadcast requested, should be (d2).}}
  linalg.matmul indexing_maps = [affine_map<(d0, d1, d2) -> (d0)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>] ins(%arg0, %arg1 : memref<3xf32>, memref<5x7xf32>) outs(%arg2: memref<3x7xf32>)
  return
}

// -----

func.func @matmul_invalid_broadcast_rhs(%arg0: memref<3x5xf32>, %arg1: memref<7xf32>, %arg2: memref<3x7xf32>) {
  // expected-error@+1 {{'linalg.matmul' op Invalid broadcast requested, should be (d2).}}
  linalg.matmul indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>] ins(%arg0, %arg1 : memref<3x5xf32>, memref<7xf32>) outs(%arg2: memref<3x7xf32>)
  return
}

// -----

func.func @matmul_broadcast_rank(%arg0: memref<3x5xf32>, %arg1: memref<5x7xf32>, %arg2: memref<3x7xf32>) {
  // expected-error@+1 {{'linalg.matmul' op expected operand #0 rank (2) to match the result rank of indexing_map (1)}}
  linalg.matmul indexing_maps = [affine_map<(d0, d1, d2) -> (d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>] ins(%arg0, %arg1 : memref<3x5xf32>, memref<5x7xf32>) outs(%arg2: memref<3x7xf32>)
  return
}

// -----

func.func @batch_matmul_invalid_broadcast(%arg0: memref<3x5xf32>, %arg1: memref<2x5x7xf32>, %arg2: memref<2x3x7xf32>) {
  // expected-error@+1 {{'linalg.batch_matmul' op Invalid broadcast requested.}}
  linalg.batch_matmul indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>] ins(%arg0, %arg1 : memref<3x5xf32>, memref<2x5x7xf32>) outs(%arg2: memref<2x3x7xf32>)
  return
}

// -----

func.func @batch_matmul_output_map(%arg0: memref<2x3x5xf32>, %arg1: memref<2x5x7xf32>, %arg2: memref<2x3x7xf32>) {
  // expected-error@+1 {{'linalg.batch_matmul' op Invalid output map result dimension.}}
  linalg.batch_matmul indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d2, d1)>] ins(%arg0, %arg1 : memref<2x3x5xf32>, memref<2x5x7xf32>) outs(%arg2: memref<2x3x7xf32>)
  return
}

// -----

func.func @generic_negative_index(%A: memref<5xf32>, %B: memref<5xf32>) {
  // expected-error@+1 {{'linalg.generic' op unexpected result less than 0 at expression #0 in (d0) -> (-d0 + 3)}}
  linalg.generic {indexing_maps = [affine_map<(i) -> (3 - i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%A: memref<5xf32>) outs(%B: memref<5xf32>) {
  ^bb0(%a: f32, %b: f32):
    linalg.yield %a : f32
  }
  return
}

// -----

func.func @reduce_dimensions_not_increasing(%input: tensor<16x32x64xf32>, %init: tensor<16xf32>) -> tensor<16xf32> {
  // expected-error@+1 {{'linalg.reduce' op attribute 'dimensions' failed to satisfy constraint: i64 dense array attribute should be in increasing order}}
  %reduce = linalg.reduce ins(%input:tensor<16x32x64xf32>) outs(%init:tensor<16xf32>) dimensions = [1, 1]
      (%in: f32, %out: f32) {
        %0 = arith.addf %in, %out: f32
        linalg.yield %0: f32
      }
  func.return %reduce : tensor<16xf32>
}

// -----

func.func @contract_maps_after_operands(%lhs: tensor<4x1xf32>, %rhs: tensor<1x64xf32>, %init: tensor<4x64xf32>) {
  linalg.contract
      // expected-error@+1 {{custom op 'linalg.contract' expected 'indexing_maps' attribute}}
      ins(%lhs, %rhs : tensor<4x1xf32>, tensor<1x64xf32>)
      outs(%init : tensor<4x64xf32>)
      indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>]
  return
}

// -----

func.func @contract_not_projected_permutation(%lhs: tensor<4x1xf32>, %rhs: tensor<1x64xf32>, %init: tensor<4x64xf32>) {
  // expected-error@+1 {{provided affine_map is not a projected permutation}}
  %0 = linalg.contract indexing_maps = [affine_map<(d0, d1, d2) -> (d0 + d2, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>] ins(%lhs, %rhs : tensor<4x1xf32>, tensor<1x64xf32>) outs(%init : tensor<4x64xf32>) -> tensor<4x64xf32>
  return
}

// -----

func.func @contract_iteration_spaces_differ(%lhs: tensor<4x1xf32>, %rhs: tensor<1x64xf32>, %init: tensor<4x64xf32>) {
  // expected-error@+1 {{iteration spaces of provided affine_maps differ}}
  %0 = linalg.contract indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2, d3) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>] ins(%lhs, %rhs : tensor<4x1xf32>, tensor<1x64xf32>) outs(%init : tensor<4x64xf32>) -> tensor<4x64xf32>
  return
}

// -----

func.func @contract_operand_rank(%lhs: tensor<4x1x2xf32>, %rhs: tensor<1x64xf32>, %init: tensor<4x64xf32>) {
  // expected-error@+1 {{ranks of shaped operand and results of corresponding affine_map differ}}
  %0 = linalg.contract indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>] ins(%lhs, %rhs : tensor<4x1x2xf32>, tensor<1x64xf32>) outs(%init : tensor<4x64xf32>) -> tensor<4x64xf32>
  return
}

// -----

func.func @contract_scalar_with_shaped_map(%lhs: f32, %rhs: tensor<4x64xf32>, %init: tensor<4x64xf32>) {
  // expected-error@+1 {{affine_map specifies shaped access while operand has non-shaped type}}
  %0 = linalg.contract indexing_maps = [affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>] ins(%lhs, %rhs : f32, tensor<4x64xf32>) outs(%init : tensor<4x64xf32>) -> tensor<4x64xf32>
  return
}

// -----

func.func @contract_unused_dim(%lhs: tensor<4x1xf32>, %rhs: tensor<1x64xf32>, %init: tensor<4x64xf32>) {
  // expected-error@+1 {{iteration space dim at index 3 not used to access any operand}}
  %0 = linalg.contract indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d2)>, affine_map<(d0, d1, d2, d3) -> (d2, d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1)>] ins(%lhs, %rhs : tensor<4x1xf32>, tensor<1x64xf32>) outs(%init : tensor<4x64xf32>) -> tensor<4x64xf32>
  return
}

// -----

func.func @contract_dim_neither_contracted_nor_parallel(%lhs: tensor<8x4x1xf32>, %rhs: tensor<1x64xf32>, %init: tensor<4x64xf32>) {
  // expected-error@+1 {{iteration space dim at index 3 is neither a contracting dim nor of parallel iteration type}}
  %0 = linalg.contract indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d2, d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1)>] ins(%lhs, %rhs : tensor<8x4x1xf32>, tensor<1x64xf32>) outs(%init : tensor<4x64xf32>) -> tensor<4x64xf32>
  return
}

// -----

func.func @pack_rank_mismatch(%s: tensor<2x2xf32>, %c: tensor<2x2xf32>) -> tensor<2x2xf32> {
  // expected-error@+1 {{packed rank != (unpacked rank + num tiling factors), got 2 != 3}}
  %0 = linalg.pack %s inner_dims_pos = [0] inner_tiles = [2] into %c : tensor<2x2xf32> -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @pack_padded_outer_dim_too_large(%s: tensor<30x17xf32>, %d: tensor<5x3x8x6xf32>, %p: f32) -> tensor<5x3x8x6xf32> {
  // expected-error@+1 {{expected 'tensor<4x3x8x6xf32>' for the packed domain value, got 'tensor<5x3x8x6xf32>'}}
  %0 = linalg.pack %s padding_value(%p : f32) inner_dims_pos = [0, 1] inner_tiles = [8, 6] into %d : tensor<30x17xf32> -> tensor<5x3x8x6xf32>
  return %0 : tensor<5x3x8x6xf32>
}

// -----

func.func @unpack_outer_dims_too_small(%s: tensor<64x16xf32>, %d: tensor<4x16x8xf32>) -> tensor<64x16xf32> {
  // expected-error@+1 {{expected 'tensor<8x16x8xf32>' for the packed domain value, got 'tensor<4x16x8xf32>'}}
  %0 = linalg.unpack %d inner_dims_pos = [0] inner_tiles = [8] into %s : tensor<4x16x8xf32> -> tensor<64x16xf32>
  return %0 : tensor<64x16xf32>
}
