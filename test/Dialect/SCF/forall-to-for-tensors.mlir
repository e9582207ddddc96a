// Shared outputs on tensors become loop-carried tensors; each parallel insert
// becomes an insert_slice into the innermost loop's carried tensor. (mlir-opt 22
// crashes on these; later upstream converts them this way.)
// RUN: mlopt %s --scf-forall-to-for | FileCheck %s

// CHECK-LABEL: func.func @shared_out
// CHECK-SAME: (%[[T:.+]]: tensor<8x6xf32>, %[[IN:.+]]: tensor<8x6xf32>)
// CHECK: %[[R:.+]] = scf.for %[[I:.+]] = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%[[A0:.+]] = %[[T]]) -> (tensor<8x6xf32>) {
// CHECK-NEXT: %[[INNER:.+]] = scf.for %[[J:.+]] = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%[[A1:.+]] = %[[A0]]) -> (tensor<8x6xf32>) {
// CHECK-NEXT: %[[S:.+]] = tensor.extract_slice %[[IN]][%[[I]], %[[J]]] [2, 3] [1, 1]
// CHECK-NEXT: %[[E:.+]] = math.exp %[[S]]
// CHECK-NEXT: %[[U:.+]] = tensor.insert_slice %[[E]] into %[[A1]][%[[I]], %[[J]]] [2, 3] [1, 1] : tensor<2x3xf32> into tensor<8x6xf32>
// CHECK-NEXT: scf.yield %[[U]] : tensor<8x6xf32>
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield %[[INNER]] : tensor<8x6xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[R]]
func.func @shared_out(%t: tensor<8x6xf32>, %in: tensor<8x6xf32>) -> tensor<8x6xf32> {
  %r = scf.forall (%i, %j) = (0, 0) to (8, 6) step (2, 3) shared_outs(%o = %t) -> (tensor<8x6xf32>) {
    %s = tensor.extract_slice %in[%i, %j] [2, 3] [1, 1] : tensor<8x6xf32> to tensor<2x3xf32>
    %e = math.exp %s : tensor<2x3xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %e into %o[%i, %j] [2, 3] [1, 1] : tensor<2x3xf32> into tensor<8x6xf32>
    }
  }
  return %r : tensor<8x6xf32>
}

// CHECK-LABEL: func.func @reads_shared_out
// CHECK: scf.for %[[I:.+]] = %{{.+}} iter_args(%[[O:[a-z0-9_]+]] = %{{[a-z0-9_]+}}, %{{.+}}) -> (tensor<8xf32>, tensor<4xf32>) {
// CHECK: tensor.extract_slice %[[O]][%[[I]]] [2] [1]
// CHECK: %[[U:.+]] = tensor.insert_slice %{{.+}} into %[[O]][%[[I]]] [2] [1]
// CHECK: %[[V:.+]] = tensor.insert_slice %{{.+}} into %{{.+}}[%[[I]]] [1] [1]
// CHECK: scf.yield %[[U]], %[[V]] : tensor<8xf32>, tensor<4xf32>
func.func @reads_shared_out(%t: tensor<8xf32>, %u: tensor<4xf32>) -> (tensor<8xf32>, tensor<4xf32>) {
  %r:2 = scf.forall (%i) = (0) to (8) step (2) shared_outs(%o = %t, %p = %u) -> (tensor<8xf32>, tensor<4xf32>) {
    %s = tensor.extract_slice %o[%i] [2] [1] : tensor<8xf32> to tensor<2xf32>
    %e = math.exp %s : tensor<2xf32>
    %h = tensor.extract_slice %e[0] [1] [1] : tensor<2xf32> to tensor<1xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %e into %o[%i] [2] [1] : tensor<2xf32> into tensor<8xf32>
      tensor.parallel_insert_slice %h into %p[%i] [1] [1] : tensor<1xf32> into tensor<4xf32>
    }
  }
  return %r#0, %r#1 : tensor<8xf32>, tensor<4xf32>
}
