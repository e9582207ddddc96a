// linalg.softmax on tensors, bufferized and lowered to loops by mlrun's
// default pipeline. Upstream's convert-linalg-to-loops cannot lower the named
// op, so the oracle runs softmax.mlir, the same computation spelt out.
// REFERENCE: softmax.mlir
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %x = arith.constant dense<[[1.0, 2.0, 3.0, 4.0, 5.0], [0.5, -0.5, 0.25, 0.0, 1.0], [-3.0, 10.0, 2.0, 2.0, -1.0]]> : tensor<3x5xf32>
  %e = tensor.empty() : tensor<3x5xf32>
  %s = linalg.softmax dimension(1) ins(%x : tensor<3x5xf32>) outs(%e : tensor<3x5xf32>) -> tensor<3x5xf32>
  %v = tensor.cast %s : tensor<3x5xf32> to tensor<*xf32>
  call @printMemrefF32(%v) : (tensor<*xf32>) -> ()
  return
}

// CHECK: Unranked Memref base@ = {{.*}} rank = 2 offset = 0 sizes = [3, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}0.0116562,   0.0316849,   0.0861285,   0.234122,   0.636409],
// CHECK-NEXT:  [0.227173,   0.0835723,   0.176922,   0.137787,   0.374545],
// CHECK-NEXT:  [2.25877e-06,   0.999311,   0.000335231,   0.000335231,   1.66902e-05]]
