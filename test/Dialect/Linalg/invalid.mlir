// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @linalg_matmul(%a: memref<4x8xf32>, %b: memref<4x16xf32>, %c: memref<4x16xf32>) {
  // expected-error@+1 {{inferred input/output operand #1 has shape's dimension #0 to be 8, but found 4}}
  linalg.matmul ins(%a, %b : memref<4x8xf32>, memref<4x16xf32>) outs(%c : memref<4x16xf32>)
  return
}

// -----

func.func @linalg_generic_maps(%a: memref<4xf32>) {
  // expected-error@+1 {{expected the number of indexing_map (1) to be equal to the number of input/output operands (2)}}
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a : memref<4xf32>) outs(%a : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  return
}
