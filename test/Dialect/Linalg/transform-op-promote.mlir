// RUN: mlopt %s --transform-interpreter --split-input-file --verify-diagnostics | FileCheck %s

// After tiling on buffers, A's and C's tiles are copied into buffers of the
// full tile size (4x5 and 4x8 f32: 80 and 128 bytes); the matmul works on
// the part of them the tile covers; C's is copied back, then both freed.

// CHECK-LABEL: func.func @promote_tiles
//       CHECK:   scf.for
//       CHECK:     scf.for
//       CHECK:       scf.for
//       CHECK:         %[[SA:.*]] = memref.subview %{{.*}} : memref<13x17xf32> to memref<?x?xf32, strided<[17, 1], offset: ?>>
//       CHECK:         %[[SB:.*]] = memref.subview %{{.*}} : memref<17x19xf32> to memref<?x?xf32, strided<[19, 1], offset: ?>>
//       CHECK:         %[[SC:.*]] = memref.subview %{{.*}} : memref<13x19xf32> to memref<?x?xf32, strided<[19, 1], offset: ?>>
//       CHECK:         %[[BA:.*]] = memref.alloc() : memref<80xi8>
//       CHECK:         %[[VA:.*]] = memref.view %[[BA]][%{{.*}}][] : memref<80xi8> to memref<4x5xf32>
//       CHECK:         %[[PA:.*]] = memref.subview %[[VA]][0, 0] [%{{.*}}, %{{.*}}] [1, 1] : memref<4x5xf32> to memref<?x?xf32, strided<[5, 1]>>
//       CHECK:         %[[BC:.*]] = memref.alloc() : memref<128xi8>
//       CHECK:         %[[VC:.*]] = memref.view %[[BC]][%{{.*}}][] : memref<128xi8> to memref<4x8xf32>
//       CHECK:         %[[PC:.*]] = memref.subview %[[VC]][0, 0] [%{{.*}}, %{{.*}}] [1, 1] : memref<4x8xf32> to memref<?x?xf32, strided<[8, 1]>>
//       CHECK:         linalg.copy ins(%[[SA]] : {{.*}}) outs(%[[PA]] : {{.*}})
//       CHECK:         linalg.copy ins(%[[SC]] : {{.*}}) outs(%[[PC]] : {{.*}})
//       CHECK:         linalg.matmul ins(%[[PA]], %[[SB]] : {{.*}}) outs(%[[PC]] : memref<?x?xf32, strided<[8, 1]>>)
//       CHECK:         linalg.copy ins(%[[PC]] : {{.*}}) outs(%[[SC]] : {{.*}})
//       CHECK:         memref.dealloc %[[BA]] : memref<80xi8>
//       CHECK:         memref.dealloc %[[BC]] : memref<128xi8>
func.func @promote_tiles(%a: memref<13x17xf32>, %b: memref<17x19xf32>, %c: memref<13x19xf32>) {
  linalg.matmul ins(%a, %b : memref<13x17xf32>, memref<17x19xf32>) outs(%c : memref<13x19xf32>)
  return
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %l:3 = transform.structured.tile_using_for %m tile_sizes [4, 8, 5] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    %p = transform.structured.promote %t {operands_to_promote = [0, 2]} : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// With full tiles the buffers are zero-filled and the op works on them
// whole; alignment goes on the allocations.

// CHECK-LABEL: func.func @full_tiles
//       CHECK:         %[[BA:.*]] = memref.alloc() {alignment = 32 : i64} : memref<80xi8>
//       CHECK:         %[[VA:.*]] = memref.view %[[BA]][%{{.*}}][] : memref<80xi8> to memref<4x5xf32>
//       CHECK:         linalg.fill ins(%{{.*}} : f32) outs(%[[VA]] : memref<4x5xf32>)
//       CHECK:         %[[VB:.*]] = memref.view %{{.*}}[%{{.*}}][] : memref<160xi8> to memref<5x8xf32>
//       CHECK:         %[[VC:.*]] = memref.view %{{.*}}[%{{.*}}][] : memref<128xi8> to memref<4x8xf32>
//       CHECK:         linalg.matmul ins(%[[VA]], %[[VB]] : memref<4x5xf32>, memref<5x8xf32>) outs(%[[VC]] : memref<4x8xf32>)
func.func @full_tiles(%a: memref<13x17xf32>, %b: memref<17x19xf32>, %c: memref<13x19xf32>) {
  linalg.matmul ins(%a, %b : memref<13x17xf32>, memref<17x19xf32>) outs(%c : memref<13x19xf32>)
  return
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %l:3 = transform.structured.tile_using_for %m tile_sizes [4, 8, 5] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    %p = transform.structured.promote %t {operands_to_promote = [0, 1, 2], use_full_tiles_by_default, alignment = 32} : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

func.func @on_tensors(%a: tensor<4x4xf32>, %c: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-note@+1 {{attempted to apply to this op}}
  %0 = linalg.matmul ins(%a, %a : tensor<4x4xf32>, tensor<4x4xf32>) outs(%c : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{failed to apply}}
    %p = transform.structured.promote %m : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
