// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --canonicalize | FileCheck %s %}
// RUN: mlopt %s --split-input-file --cse | FileCheck %s --check-prefix=CSE
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --cse | FileCheck %s --check-prefix=CSE %}

// Linalg ops on tensors have no memory effect: dead ones are erased (whatever
// their payload does), identical ones merged. On buffers they read their
// inputs and write their inits, and stay.

#id = affine_map<(d0, d1) -> (d0, d1)>

// CHECK-LABEL: func.func @dead_on_tensors
// CHECK-NEXT: return
func.func @dead_on_tensors(%a: tensor<4x8xf32>, %b: tensor<8x4xf32>, %init: tensor<4x8xf32>, %square: tensor<4x4xf32>, %row: tensor<4xf32>) -> tensor<4x8xf32> {
  %zero = arith.constant 0.0 : f32
  %generic = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%a : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>) {
  ^bb0(%x: f32, %o: f32):
    %e = math.exp %x : f32
    linalg.yield %e : f32
  } -> tensor<4x8xf32>
  %map = linalg.map { math.absf } ins(%a : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>)
  %exp = linalg.exp ins(%a : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>) -> tensor<4x8xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%init : tensor<4x8xf32>) -> tensor<4x8xf32>
  %matmul = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x4xf32>) outs(%square : tensor<4x4xf32>) -> tensor<4x4xf32>
  %reduce = linalg.reduce { arith.addf } ins(%a : tensor<4x8xf32>) outs(%row : tensor<4xf32>) dimensions = [1]
  %transpose = linalg.transpose ins(%a : tensor<4x8xf32>) outs(%b : tensor<8x4xf32>) permutation = [1, 0]
  %broadcast = linalg.broadcast ins(%row : tensor<4xf32>) outs(%init : tensor<4x8xf32>) dimensions = [1]
  %softmax = linalg.softmax dimension(1) ins(%a : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %a : tensor<4x8xf32>
}

// -----

// CHECK-LABEL: func.func @dead_relayouts
// CHECK-NEXT: return
func.func @dead_relayouts(%a: tensor<4x8xf32>, %packed: tensor<2x8x2xf32>) -> tensor<4x8xf32> {
  %pack = linalg.pack %a inner_dims_pos = [0] inner_tiles = [2] into %packed : tensor<4x8xf32> -> tensor<2x8x2xf32>
  %unpack = linalg.unpack %packed inner_dims_pos = [0] inner_tiles = [2] into %a : tensor<2x8x2xf32> -> tensor<4x8xf32>
  return %a : tensor<4x8xf32>
}

// -----

#id = affine_map<(d0, d1) -> (d0, d1)>

// CHECK-LABEL: func.func @kept_on_buffers
// CHECK: linalg.generic
// CHECK: linalg.map
// CHECK: linalg.fill
// CHECK: linalg.reduce
// CHECK: linalg.transpose
// CHECK: linalg.softmax
func.func @kept_on_buffers(%a: memref<4x8xf32>, %b: memref<8x4xf32>, %row: memref<4xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%a : memref<4x8xf32>) outs(%a : memref<4x8xf32>) {
  ^bb0(%x: f32, %o: f32):
    %e = math.exp %x : f32
    linalg.yield %e : f32
  }
  linalg.map { math.absf } ins(%a : memref<4x8xf32>) outs(%a : memref<4x8xf32>)
  linalg.fill ins(%zero : f32) outs(%row : memref<4xf32>)
  linalg.reduce { arith.addf } ins(%a : memref<4x8xf32>) outs(%row : memref<4xf32>) dimensions = [1]
  linalg.transpose ins(%a : memref<4x8xf32>) outs(%b : memref<8x4xf32>) permutation = [1, 0]
  linalg.softmax dimension(1) ins(%a : memref<4x8xf32>) outs(%a : memref<4x8xf32>)
  return
}

// -----

// CSE-LABEL: func.func @identical_on_tensors
// CSE-SAME: (%[[A:[^:]*]]: tensor<8xf32>, %[[INIT:[^:]*]]: tensor<8xf32>)
// CSE-NEXT: %[[EXP:.*]] = linalg.exp ins(%[[A]] : tensor<8xf32>) outs(%[[INIT]] : tensor<8xf32>)
// CSE-NEXT: return %[[EXP]], %[[EXP]]
func.func @identical_on_tensors(%a: tensor<8xf32>, %init: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  %0 = linalg.exp ins(%a : tensor<8xf32>) outs(%init : tensor<8xf32>) -> tensor<8xf32>
  %1 = linalg.exp ins(%a : tensor<8xf32>) outs(%init : tensor<8xf32>) -> tensor<8xf32>
  return %0, %1 : tensor<8xf32>, tensor<8xf32>
}

// -----

// CSE-LABEL: func.func @identical_on_buffers
// CSE-COUNT-2: linalg.exp
func.func @identical_on_buffers(%a: memref<8xf32>, %b: memref<8xf32>) {
  linalg.exp ins(%a : memref<8xf32>) outs(%b : memref<8xf32>)
  linalg.exp ins(%a : memref<8xf32>) outs(%b : memref<8xf32>)
  return
}
