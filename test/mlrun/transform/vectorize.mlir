// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule | mlrun - -e main --entry-point-result=void | FileCheck %s
// ORACLE: --transform-interpreter --test-transform-dialect-erase-schedule --test-lower-to-llvm
func.func private @printMemrefF32(memref<*xf32>)

// C += A * B (11x7 * 7x9) tiled 4 x 3 x 5: the partial tiles have dynamic
// shapes, so each tile is vectorized with vector sizes [4, 3, 5] (masked).
// Then, vectorized whole: the row maxima of C and C transposed.
func.func @compute(%a: memref<11x7xf32>, %b: memref<7x9xf32>, %c: memref<11x9xf32>, %m: memref<11xf32>, %t: memref<9x11xf32>) {
  linalg.matmul ins(%a, %b : memref<11x7xf32>, memref<7x9xf32>) outs(%c : memref<11x9xf32>)
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]}
      ins(%c : memref<11x9xf32>) outs(%m : memref<11xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %0 = arith.maximumf %x, %acc : f32
    linalg.yield %0 : f32
  }
  linalg.transpose ins(%c : memref<11x9xf32>) outs(%t : memref<9x11xf32>) permutation = [1, 0]
  return
}

func.func @main() {
  %a = memref.alloc() : memref<11x7xf32>
  %b = memref.alloc() : memref<7x9xf32>
  %c = memref.alloc() : memref<11x9xf32>
  %m = memref.alloc() : memref<11xf32>
  %t = memref.alloc() : memref<9x11xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c7 = arith.constant 7 : index
  %c9 = arith.constant 9 : index
  %c11 = arith.constant 11 : index
  %one = arith.constant 1.0 : f32
  %low = arith.constant -1000.0 : f32
  scf.for %i = %c0 to %c11 step %c1 {
    scf.for %j = %c0 to %c7 step %c1 {
      %s = arith.addi %i, %j : index
      %u = arith.index_cast %s : index to i32
      %v = arith.sitofp %u : i32 to f32
      memref.store %v, %a[%i, %j] : memref<11x7xf32>
    }
  }
  scf.for %i = %c0 to %c7 step %c1 {
    scf.for %j = %c0 to %c9 step %c1 {
      %s = arith.subi %i, %j : index
      %u = arith.index_cast %s : index to i32
      %v = arith.sitofp %u : i32 to f32
      memref.store %v, %b[%i, %j] : memref<7x9xf32>
    }
  }
  linalg.fill ins(%one : f32) outs(%c : memref<11x9xf32>)
  linalg.fill ins(%low : f32) outs(%m : memref<11xf32>)
  call @compute(%a, %b, %c, %m, %t) : (memref<11x7xf32>, memref<7x9xf32>, memref<11x9xf32>, memref<11xf32>, memref<9x11xf32>) -> ()
  %pm = memref.cast %m : memref<11xf32> to memref<*xf32>
  call @printMemrefF32(%pm) : (memref<*xf32>) -> ()
  %pt = memref.cast %t : memref<9x11xf32> to memref<*xf32>
  call @printMemrefF32(%pt) : (memref<*xf32>) -> ()
  memref.dealloc %a : memref<11x7xf32>
  memref.dealloc %b : memref<7x9xf32>
  memref.dealloc %c : memref<11x9xf32>
  memref.dealloc %m : memref<11xf32>
  memref.dealloc %t : memref<9x11xf32>
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %tile, %loops:3 = transform.structured.tile_using_for %mm tile_sizes [4, 3, 5] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.structured.vectorize %tile vector_sizes [4, 3, 5] : !transform.any_op
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    %v = transform.structured.vectorize_children_and_apply_patterns %f : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %v {
      transform.apply_patterns.vector.lower_masked_transfers
      transform.apply_patterns.vector.lower_masks
      transform.apply_patterns.vector.lower_multi_reduction lowering_strategy = "innerparallel"
      transform.apply_patterns.vector.lower_contraction lowering_strategy = "outerproduct"
      transform.apply_patterns.vector.lower_outerproduct
    } : !transform.any_op
    transform.yield
  }
}

// CHECK:      rank = 1 offset = 0 sizes = [11] strides = [1] data =
// CHECK-NEXT: [92,  113,  134,  155,  176,  197,  218,  239,  260,  281,  302]
// CHECK:      rank = 2 offset = 0 sizes = [9, 11] strides = [11, 1] data =
// CHECK-NEXT: [92,   113,   134,   155,   176,   197,   218,   239,   260,   281,   302],
// CHECK-NEXT: [71,   85,   99,   113,   127,   141,   155,   169,   183,   197,   211],
// CHECK-NEXT: [50,   57,   64,   71,   78,   85,   92,   99,   106,   113,   120],
// CHECK-NEXT: [29,   29,   29,   29,   29,   29,   29,   29,   29,   29,   29],
// CHECK-NEXT: [8,   1,   -6,   -13,   -20,   -27,   -34,   -41,   -48,   -55,   -62],
