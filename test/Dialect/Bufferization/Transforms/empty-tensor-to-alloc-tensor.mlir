// RUN: mlopt %s --empty-tensor-to-alloc-tensor | FileCheck %s

// CHECK-LABEL: func.func @empty
// CHECK-SAME: (%[[N:[^:]+]]: index)
// CHECK-NEXT: %[[A:[^ ]+]] = bufferization.alloc_tensor(%[[N]]) : tensor<?x4xf32>
// CHECK-NEXT: %[[B:[^ ]+]] = bufferization.alloc_tensor() : tensor<2xf32>
// CHECK-NEXT: return %[[A]], %[[B]]
// CHECK-NOT: tensor.empty
func.func @empty(%n: index) -> (tensor<?x4xf32>, tensor<2xf32>) {
  %0 = tensor.empty(%n) : tensor<?x4xf32>
  %1 = tensor.empty() : tensor<2xf32>
  return %0, %1 : tensor<?x4xf32>, tensor<2xf32>
}
