// Poolings and contractions on memrefs through the loop lowerings (strides,
// dilations, transposed indexing maps, odd shapes); printed results equal
// mlir-runner's.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-linalg-to-affine-loops | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-linalg-to-parallel-loops | mlrun - -e main --entry-point-result=void | FileCheck %s

#transposed_lhs = affine_map<(b, m, n, k) -> (b, k, m)>
#transposed_rhs = affine_map<(b, m, n, k) -> (b, n, k)>
#batch_out = affine_map<(b, m, n, k) -> (b, m, n)>

memref.global "private" constant @max_strided_i : memref<1x5x5x2xf32> = dense<[[[[0.5, 0.25], [0.0, -0.25], [-0.5, -0.75], [-1.0, -1.25], [-1.5, -1.75]], [[-2.0, -2.25], [2.25, 2.0], [1.75, 1.5], [1.25, 1.0], [0.75, 0.5]], [[0.25, 0.0], [-0.25, -0.5], [-0.75, -1.0], [-1.25, -1.5], [-1.75, -2.0]], [[-2.25, 2.25], [2.0, 1.75], [1.5, 1.25], [1.0, 0.75], [0.5, 0.25]], [[0.0, -0.25], [-0.5, -0.75], [-1.0, -1.25], [-1.5, -1.75], [-2.0, -2.25]]]]>
memref.global "private" constant @max_strided_w : memref<2x2xf32> = dense<[[-1.5, -1.75], [-2.0, -2.25]]>
memref.global "private" @max_strided_o : memref<1x2x2x2xf32> = dense<[[[[1.25, 1.0], [0.75, 0.5]], [[0.25, 0.0], [-0.25, -0.5]]]]>
memref.global "private" constant @sum_dilated_i : memref<1x2x5x4xf32> = dense<[[[[-0.75, -1.0, -1.25, -1.5], [-1.75, -2.0, -2.25, 2.25], [2.0, 1.75, 1.5, 1.25], [1.0, 0.75, 0.5, 0.25], [0.0, -0.25, -0.5, -0.75]], [[-1.0, -1.25, -1.5, -1.75], [-2.0, -2.25, 2.25, 2.0], [1.75, 1.5, 1.25, 1.0], [0.75, 0.5, 0.25, 0.0], [-0.25, -0.5, -0.75, -1.0]]]]>
memref.global "private" constant @sum_dilated_w : memref<2x2xf32> = dense<[[2.0, 1.75], [1.5, 1.25]]>
memref.global "private" @sum_dilated_o : memref<1x2x3x2xf32> = dense<[[[[0.0, -0.25], [-0.5, -0.75], [-1.0, -1.25]], [[-1.5, -1.75], [-2.0, -2.25], [2.25, 2.0]]]]>
memref.global "private" constant @min_1d_i : memref<2x5x3xf32> = dense<[[[-2.0, -2.25, 2.25], [2.0, 1.75, 1.5], [1.25, 1.0, 0.75], [0.5, 0.25, 0.0], [-0.25, -0.5, -0.75]], [[-1.0, -1.25, -1.5], [-1.75, -2.0, -2.25], [2.25, 2.0, 1.75], [1.5, 1.25, 1.0], [0.75, 0.5, 0.25]]]>
memref.global "private" constant @min_1d_w : memref<3xf32> = dense<[0.75, 0.5, 0.25]>
memref.global "private" @min_1d_o : memref<2x3x3xf32> = dense<[[[-1.25, -1.5, -1.75], [-2.0, -2.25, 2.25], [2.0, 1.75, 1.5]], [[1.25, 1.0, 0.75], [0.5, 0.25, 0.0], [-0.25, -0.5, -0.75]]]>
memref.global "private" constant @max_3d_i : memref<1x3x3x3x1xf32> = dense<[[[[[1.5], [1.25], [1.0]], [[0.75], [0.5], [0.25]], [[0.0], [-0.25], [-0.5]]], [[[-0.75], [-1.0], [-1.25]], [[-1.5], [-1.75], [-2.0]], [[-2.25], [2.25], [2.0]]], [[[1.75], [1.5], [1.25]], [[1.0], [0.75], [0.5]], [[0.25], [0.0], [-0.25]]]]]>
memref.global "private" constant @max_3d_w : memref<2x2x2xf32> = dense<[[[-0.5, -0.75], [-1.0, -1.25]], [[-1.5, -1.75], [-2.0, -2.25]]]>
memref.global "private" @max_3d_o : memref<1x2x2x2x1xf32> = dense<[[[[[2.25], [2.0]], [[1.75], [1.5]]], [[[1.25], [1.0]], [[0.75], [0.5]]]]]>
memref.global "private" constant @bmm_transposed_a : memref<2x5x3xf32> = dense<[[[0.25, 0.0, -0.25], [-0.5, -0.75, -1.0], [-1.25, -1.5, -1.75], [-2.0, -2.25, 2.25], [2.0, 1.75, 1.5]], [[1.25, 1.0, 0.75], [0.5, 0.25, 0.0], [-0.25, -0.5, -0.75], [-1.0, -1.25, -1.5], [-1.75, -2.0, -2.25]]]>
memref.global "private" constant @bmm_transposed_b : memref<2x7x5xf32> = dense<[[[-1.75, -2.0, -2.25, 2.25, 2.0], [1.75, 1.5, 1.25, 1.0, 0.75], [0.5, 0.25, 0.0, -0.25, -0.5], [-0.75, -1.0, -1.25, -1.5, -1.75], [-2.0, -2.25, 2.25, 2.0, 1.75], [1.5, 1.25, 1.0, 0.75, 0.5], [0.25, 0.0, -0.25, -0.5, -0.75]], [[-1.0, -1.25, -1.5, -1.75, -2.0], [-2.25, 2.25, 2.0, 1.75, 1.5], [1.25, 1.0, 0.75, 0.5, 0.25], [0.0, -0.25, -0.5, -0.75, -1.0], [-1.25, -1.5, -1.75, -2.0, -2.25], [2.25, 2.0, 1.75, 1.5, 1.25], [1.0, 0.75, 0.5, 0.25, 0.0]]]>
memref.global "private" @bmm_transposed_c : memref<2x3x7xf32> = dense<[[[1.0, 0.75, 0.5, 0.25, 0.0, -0.25, -0.5], [-0.75, -1.0, -1.25, -1.5, -1.75, -2.0, -2.25], [2.25, 2.0, 1.75, 1.5, 1.25, 1.0, 0.75]], [[0.5, 0.25, 0.0, -0.25, -0.5, -0.75, -1.0], [-1.25, -1.5, -1.75, -2.0, -2.25, 2.25, 2.0], [1.75, 1.5, 1.25, 1.0, 0.75, 0.5, 0.25]]]>
memref.global "private" constant @matmul_odd_a : memref<3x5xf32> = dense<[[-1.0, -1.25, -1.5, -1.75, -2.0], [-2.25, 2.25, 2.0, 1.75, 1.5], [1.25, 1.0, 0.75, 0.5, 0.25]]>
memref.global "private" constant @matmul_odd_b : memref<5x7xf32> = dense<[[1.75, 1.5, 1.25, 1.0, 0.75, 0.5, 0.25], [0.0, -0.25, -0.5, -0.75, -1.0, -1.25, -1.5], [-1.75, -2.0, -2.25, 2.25, 2.0, 1.75, 1.5], [1.25, 1.0, 0.75, 0.5, 0.25, 0.0, -0.25], [-0.5, -0.75, -1.0, -1.25, -1.5, -1.75, -2.0]]>
memref.global "private" @matmul_odd_c : memref<3x7xf32> = dense<[[-0.25, -0.5, -0.75, -1.0, -1.25, -1.5, -1.75], [-2.0, -2.25, 2.25, 2.0, 1.75, 1.5, 1.25], [1.0, 0.75, 0.5, 0.25, 0.0, -0.25, -0.5]]>
memref.global "private" constant @matvec_a : memref<3x5xf32> = dense<[[-2.25, 2.25, 2.0, 1.75, 1.5], [1.25, 1.0, 0.75, 0.5, 0.25], [0.0, -0.25, -0.5, -0.75, -1.0]]>
memref.global "private" constant @matvec_x : memref<5xf32> = dense<[0.5, 0.25, 0.0, -0.25, -0.5]>
memref.global "private" @matvec_y : memref<3xf32> = dense<[-1.5, -1.75, -2.0]>
memref.global "private" constant @vecmat_x : memref<3xf32> = dense<[1.25, 1.0, 0.75]>
memref.global "private" constant @vecmat_a : memref<3x5xf32> = dense<[[-0.75, -1.0, -1.25, -1.5, -1.75], [-2.0, -2.25, 2.25, 2.0, 1.75], [1.5, 1.25, 1.0, 0.75, 0.5]]>
memref.global "private" @vecmat_y : memref<5xf32> = dense<[2.0, 1.75, 1.5, 1.25, 1.0]>
memref.global "private" constant @dot_x : memref<7xf32> = dense<[0.0, -0.25, -0.5, -0.75, -1.0, -1.25, -1.5]>
memref.global "private" constant @dot_z : memref<7xf32> = dense<[-2.0, -2.25, 2.25, 2.0, 1.75, 1.5, 1.25]>
memref.global "private" @dot_y : memref<f32> = dense<0.75>
memref.global "private" constant @mmt4d_a : memref<2x3x2x2xf32> = dense<[[[[-1.25, -1.5], [-1.75, -2.0]], [[-2.25, 2.25], [2.0, 1.75]], [[1.5, 1.25], [1.0, 0.75]]], [[[0.5, 0.25], [0.0, -0.25]], [[-0.5, -0.75], [-1.0, -1.25]], [[-1.5, -1.75], [-2.0, -2.25]]]]>
memref.global "private" constant @mmt4d_b : memref<3x3x3x2xf32> = dense<[[[[1.5, 1.25], [1.0, 0.75], [0.5, 0.25]], [[0.0, -0.25], [-0.5, -0.75], [-1.0, -1.25]], [[-1.5, -1.75], [-2.0, -2.25], [2.25, 2.0]]], [[[1.75, 1.5], [1.25, 1.0], [0.75, 0.5]], [[0.25, 0.0], [-0.25, -0.5], [-0.75, -1.0]], [[-1.25, -1.5], [-1.75, -2.0], [-2.25, 2.25]]], [[[2.0, 1.75], [1.5, 1.25], [1.0, 0.75]], [[0.5, 0.25], [0.0, -0.25], [-0.5, -0.75]], [[-1.0, -1.25], [-1.5, -1.75], [-2.0, -2.25]]]]>
memref.global "private" @mmt4d_c : memref<2x3x2x3xf32> = dense<[[[[-0.5, -0.75, -1.0], [-1.25, -1.5, -1.75]], [[-2.0, -2.25, 2.25], [2.0, 1.75, 1.5]], [[1.25, 1.0, 0.75], [0.5, 0.25, 0.0]]], [[[-0.25, -0.5, -0.75], [-1.0, -1.25, -1.5]], [[-1.75, -2.0, -2.25], [2.25, 2.0, 1.75]], [[1.5, 1.25, 1.0], [0.75, 0.5, 0.25]]]]>
memref.global "private" constant @batch_reduce_a : memref<3x2x4xf32> = dense<[[[2.25, 2.0, 1.75, 1.5], [1.25, 1.0, 0.75, 0.5]], [[0.25, 0.0, -0.25, -0.5], [-0.75, -1.0, -1.25, -1.5]], [[-1.75, -2.0, -2.25, 2.25], [2.0, 1.75, 1.5, 1.25]]]>
memref.global "private" constant @batch_reduce_b : memref<3x4x3xf32> = dense<[[[0.25, 0.0, -0.25], [-0.5, -0.75, -1.0], [-1.25, -1.5, -1.75], [-2.0, -2.25, 2.25]], [[2.0, 1.75, 1.5], [1.25, 1.0, 0.75], [0.5, 0.25, 0.0], [-0.25, -0.5, -0.75]], [[-1.0, -1.25, -1.5], [-1.75, -2.0, -2.25], [2.25, 2.0, 1.75], [1.5, 1.25, 1.0]]]>
memref.global "private" @batch_reduce_c : memref<2x3xf32> = dense<[[-1.75, -2.0, -2.25], [2.25, 2.0, 1.75]]>

func.func private @printMemrefF32(memref<*xf32>)

func.func @main() {
  // max_strided
  %max_strided_i = memref.get_global @max_strided_i : memref<1x5x5x2xf32>
  %max_strided_w = memref.get_global @max_strided_w : memref<2x2xf32>
  %max_strided_o = memref.get_global @max_strided_o : memref<1x2x2x2xf32>
  linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%max_strided_i, %max_strided_w : memref<1x5x5x2xf32>, memref<2x2xf32>) outs(%max_strided_o : memref<1x2x2x2xf32>)
  %max_strided_o_u = memref.cast %max_strided_o : memref<1x2x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%max_strided_o_u) : (memref<*xf32>) -> ()
  // sum_dilated
  %sum_dilated_i = memref.get_global @sum_dilated_i : memref<1x2x5x4xf32>
  %sum_dilated_w = memref.get_global @sum_dilated_w : memref<2x2xf32>
  %sum_dilated_o = memref.get_global @sum_dilated_o : memref<1x2x3x2xf32>
  linalg.pooling_nchw_sum {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%sum_dilated_i, %sum_dilated_w : memref<1x2x5x4xf32>, memref<2x2xf32>) outs(%sum_dilated_o : memref<1x2x3x2xf32>)
  %sum_dilated_o_u = memref.cast %sum_dilated_o : memref<1x2x3x2xf32> to memref<*xf32>
  call @printMemrefF32(%sum_dilated_o_u) : (memref<*xf32>) -> ()
  // min_1d
  %min_1d_i = memref.get_global @min_1d_i : memref<2x5x3xf32>
  %min_1d_w = memref.get_global @min_1d_w : memref<3xf32>
  %min_1d_o = memref.get_global @min_1d_o : memref<2x3x3xf32>
  linalg.pooling_nwc_min ins(%min_1d_i, %min_1d_w : memref<2x5x3xf32>, memref<3xf32>) outs(%min_1d_o : memref<2x3x3xf32>)
  %min_1d_o_u = memref.cast %min_1d_o : memref<2x3x3xf32> to memref<*xf32>
  call @printMemrefF32(%min_1d_o_u) : (memref<*xf32>) -> ()
  // max_3d
  %max_3d_i = memref.get_global @max_3d_i : memref<1x3x3x3x1xf32>
  %max_3d_w = memref.get_global @max_3d_w : memref<2x2x2xf32>
  %max_3d_o = memref.get_global @max_3d_o : memref<1x2x2x2x1xf32>
  linalg.pooling_ndhwc_max ins(%max_3d_i, %max_3d_w : memref<1x3x3x3x1xf32>, memref<2x2x2xf32>) outs(%max_3d_o : memref<1x2x2x2x1xf32>)
  %max_3d_o_u = memref.cast %max_3d_o : memref<1x2x2x2x1xf32> to memref<*xf32>
  call @printMemrefF32(%max_3d_o_u) : (memref<*xf32>) -> ()
  // bmm_transposed
  %bmm_transposed_a = memref.get_global @bmm_transposed_a : memref<2x5x3xf32>
  %bmm_transposed_b = memref.get_global @bmm_transposed_b : memref<2x7x5xf32>
  %bmm_transposed_c = memref.get_global @bmm_transposed_c : memref<2x3x7xf32>
  linalg.batch_matmul indexing_maps = [#transposed_lhs, #transposed_rhs, #batch_out] ins(%bmm_transposed_a, %bmm_transposed_b : memref<2x5x3xf32>, memref<2x7x5xf32>) outs(%bmm_transposed_c : memref<2x3x7xf32>)
  %bmm_transposed_c_u = memref.cast %bmm_transposed_c : memref<2x3x7xf32> to memref<*xf32>
  call @printMemrefF32(%bmm_transposed_c_u) : (memref<*xf32>) -> ()
  // matmul_odd
  %matmul_odd_a = memref.get_global @matmul_odd_a : memref<3x5xf32>
  %matmul_odd_b = memref.get_global @matmul_odd_b : memref<5x7xf32>
  %matmul_odd_c = memref.get_global @matmul_odd_c : memref<3x7xf32>
  linalg.matmul ins(%matmul_odd_a, %matmul_odd_b : memref<3x5xf32>, memref<5x7xf32>) outs(%matmul_odd_c : memref<3x7xf32>)
  %matmul_odd_c_u = memref.cast %matmul_odd_c : memref<3x7xf32> to memref<*xf32>
  call @printMemrefF32(%matmul_odd_c_u) : (memref<*xf32>) -> ()
  // matvec
  %matvec_a = memref.get_global @matvec_a : memref<3x5xf32>
  %matvec_x = memref.get_global @matvec_x : memref<5xf32>
  %matvec_y = memref.get_global @matvec_y : memref<3xf32>
  linalg.matvec ins(%matvec_a, %matvec_x : memref<3x5xf32>, memref<5xf32>) outs(%matvec_y : memref<3xf32>)
  %matvec_y_u = memref.cast %matvec_y : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%matvec_y_u) : (memref<*xf32>) -> ()
  // vecmat
  %vecmat_x = memref.get_global @vecmat_x : memref<3xf32>
  %vecmat_a = memref.get_global @vecmat_a : memref<3x5xf32>
  %vecmat_y = memref.get_global @vecmat_y : memref<5xf32>
  linalg.vecmat ins(%vecmat_x, %vecmat_a : memref<3xf32>, memref<3x5xf32>) outs(%vecmat_y : memref<5xf32>)
  %vecmat_y_u = memref.cast %vecmat_y : memref<5xf32> to memref<*xf32>
  call @printMemrefF32(%vecmat_y_u) : (memref<*xf32>) -> ()
  // dot
  %dot_x = memref.get_global @dot_x : memref<7xf32>
  %dot_z = memref.get_global @dot_z : memref<7xf32>
  %dot_y = memref.get_global @dot_y : memref<f32>
  linalg.dot ins(%dot_x, %dot_z : memref<7xf32>, memref<7xf32>) outs(%dot_y : memref<f32>)
  %dot_y_u = memref.cast %dot_y : memref<f32> to memref<*xf32>
  call @printMemrefF32(%dot_y_u) : (memref<*xf32>) -> ()
  // mmt4d
  %mmt4d_a = memref.get_global @mmt4d_a : memref<2x3x2x2xf32>
  %mmt4d_b = memref.get_global @mmt4d_b : memref<3x3x3x2xf32>
  %mmt4d_c = memref.get_global @mmt4d_c : memref<2x3x2x3xf32>
  linalg.mmt4d ins(%mmt4d_a, %mmt4d_b : memref<2x3x2x2xf32>, memref<3x3x3x2xf32>) outs(%mmt4d_c : memref<2x3x2x3xf32>)
  %mmt4d_c_u = memref.cast %mmt4d_c : memref<2x3x2x3xf32> to memref<*xf32>
  call @printMemrefF32(%mmt4d_c_u) : (memref<*xf32>) -> ()
  // batch_reduce
  %batch_reduce_a = memref.get_global @batch_reduce_a : memref<3x2x4xf32>
  %batch_reduce_b = memref.get_global @batch_reduce_b : memref<3x4x3xf32>
  %batch_reduce_c = memref.get_global @batch_reduce_c : memref<2x3xf32>
  linalg.batch_reduce_matmul ins(%batch_reduce_a, %batch_reduce_b : memref<3x2x4xf32>, memref<3x4x3xf32>) outs(%batch_reduce_c : memref<2x3xf32>)
  %batch_reduce_c_u = memref.cast %batch_reduce_c : memref<2x3xf32> to memref<*xf32>
  call @printMemrefF32(%batch_reduce_c_u) : (memref<*xf32>) -> ()
  return
}

// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 4 offset = 0 sizes = [1, 2, 2, 2] strides = [8, 4, 2, 1] data =
// CHECK-NEXT: {{\[\[}}{{\[\[}}2.25,     2],
// CHECK-NEXT:    [1.75,     1.5]],
// CHECK-NEXT:   {{\[\[}}2,     2.25],
// CHECK-NEXT:    [1.5,     1.25]]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 4 offset = 0 sizes = [1, 2, 3, 2] strides = [12, 6, 2, 1] data =
// CHECK-NEXT: {{\[\[}}{{\[\[}}1.5,     0.25],
// CHECK-NEXT:    [-3,     0.5],
// CHECK-NEXT:    [2,     0.75]],
// CHECK-NEXT:   {{\[\[}}-1,     -2.25],
// CHECK-NEXT:    [-0.75,     -2],
// CHECK-NEXT:    [4.25,     3]]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 3 offset = 0 sizes = [2, 3, 3] strides = [9, 3, 1] data =
// CHECK-NEXT: {{\[\[}}[-2,    -2.25,    -1.75],
// CHECK-NEXT:   [-2,    -2.25,    0],
// CHECK-NEXT:   [-0.25,    -0.5,    -0.75]],
// CHECK-NEXT:  {{\[\[}}-1.75,    -2,    -2.25],
// CHECK-NEXT:   [-1.75,    -2,    -2.25],
// CHECK-NEXT:   [-0.25,    -0.5,    -0.75]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 5 offset = 0 sizes = [1, 2, 2, 2, 1] strides = [8, 4, 2, 1, 1] data =
// CHECK-NEXT: {{\[\[}}{{\[\[}}[2.25],
// CHECK-NEXT:     [2]],
// CHECK-NEXT:    {{\[\[}}2.25],
// CHECK-NEXT:     [2.25]]],
// CHECK-NEXT:   {{\[\[}}[1.75],
// CHECK-NEXT:     [1.5]],
// CHECK-NEXT:    {{\[\[}}2.25],
// CHECK-NEXT:     [2.25]]]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 3 offset = 0 sizes = [2, 3, 7] strides = [21, 7, 1] data =
// CHECK-NEXT: {{\[\[}}[3.875,    -1.625,    0,    1.625,    -2.6875,    -2.25,    -0.625],
// CHECK-NEXT:   [2.5625,    -4.9375,    -1.75,    1.4375,    -4.875,    -5.25,    -2.0625],
// CHECK-NEXT:   [16.6875,    1.25,    0.0625,    -1.125,    7.1875,    0.0625,    -1.125]],
// CHECK-NEXT:  {{\[\[}}4.25,    -6.3125,    0.9375,    2.25,    3.5625,    -1.0625,    0.25],
// CHECK-NEXT:   [4.375,    -9.375,    -1.75,    1.125,    4,    -0.25,    2.625],
// CHECK-NEXT:   [9.25,    -7.6875,    0.3125,    4.75,    9.1875,    -4.1875,    0.25]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [3, 7] strides = [7, 1] data =
// CHECK-NEXT: {{\[\[}}-0.5625,   1.0625,   2.6875,   -2.8125,   -1.1875,   0.4375,   2.0625],
// CHECK-NEXT:  [-8,   -9.5625,   -6.375,   1.5625,   0,   -1.5625,   -3.125],
// CHECK-NEXT:  [2.375,   1.1875,   0,   2.375,   1.1875,   0,   -1.1875]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 1 offset = 0 sizes = [3] strides = [1] data =
// CHECK-NEXT: [-3.25,  -1.125,  -1.375]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 1 offset = 0 sizes = [5] strides = [1] data =
// CHECK-NEXT: [0.1875,  -0.8125,  2.9375,  1.9375,  0.9375]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 0 offset = 0 sizes = [] strides = [] data =
// CHECK-NEXT: [-6.8125]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 4 offset = 0 sizes = [2, 3, 2, 3] strides = [18, 6, 3, 1] data =
// CHECK-NEXT: {{\[\[}}{{\[\[}}-9.25,     -9.5,     3.3125],
// CHECK-NEXT:    [-9.625,     -10.75,     -3.5625]],
// CHECK-NEXT:   {{\[\[}}-10.75,     -11,     -0.5625],
// CHECK-NEXT:    [-5.9375,     -7.0625,     -4.625]],
// CHECK-NEXT:   {{\[\[}}-7.5,     -7.75,     -8],
// CHECK-NEXT:    [-7,     -8.125,     -9.25]]],
// CHECK-NEXT:  {{\[\[}}[6.3125,     7.9375,     -5.875],
// CHECK-NEXT:    [5.9375,     9.0625,     -8]],
// CHECK-NEXT:   {{\[\[}}3.875,     5.5,     -1.1875],
// CHECK-NEXT:    [7.5,     10.625,     3.0625]],
// CHECK-NEXT:   {{\[\[}}6.1875,     7.8125,     9.4375],
// CHECK-NEXT:    [4.3125,     7.4375,     10.5625]]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data =
// CHECK-NEXT: {{\[\[}}-3.3125,   -4.375,   1.6875],
// CHECK-NEXT:  [-2.6875,   -4.3125,   -3.5625]]
