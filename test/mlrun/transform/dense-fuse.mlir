// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule | mlrun - -e main --entry-point-result=void | FileCheck %s
// ORACLE: --transform-interpreter --test-transform-dialect-erase-schedule --one-shot-bufferize=bufferize-function-boundaries --buffer-deallocation-pipeline --convert-bufferization-to-memref --test-lower-to-llvm
// A dense layer relu(x * w + b) on tensors (9x11 * 11x7), one linalg op per
// step; structured.fuse tiles the relu 4 x 3 (partial tiles) and fuses the
// bias add, the matmul and its fill into the loop nest.
#id = affine_map<(d0, d1) -> (d0, d1)>
#col = affine_map<(d0, d1) -> (d1)>
func.func private @printMemrefF32(tensor<*xf32>)

func.func @dense(%x: tensor<9x11xf32>, %w: tensor<11x7xf32>, %b: tensor<7xf32>) -> tensor<9x7xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<9x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<9x7xf32>) -> tensor<9x7xf32>
  %mm = linalg.matmul ins(%x, %w : tensor<9x11xf32>, tensor<11x7xf32>) outs(%f : tensor<9x7xf32>) -> tensor<9x7xf32>
  %biased = linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel"]} ins(%mm, %b : tensor<9x7xf32>, tensor<7xf32>) outs(%e : tensor<9x7xf32>) {
  ^bb0(%m: f32, %bias: f32, %out: f32):
    %s = arith.addf %m, %bias : f32
    linalg.yield %s : f32
  } -> tensor<9x7xf32>
  %relu = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%biased : tensor<9x7xf32>) outs(%e : tensor<9x7xf32>) {
  ^bb0(%in: f32, %out: f32):
    %r = arith.maximumf %in, %zero : f32
    linalg.yield %r : f32
  } -> tensor<9x7xf32>
  return %relu : tensor<9x7xf32>
}

func.func @main() {
  %x = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s = arith.subi %i, %j : index
    %t = arith.index_cast %s : index to i32
    %v = arith.sitofp %t : i32 to f32
    %c = arith.constant 5.0 : f32
    %p = arith.addf %v, %c : f32
    tensor.yield %p : f32
  } : tensor<9x11xf32>
  %w = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s = arith.addi %i, %j : index
    %c3 = arith.constant 3 : index
    %r = arith.remui %s, %c3 : index
    %t = arith.index_cast %r : index to i32
    %v = arith.sitofp %t : i32 to f32
    %h = arith.constant 0.5 : f32
    %m = arith.mulf %v, %h : f32
    tensor.yield %m : f32
  } : tensor<11x7xf32>
  %b = arith.constant dense<[-4.0, -2.0, 0.0, 1.0, 2.0, 4.0, 8.0]> : tensor<7xf32>
  %r = call @dense(%x, %w, %b) : (tensor<9x11xf32>, tensor<11x7xf32>, tensor<7xf32>) -> tensor<9x7xf32>
  %u = tensor.cast %r : tensor<9x7xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %generics = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    %bias, %relu = transform.split_handle %generics : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %tiled, %loops:2 = transform.structured.fuse %relu tile_sizes [4, 3] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// CHECK: Unranked Memref base@ = {{.*}} rank = 2 offset = 0 sizes = [9, 7] strides = [7, 1] data =
// CHECK-NEXT: {{\[\[}}0,   0,   2,   0,   1,   6,   7],
// CHECK-NEXT:  [0,   3,   7.5,   5,   7,   11.5,   12],
// CHECK-NEXT:  [5,   9,   13,   10,   13,   17,   17],
// CHECK-NEXT:  [10,   15,   18.5,   15,   19,   22.5,   22],
// CHECK-NEXT:  [15,   21,   24,   20,   25,   28,   27],
// CHECK-NEXT:  [20,   27,   29.5,   25,   31,   33.5,   32],
// CHECK-NEXT:  [25,   33,   35,   30,   37,   39,   37],
// CHECK-NEXT:  [30,   39,   40.5,   35,   43,   44.5,   42],
// CHECK-NEXT:  [35,   45,   46,   40,   49,   50,   47]]
