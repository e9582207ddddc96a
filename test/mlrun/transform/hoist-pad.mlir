// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule | mlrun - -e main --entry-point-result=void | FileCheck %s
// ORACLE: --transform-interpreter --test-transform-dialect-erase-schedule --one-shot-bufferize=bufferize-function-boundaries --buffer-deallocation-pipeline --convert-bufferization-to-memref --test-lower-to-llvm
// A 5x7 * 7x6 matmul tiled 2 x 4 x 3 (partial tiles on every dim), each
// tile padded to 2 x 3, 3 x 4 and 2 x 4 with zeros, and B's pad hoisted out
// of the k loop: a loop before it pads all of B's k tiles into a 3x3x4
// tensor that the k loop slices; the result equals the untiled matmul's.
func.func private @printMemrefF32(tensor<*xf32>)

func.func @matmul(%a: tensor<5x7xf32>, %b: tensor<7x6xf32>, %c: tensor<5x6xf32>) -> tensor<5x6xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<5x7xf32>, tensor<7x6xf32>) outs(%c : tensor<5x6xf32>) -> tensor<5x6xf32>
  return %0 : tensor<5x6xf32>
}

func.func @main() {
  %a = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s = arith.addi %i, %j : index
    %t = arith.index_cast %s : index to i32
    %f = arith.sitofp %t : i32 to f32
    tensor.yield %f : f32
  } : tensor<5x7xf32>
  %b = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s = arith.muli %i, %j : index
    %t = arith.index_cast %s : index to i32
    %f = arith.sitofp %t : i32 to f32
    tensor.yield %f : f32
  } : tensor<7x6xf32>
  %one = arith.constant 1.0 : f32
  %e = tensor.empty() : tensor<5x6xf32>
  %c = linalg.fill ins(%one : f32) outs(%e : tensor<5x6xf32>) -> tensor<5x6xf32>
  %r = call @matmul(%a, %b, %c) : (tensor<5x7xf32>, tensor<7x6xf32>, tensor<5x6xf32>) -> tensor<5x6xf32>
  %u = tensor.cast %r : tensor<5x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
// CHECK: rank = 2 offset = 0 sizes = [5, 6] strides = [6, 1] data =
// CHECK-NEXT: [1,   92,   183,   274,   365,   456],
// CHECK-NEXT: [1,   113,   225,   337,   449,   561],

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %l:3 = transform.structured.tile_using_for %mm tile_sizes [2, 4, 3] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    %p, %pad, %copy = transform.structured.pad %t {padding_values = [0.0 : f32, 0.0 : f32, 0.0 : f32], padding_dimensions = [0, 1, 2], nofold_flags = [1, 1, 1]} : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %pa, %pb, %pc = transform.split_handle %pad : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %hoisted = transform.structured.hoist_pad %pb by 1 loops : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
