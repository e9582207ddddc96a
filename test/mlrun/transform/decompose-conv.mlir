// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule | mlrun - -e main --entry-point-result=void | FileCheck %s
// ORACLE: --transform-interpreter --test-transform-dialect-erase-schedule --one-shot-bufferize=bufferize-function-boundaries --buffer-deallocation-pipeline --convert-bufferization-to-memref --test-lower-to-llvm
// A 2-D NHWC convolution (1x5x6x2 input, 2x2x2x3 filter) tiled by 1 along
// the output rows and the filter rows, so each tile is a conv_1d_nwc_wcf
// after decompose; the result equals the 2-D convolution's.
func.func private @printMemrefF32(tensor<*xf32>)

func.func @conv(%i: tensor<1x5x6x2xf32>, %f: tensor<2x2x2x3xf32>, %o: tensor<1x4x5x3xf32>) -> tensor<1x4x5x3xf32> {
  %0 = linalg.conv_2d_nhwc_hwcf ins(%i, %f : tensor<1x5x6x2xf32>, tensor<2x2x2x3xf32>) outs(%o : tensor<1x4x5x3xf32>) -> tensor<1x4x5x3xf32>
  return %0 : tensor<1x4x5x3xf32>
}

func.func @main() {
  %i = tensor.generate {
  ^bb0(%n: index, %h: index, %w: index, %c: index):
    %c6 = arith.constant 6 : index
    %c2 = arith.constant 2 : index
    %row = arith.muli %h, %c6 : index
    %pos = arith.addi %row, %w : index
    %scaled = arith.muli %pos, %c2 : index
    %v = arith.addi %scaled, %c : index
    %t = arith.index_cast %v : index to i32
    %x = arith.sitofp %t : i32 to f32
    tensor.yield %x : f32
  } : tensor<1x5x6x2xf32>
  %f = tensor.generate {
  ^bb0(%kh: index, %kw: index, %c: index, %k: index):
    %a = arith.addi %kh, %kw : index
    %b = arith.addi %a, %c : index
    %d = arith.subi %b, %k : index
    %t = arith.index_cast %d : index to i32
    %x = arith.sitofp %t : i32 to f32
    tensor.yield %x : f32
  } : tensor<2x2x2x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x5x3xf32>
  %o = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x5x3xf32>) -> tensor<1x4x5x3xf32>
  %r = call @conv(%i, %f, %o) : (tensor<1x5x6x2xf32>, tensor<2x2x2x3xf32>, tensor<1x4x5x3xf32>) -> tensor<1x4x5x3xf32>
  %u = tensor.cast %r : tensor<1x4x5x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
// CHECK: rank = 4 offset = 0 sizes = [1, 4, 5, 3] strides = [60, 15, 3, 1] data =
// CHECK-NEXT: {{\[\[\[\[}}120,     60,     0],

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %conv = transform.structured.match ops{["linalg.conv_2d_nhwc_hwcf"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loops:2 = transform.structured.tile_using_for %conv tile_sizes [0, 1, 0, 0, 1] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %conv1d = transform.structured.decompose %tiled : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
