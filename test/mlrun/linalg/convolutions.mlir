// Convolutions on memrefs through the loop lowerings, with strides, dilations,
// default attributes and odd shapes; printed results equal mlir-runner's.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-linalg-to-affine-loops | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-linalg-to-parallel-loops | mlrun - -e main --entry-point-result=void | FileCheck %s

memref.global "private" constant @conv2d_strided_i : memref<1x7x6x2xf32> = dense<[[[[0.5, 0.25], [0.0, -0.25], [-0.5, -0.75], [-1.0, -1.25], [-1.5, -1.75], [-2.0, -2.25]], [[2.25, 2.0], [1.75, 1.5], [1.25, 1.0], [0.75, 0.5], [0.25, 0.0], [-0.25, -0.5]], [[-0.75, -1.0], [-1.25, -1.5], [-1.75, -2.0], [-2.25, 2.25], [2.0, 1.75], [1.5, 1.25]], [[1.0, 0.75], [0.5, 0.25], [0.0, -0.25], [-0.5, -0.75], [-1.0, -1.25], [-1.5, -1.75]], [[-2.0, -2.25], [2.25, 2.0], [1.75, 1.5], [1.25, 1.0], [0.75, 0.5], [0.25, 0.0]], [[-0.25, -0.5], [-0.75, -1.0], [-1.25, -1.5], [-1.75, -2.0], [-2.25, 2.25], [2.0, 1.75]], [[1.5, 1.25], [1.0, 0.75], [0.5, 0.25], [0.0, -0.25], [-0.5, -0.75], [-1.0, -1.25]]]]>
memref.global "private" constant @conv2d_strided_f : memref<2x2x2x3xf32> = dense<[[[[-1.5, -1.75, -2.0], [-2.25, 2.25, 2.0]], [[1.75, 1.5, 1.25], [1.0, 0.75, 0.5]]], [[[0.25, 0.0, -0.25], [-0.5, -0.75, -1.0]], [[-1.25, -1.5, -1.75], [-2.0, -2.25, 2.25]]]]>
memref.global "private" @conv2d_strided_o : memref<1x3x2x3xf32> = dense<[[[[1.25, 1.0, 0.75], [0.5, 0.25, 0.0]], [[-0.25, -0.5, -0.75], [-1.0, -1.25, -1.5]], [[-1.75, -2.0, -2.25], [2.25, 2.0, 1.75]]]]>
memref.global "private" constant @conv2d_default_i : memref<1x4x5x2xf32> = dense<[[[[-0.75, -1.0], [-1.25, -1.5], [-1.75, -2.0], [-2.25, 2.25], [2.0, 1.75]], [[1.5, 1.25], [1.0, 0.75], [0.5, 0.25], [0.0, -0.25], [-0.5, -0.75]], [[-1.0, -1.25], [-1.5, -1.75], [-2.0, -2.25], [2.25, 2.0], [1.75, 1.5]], [[1.25, 1.0], [0.75, 0.5], [0.25, 0.0], [-0.25, -0.5], [-0.75, -1.0]]]]>
memref.global "private" constant @conv2d_default_f : memref<3x2x2x2xf32> = dense<[[[[2.0, 1.75], [1.5, 1.25]], [[1.0, 0.75], [0.5, 0.25]]], [[[0.0, -0.25], [-0.5, -0.75]], [[-1.0, -1.25], [-1.5, -1.75]]], [[[-2.0, -2.25], [2.25, 2.0]], [[1.75, 1.5], [1.25, 1.0]]]]>
memref.global "private" @conv2d_default_o : memref<1x2x4x2xf32> = dense<[[[[0.0, -0.25], [-0.5, -0.75], [-1.0, -1.25], [-1.5, -1.75]], [[-2.0, -2.25], [2.25, 2.0], [1.75, 1.5], [1.25, 1.0]]]]>
memref.global "private" constant @conv2d_nchw_i : memref<1x2x5x5xf32> = dense<[[[[-2.0, -2.25, 2.25, 2.0, 1.75], [1.5, 1.25, 1.0, 0.75, 0.5], [0.25, 0.0, -0.25, -0.5, -0.75], [-1.0, -1.25, -1.5, -1.75, -2.0], [-2.25, 2.25, 2.0, 1.75, 1.5]], [[1.25, 1.0, 0.75, 0.5, 0.25], [0.0, -0.25, -0.5, -0.75, -1.0], [-1.25, -1.5, -1.75, -2.0, -2.25], [2.25, 2.0, 1.75, 1.5, 1.25], [1.0, 0.75, 0.5, 0.25, 0.0]]]]>
memref.global "private" constant @conv2d_nchw_f : memref<2x2x3x3xf32> = dense<[[[[0.75, 0.5, 0.25], [0.0, -0.25, -0.5], [-0.75, -1.0, -1.25]], [[-1.5, -1.75, -2.0], [-2.25, 2.25, 2.0], [1.75, 1.5, 1.25]]], [[[1.0, 0.75, 0.5], [0.25, 0.0, -0.25], [-0.5, -0.75, -1.0]], [[-1.25, -1.5, -1.75], [-2.0, -2.25, 2.25], [2.0, 1.75, 1.5]]]]>
memref.global "private" @conv2d_nchw_o : memref<1x2x2x2xf32> = dense<[[[[-1.25, -1.5], [-1.75, -2.0]], [[-2.25, 2.25], [2.0, 1.75]]]]>
memref.global "private" constant @conv1d_ncw_i : memref<2x2x7xf32> = dense<[[[1.5, 1.25, 1.0, 0.75, 0.5, 0.25, 0.0], [-0.25, -0.5, -0.75, -1.0, -1.25, -1.5, -1.75]], [[-2.0, -2.25, 2.25, 2.0, 1.75, 1.5, 1.25], [1.0, 0.75, 0.5, 0.25, 0.0, -0.25, -0.5]]]>
memref.global "private" constant @conv1d_ncw_f : memref<3x2x2xf32> = dense<[[[-0.5, -0.75], [-1.0, -1.25]], [[-1.5, -1.75], [-2.0, -2.25]], [[2.25, 2.0], [1.75, 1.5]]]>
memref.global "private" @conv1d_ncw_o : memref<2x3x3xf32> = dense<[[[2.25, 2.0, 1.75], [1.5, 1.25, 1.0], [0.75, 0.5, 0.25]], [[0.0, -0.25, -0.5], [-0.75, -1.0, -1.25], [-1.5, -1.75, -2.0]]]>
memref.global "private" constant @depthwise_hwcm_i : memref<1x4x4x2xf32> = dense<[[[[0.25, 0.0], [-0.25, -0.5], [-0.75, -1.0], [-1.25, -1.5]], [[-1.75, -2.0], [-2.25, 2.25], [2.0, 1.75], [1.5, 1.25]], [[1.0, 0.75], [0.5, 0.25], [0.0, -0.25], [-0.5, -0.75]], [[-1.0, -1.25], [-1.5, -1.75], [-2.0, -2.25], [2.25, 2.0]]]]>
memref.global "private" constant @depthwise_hwcm_f : memref<2x2x2x2xf32> = dense<[[[[-1.75, -2.0], [-2.25, 2.25]], [[2.0, 1.75], [1.5, 1.25]]], [[[1.0, 0.75], [0.5, 0.25]], [[0.0, -0.25], [-0.5, -0.75]]]]>
memref.global "private" @depthwise_hwcm_o : memref<1x3x3x2x2xf32> = dense<[[[[[1.0, 0.75], [0.5, 0.25]], [[0.0, -0.25], [-0.5, -0.75]], [[-1.0, -1.25], [-1.5, -1.75]]], [[[-2.0, -2.25], [2.25, 2.0]], [[1.75, 1.5], [1.25, 1.0]], [[0.75, 0.5], [0.25, 0.0]]], [[[-0.25, -0.5], [-0.75, -1.0]], [[-1.25, -1.5], [-1.75, -2.0]], [[-2.25, 2.25], [2.0, 1.75]]]]]>
memref.global "private" constant @depthwise_nchw_i : memref<1x2x5x4xf32> = dense<[[[[-1.0, -1.25, -1.5, -1.75], [-2.0, -2.25, 2.25, 2.0], [1.75, 1.5, 1.25, 1.0], [0.75, 0.5, 0.25, 0.0], [-0.25, -0.5, -0.75, -1.0]], [[-1.25, -1.5, -1.75, -2.0], [-2.25, 2.25, 2.0, 1.75], [1.5, 1.25, 1.0, 0.75], [0.5, 0.25, 0.0, -0.25], [-0.5, -0.75, -1.0, -1.25]]]]>
memref.global "private" constant @depthwise_nchw_f : memref<2x2x2xf32> = dense<[[[1.75, 1.5], [1.25, 1.0]], [[0.75, 0.5], [0.25, 0.0]]]>
memref.global "private" @depthwise_nchw_o : memref<1x2x2x3xf32> = dense<[[[[-0.25, -0.5, -0.75], [-1.0, -1.25, -1.5]], [[-1.75, -2.0, -2.25], [2.25, 2.0, 1.75]]]]>
memref.global "private" constant @conv3d_i : memref<1x3x3x3x1xf32> = dense<[[[[[-2.25], [2.25], [2.0]], [[1.75], [1.5], [1.25]], [[1.0], [0.75], [0.5]]], [[[0.25], [0.0], [-0.25]], [[-0.5], [-0.75], [-1.0]], [[-1.25], [-1.5], [-1.75]]], [[[-2.0], [-2.25], [2.25]], [[2.0], [1.75], [1.5]], [[1.25], [1.0], [0.75]]]]]>
memref.global "private" constant @conv3d_f : memref<2x2x2x1x2xf32> = dense<[[[[[0.5, 0.25]], [[0.0, -0.25]]], [[[-0.5, -0.75]], [[-1.0, -1.25]]]], [[[[-1.5, -1.75]], [[-2.0, -2.25]]], [[[2.25, 2.0]], [[1.75, 1.5]]]]]>
memref.global "private" @conv3d_o : memref<1x2x2x2x2xf32> = dense<[[[[[-1.5, -1.75], [-2.0, -2.25]], [[2.25, 2.0], [1.75, 1.5]]], [[[1.25, 1.0], [0.75, 0.5]], [[0.25, 0.0], [-0.25, -0.5]]]]]>
memref.global "private" constant @conv2d_plain_i : memref<4x5xf32> = dense<[[1.25, 1.0, 0.75, 0.5, 0.25], [0.0, -0.25, -0.5, -0.75, -1.0], [-1.25, -1.5, -1.75, -2.0, -2.25], [2.25, 2.0, 1.75, 1.5, 1.25]]>
memref.global "private" constant @conv2d_plain_f : memref<2x3xf32> = dense<[[-0.75, -1.0, -1.25], [-1.5, -1.75, -2.0]]>
memref.global "private" @conv2d_plain_o : memref<3x3xf32> = dense<[[2.0, 1.75, 1.5], [1.25, 1.0, 0.75], [0.5, 0.25, 0.0]]>
memref.global "private" constant @grouped_i : memref<1x2x2x4x4xf32> = dense<[[[[[0.0, -0.25, -0.5, -0.75], [-1.0, -1.25, -1.5, -1.75], [-2.0, -2.25, 2.25, 2.0], [1.75, 1.5, 1.25, 1.0]], [[0.75, 0.5, 0.25, 0.0], [-0.25, -0.5, -0.75, -1.0], [-1.25, -1.5, -1.75, -2.0], [-2.25, 2.25, 2.0, 1.75]]], [[[1.5, 1.25, 1.0, 0.75], [0.5, 0.25, 0.0, -0.25], [-0.5, -0.75, -1.0, -1.25], [-1.5, -1.75, -2.0, -2.25]], [[2.25, 2.0, 1.75, 1.5], [1.25, 1.0, 0.75, 0.5], [0.25, 0.0, -0.25, -0.5], [-0.75, -1.0, -1.25, -1.5]]]]]>
memref.global "private" constant @grouped_f : memref<2x1x2x2x2xf32> = dense<[[[[[-2.0, -2.25], [2.25, 2.0]], [[1.75, 1.5], [1.25, 1.0]]]], [[[[0.75, 0.5], [0.25, 0.0]], [[-0.25, -0.5], [-0.75, -1.0]]]]]>
memref.global "private" @grouped_o : memref<1x2x1x3x3xf32> = dense<[[[[[0.75, 0.5, 0.25], [0.0, -0.25, -0.5], [-0.75, -1.0, -1.25]]], [[[-1.5, -1.75, -2.0], [-2.25, 2.25, 2.0], [1.75, 1.5, 1.25]]]]]>

func.func private @printMemrefF32(memref<*xf32>)

func.func @main() {
  // conv2d_strided
  %conv2d_strided_i = memref.get_global @conv2d_strided_i : memref<1x7x6x2xf32>
  %conv2d_strided_f = memref.get_global @conv2d_strided_f : memref<2x2x2x3xf32>
  %conv2d_strided_o = memref.get_global @conv2d_strided_o : memref<1x3x2x3xf32>
  linalg.conv_2d_nhwc_hwcf {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%conv2d_strided_i, %conv2d_strided_f : memref<1x7x6x2xf32>, memref<2x2x2x3xf32>) outs(%conv2d_strided_o : memref<1x3x2x3xf32>)
  %conv2d_strided_o_u = memref.cast %conv2d_strided_o : memref<1x3x2x3xf32> to memref<*xf32>
  call @printMemrefF32(%conv2d_strided_o_u) : (memref<*xf32>) -> ()
  // conv2d_default
  %conv2d_default_i = memref.get_global @conv2d_default_i : memref<1x4x5x2xf32>
  %conv2d_default_f = memref.get_global @conv2d_default_f : memref<3x2x2x2xf32>
  %conv2d_default_o = memref.get_global @conv2d_default_o : memref<1x2x4x2xf32>
  linalg.conv_2d_nhwc_hwcf ins(%conv2d_default_i, %conv2d_default_f : memref<1x4x5x2xf32>, memref<3x2x2x2xf32>) outs(%conv2d_default_o : memref<1x2x4x2xf32>)
  %conv2d_default_o_u = memref.cast %conv2d_default_o : memref<1x2x4x2xf32> to memref<*xf32>
  call @printMemrefF32(%conv2d_default_o_u) : (memref<*xf32>) -> ()
  // conv2d_nchw
  %conv2d_nchw_i = memref.get_global @conv2d_nchw_i : memref<1x2x5x5xf32>
  %conv2d_nchw_f = memref.get_global @conv2d_nchw_f : memref<2x2x3x3xf32>
  %conv2d_nchw_o = memref.get_global @conv2d_nchw_o : memref<1x2x2x2xf32>
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%conv2d_nchw_i, %conv2d_nchw_f : memref<1x2x5x5xf32>, memref<2x2x3x3xf32>) outs(%conv2d_nchw_o : memref<1x2x2x2xf32>)
  %conv2d_nchw_o_u = memref.cast %conv2d_nchw_o : memref<1x2x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%conv2d_nchw_o_u) : (memref<*xf32>) -> ()
  // conv1d_ncw
  %conv1d_ncw_i = memref.get_global @conv1d_ncw_i : memref<2x2x7xf32>
  %conv1d_ncw_f = memref.get_global @conv1d_ncw_f : memref<3x2x2xf32>
  %conv1d_ncw_o = memref.get_global @conv1d_ncw_o : memref<2x3x3xf32>
  linalg.conv_1d_ncw_fcw {dilations = dense<2> : vector<1xi64>, strides = dense<2> : vector<1xi64>} ins(%conv1d_ncw_i, %conv1d_ncw_f : memref<2x2x7xf32>, memref<3x2x2xf32>) outs(%conv1d_ncw_o : memref<2x3x3xf32>)
  %conv1d_ncw_o_u = memref.cast %conv1d_ncw_o : memref<2x3x3xf32> to memref<*xf32>
  call @printMemrefF32(%conv1d_ncw_o_u) : (memref<*xf32>) -> ()
  // depthwise_hwcm
  %depthwise_hwcm_i = memref.get_global @depthwise_hwcm_i : memref<1x4x4x2xf32>
  %depthwise_hwcm_f = memref.get_global @depthwise_hwcm_f : memref<2x2x2x2xf32>
  %depthwise_hwcm_o = memref.get_global @depthwise_hwcm_o : memref<1x3x3x2x2xf32>
  linalg.depthwise_conv_2d_nhwc_hwcm ins(%depthwise_hwcm_i, %depthwise_hwcm_f : memref<1x4x4x2xf32>, memref<2x2x2x2xf32>) outs(%depthwise_hwcm_o : memref<1x3x3x2x2xf32>)
  %depthwise_hwcm_o_u = memref.cast %depthwise_hwcm_o : memref<1x3x3x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%depthwise_hwcm_o_u) : (memref<*xf32>) -> ()
  // depthwise_nchw
  %depthwise_nchw_i = memref.get_global @depthwise_nchw_i : memref<1x2x5x4xf32>
  %depthwise_nchw_f = memref.get_global @depthwise_nchw_f : memref<2x2x2xf32>
  %depthwise_nchw_o = memref.get_global @depthwise_nchw_o : memref<1x2x2x3xf32>
  linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<[1, 1]> : tensor<2xi64>} ins(%depthwise_nchw_i, %depthwise_nchw_f : memref<1x2x5x4xf32>, memref<2x2x2xf32>) outs(%depthwise_nchw_o : memref<1x2x2x3xf32>)
  %depthwise_nchw_o_u = memref.cast %depthwise_nchw_o : memref<1x2x2x3xf32> to memref<*xf32>
  call @printMemrefF32(%depthwise_nchw_o_u) : (memref<*xf32>) -> ()
  // conv3d
  %conv3d_i = memref.get_global @conv3d_i : memref<1x3x3x3x1xf32>
  %conv3d_f = memref.get_global @conv3d_f : memref<2x2x2x1x2xf32>
  %conv3d_o = memref.get_global @conv3d_o : memref<1x2x2x2x2xf32>
  linalg.conv_3d_ndhwc_dhwcf ins(%conv3d_i, %conv3d_f : memref<1x3x3x3x1xf32>, memref<2x2x2x1x2xf32>) outs(%conv3d_o : memref<1x2x2x2x2xf32>)
  %conv3d_o_u = memref.cast %conv3d_o : memref<1x2x2x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%conv3d_o_u) : (memref<*xf32>) -> ()
  // conv2d_plain
  %conv2d_plain_i = memref.get_global @conv2d_plain_i : memref<4x5xf32>
  %conv2d_plain_f = memref.get_global @conv2d_plain_f : memref<2x3xf32>
  %conv2d_plain_o = memref.get_global @conv2d_plain_o : memref<3x3xf32>
  linalg.conv_2d ins(%conv2d_plain_i, %conv2d_plain_f : memref<4x5xf32>, memref<2x3xf32>) outs(%conv2d_plain_o : memref<3x3xf32>)
  %conv2d_plain_o_u = memref.cast %conv2d_plain_o : memref<3x3xf32> to memref<*xf32>
  call @printMemrefF32(%conv2d_plain_o_u) : (memref<*xf32>) -> ()
  // grouped
  %grouped_i = memref.get_global @grouped_i : memref<1x2x2x4x4xf32>
  %grouped_f = memref.get_global @grouped_f : memref<2x1x2x2x2xf32>
  %grouped_o = memref.get_global @grouped_o : memref<1x2x1x3x3xf32>
  linalg.conv_2d_ngchw_gfchw ins(%grouped_i, %grouped_f : memref<1x2x2x4x4xf32>, memref<2x1x2x2x2xf32>) outs(%grouped_o : memref<1x2x1x3x3xf32>)
  %grouped_o_u = memref.cast %grouped_o : memref<1x2x1x3x3xf32> to memref<*xf32>
  call @printMemrefF32(%grouped_o_u) : (memref<*xf32>) -> ()
  return
}

// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 4 offset = 0 sizes = [1, 3, 2, 3] strides = [18, 6, 3, 1] data =
// CHECK-NEXT: {{\[\[}}{{\[\[}}-5.6875,     -6.25,     -3.25],
// CHECK-NEXT:    [-1.9375,     -5.25,     -5]],
// CHECK-NEXT:   {{\[\[}}-1.5625,     -5.5625,     -6],
// CHECK-NEXT:    [15.25,     6.125,     0.5625]],
// CHECK-NEXT:   {{\[\[}}15.625,     5.8125,     -0.4375],
// CHECK-NEXT:    [-3.1875,     3.25,     13.25]]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 4 offset = 0 sizes = [1, 2, 4, 2] strides = [16, 8, 2, 1] data =
// CHECK-NEXT: {{\[\[}}{{\[\[}}-13.375,     -12.25],
// CHECK-NEXT:    [-16.5,     -13.875],
// CHECK-NEXT:    [-3,     -2.4375],
// CHECK-NEXT:    [6.9375,     4.25]],
// CHECK-NEXT:   {{\[\[}}10.6875,     9.8125],
// CHECK-NEXT:    [12.3125,     12.9375],
// CHECK-NEXT:    [-2.6875,     -2.9375],
// CHECK-NEXT:    [-8.1875,     -9.3125]]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 4 offset = 0 sizes = [1, 2, 2, 2] strides = [8, 4, 2, 1] data =
// CHECK-NEXT: {{\[\[}}{{\[\[}}-17.3125,     -11.125],
// CHECK-NEXT:    [10.8125,     7.5]],
// CHECK-NEXT:   {{\[\[}}-17.25,     -3.8125],
// CHECK-NEXT:    [5.5625,     3.5625]]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 3 offset = 0 sizes = [2, 3, 3] strides = [9, 3, 1] data =
// CHECK-NEXT: {{\[\[}}[1.9375,    3.4375,    4.9375],
// CHECK-NEXT:   [-0.3125,    3.1875,    6.6875],
// CHECK-NEXT:   [4.5625,    0.5625,    -3.4375]],
// CHECK-NEXT:  {{\[\[}}-2.3125,    -3.1875,    -1.6875],
// CHECK-NEXT:   [-4.8125,    -8.4375,    -4.9375],
// CHECK-NEXT:   [1,    7.6875,    3.6875]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 5 offset = 0 sizes = [1, 3, 3, 2, 2] strides = [36, 12, 4, 2, 1] data =
// CHECK-NEXT: {{\[\[}}{{\[\[}}[-1.6875,      -0.9375],
// CHECK-NEXT:     [-2.375,      -2.5625]],
// CHECK-NEXT:    {{\[\[}}-3.3125,      -3.25],
// CHECK-NEXT:     [-0.625,      -3.875]],
// CHECK-NEXT:    {{\[\[}}-0.1875,      -0.8125],
// CHECK-NEXT:     [-1.25,      -6.375]]],
// CHECK-NEXT:   {{\[\[}}[-2.4375,      -2.0625],
// CHECK-NEXT:     [10.375,      0.3125]],
// CHECK-NEXT:    {{\[\[}}10.1875,      9.875],
// CHECK-NEXT:     [-0.9375,      8.5]],
// CHECK-NEXT:    {{\[\[}}0.25,      -0.75],
// CHECK-NEXT:     [-1.5625,      6]]],
// CHECK-NEXT:   {{\[\[}}[-2,      -2],
// CHECK-NEXT:     [-1.8125,      2]],
// CHECK-NEXT:    {{\[\[}}-3.625,      -3.125],
// CHECK-NEXT:     [-2.4375,      -0.5]],
// CHECK-NEXT:    {{\[\[}}-5.25,      -0.6875],
// CHECK-NEXT:     [-0.6875,      -1.8125]]]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 4 offset = 0 sizes = [1, 2, 2, 3] strides = [12, 6, 3, 1] data =
// CHECK-NEXT: {{\[\[}}{{\[\[}}-0.1875,     -1.8125,     -3.4375],
// CHECK-NEXT:    [-6.4375,     -0.9375,     5.75]],
// CHECK-NEXT:   {{\[\[}}-3.0625,     -3.6875,     -4.3125],
// CHECK-NEXT:    [1.8125,     4.75,     4.125]]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 5 offset = 0 sizes = [1, 2, 2, 2, 2] strides = [16, 8, 4, 2, 1] data =
// CHECK-NEXT: {{\[\[}}{{\[\[}}[-7.8125,      -8.625],
// CHECK-NEXT:     [-5.8125,      -7.3125]],
// CHECK-NEXT:    {{\[\[}}-1.3125,      -1.8125],
// CHECK-NEXT:     [-1.6875,      -1.6875]]],
// CHECK-NEXT:   {{\[\[}}[17.4375,      17.5625],
// CHECK-NEXT:     [7.5625,      7]],
// CHECK-NEXT:    {{\[\[}}0.1875,      -0.5625],
// CHECK-NEXT:     [-0.1875,      -0.4375]]]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [3, 3] strides = [3, 1] data =
// CHECK-NEXT: {{\[\[}}0.5625,   2.375,   4.1875],
// CHECK-NEXT:  [10.125,   11.9375,   13.75],
// CHECK-NEXT:  [-5.25,   -3.4375,   -1.625]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 5 offset = 0 sizes = [1, 2, 1, 3, 3] strides = [18, 9, 9, 3, 1] data =
// CHECK-NEXT: {{\[\[}}{{\[\[}}[-2.1875,      -3.8125,      -5.4375],
// CHECK-NEXT:     [-8.4375,      -0.5625,      8.5],
// CHECK-NEXT:     [10.25,      3.875,      -7.25]]],
// CHECK-NEXT:   {{\[\[}}[-3.125,      -3.125,      -3.125],
// CHECK-NEXT:     [-2.875,      1.875,      1.875],
// CHECK-NEXT:     [2.125,      2.125,      2.125]]]]]
