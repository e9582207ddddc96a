// RUN: mlopt %s --split-input-file --convert-linalg-to-loops --verify-diagnostics
// RUN: mlopt %s --split-input-file --convert-linalg-to-affine-loops --verify-diagnostics
// RUN: mlopt %s --split-input-file --convert-linalg-to-parallel-loops --verify-diagnostics

// Linalg on tensors is lowered after bufferization, and says so.
func.func @matmul_on_tensors(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<4x16xf32>) -> tensor<4x16xf32> {
  // expected-error@+1 {{'linalg.matmul' op on tensors cannot be lowered to loops: bufferize first (--one-shot-bufferize)}}
  %0 = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

func.func @softmax_on_tensors(%a: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error@+1 {{'linalg.softmax' op on tensors cannot be lowered to loops: bufferize first (--one-shot-bufferize)}}
  %0 = linalg.softmax dimension(1) ins(%a : tensor<4x8xf32>) outs(%a : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

func.func @pack_on_tensors(%a: tensor<16x8xf32>, %p: tensor<4x4x4x2xf32>) -> tensor<4x4x4x2xf32> {
  // expected-error@+1 {{'linalg.pack' op on tensors cannot be lowered to loops: bufferize first (--one-shot-bufferize)}}
  %0 = linalg.pack %a inner_dims_pos = [0, 1] inner_tiles = [4, 2] into %p : tensor<16x8xf32> -> tensor<4x4x4x2xf32>
  return %0 : tensor<4x4x4x2xf32>
}
