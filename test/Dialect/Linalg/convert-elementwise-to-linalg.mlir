// RUN: mlopt %s --split-input-file --convert-elementwise-to-linalg | FileCheck %s

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @elementwise
// CHECK-SAME: (%[[A:.*]]: tensor<4x?xf32>, %[[B:.*]]: tensor<4x?xf32>, %[[C:.*]]: tensor<4x?xi1>)
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[MAP0]], #[[MAP0]], #[[MAP0]]], iterator_types = ["parallel", "parallel"]} ins(%[[A]], %[[B]] : tensor<4x?xf32>, tensor<4x?xf32>) outs(%[[A]] : tensor<4x?xf32>)
// CHECK: arith.addf %{{.*}}, %{{.*}} : f32
// The i1 result has no operand of its type to write into: a tensor.empty sized like the first operand.
// CHECK: %[[ONE:.*]] = arith.constant 1 : index
// CHECK: %[[DIM:.*]] = tensor.dim %[[A]], %[[ONE]] : tensor<4x?xf32>
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[DIM]]) : tensor<4x?xi1>
// CHECK: linalg.generic {{.*}} ins(%[[A]], %[[B]] : tensor<4x?xf32>, tensor<4x?xf32>) outs(%[[EMPTY]] : tensor<4x?xi1>)
// CHECK: arith.cmpf olt, %{{.*}}, %{{.*}} : f32
// CHECK: linalg.generic {{.*}} ins(%[[C]], %[[A]], %[[B]] : tensor<4x?xi1>, tensor<4x?xf32>, tensor<4x?xf32>) outs(%[[A]] : tensor<4x?xf32>)
// CHECK: arith.select
// CHECK: linalg.generic {{.*}} ins(%[[SUM]] : tensor<4x?xf32>) outs(%[[SUM]] : tensor<4x?xf32>)
// CHECK: math.exp %{{.*}} : f32
func.func @elementwise(%a: tensor<4x?xf32>, %b: tensor<4x?xf32>, %c: tensor<4x?xi1>) -> (tensor<4x?xf32>, tensor<4x?xi1>, tensor<4x?xf32>) {
  %0 = arith.addf %a, %b : tensor<4x?xf32>
  %1 = arith.cmpf olt, %a, %b : tensor<4x?xf32>
  %2 = arith.select %c, %a, %b : tensor<4x?xi1>, tensor<4x?xf32>
  %3 = math.exp %0 : tensor<4x?xf32>
  return %3, %1, %2 : tensor<4x?xf32>, tensor<4x?xi1>, tensor<4x?xf32>
}

// -----

// Scalars, vectors and constants are left alone.
// CHECK-LABEL: func.func @not_on_tensors
// CHECK-NOT: linalg.generic
// CHECK: arith.constant dense<1.000000e+00> : tensor<4xf32>
// CHECK: arith.addf %{{.*}}, %{{.*}} : f32
// CHECK: arith.mulf %{{.*}}, %{{.*}} : vector<4xf32>
func.func @not_on_tensors(%x: f32, %v: vector<4xf32>) -> (tensor<4xf32>, f32, vector<4xf32>) {
  %t = arith.constant dense<1.0> : tensor<4xf32>
  %s = arith.addf %x, %x : f32
  %w = arith.mulf %v, %v : vector<4xf32>
  return %t, %s, %w : tensor<4xf32>, f32, vector<4xf32>
}
