// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule | mlrun - -e main --entry-point-result=void | FileCheck %s
// ORACLE: --transform-interpreter --test-transform-dialect-erase-schedule --buffer-deallocation-pipeline --convert-bufferization-to-memref --test-lower-to-llvm
func.func private @printMemrefF32(tensor<*xf32>)

// C = 1 + A * B on tensors (8x12 * 12x16), with the schedule below: tile
// 4 x 8 x 4, vectorize the tiles, fold the slices into the transfers, hoist
// the accumulator out of the k loop (an iter_arg of vector type), unroll the
// k loop by 3, then bufferize the whole module through the transform op.
func.func @matmul(%a: tensor<8x12xf32>, %b: tensor<12x16xf32>) -> tensor<8x16xf32> {
  %one = arith.constant 1.0 : f32
  %e = tensor.empty() : tensor<8x16xf32>
  %c = linalg.fill ins(%one : f32) outs(%e : tensor<8x16xf32>) -> tensor<8x16xf32>
  %r = linalg.matmul ins(%a, %b : tensor<8x12xf32>, tensor<12x16xf32>) outs(%c : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %r : tensor<8x16xf32>
}

func.func @main() {
  %a = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s = arith.subi %i, %j : index
    %t = arith.index_cast %s : index to i32
    %v = arith.sitofp %t : i32 to f32
    tensor.yield %v : f32
  } : tensor<8x12xf32>
  %b = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s = arith.addi %i, %j : index
    %c3 = arith.constant 3 : index
    %r = arith.remui %s, %c3 : index
    %t = arith.index_cast %r : index to i32
    %v = arith.sitofp %t : i32 to f32
    tensor.yield %v : f32
  } : tensor<12x16xf32>
  %r = call @matmul(%a, %b) : (tensor<8x12xf32>, tensor<12x16xf32>) -> tensor<8x16xf32>
  %u = tensor.cast %r : tensor<8x16xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.consumed}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %tile, %i, %j, %k = transform.structured.tile_using_for %mm tile_sizes [4, 8, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.structured.vectorize %tile : !transform.any_op
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %f {
      transform.apply_patterns.canonicalization
      transform.apply_patterns.tensor.fold_tensor_subset_ops
    } : !transform.any_op
    transform.loop.hoist_loop_invariant_subsets %k : !transform.any_op
    transform.loop.unroll %k {factor = 3} : !transform.any_op
    %bufferized = transform.bufferization.one_shot_bufferize %root {bufferize_function_boundaries = true} : (!transform.any_op) -> !transform.any_op
    %f2 = transform.structured.match ops{["func.func"]} in %bufferized : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %f2 {
      transform.apply_patterns.vector.lower_multi_reduction lowering_strategy = "innerparallel"
    } : !transform.any_op
    transform.yield
  }
}

// CHECK:      rank = 2 offset = 0 sizes = [8, 16] strides = [16, 1] data =
// CHECK-NEXT: {{\[\[}}-73,   -61,   -61,   -73,   -61,   -61,   -73,   -61,   -61,   -73,   -61,   -61,   -73,   -61,   -61,   -73],
// CHECK-NEXT: [-61,   -49,   -49,   -61,   -49,   -49,   -61,   -49,   -49,   -61,   -49,   -49,   -61,   -49,   -49,   -61],
// CHECK:      [11,   23,   23,   11,   23,   23,   11,   23,   23,   11,   23,   23,   11,   23,   23,   11]]
