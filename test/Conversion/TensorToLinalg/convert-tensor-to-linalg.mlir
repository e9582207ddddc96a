// RUN: mlopt %s --split-input-file --convert-tensor-to-linalg | FileCheck %s

// CHECK-LABEL: func.func @pad_static
// CHECK-SAME: (%[[T:[^:]+]]: tensor<4x5xf32>, %[[F:[^:]+]]: f32)
// CHECK: %[[E:[^ ]+]] = tensor.empty() : tensor<7x9xf32>
// CHECK: %[[FILL:[^ ]+]] = linalg.fill ins(%[[F]] : f32) outs(%[[E]] : tensor<7x9xf32>) -> tensor<7x9xf32>
// CHECK: %[[R:[^ ]+]] = tensor.insert_slice %[[T]] into %[[FILL]][1, 2] [4, 5] [1, 1] : tensor<4x5xf32> into tensor<7x9xf32>
// CHECK: return %[[R]]
// CHECK-NOT: tensor.pad
func.func @pad_static(%t: tensor<4x5xf32>, %f: f32) -> tensor<7x9xf32> {
  %0 = tensor.pad %t low[1, 2] high[2, 2] {
  ^bb0(%a: index, %b: index):
    tensor.yield %f : f32
  } : tensor<4x5xf32> to tensor<7x9xf32>
  return %0 : tensor<7x9xf32>
}

// -----

// Each dynamic result size is source size + low + high, folded where constant.
// CHECK-LABEL: func.func @pad_dynamic
// CHECK-SAME: (%[[T:[^:]+]]: tensor<?x5xf32>, %[[L:[^:]+]]: index, %[[H:[^:]+]]: index)
// CHECK: %[[CST:[^ ]+]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[C0:[^ ]+]] = arith.constant 0 : index
// CHECK: %[[D:[^ ]+]] = tensor.dim %[[T]], %[[C0]] : tensor<?x5xf32>
// CHECK: %[[PLUS_LOW:[^ ]+]] = arith.addi %[[D]], %[[L]] : index
// CHECK: %[[C2:[^ ]+]] = arith.constant 2 : index
// CHECK: %[[SIZE0:[^ ]+]] = arith.addi %[[PLUS_LOW]], %[[C2]] : index
// CHECK: %[[C6:[^ ]+]] = arith.constant 6 : index
// CHECK: %[[SIZE1:[^ ]+]] = arith.addi %[[H]], %[[C6]] : index
// CHECK: %[[E:[^ ]+]] = tensor.empty(%[[SIZE0]], %[[SIZE1]]) : tensor<?x?xf32>
// CHECK: %[[FILL:[^ ]+]] = linalg.fill ins(%[[CST]] : f32) outs(%[[E]] : tensor<?x?xf32>) -> tensor<?x?xf32>
// CHECK: %[[D2:[^ ]+]] = tensor.dim %[[T]], %{{.*}} : tensor<?x5xf32>
// CHECK: tensor.insert_slice %[[T]] into %[[FILL]][%[[L]], 1] [%[[D2]], 5] [1, 1] : tensor<?x5xf32> into tensor<?x?xf32>
func.func @pad_dynamic(%t: tensor<?x5xf32>, %l: index, %h: index) -> tensor<?x?xf32> {
  %cst = arith.constant 0.0 : f32
  %0 = tensor.pad %t low[%l, 1] high[2, %h] {
  ^bb0(%a: index, %b: index):
    tensor.yield %cst : f32
  } : tensor<?x5xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// A padding constant defined in the body moves in front of the fill.
// CHECK-LABEL: func.func @pad_constant_in_body
// CHECK: %[[E:[^ ]+]] = tensor.empty() : tensor<6xf32>
// CHECK: %[[C:[^ ]+]] = arith.constant 2.500000e+00 : f32
// CHECK: linalg.fill ins(%[[C]] : f32) outs(%[[E]] : tensor<6xf32>) -> tensor<6xf32>
func.func @pad_constant_in_body(%t: tensor<4xf32>) -> tensor<6xf32> {
  %0 = tensor.pad %t low[1] high[1] {
  ^bb0(%a: index):
    %c = arith.constant 2.5 : f32
    tensor.yield %c : f32
  } : tensor<4xf32> to tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

// A padding value computed from the indices needs tensor.generate with the body.
// CHECK-LABEL: func.func @pad_computed_value
// CHECK: %[[G:[^ ]+]] = tensor.generate {{ *}}{
// CHECK-NEXT: ^bb0(%[[A:[^:]+]]: index):
// CHECK-NEXT: %[[V:[^ ]+]] = arith.index_cast %[[A]] : index to i32
// CHECK-NEXT: tensor.yield %[[V]] : i32
// CHECK-NEXT: } : tensor<6xi32>
// CHECK: tensor.insert_slice %{{.*}} into %[[G]][1] [4] [1] : tensor<4xi32> into tensor<6xi32>
// CHECK-NOT: linalg.fill
func.func @pad_computed_value(%t: tensor<4xi32>) -> tensor<6xi32> {
  %0 = tensor.pad %t low[1] high[1] {
  ^bb0(%a: index):
    %v = arith.index_cast %a : index to i32
    tensor.yield %v : i32
  } : tensor<4xi32> to tensor<6xi32>
  return %0 : tensor<6xi32>
}

// -----

// CHECK-LABEL: func.func @pad_nofold
// CHECK: linalg.fill
// CHECK: tensor.insert_slice %{{.*}} into %{{.*}}[0] [4] [1] : tensor<4xf32> into tensor<4xf32>
func.func @pad_nofold(%t: tensor<4xf32>, %f: f32) -> tensor<4xf32> {
  %0 = tensor.pad %t nofold low[0] high[0] {
  ^bb0(%a: index):
    tensor.yield %f : f32
  } : tensor<4xf32> to tensor<4xf32>
  return %0 : tensor<4xf32>
}
