// Elementwise fusion keeps the numbers: max(x * y + z, 0) * 0.5 + x on a 3x5
// tensor, a transposed elementwise consumer and a row sum of exponentials,
// run before and after --linalg-fuse-elementwise-ops; both print what
// mlir-runner prints for the unfused program.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --linalg-fuse-elementwise-ops | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --linalg-fuse-elementwise-ops | FileCheck %s --check-prefix=FUSED

// FUSED-LABEL: func.func @main
// FUSED-COUNT-3: linalg.generic
// FUSED-NOT: linalg.generic

#id = affine_map<(d0, d1) -> (d0, d1)>
#t = affine_map<(d0, d1) -> (d1, d0)>
#row = affine_map<(d0, d1) -> (d0)>

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %x = arith.constant dense<[[1.5, -2.0, 0.25, 3.0, -0.5], [4.0, -1.0, 2.5, -3.5, 0.75], [-1.25, 2.0, 1.0, -0.25, 5.0]]> : tensor<3x5xf32>
  %y = arith.constant dense<[[2.0, 0.5, -4.0, 1.0, 3.0], [-0.5, 2.5, 1.5, 2.0, -2.0], [3.0, -1.5, 0.5, 4.0, 1.0]]> : tensor<3x5xf32>
  %z = arith.constant dense<[[0.5, 1.0, -1.0, 2.0, 0.0], [1.0, -2.0, 0.25, 3.0, 1.5], [0.5, 0.5, -0.5, 1.0, -3.0]]> : tensor<3x5xf32>
  %zero = arith.constant dense<0.0> : tensor<3x5xf32>
  %half = arith.constant dense<0.5> : tensor<3x5xf32>
  %e = tensor.empty() : tensor<3x5xf32>
  %0 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%x, %y : tensor<3x5xf32>, tensor<3x5xf32>) outs(%e : tensor<3x5xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.mulf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<3x5xf32>
  %1 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%0, %z : tensor<3x5xf32>, tensor<3x5xf32>) outs(%e : tensor<3x5xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.addf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<3x5xf32>
  %2 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%1, %zero : tensor<3x5xf32>, tensor<3x5xf32>) outs(%e : tensor<3x5xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.maximumf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<3x5xf32>
  %3 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%2, %half : tensor<3x5xf32>, tensor<3x5xf32>) outs(%e : tensor<3x5xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.mulf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<3x5xf32>
  %4 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%3, %x : tensor<3x5xf32>, tensor<3x5xf32>) outs(%e : tensor<3x5xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.addf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<3x5xf32>
  %chain = tensor.cast %4 : tensor<3x5xf32> to tensor<*xf32>
  call @printMemrefF32(%chain) : (tensor<*xf32>) -> ()

  // (x - y) read transposed, times the column index + 1.
  %et = tensor.empty() : tensor<5x3xf32>
  %5 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%x, %y : tensor<3x5xf32>, tensor<3x5xf32>) outs(%e : tensor<3x5xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.subf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<3x5xf32>
  %6 = linalg.generic {indexing_maps = [#t, #id], iterator_types = ["parallel", "parallel"]} ins(%5 : tensor<3x5xf32>) outs(%et : tensor<5x3xf32>) {
  ^bb0(%a: f32, %o: f32):
    %j = linalg.index 1 : index
    %ji = arith.index_cast %j : index to i32
    %jf = arith.sitofp %ji : i32 to f32
    %one = arith.constant 1.0 : f32
    %k = arith.addf %jf, %one : f32
    %r = arith.mulf %a, %k : f32
    linalg.yield %r : f32
  } -> tensor<5x3xf32>
  %transposed = tensor.cast %6 : tensor<5x3xf32> to tensor<*xf32>
  call @printMemrefF32(%transposed) : (tensor<*xf32>) -> ()

  // Row sums of exp(z).
  %c0 = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<3xf32>
  %init = linalg.fill ins(%c0 : f32) outs(%e1 : tensor<3xf32>) -> tensor<3xf32>
  %7 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%z : tensor<3x5xf32>) outs(%e : tensor<3x5xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = math.exp %a : f32
    linalg.yield %r : f32
  } -> tensor<3x5xf32>
  %8 = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]} ins(%7 : tensor<3x5xf32>) outs(%init : tensor<3xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.addf %a, %acc : f32
    linalg.yield %r : f32
  } -> tensor<3xf32>
  %sums = tensor.cast %8 : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%sums) : (tensor<*xf32>) -> ()
  return
}

// CHECK: Unranked Memref base@ = {{.*}} rank = 2 offset = 0 sizes = [3, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}3.25,   -2,   0.25,   5.5,   -0.5],
// CHECK-NEXT:  [4,   -1,   4.5,   -3.5,   0.75],
// CHECK-NEXT:  [-1.25,   2,   1,   -0.25,   6{{\]\]}}
// CHECK: Unranked Memref base@ = {{.*}} rank = 2 offset = 0 sizes = [5, 3] strides = [3, 1] data =
// CHECK-NEXT: {{\[\[}}-0.5,   9,   -12.75],
// CHECK-NEXT:  [-2.5,   -7,   10.5],
// CHECK-NEXT:  [4.25,   2,   1.5],
// CHECK-NEXT:  [2,   -11,   -12.75],
// CHECK-NEXT:  [-3.5,   5.5,   12{{\]\]}}
// CHECK: Unranked Memref base@ = {{.*}} rank = 1 offset = 0 sizes = [3] strides = [1] data =
// CHECK-NEXT: [13.1239,  28.7049,  6.67204]
