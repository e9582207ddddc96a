// linalg.pack (padding, outer_dims_perm), linalg.unpack and linalg.softmax on
// memrefs, which mlopt's loop lowerings handle and upstream's do not: the
// results equal what mlir-runner prints for the same ops on tensors, lowered
// by upstream's own transforms (Inputs/relayout-softmax.reference.mlir).
// DIFFERENTIAL: skip mlir-opt 22 takes linalg.pack/unpack on tensors only
// REFERENCE: Inputs/relayout-softmax.reference.mlir
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-linalg-to-affine-loops | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-linalg-to-parallel-loops | mlrun - -e main --entry-point-result=void | FileCheck %s

memref.global "private" constant @source : memref<5x7xf32> = dense<[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0], [15.0, 16.0, 17.0, 18.0, 19.0, 20.0, 21.0], [22.0, 23.0, 24.0, 25.0, 26.0, 27.0, 28.0], [29.0, 30.0, 31.0, 32.0, 33.0, 34.0, 35.0]]>

func.func private @printMemrefF32(memref<*xf32>)

func.func @main() {
  %src = memref.get_global @source : memref<5x7xf32>
  %pad = arith.constant 0.5 : f32
  %packed = memref.alloc() : memref<2x3x2x4xf32>
  linalg.pack %src padding_value(%pad : f32) outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [2, 4] into %packed : memref<5x7xf32> -> memref<2x3x2x4xf32>
  %back = memref.alloc() : memref<5x7xf32>
  linalg.unpack %packed outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [2, 4] into %back : memref<2x3x2x4xf32> -> memref<5x7xf32>
  %soft = memref.alloc() : memref<5x7xf32>
  linalg.softmax dimension(1) ins(%src : memref<5x7xf32>) outs(%soft : memref<5x7xf32>)
  %0 = memref.cast %packed : memref<2x3x2x4xf32> to memref<*xf32>
  call @printMemrefF32(%0) : (memref<*xf32>) -> ()
  %1 = memref.cast %back : memref<5x7xf32> to memref<*xf32>
  call @printMemrefF32(%1) : (memref<*xf32>) -> ()
  %2 = memref.cast %soft : memref<5x7xf32> to memref<*xf32>
  call @printMemrefF32(%2) : (memref<*xf32>) -> ()
  memref.dealloc %packed : memref<2x3x2x4xf32>
  memref.dealloc %back : memref<5x7xf32>
  memref.dealloc %soft : memref<5x7xf32>
  return
}

// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 4 offset = 0 sizes = [2, 3, 2, 4] strides = [24, 8, 4, 1] data =
// CHECK-NEXT: {{\[\[}}{{\[\[}}1,     2,     3,     4],
// CHECK-NEXT:    [8,     9,     10,     11]],
// CHECK-NEXT:   {{\[\[}}15,     16,     17,     18],
// CHECK-NEXT:    [22,     23,     24,     25]],
// CHECK-NEXT:   {{\[\[}}29,     30,     31,     32],
// CHECK-NEXT:    [0.5,     0.5,     0.5,     0.5]]],
// CHECK-NEXT:  {{\[\[}}[5,     6,     7,     0.5],
// CHECK-NEXT:    [12,     13,     14,     0.5]],
// CHECK-NEXT:   {{\[\[}}19,     20,     21,     0.5],
// CHECK-NEXT:    [26,     27,     28,     0.5]],
// CHECK-NEXT:   {{\[\[}}33,     34,     35,     0.5],
// CHECK-NEXT:    [0.5,     0.5,     0.5,     0.5]]]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [5, 7] strides = [7, 1] data =
// CHECK-NEXT: {{\[\[}}1,   2,   3,   4,   5,   6,   7],
// CHECK-NEXT:  [8,   9,   10,   11,   12,   13,   14],
// CHECK-NEXT:  [15,   16,   17,   18,   19,   20,   21],
// CHECK-NEXT:  [22,   23,   24,   25,   26,   27,   28],
// CHECK-NEXT:  [29,   30,   31,   32,   33,   34,   35]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [5, 7] strides = [7, 1] data =
// CHECK-NEXT: {{\[\[}}0.0015683,   0.00426308,   0.0115883,   0.0315002,   0.0856263,   0.232756,   0.632698],
// CHECK-NEXT:  [0.0015683,   0.00426308,   0.0115883,   0.0315002,   0.0856263,   0.232756,   0.632698],
// CHECK-NEXT:  [0.0015683,   0.00426308,   0.0115883,   0.0315002,   0.0856263,   0.232756,   0.632698],
// CHECK-NEXT:  [0.0015683,   0.00426308,   0.0115883,   0.0315002,   0.0856263,   0.232756,   0.632698],
// CHECK-NEXT:  [0.0015683,   0.00426308,   0.0115883,   0.0315002,   0.0856263,   0.232756,   0.632698]]
