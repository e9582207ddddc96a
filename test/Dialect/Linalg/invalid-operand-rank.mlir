// RUN: mlopt %s --split-input-file --verify-diagnostics

// Every structured op reports an operand whose rank its indexing map does not
// produce in upstream's words, generic and named ops alike.

#identity = affine_map<(d0, d1) -> (d0, d1)>

func.func @generic_operand_rank(%a: memref<4xf32>, %b: memref<4x4xf32>) {
  // expected-error@+1 {{'linalg.generic' op expected operand #0 rank (1) to match the result rank of indexing_map (2)}}
  linalg.generic {indexing_maps = [#identity, #identity], iterator_types = ["parallel", "parallel"]} ins(%a : memref<4xf32>) outs(%b : memref<4x4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  return
}

// -----

func.func @copy_operand_rank(%a: memref<4xf32>, %b: memref<4x4xf32>) {
  // expected-error@+1 {{'linalg.copy' op expected operand #0 rank (1) to match the result rank of indexing_map (2)}}
  linalg.copy ins(%a : memref<4xf32>) outs(%b : memref<4x4xf32>)
  return
}

// -----

func.func @matvec_operand_rank(%a: memref<4x4xf32>, %c: memref<4xf32>) {
  // expected-error@+1 {{'linalg.matvec' op expected operand #1 rank (2) to match the result rank of indexing_map (1)}}
  linalg.matvec ins(%a, %a : memref<4x4xf32>, memref<4x4xf32>) outs(%c : memref<4xf32>)
  return
}

// -----

func.func @add_operand_count(%a: memref<4xf32>, %b: memref<4xf32>) {
  // Upstream reports this at the token after the op.
  // expected-error@+2 {{custom op 'linalg.add' [parseNamedStructuredOpRegion] ods-gen generated region expects 3 args, got 2}}
  linalg.add ins(%a : memref<4xf32>) outs(%b : memref<4xf32>)
  return
}
