// RUN: mlopt %s --split-input-file --verify-diagnostics --convert-to-llvm
// RUN: not mlopt %s --split-input-file --lower-to-llvm 2>&1 | FileCheck %s --check-prefix=PIPELINE
// PIPELINE-NOT: error: 'tensor.extract'
// PIPELINE: error: 'complex.add' op was not lowered

// What no conversion reached is an error naming the op and the pass that lowers it.

func.func @subview(%m: memref<8xf32>) -> memref<4xf32, strided<[1], offset: 2>> {
  // expected-error@+1 {{'memref.subview' op was not lowered to the llvm dialect; run expand-strided-metadata (or the lower-to-llvm pipeline)}}
  %s = memref.subview %m[2][4][1] : memref<8xf32> to memref<4xf32, strided<[1], offset: 2>>
  return %s : memref<4xf32, strided<[1], offset: 2>>
}

// -----

// The function is left too (its type has no llvm counterpart), but the op
// inside it is the one to fix; the lower-to-llvm pipeline bufferizes it.
func.func @tensor(%t: tensor<4xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  // expected-error@+1 {{'tensor.extract' op was not lowered to the llvm dialect; run one-shot-bufferize (or the lower-to-llvm pipeline)}}
  %v = tensor.extract %t[%c0] : tensor<4xf32>
  return %v : f32
}

// -----

// The pipeline runs everything it has; what is left has no lowering.
func.func @complex(%a: complex<f32>) -> complex<f32> {
  // expected-error@+1 {{'complex.add' op was not lowered to the llvm dialect; no mlopt pass lowers it to the llvm dialect}}
  %0 = complex.add %a, %a : complex<f32>
  return %0 : complex<f32>
}
