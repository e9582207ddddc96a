// RUN: mlopt %s --optimize='vector-width=512 dump-schedule=%t.schedule.mlir' | FileCheck %s
// RUN: FileCheck %s --check-prefix=SCHEDULE < %t.schedule.mlir
// RUN: cat %s %t.schedule.mlir | mlopt - --transform-interpreter --test-transform-dialect-erase-schedule | FileCheck %s

// --optimize on a matmul written on tensors: bufferized, tiled 8x32x8 for
// 16-lane vectors, each register tile a sequence of broadcast-FMA outer
// products. The dumped schedule, appended and interpreted, gives the same IR.

// SCHEDULE-LABEL: transform.named_sequence @__transform_main
//       SCHEDULE: transform.apply_registered_pass "linalg-fuse-elementwise-ops"
//       SCHEDULE: %[[BUFFERS:.*]] = transform.bufferization.one_shot_bufferize layout{IdentityLayoutMap} %{{.*}} {bufferize_function_boundaries = true}
//       SCHEDULE: %[[MATMULS:.*]] = transform.structured.match ops{["linalg.matmul"]} in %[[BUFFERS]]
//       SCHEDULE: transform.include @matmul_64x96x80 failures(propagate) (%[[MATMULS]])
//       SCHEDULE: transform.include @vectorize_and_lower failures(propagate) (%[[BUFFERS]])
// SCHEDULE-LABEL: transform.named_sequence @matmul_64x96x80
//       SCHEDULE: transform.structured.tile_using_for %{{.*}} tile_sizes [8, 32, 8]
// SCHEDULE-LABEL: transform.named_sequence @vectorize_and_lower
//       SCHEDULE: transform.structured.vectorize_children_and_apply_patterns
//       SCHEDULE: transform.apply_patterns.vector.lower_contraction lowering_strategy = outerproduct
//       SCHEDULE: transform.structured.hoist_redundant_vector_transfers

// CHECK-LABEL: func.func @matmul(
//  CHECK-SAME:     %[[A:.*]]: memref<64x80xf32>, %[[B:.*]]: memref<80x96xf32>) -> memref<64x96xf32>
//       CHECK:   %[[C:.*]] = memref.alloc() {alignment = 64 : i64} : memref<64x96xf32>
//       CHECK:   vector.transfer_write {{.*}} : vector<96xf32>, memref<1x96xf32
//       CHECK:   scf.for
//       CHECK:     scf.for
//       CHECK:       scf.for
//       CHECK:         %[[ACC:.*]] = vector.transfer_read %{{.*}} : memref<8x32xf32, strided<[96, 1], offset: ?>>, vector<8x32xf32>
//       CHECK:         vector.transfer_read %{{.*}} : memref<8x8xf32, strided<[80, 1], offset: ?>>, vector<8x8xf32>
//       CHECK:         vector.transfer_read %{{.*}} : memref<8x32xf32, strided<[96, 1], offset: ?>>, vector<8x32xf32>
//       CHECK:         vector.broadcast %{{.*}} : f32 to vector<32xf32>
//       CHECK:         vector.extract %[[ACC]][0] : vector<32xf32> from vector<8x32xf32>
//  CHECK-COUNT-64:     vector.fma %{{.*}} : vector<32xf32>
//       CHECK:         vector.transfer_write %{{.*}} : vector<8x32xf32>, memref<8x32xf32, strided<[96, 1], offset: ?>>
//   CHECK-NOT:   linalg.
//       CHECK:   return %[[C]] : memref<64x96xf32>
func.func @matmul(%a: tensor<64x80xf32>, %b: tensor<80x96xf32>) -> tensor<64x96xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<64x96xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<64x96xf32>) -> tensor<64x96xf32>
  %product = linalg.matmul ins(%a, %b : tensor<64x80xf32>, tensor<80x96xf32>) outs(%init : tensor<64x96xf32>) -> tensor<64x96xf32>
  return %product : tensor<64x96xf32>
}
