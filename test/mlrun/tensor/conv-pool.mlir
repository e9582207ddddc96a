// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --one-shot-bufferize="bufferize-function-boundaries allow-return-allocs-from-loops" --buffer-deallocation-pipeline --convert-bufferization-to-memref --lower-to-llvm | mlrun - -e main --entry-point-result=void | FileCheck %s
// ORACLE: --one-shot-bufferize="bufferize-function-boundaries allow-return-allocs-from-loops" --buffer-deallocation-pipeline --convert-bufferization-to-memref --test-lower-to-llvm
// A 3x3 convolution (NHWC, stride 1), 2x2 max pooling (stride 2) and a relu,
// on tensors.
func.func @conv_pool(%img: tensor<1x6x6x2xf32>, %filter: tensor<3x3x2x3xf32>) -> tensor<1x2x2x3xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<1x4x4x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  %conv = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%img, %filter : tensor<1x6x6x2xf32>, tensor<3x3x2x3xf32>) outs(%acc : tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  %window = tensor.empty() : tensor<2x2xf32>
  %pe = tensor.empty() : tensor<1x2x2x3xf32>
  %zeros = linalg.fill ins(%zero : f32) outs(%pe : tensor<1x2x2x3xf32>) -> tensor<1x2x2x3xf32>
  %pinit = linalg.fill ins(%ninf : f32) outs(%pe : tensor<1x2x2x3xf32>) -> tensor<1x2x2x3xf32>
  %pool = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%conv, %window : tensor<1x4x4x3xf32>, tensor<2x2xf32>) outs(%pinit : tensor<1x2x2x3xf32>) -> tensor<1x2x2x3xf32>
  %relu = linalg.max ins(%pool, %zeros : tensor<1x2x2x3xf32>, tensor<1x2x2x3xf32>) outs(%pe : tensor<1x2x2x3xf32>) -> tensor<1x2x2x3xf32>
  return %relu : tensor<1x2x2x3xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %img = arith.constant dense<[[[[1.0, -1.0], [2.0, 0.5], [0.0, 1.0], [3.0, -2.0], [1.5, 1.5], [-1.0, 0.0]],
                               [[0.5, 0.5], [-2.0, 1.0], [1.0, 1.0], [0.0, 0.0], [2.0, -1.0], [1.0, 2.0]],
                               [[3.0, 0.0], [1.0, -1.0], [-0.5, 2.0], [1.0, 1.0], [0.0, 0.5], [2.0, 2.0]],
                               [[-1.0, 1.0], [0.0, 3.0], [2.0, 2.0], [-2.0, 0.0], [1.0, -0.5], [0.5, 1.0]],
                               [[1.0, 1.0], [1.0, -1.0], [0.0, 0.0], [3.0, 1.0], [-1.0, 2.0], [2.0, 0.0]],
                               [[0.0, 2.0], [2.0, 1.0], [1.0, -2.0], [0.5, 0.5], [1.0, 1.0], [-1.0, -1.0]]]]> : tensor<1x6x6x2xf32>
  %filter = arith.constant dense<[[[[0.5, -1.0, 0.25], [1.0, 0.0, -0.5]], [[0.0, 0.5, 1.0], [-1.0, 1.0, 0.0]], [[0.25, 0.25, 0.25], [0.5, -0.5, 1.0]]],
                                  [[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], [[-0.5, 0.5, -0.5], [0.5, -0.5, 0.5]], [[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]],
                                  [[[0.25, 0.5, 0.75], [-0.25, -0.5, -0.75]], [[1.0, 1.0, 1.0], [0.0, 0.0, 0.0]], [[-1.0, 0.5, 0.0], [0.5, 0.0, -1.0]]]]> : tensor<3x3x2x3xf32>
  %r = call @conv_pool(%img, %filter) : (tensor<1x6x6x2xf32>, tensor<3x3x2x3xf32>) -> tensor<1x2x2x3xf32>
  %u = tensor.cast %r : tensor<1x2x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

// CHECK: Unranked Memref base@ = {{.*}} rank = 4 offset = 0 sizes = [1, 2, 2, 3] strides = [12, 6, 3, 1] data =
// CHECK-NEXT: {{\[\[}}{{\[\[}}5.75,     2.75,     7.5],
// CHECK-NEXT:    [6,     1.5,     5]],
// CHECK-NEXT:   {{\[\[}}6.875,     7,     8.125],
// CHECK-NEXT:    [8.5,     5.25,     7.125]]]]
