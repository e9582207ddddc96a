// arith and math ops applied to whole tensors: mlrun's default lowering turns
// them into linalg (convert-elementwise-to-linalg) before bufferizing.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// ORACLE: --convert-elementwise-to-linalg --one-shot-bufferize="bufferize-function-boundaries" --buffer-deallocation-pipeline --convert-bufferization-to-memref --test-lower-to-llvm

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %a = arith.constant dense<[[1.0, 2.0, 3.0], [-4.0, 5.0, -6.0]]> : tensor<2x3xf32>
  %b = arith.constant dense<[[10.0, 20.0, 30.0], [0.5, 0.25, 2.0]]> : tensor<2x3xf32>
  %sum = arith.addf %a, %b : tensor<2x3xf32>
  %prod = arith.mulf %sum, %a : tensor<2x3xf32>
  %abs = math.absf %prod : tensor<2x3xf32>
  %u = tensor.cast %abs : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

// CHECK: Unranked Memref base@ = {{.*}} rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data =
// CHECK-NEXT: {{\[\[}}11,   44,   99],
// CHECK-NEXT:  [14,   26.25,   24]]
