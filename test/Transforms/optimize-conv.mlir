// RUN: mlopt %s --optimize='vector-width=512 dump-schedule=%t.schedule.mlir' | FileCheck %s
// RUN: FileCheck %s --check-prefix=SCHEDULE < %t.schedule.mlir
// RUN: cat %s %t.schedule.mlir | mlopt - --transform-interpreter --test-transform-dialect-erase-schedule | FileCheck %s

// A 3x3 NHWC convolution: tiled on tensors to one output row segment (5
// columns, dividing 10) by all 32 filters, one filter tap at a time, each tile
// decomposed to a 1-D convolution whose channel contraction becomes
// broadcast-FMA outer products on the buffers.

// SCHEDULE-LABEL: transform.named_sequence @__transform_main
//       SCHEDULE: %[[CONVS:.*]] = transform.structured.match ops{["linalg.conv_2d_nhwc_hwcf"]} in %[[MODULE:[^ ]*]]
//       SCHEDULE: transform.include @conv_2d_nhwc_hwcf_1x8x10x32x3x3x8 failures(propagate) (%[[CONVS]])
//       SCHEDULE: transform.bufferization.one_shot_bufferize layout{IdentityLayoutMap} %[[MODULE]]
// SCHEDULE-LABEL: transform.named_sequence @conv_2d_nhwc_hwcf_1x8x10x32x3x3x8
//       SCHEDULE: %[[TILE:.*]], %{{.*}}:4 = transform.structured.tile_using_for %{{.*}} tile_sizes [0, 1, 5, 0, 1, 1, 0]
//       SCHEDULE: transform.structured.decompose %[[TILE]]
// SCHEDULE-LABEL: transform.named_sequence @vectorize_and_lower
//       SCHEDULE: transform.apply_patterns.vector.cast_away_vector_leading_one_dim

// CHECK-LABEL: func.func @conv(
//  CHECK-SAME:     %{{.*}}: memref<1x10x12x8xf32>, %{{.*}}: memref<3x3x8x32xf32>) -> memref<1x8x10x32xf32>
//       CHECK:   scf.for
//       CHECK:     scf.for
//       CHECK:       scf.for
//       CHECK:         scf.for
//       CHECK:           vector.transfer_read %{{.*}} : memref<1x5x8xf32, strided<[96, 8, 1], offset: ?>>, vector<5x8xf32>
//       CHECK:           vector.transfer_read %{{.*}} : memref<1x8x32xf32, strided<[256, 32, 1], offset: ?>>, vector<8x32xf32>
//       CHECK:           vector.transfer_read %{{.*}} : memref<1x5x32xf32, strided<[320, 32, 1], offset: ?>>, vector<5x32xf32>
// CHECK-COUNT-40:        vector.fma %{{.*}} : vector<32xf32>
//       CHECK:           vector.transfer_write %{{.*}} : vector<5x32xf32>, memref<1x5x32xf32, strided<[320, 32, 1], offset: ?>>
//   CHECK-NOT:   linalg.
// Copies between a tile and itself (left by bufferization, merged by CSE) are gone.
//   CHECK-NOT:   memref.copy
func.func @conv(%input: tensor<1x10x12x8xf32>, %filter: tensor<3x3x8x32xf32>) -> tensor<1x8x10x32xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x8x10x32xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x8x10x32xf32>) -> tensor<1x8x10x32xf32>
  %result = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%input, %filter : tensor<1x10x12x8xf32>, tensor<3x3x8x32xf32>) outs(%init : tensor<1x8x10x32xf32>) -> tensor<1x8x10x32xf32>
  return %result : tensor<1x8x10x32xf32>
}
