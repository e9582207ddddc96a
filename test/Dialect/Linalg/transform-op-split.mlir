// RUN: mlopt %s --transform-interpreter --split-input-file --verify-diagnostics | FileCheck %s

// Rows [0, 4) then [4, 10): the second part writes into the first's result.

// CHECK-LABEL: func.func @split_rows
//  CHECK-SAME:     %[[A:[a-zA-Z0-9]+]]: tensor<10x8xf32>, %[[C:[a-zA-Z0-9]+]]: tensor<10x8xf32>
//       CHECK:   %[[A1:.*]] = tensor.extract_slice %[[A]][0, 0] [4, 8] [1, 1] : tensor<10x8xf32> to tensor<4x8xf32>
//       CHECK:   %[[C1:.*]] = tensor.extract_slice %[[C]][0, 0] [4, 8] [1, 1] : tensor<10x8xf32> to tensor<4x8xf32>
//       CHECK:   %[[G1:.*]] = linalg.generic {{.*}} ins(%[[A1]] : tensor<4x8xf32>) outs(%[[C1]] : tensor<4x8xf32>)
//       CHECK:   %[[I1:.*]] = tensor.insert_slice %[[G1]] into %[[C]][0, 0] [4, 8] [1, 1] : tensor<4x8xf32> into tensor<10x8xf32>
//       CHECK:   %[[A2:.*]] = tensor.extract_slice %[[A]][4, 0] [6, 8] [1, 1] : tensor<10x8xf32> to tensor<6x8xf32>
//       CHECK:   %[[C2:.*]] = tensor.extract_slice %[[I1]][4, 0] [6, 8] [1, 1] : tensor<10x8xf32> to tensor<6x8xf32>
//       CHECK:   %[[G2:.*]] = linalg.generic {{.*}} ins(%[[A2]] : tensor<6x8xf32>) outs(%[[C2]] : tensor<6x8xf32>)
//       CHECK:   %[[I2:.*]] = tensor.insert_slice %[[G2]] into %[[I1]][4, 0] [6, 8] [1, 1] : tensor<6x8xf32> into tensor<10x8xf32>
//       CHECK:   return %[[I2]]
func.func @split_rows(%a: tensor<10x8xf32>, %c: tensor<10x8xf32>) -> tensor<10x8xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<10x8xf32>) outs(%c : tensor<10x8xf32>) {
  ^bb0(%x: f32, %out: f32):
    %m = arith.mulf %x, %x : f32
    linalg.yield %m : f32
  } -> tensor<10x8xf32>
  return %0 : tensor<10x8xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    %s = transform.structured.split %m after 4 {dimension = 0} : !transform.any_op
    %first, %second = transform.split_handle %s : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// Splitting a matmul's k: both parts accumulate into the whole output.

// CHECK-LABEL: func.func @split_k
//       CHECK:   %[[M1:.*]] = linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<3x5xf32>, tensor<5x4xf32>) outs(%{{.*}} : tensor<3x4xf32>)
//       CHECK:   %[[I1:.*]] = tensor.insert_slice %[[M1]] into %{{.*}}[0, 0] [3, 4] [1, 1]
//       CHECK:   %[[C2:.*]] = tensor.extract_slice %[[I1]][0, 0] [3, 4] [1, 1]
//       CHECK:   linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<3x7xf32>, tensor<7x4xf32>) outs(%[[C2]] : tensor<3x4xf32>)
func.func @split_k(%a: tensor<3x12xf32>, %b: tensor<12x4xf32>, %c: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<3x12xf32>, tensor<12x4xf32>) outs(%c : tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %s = transform.structured.split %m after 5 {dimension = 2} : !transform.any_op
    transform.yield
  }
}

// -----

func.func @bad_dimension(%a: tensor<10x8xf32>, %c: tensor<10x8xf32>) -> tensor<10x8xf32> {
  // expected-note@+1 {{target op}}
  %0 = linalg.copy ins(%a : tensor<10x8xf32>) outs(%c : tensor<10x8xf32>) -> tensor<10x8xf32>
  return %0 : tensor<10x8xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.copy"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{dimension 3 does not exist in target op}}
    %s = transform.structured.split %m after 4 {dimension = 3} : !transform.any_op
    transform.yield
  }
}
