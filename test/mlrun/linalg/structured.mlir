// Generic (a trait alias, two results, linalg.index), map, reduce, broadcast,
// transpose, fill, copy and the elementwise ops on memrefs through the loop
// lowerings; printed results equal mlir-runner's.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-linalg-to-affine-loops | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-linalg-to-parallel-loops | mlrun - -e main --entry-point-result=void | FileCheck %s

#id = affine_map<(i, j) -> (i, j)>
#row = affine_map<(i, j) -> (i)>
#scale_and_row_sum = {indexing_maps = [#id, #id, #row], iterator_types = ["parallel", "reduction"]}

memref.global "private" constant @generic_x : memref<3x5xf32> = dense<[[0.5, 0.25, 0.0, -0.25, -0.5], [-0.75, -1.0, -1.25, -1.5, -1.75], [-2.0, -2.25, 2.25, 2.0, 1.75]]>
memref.global "private" @generic_y : memref<3x5xf32> = dense<[[-1.5, -1.75, -2.0, -2.25, 2.25], [2.0, 1.75, 1.5, 1.25, 1.0], [0.75, 0.5, 0.25, 0.0, -0.25]]>
memref.global "private" @generic_s : memref<3xf32> = dense<[1.25, 1.0, 0.75]>
memref.global "private" constant @map_x : memref<3x5xf32> = dense<[[-0.75, -1.0, -1.25, -1.5, -1.75], [-2.0, -2.25, 2.25, 2.0, 1.75], [1.5, 1.25, 1.0, 0.75, 0.5]]>
memref.global "private" constant @map_z : memref<3x5xf32> = dense<[[2.0, 1.75, 1.5, 1.25, 1.0], [0.75, 0.5, 0.25, 0.0, -0.25], [-0.5, -0.75, -1.0, -1.25, -1.5]]>
memref.global "private" @map_y : memref<3x5xf32> = dense<[[0.0, -0.25, -0.5, -0.75, -1.0], [-1.25, -1.5, -1.75, -2.0, -2.25], [2.25, 2.0, 1.75, 1.5, 1.25]]>
memref.global "private" constant @reduce_x : memref<3x4x5xf32> = dense<[[[-2.0, -2.25, 2.25, 2.0, 1.75], [1.5, 1.25, 1.0, 0.75, 0.5], [0.25, 0.0, -0.25, -0.5, -0.75], [-1.0, -1.25, -1.5, -1.75, -2.0]], [[-2.25, 2.25, 2.0, 1.75, 1.5], [1.25, 1.0, 0.75, 0.5, 0.25], [0.0, -0.25, -0.5, -0.75, -1.0], [-1.25, -1.5, -1.75, -2.0, -2.25]], [[2.25, 2.0, 1.75, 1.5, 1.25], [1.0, 0.75, 0.5, 0.25, 0.0], [-0.25, -0.5, -0.75, -1.0, -1.25], [-1.5, -1.75, -2.0, -2.25, 2.25]]]>
memref.global "private" @reduce_y : memref<3x5xf32> = dense<[[0.75, 0.5, 0.25, 0.0, -0.25], [-0.5, -0.75, -1.0, -1.25, -1.5], [-1.75, -2.0, -2.25, 2.25, 2.0]]>
memref.global "private" constant @broadcast_x : memref<3xf32> = dense<[-1.25, -1.5, -1.75]>
memref.global "private" @broadcast_y : memref<4x3x2xf32> = dense<[[[1.5, 1.25], [1.0, 0.75], [0.5, 0.25]], [[0.0, -0.25], [-0.5, -0.75], [-1.0, -1.25]], [[-1.5, -1.75], [-2.0, -2.25], [2.25, 2.0]], [[1.75, 1.5], [1.25, 1.0], [0.75, 0.5]]]>
memref.global "private" constant @transpose_x : memref<2x3x4xf32> = dense<[[[-0.5, -0.75, -1.0, -1.25], [-1.5, -1.75, -2.0, -2.25], [2.25, 2.0, 1.75, 1.5]], [[1.25, 1.0, 0.75, 0.5], [0.25, 0.0, -0.25, -0.5], [-0.75, -1.0, -1.25, -1.5]]]>
memref.global "private" @transpose_y : memref<4x2x3xf32> = dense<[[[2.25, 2.0, 1.75], [1.5, 1.25, 1.0]], [[0.75, 0.5, 0.25], [0.0, -0.25, -0.5]], [[-0.75, -1.0, -1.25], [-1.5, -1.75, -2.0]], [[-2.25, 2.25, 2.0], [1.75, 1.5, 1.25]]]>
memref.global "private" constant @binary_x : memref<3x5xf32> = dense<[[0.25, 0.0, -0.25, -0.5, -0.75], [-1.0, -1.25, -1.5, -1.75, -2.0], [-2.25, 2.25, 2.0, 1.75, 1.5]]>
memref.global "private" constant @binary_z : memref<3x5xf32> = dense<[[-1.75, -2.0, -2.25, 2.25, 2.0], [1.75, 1.5, 1.25, 1.0, 0.75], [0.5, 0.25, 0.0, -0.25, -0.5]]>
memref.global "private" @binary_a : memref<3x5xf32> = dense<[[1.0, 0.75, 0.5, 0.25, 0.0], [-0.25, -0.5, -0.75, -1.0, -1.25], [-1.5, -1.75, -2.0, -2.25, 2.25]]>
memref.global "private" @binary_d : memref<3x5xf32> = dense<[[-1.0, -1.25, -1.5, -1.75, -2.0], [-2.25, 2.25, 2.0, 1.75, 1.5], [1.25, 1.0, 0.75, 0.5, 0.25]]>
memref.global "private" @binary_m : memref<3x5xf32> = dense<[[1.75, 1.5, 1.25, 1.0, 0.75], [0.5, 0.25, 0.0, -0.25, -0.5], [-0.75, -1.0, -1.25, -1.5, -1.75]]>
memref.global "private" @binary_p : memref<3x5xf32> = dense<[[-0.25, -0.5, -0.75, -1.0, -1.25], [-1.5, -1.75, -2.0, -2.25, 2.25], [2.0, 1.75, 1.5, 1.25, 1.0]]>
memref.global "private" constant @unary_x : memref<2x3xf32> = dense<[[-2.25, 2.25, 2.0], [1.75, 1.5, 1.25]]>
memref.global "private" @unary_e : memref<2x3xf32> = dense<[[0.5, 0.25, 0.0], [-0.25, -0.5, -0.75]]>
memref.global "private" @unary_n : memref<2x3xf32> = dense<[[-1.5, -1.75, -2.0], [-2.25, 2.25, 2.0]]>
memref.global "private" @unary_q : memref<2x3xf32> = dense<[[1.25, 1.0, 0.75], [0.5, 0.25, 0.0]]>
memref.global "private" @unary_t : memref<2x3xf32> = dense<[[-0.75, -1.0, -1.25], [-1.5, -1.75, -2.0]]>
memref.global "private" constant @fill_copy_x : memref<2x3xf32> = dense<[[2.0, 1.75, 1.5], [1.25, 1.0, 0.75]]>
memref.global "private" @fill_copy_f : memref<2x3xf32> = dense<[[0.0, -0.25, -0.5], [-0.75, -1.0, -1.25]]>
memref.global "private" @fill_copy_c : memref<2x3xf32> = dense<[[-2.0, -2.25, 2.25], [2.0, 1.75, 1.5]]>

func.func private @printMemrefF32(memref<*xf32>)

func.func @main() {
  // generic
  %generic_x = memref.get_global @generic_x : memref<3x5xf32>
  %generic_y = memref.get_global @generic_y : memref<3x5xf32>
  %generic_s = memref.get_global @generic_s : memref<3xf32>
  linalg.generic #scale_and_row_sum ins(%generic_x : memref<3x5xf32>) outs(%generic_y, %generic_s : memref<3x5xf32>, memref<3xf32>) {
  ^bb0(%in: f32, %out: f32, %acc: f32):
    %j = linalg.index 1 : index
    %ji = arith.index_cast %j : index to i32
    %jf = arith.sitofp %ji : i32 to f32
    %scaled = arith.mulf %in, %jf : f32
    %sum = arith.addf %acc, %scaled : f32
    linalg.yield %scaled, %sum : f32, f32
  }
  %generic_y_u = memref.cast %generic_y : memref<3x5xf32> to memref<*xf32>
  call @printMemrefF32(%generic_y_u) : (memref<*xf32>) -> ()
  %generic_s_u = memref.cast %generic_s : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%generic_s_u) : (memref<*xf32>) -> ()
  // map
  %map_x = memref.get_global @map_x : memref<3x5xf32>
  %map_z = memref.get_global @map_z : memref<3x5xf32>
  %map_y = memref.get_global @map_y : memref<3x5xf32>
  linalg.map ins(%map_x, %map_z : memref<3x5xf32>, memref<3x5xf32>) outs(%map_y : memref<3x5xf32>)
    (%a: f32, %b: f32, %init: f32) {
      %m = arith.mulf %a, %b : f32
      %r = arith.subf %m, %init : f32
      linalg.yield %r : f32
    }
  %map_y_u = memref.cast %map_y : memref<3x5xf32> to memref<*xf32>
  call @printMemrefF32(%map_y_u) : (memref<*xf32>) -> ()
  // reduce
  %reduce_x = memref.get_global @reduce_x : memref<3x4x5xf32>
  %reduce_y = memref.get_global @reduce_y : memref<3x5xf32>
  linalg.reduce { arith.maximumf } ins(%reduce_x : memref<3x4x5xf32>) outs(%reduce_y : memref<3x5xf32>) dimensions = [1]
  %reduce_y_u = memref.cast %reduce_y : memref<3x5xf32> to memref<*xf32>
  call @printMemrefF32(%reduce_y_u) : (memref<*xf32>) -> ()
  // broadcast
  %broadcast_x = memref.get_global @broadcast_x : memref<3xf32>
  %broadcast_y = memref.get_global @broadcast_y : memref<4x3x2xf32>
  linalg.broadcast ins(%broadcast_x : memref<3xf32>) outs(%broadcast_y : memref<4x3x2xf32>) dimensions = [0, 2]
  %broadcast_y_u = memref.cast %broadcast_y : memref<4x3x2xf32> to memref<*xf32>
  call @printMemrefF32(%broadcast_y_u) : (memref<*xf32>) -> ()
  // transpose
  %transpose_x = memref.get_global @transpose_x : memref<2x3x4xf32>
  %transpose_y = memref.get_global @transpose_y : memref<4x2x3xf32>
  linalg.transpose ins(%transpose_x : memref<2x3x4xf32>) outs(%transpose_y : memref<4x2x3xf32>) permutation = [2, 0, 1]
  %transpose_y_u = memref.cast %transpose_y : memref<4x2x3xf32> to memref<*xf32>
  call @printMemrefF32(%transpose_y_u) : (memref<*xf32>) -> ()
  // binary
  %binary_x = memref.get_global @binary_x : memref<3x5xf32>
  %binary_z = memref.get_global @binary_z : memref<3x5xf32>
  %binary_a = memref.get_global @binary_a : memref<3x5xf32>
  %binary_d = memref.get_global @binary_d : memref<3x5xf32>
  %binary_m = memref.get_global @binary_m : memref<3x5xf32>
  %binary_p = memref.get_global @binary_p : memref<3x5xf32>
  linalg.add ins(%binary_x, %binary_z : memref<3x5xf32>, memref<3x5xf32>) outs(%binary_a : memref<3x5xf32>)
  linalg.div ins(%binary_x, %binary_z : memref<3x5xf32>, memref<3x5xf32>) outs(%binary_d : memref<3x5xf32>)
  linalg.max ins(%binary_x, %binary_z : memref<3x5xf32>, memref<3x5xf32>) outs(%binary_m : memref<3x5xf32>)
  linalg.elementwise kind=#linalg.elementwise_kind<mul> ins(%binary_x, %binary_z : memref<3x5xf32>, memref<3x5xf32>) outs(%binary_p : memref<3x5xf32>)
  %binary_a_u = memref.cast %binary_a : memref<3x5xf32> to memref<*xf32>
  call @printMemrefF32(%binary_a_u) : (memref<*xf32>) -> ()
  %binary_d_u = memref.cast %binary_d : memref<3x5xf32> to memref<*xf32>
  call @printMemrefF32(%binary_d_u) : (memref<*xf32>) -> ()
  %binary_m_u = memref.cast %binary_m : memref<3x5xf32> to memref<*xf32>
  call @printMemrefF32(%binary_m_u) : (memref<*xf32>) -> ()
  %binary_p_u = memref.cast %binary_p : memref<3x5xf32> to memref<*xf32>
  call @printMemrefF32(%binary_p_u) : (memref<*xf32>) -> ()
  // unary
  %unary_x = memref.get_global @unary_x : memref<2x3xf32>
  %unary_e = memref.get_global @unary_e : memref<2x3xf32>
  %unary_n = memref.get_global @unary_n : memref<2x3xf32>
  %unary_q = memref.get_global @unary_q : memref<2x3xf32>
  %unary_t = memref.get_global @unary_t : memref<2x3xf32>
  linalg.exp ins(%unary_x : memref<2x3xf32>) outs(%unary_e : memref<2x3xf32>)
  linalg.negf ins(%unary_x : memref<2x3xf32>) outs(%unary_n : memref<2x3xf32>)
  linalg.abs ins(%unary_x : memref<2x3xf32>) outs(%unary_q : memref<2x3xf32>)
  linalg.elementwise kind=#linalg.elementwise_kind<floor> ins(%unary_x : memref<2x3xf32>) outs(%unary_t : memref<2x3xf32>)
  %unary_e_u = memref.cast %unary_e : memref<2x3xf32> to memref<*xf32>
  call @printMemrefF32(%unary_e_u) : (memref<*xf32>) -> ()
  %unary_n_u = memref.cast %unary_n : memref<2x3xf32> to memref<*xf32>
  call @printMemrefF32(%unary_n_u) : (memref<*xf32>) -> ()
  %unary_q_u = memref.cast %unary_q : memref<2x3xf32> to memref<*xf32>
  call @printMemrefF32(%unary_q_u) : (memref<*xf32>) -> ()
  %unary_t_u = memref.cast %unary_t : memref<2x3xf32> to memref<*xf32>
  call @printMemrefF32(%unary_t_u) : (memref<*xf32>) -> ()
  // fill_copy
  %fill_copy_x = memref.get_global @fill_copy_x : memref<2x3xf32>
  %fill_copy_f = memref.get_global @fill_copy_f : memref<2x3xf32>
  %fill_copy_c = memref.get_global @fill_copy_c : memref<2x3xf32>
  %cst = arith.constant 2.5 : f32
  linalg.fill ins(%cst : f32) outs(%fill_copy_f : memref<2x3xf32>)
  linalg.copy ins(%fill_copy_x : memref<2x3xf32>) outs(%fill_copy_c : memref<2x3xf32>)
  %fill_copy_f_u = memref.cast %fill_copy_f : memref<2x3xf32> to memref<*xf32>
  call @printMemrefF32(%fill_copy_f_u) : (memref<*xf32>) -> ()
  %fill_copy_c_u = memref.cast %fill_copy_c : memref<2x3xf32> to memref<*xf32>
  call @printMemrefF32(%fill_copy_c_u) : (memref<*xf32>) -> ()
  return
}

// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [3, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}0,   0.25,   0,   -0.75,   -2],
// CHECK-NEXT:  [-0,   -1,   -2.5,   -4.5,   -7],
// CHECK-NEXT:  [-0,   -2.25,   4.5,   6,   7]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 1 offset = 0 sizes = [3] strides = [1] data =
// CHECK-NEXT: [-1.25,  -14,  16]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [3, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}-1.5,   -1.5,   -1.375,   -1.125,   -0.75],
// CHECK-NEXT:  [-0.25,   0.375,   2.3125,   2,   1.8125],
// CHECK-NEXT:  [-3,   -2.9375,   -2.75,   -2.4375,   -2]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [3, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}1.5,   1.25,   2.25,   2,   1.75],
// CHECK-NEXT:  [1.25,   2.25,   2,   1.75,   1.5],
// CHECK-NEXT:  [2.25,   2,   1.75,   2.25,   2.25]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 3 offset = 0 sizes = [4, 3, 2] strides = [6, 2, 1] data =
// CHECK-NEXT: {{\[\[}}[-1.25,    -1.25],
// CHECK-NEXT:   [-1.5,    -1.5],
// CHECK-NEXT:   [-1.75,    -1.75]],
// CHECK-NEXT:  {{\[\[}}-1.25,    -1.25],
// CHECK-NEXT:   [-1.5,    -1.5],
// CHECK-NEXT:   [-1.75,    -1.75]],
// CHECK-NEXT:  {{\[\[}}-1.25,    -1.25],
// CHECK-NEXT:   [-1.5,    -1.5],
// CHECK-NEXT:   [-1.75,    -1.75]],
// CHECK-NEXT:  {{\[\[}}-1.25,    -1.25],
// CHECK-NEXT:   [-1.5,    -1.5],
// CHECK-NEXT:   [-1.75,    -1.75]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 3 offset = 0 sizes = [4, 2, 3] strides = [6, 3, 1] data =
// CHECK-NEXT: {{\[\[}}[-0.5,    -1.5,    2.25],
// CHECK-NEXT:   [1.25,    0.25,    -0.75]],
// CHECK-NEXT:  {{\[\[}}-0.75,    -1.75,    2],
// CHECK-NEXT:   [1,    0,    -1]],
// CHECK-NEXT:  {{\[\[}}-1,    -2,    1.75],
// CHECK-NEXT:   [0.75,    -0.25,    -1.25]],
// CHECK-NEXT:  {{\[\[}}-1.25,    -2.25,    1.5],
// CHECK-NEXT:   [0.5,    -0.5,    -1.5]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [3, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}-1.5,   -2,   -2.5,   1.75,   1.25],
// CHECK-NEXT:  [0.75,   0.25,   -0.25,   -0.75,   -1.25],
// CHECK-NEXT:  [-1.75,   2.5,   2,   1.5,   1]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [3, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}-0.142857,   -0,   0.111111,   -0.222222,   -0.375],
// CHECK-NEXT:  [-0.571429,   -0.833333,   -1.2,   -1.75,   -2.66667],
// CHECK-NEXT:  [-4.5,   9,   inf,   -7,   -3]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [3, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}0.25,   0,   -0.25,   2.25,   2],
// CHECK-NEXT:  [1.75,   1.5,   1.25,   1,   0.75],
// CHECK-NEXT:  [0.5,   2.25,   2,   1.75,   1.5]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [3, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}-0.4375,   -0,   0.5625,   -1.125,   -1.5],
// CHECK-NEXT:  [-1.75,   -1.875,   -1.875,   -1.75,   -1.5],
// CHECK-NEXT:  [-1.125,   0.5625,   0,   -0.4375,   -0.75]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data =
// CHECK-NEXT: {{\[\[}}0.105399,   9.48774,   7.38906],
// CHECK-NEXT:  [5.7546,   4.48169,   3.49034]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data =
// CHECK-NEXT: {{\[\[}}2.25,   -2.25,   -2],
// CHECK-NEXT:  [-1.75,   -1.5,   -1.25]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data =
// CHECK-NEXT: {{\[\[}}2.25,   2.25,   2],
// CHECK-NEXT:  [1.75,   1.5,   1.25]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data =
// CHECK-NEXT: {{\[\[}}-3,   2,   2],
// CHECK-NEXT:  [1,   1,   1]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data =
// CHECK-NEXT: {{\[\[}}2.5,   2.5,   2.5],
// CHECK-NEXT:  [2.5,   2.5,   2.5]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data =
// CHECK-NEXT: {{\[\[}}2,   1.75,   1.5],
// CHECK-NEXT:  [1.25,   1,   0.75]]
