// Dynamic shapes: the loop bounds come from memref.dim of the operand that
// names each loop; printed results equal mlir-runner's.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-linalg-to-affine-loops | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-linalg-to-parallel-loops | mlrun - -e main --entry-point-result=void | FileCheck %s

memref.global "private" constant @matmul_a : memref<3x5xf32> = dense<[[0.5, 0.25, 0.0, -0.25, -0.5], [-0.75, -1.0, -1.25, -1.5, -1.75], [-2.0, -2.25, 2.25, 2.0, 1.75]]>
memref.global "private" constant @matmul_b : memref<5x2xf32> = dense<[[-1.5, -1.75], [-2.0, -2.25], [2.25, 2.0], [1.75, 1.5], [1.25, 1.0]]>
memref.global "private" @matmul_c : memref<3x2xf32> = dense<[[1.25, 1.0], [0.75, 0.5], [0.25, 0.0]]>
memref.global "private" constant @conv_i : memref<1x2x6x7xf32> = dense<[[[[-0.75, -1.0, -1.25, -1.5, -1.75, -2.0, -2.25], [2.25, 2.0, 1.75, 1.5, 1.25, 1.0, 0.75], [0.5, 0.25, 0.0, -0.25, -0.5, -0.75, -1.0], [-1.25, -1.5, -1.75, -2.0, -2.25, 2.25, 2.0], [1.75, 1.5, 1.25, 1.0, 0.75, 0.5, 0.25], [0.0, -0.25, -0.5, -0.75, -1.0, -1.25, -1.5]], [[-1.75, -2.0, -2.25, 2.25, 2.0, 1.75, 1.5], [1.25, 1.0, 0.75, 0.5, 0.25, 0.0, -0.25], [-0.5, -0.75, -1.0, -1.25, -1.5, -1.75, -2.0], [-2.25, 2.25, 2.0, 1.75, 1.5, 1.25, 1.0], [0.75, 0.5, 0.25, 0.0, -0.25, -0.5, -0.75], [-1.0, -1.25, -1.5, -1.75, -2.0, -2.25, 2.25]]]]>
memref.global "private" constant @conv_f : memref<3x2x2x3xf32> = dense<[[[[2.0, 1.75, 1.5], [1.25, 1.0, 0.75]], [[0.5, 0.25, 0.0], [-0.25, -0.5, -0.75]]], [[[-1.0, -1.25, -1.5], [-1.75, -2.0, -2.25]], [[2.25, 2.0, 1.75], [1.5, 1.25, 1.0]]], [[[0.75, 0.5, 0.25], [0.0, -0.25, -0.5]], [[-0.75, -1.0, -1.25], [-1.5, -1.75, -2.0]]]]>
memref.global "private" @conv_o : memref<1x3x4x3xf32> = dense<[[[[0.0, -0.25, -0.5], [-0.75, -1.0, -1.25], [-1.5, -1.75, -2.0], [-2.25, 2.25, 2.0]], [[1.75, 1.5, 1.25], [1.0, 0.75, 0.5], [0.25, 0.0, -0.25], [-0.5, -0.75, -1.0]], [[-1.25, -1.5, -1.75], [-2.0, -2.25, 2.25], [2.0, 1.75, 1.5], [1.25, 1.0, 0.75]]]]>
memref.global "private" constant @pool_i : memref<2x5x4x1xf32> = dense<[[[[-2.0], [-2.25], [2.25], [2.0]], [[1.75], [1.5], [1.25], [1.0]], [[0.75], [0.5], [0.25], [0.0]], [[-0.25], [-0.5], [-0.75], [-1.0]], [[-1.25], [-1.5], [-1.75], [-2.0]]], [[[-2.25], [2.25], [2.0], [1.75]], [[1.5], [1.25], [1.0], [0.75]], [[0.5], [0.25], [0.0], [-0.25]], [[-0.5], [-0.75], [-1.0], [-1.25]], [[-1.5], [-1.75], [-2.0], [-2.25]]]]>
memref.global "private" constant @pool_w : memref<3x2xf32> = dense<[[0.75, 0.5], [0.25, 0.0], [-0.25, -0.5]]>
memref.global "private" @pool_o : memref<2x2x3x1xf32> = dense<[[[[-1.25], [-1.5], [-1.75]], [[-2.0], [-2.25], [2.25]]], [[[2.0], [1.75], [1.5]], [[1.25], [1.0], [0.75]]]]>
memref.global "private" constant @transpose_x : memref<2x3x4xf32> = dense<[[[1.5, 1.25, 1.0, 0.75], [0.5, 0.25, 0.0, -0.25], [-0.5, -0.75, -1.0, -1.25]], [[-1.5, -1.75, -2.0, -2.25], [2.25, 2.0, 1.75, 1.5], [1.25, 1.0, 0.75, 0.5]]]>
memref.global "private" @transpose_y : memref<3x4x2xf32> = dense<[[[-0.5, -0.75], [-1.0, -1.25], [-1.5, -1.75], [-2.0, -2.25]], [[2.25, 2.0], [1.75, 1.5], [1.25, 1.0], [0.75, 0.5]], [[0.25, 0.0], [-0.25, -0.5], [-0.75, -1.0], [-1.25, -1.5]]]>

func.func private @printMemrefF32(memref<*xf32>)

func.func @main() {
  // matmul
  %matmul_a = memref.get_global @matmul_a : memref<3x5xf32>
  %matmul_b = memref.get_global @matmul_b : memref<5x2xf32>
  %matmul_c = memref.get_global @matmul_c : memref<3x2xf32>
  %matmul_a_d = memref.cast %matmul_a : memref<3x5xf32> to memref<?x?xf32>
  %matmul_b_d = memref.cast %matmul_b : memref<5x2xf32> to memref<?x?xf32>
  %matmul_c_d = memref.cast %matmul_c : memref<3x2xf32> to memref<?x?xf32>
  linalg.matmul ins(%matmul_a_d, %matmul_b_d : memref<?x?xf32>, memref<?x?xf32>) outs(%matmul_c_d : memref<?x?xf32>)
  %matmul_c_u = memref.cast %matmul_c : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%matmul_c_u) : (memref<*xf32>) -> ()
  // conv
  %conv_i = memref.get_global @conv_i : memref<1x2x6x7xf32>
  %conv_f = memref.get_global @conv_f : memref<3x2x2x3xf32>
  %conv_o = memref.get_global @conv_o : memref<1x3x4x3xf32>
  %conv_i_d = memref.cast %conv_i : memref<1x2x6x7xf32> to memref<?x?x?x?xf32>
  %conv_f_d = memref.cast %conv_f : memref<3x2x2x3xf32> to memref<?x?x?x?xf32>
  %conv_o_d = memref.cast %conv_o : memref<1x3x4x3xf32> to memref<?x?x?x?xf32>
  linalg.conv_2d_nchw_fchw {dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<[1, 2]> : tensor<2xi64>} ins(%conv_i_d, %conv_f_d : memref<?x?x?x?xf32>, memref<?x?x?x?xf32>) outs(%conv_o_d : memref<?x?x?x?xf32>)
  %conv_o_u = memref.cast %conv_o : memref<1x3x4x3xf32> to memref<*xf32>
  call @printMemrefF32(%conv_o_u) : (memref<*xf32>) -> ()
  // pool
  %pool_i = memref.get_global @pool_i : memref<2x5x4x1xf32>
  %pool_w = memref.get_global @pool_w : memref<3x2xf32>
  %pool_o = memref.get_global @pool_o : memref<2x2x3x1xf32>
  %pool_i_d = memref.cast %pool_i : memref<2x5x4x1xf32> to memref<?x?x?x?xf32>
  %pool_w_d = memref.cast %pool_w : memref<3x2xf32> to memref<?x?xf32>
  %pool_o_d = memref.cast %pool_o : memref<2x2x3x1xf32> to memref<?x?x?x?xf32>
  linalg.pooling_nhwc_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<[2, 1]> : tensor<2xi64>} ins(%pool_i_d, %pool_w_d : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%pool_o_d : memref<?x?x?x?xf32>)
  %pool_o_u = memref.cast %pool_o : memref<2x2x3x1xf32> to memref<*xf32>
  call @printMemrefF32(%pool_o_u) : (memref<*xf32>) -> ()
  // transpose
  %transpose_x = memref.get_global @transpose_x : memref<2x3x4xf32>
  %transpose_y = memref.get_global @transpose_y : memref<3x4x2xf32>
  %transpose_x_d = memref.cast %transpose_x : memref<2x3x4xf32> to memref<?x?x?xf32>
  %transpose_y_d = memref.cast %transpose_y : memref<3x4x2xf32> to memref<?x?x?xf32>
  linalg.transpose ins(%transpose_x_d : memref<?x?x?xf32>) outs(%transpose_y_d : memref<?x?x?xf32>) permutation = [1, 2, 0]
  %transpose_y_u = memref.cast %transpose_y : memref<3x4x2xf32> to memref<*xf32>
  call @printMemrefF32(%transpose_y_u) : (memref<*xf32>) -> ()
  return
}

// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [3, 2] strides = [2, 1] data =
// CHECK-NEXT: {{\[\[}}-1.0625,   -1.3125],
// CHECK-NEXT:  [-3.75,   -2.4375],
// CHECK-NEXT:  [18.5,   17.8125]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 4 offset = 0 sizes = [1, 3, 4, 3] strides = [36, 12, 3, 1] data =
// CHECK-NEXT: {{\[\[}}{{\[\[}}-4.375,     -7.1875,     -8.8125],
// CHECK-NEXT:    [4.3125,     -0.875,     3.4375],
// CHECK-NEXT:    [3.5,     -0.5,     -4.5],
// CHECK-NEXT:    [-9.1875,     -6.0625,     1.8125]],
// CHECK-NEXT:   {{\[\[}}-10.3125,     7.25,     17.6875],
// CHECK-NEXT:    [10.3125,     17.1875,     -3.25],
// CHECK-NEXT:    [-11.8125,     -12.0625,     -12.3125],
// CHECK-NEXT:    [5.25,     15.6875,     7.125]],
// CHECK-NEXT:   {{\[\[}}7.5,     0.3125,     0.25],
// CHECK-NEXT:    [-5.0625,     -8.6875,     -4],
// CHECK-NEXT:    [1.375,     4.875,     8.375],
// CHECK-NEXT:    [3.0625,     3,     0.5625]]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 4 offset = 0 sizes = [2, 2, 3, 1] strides = [6, 3, 1, 1] data =
// CHECK-NEXT: {{\[\[}}{{\[\[}}-1],
// CHECK-NEXT:    [2],
// CHECK-NEXT:    [5]],
// CHECK-NEXT:   {{\[\[}}-4.25],
// CHECK-NEXT:    [-6],
// CHECK-NEXT:    [-3]]],
// CHECK-NEXT:  {{\[\[}}[5.5],
// CHECK-NEXT:    [8.5],
// CHECK-NEXT:    [6.75]],
// CHECK-NEXT:   {{\[\[}}-2.5],
// CHECK-NEXT:    [-4.25],
// CHECK-NEXT:    [-6]]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 3 offset = 0 sizes = [3, 4, 2] strides = [8, 2, 1] data =
// CHECK-NEXT: {{\[\[}}[1.5,    -1.5],
// CHECK-NEXT:   [1.25,    -1.75],
// CHECK-NEXT:   [1,    -2],
// CHECK-NEXT:   [0.75,    -2.25]],
// CHECK-NEXT:  {{\[\[}}0.5,    2.25],
// CHECK-NEXT:   [0.25,    2],
// CHECK-NEXT:   [0,    1.75],
// CHECK-NEXT:   [-0.25,    1.5]],
// CHECK-NEXT:  {{\[\[}}-0.5,    1.25],
// CHECK-NEXT:   [-0.75,    1],
// CHECK-NEXT:   [-1,    0.75],
// CHECK-NEXT:   [-1.25,    0.5]]]
