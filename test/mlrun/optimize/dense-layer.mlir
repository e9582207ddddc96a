// RUN: mlrun %s --optimize -e main --entry-point-result=void | FileCheck %s
// ORACLE: --one-shot-bufferize=bufferize-function-boundaries --buffer-deallocation-pipeline --convert-bufferization-to-memref --test-lower-to-llvm
// A dense layer relu(a * b + bias) * 0.5 on tensors, one linalg op per step
// (5x7 * 7x9: partial register tiles and masked vectors), run with the
// default schedule; mlir-runner prints the same for the unscheduled program.

func.func private @printMemrefF32(tensor<*xf32>)

func.func @dense(%a: tensor<5x7xf32>, %b: tensor<7x9xf32>, %bias: tensor<9xf32>) -> tensor<5x9xf32> {
  %zero = arith.constant 0.0 : f32
  %half = arith.constant 0.5 : f32
  %empty = tensor.empty() : tensor<5x9xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<5x9xf32>) -> tensor<5x9xf32>
  %product = linalg.matmul ins(%a, %b : tensor<5x7xf32>, tensor<7x9xf32>) outs(%init : tensor<5x9xf32>) -> tensor<5x9xf32>
  %biases = linalg.broadcast ins(%bias : tensor<9xf32>) outs(%empty : tensor<5x9xf32>) dimensions = [0]
  %sum = linalg.add ins(%product, %biases : tensor<5x9xf32>, tensor<5x9xf32>) outs(%empty : tensor<5x9xf32>) -> tensor<5x9xf32>
  %zeros = linalg.fill ins(%zero : f32) outs(%empty : tensor<5x9xf32>) -> tensor<5x9xf32>
  %relu = linalg.max ins(%sum, %zeros : tensor<5x9xf32>, tensor<5x9xf32>) outs(%empty : tensor<5x9xf32>) -> tensor<5x9xf32>
  %halves = linalg.fill ins(%half : f32) outs(%empty : tensor<5x9xf32>) -> tensor<5x9xf32>
  %scaled = linalg.mul ins(%relu, %halves : tensor<5x9xf32>, tensor<5x9xf32>) outs(%empty : tensor<5x9xf32>) -> tensor<5x9xf32>
  return %scaled : tensor<5x9xf32>
}

func.func @main() {
  %a = arith.constant dense<[[-2.0, -1.0, 0.0, 1.0, 2.0, -2.0, -1.0], [0.0, 1.0, 2.0, -2.0, -1.0, 0.0, 1.0], [2.0, -2.0, -1.0, 0.0, 1.0, 2.0, -2.0], [-1.0, 0.0, 1.0, 2.0, -2.0, -1.0, 0.0], [1.0, 2.0, -2.0, -1.0, 0.0, 1.0, 2.0]]> : tensor<5x7xf32>
  %b = arith.constant dense<[[-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, -3.0, -2.0], [-1.0, 0.0, 1.0, 2.0, 3.0, -3.0, -2.0, -1.0, 0.0], [1.0, 2.0, 3.0, -3.0, -2.0, -1.0, 0.0, 1.0, 2.0], [3.0, -3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, -3.0], [-2.0, -1.0, 0.0, 1.0, 2.0, 3.0, -3.0, -2.0, -1.0], [0.0, 1.0, 2.0, 3.0, -3.0, -2.0, -1.0, 0.0, 1.0], [2.0, 3.0, -3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0]]> : tensor<7x9xf32>
  %bias = arith.constant dense<[-1.0, 0.0, 1.0, 2.0, -1.0, 0.0, 1.0, 2.0, -1.0]> : tensor<9xf32>
  %result = call @dense(%a, %b, %bias) : (tensor<5x7xf32>, tensor<7x9xf32>, tensor<9xf32>) -> tensor<5x9xf32>
  %printed = tensor.cast %result : tensor<5x9xf32> to tensor<*xf32>
  call @printMemrefF32(%printed) : (tensor<*xf32>) -> ()
  return
}

// CHECK: rank = 2 offset = 0 sizes = [5, 9] strides = [9, 1] data =
// CHECK-NEXT: {{\[\[}}1.5,   0,   0,   0,   2.5,   5,   0,   3,   0],
// CHECK-NEXT:  [0,   7,   4.5,   0,   0,   0,   0,   0.5,   6.5],
// CHECK-NEXT:  [0,   0,   2,   6,   0,   5,   2,   0,   0],
// CHECK-NEXT:  [6.5,   0,   0,   0,   0,   0,   4.5,   8,   0],
// CHECK-NEXT:  [0,   2,   0,   6,   2.5,   0,   0,   0,   1.5]]
