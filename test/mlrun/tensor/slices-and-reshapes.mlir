// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-tensor-to-linalg | mlrun - -e main --entry-point-result=void | FileCheck %s

// Tensor ops run through mlrun's default lowering (bufferization first), and
// with tensor.pad generalized by convert-tensor-to-linalg; the output is
// mlir-runner's for the same program after mlir-opt 22.

func.func private @printMemrefF32(tensor<*xf32>)

func.func @show(%t: tensor<?x?xf32>) {
  %u = tensor.cast %t : tensor<?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  %zero = arith.constant 0.0 : f32
  %c1 = arith.constant 1 : index
  // 2x3: element (i, j) = 10 * i + j
  %t = tensor.generate {
  ^bb0(%i: index, %j: index):
    %c10 = arith.constant 10 : index
    %r = arith.muli %i, %c10 : index
    %s = arith.addi %r, %j : index
    %k = arith.index_cast %s : index to i32
    %f = arith.sitofp %k : i32 to f32
    tensor.yield %f : f32
  } : tensor<2x3xf32>

  // CHECK: sizes = [3, 5]
  // CHECK-NEXT: {{\[}}[0,   0,   0,   0,   0],
  // CHECK-NEXT: [0,   0,   1,   2,   0],
  // CHECK-NEXT: [0,   10,   11,   12,   0]]
  %p = tensor.pad %t low[1, 1] high[0, 1] {
  ^bb0(%a: index, %b: index):
    tensor.yield %zero : f32
  } : tensor<2x3xf32> to tensor<3x5xf32>
  %pd = tensor.cast %p : tensor<3x5xf32> to tensor<?x?xf32>
  call @show(%pd) : (tensor<?x?xf32>) -> ()

  // A rank-reducing slice of row 1, written back into row 0 of the padded tensor.
  // CHECK: sizes = [3, 5]
  // CHECK-NEXT: {{\[}}[0,   0,   1,   2,   0],
  // CHECK-NEXT: [0,   0,   1,   2,   0],
  // CHECK-NEXT: [0,   10,   11,   12,   0]]
  %row = tensor.extract_slice %p[1, 0] [1, 5] [1, 1] : tensor<3x5xf32> to tensor<5xf32>
  %q = tensor.insert_slice %row into %p[0, 0] [1, 5] [1, 1] : tensor<5xf32> into tensor<3x5xf32>
  %qd = tensor.cast %q : tensor<3x5xf32> to tensor<?x?xf32>
  call @show(%qd) : (tensor<?x?xf32>) -> ()

  // A strided slice with a dynamic offset.
  // CHECK: sizes = [2, 2] strides = [5, 2]
  // CHECK-NEXT: {{\[}}[0,   2],
  // CHECK-NEXT: [10,   12]]
  %s = tensor.extract_slice %q[%c1, 1] [2, 2] [1, 2] : tensor<3x5xf32> to tensor<2x2xf32>
  %sd = tensor.cast %s : tensor<2x2xf32> to tensor<?x?xf32>
  call @show(%sd) : (tensor<?x?xf32>) -> ()

  // collapse, expand and concat.
  // CHECK: sizes = [3, 2]
  // CHECK-NEXT: {{\[}}[0,   1],
  // CHECK-NEXT: [2,   10],
  // CHECK-NEXT: [11,   12]]
  %flat = tensor.collapse_shape %t [[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
  %e = tensor.expand_shape %flat [[0, 1]] output_shape [3, 2] : tensor<6xf32> into tensor<3x2xf32>
  %ed = tensor.cast %e : tensor<3x2xf32> to tensor<?x?xf32>
  call @show(%ed) : (tensor<?x?xf32>) -> ()

  // CHECK: sizes = [4, 3]
  // CHECK-NEXT: {{\[}}[0,   1,   2],
  // CHECK-NEXT: [10,   11,   12],
  // CHECK-NEXT: [0,   1,   2],
  // CHECK-NEXT: [10,   11,   12]]
  %cc = tensor.concat dim(0) %t, %t : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  %ccd = tensor.cast %cc : tensor<4x3xf32> to tensor<?x?xf32>
  call @show(%ccd) : (tensor<?x?xf32>) -> ()

  // from_elements, insert and extract.
  // CHECK: sizes = [2, 2]
  // CHECK-NEXT: {{\[}}[12,   1],
  // CHECK-NEXT: [2,   3]]
  %one = arith.constant 1.0 : f32
  %two = arith.constant 2.0 : f32
  %three = arith.constant 3.0 : f32
  %fe = tensor.from_elements %zero, %one, %two, %three : tensor<2x2xf32>
  %c2 = arith.constant 2 : index
  %v = tensor.extract %t[%c1, %c2] : tensor<2x3xf32>
  %c0 = arith.constant 0 : index
  %ins = tensor.insert %v into %fe[%c0, %c0] : tensor<2x2xf32>
  %insd = tensor.cast %ins : tensor<2x2xf32> to tensor<?x?xf32>
  call @show(%insd) : (tensor<?x?xf32>) -> ()
  return
}
