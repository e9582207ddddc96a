// RUN: mlopt %s --optimize='vector-width=512 dump-schedule=%t.schedule.mlir' | FileCheck %s
// RUN: FileCheck %s --check-prefix=SCHEDULE < %t.schedule.mlir
// RUN: cat %s %t.schedule.mlir | mlopt - --transform-interpreter --test-transform-dialect-erase-schedule | FileCheck %s

// Row softmax in seven named ops, computed a row at a time: the divide is
// tiled by rows and every producer is fused into that row loop (the dead
// full-size originals erased), so no 4x512 temporary is made; each reduction
// adds its row into a partial result of whole vectors (a 64-wide temporary
// made once, outside the loop) and reduces that once; exp is a polynomial on
// vectors, written into the result's row and divided there in place.

// SCHEDULE-LABEL: transform.named_sequence @__transform_main
//       SCHEDULE: transform.apply_registered_pass "linalg-fuse-elementwise-ops"
//       SCHEDULE: %{{.*}}, %{{.*}}, %{{.*}}, %[[LAST:.*]] = transform.split_handle
//       SCHEDULE: transform.include @generic_rows_4x512 failures(propagate) (%[[LAST]])
//       SCHEDULE: transform.apply_dce
//       SCHEDULE: transform.bufferization.one_shot_bufferize
//       SCHEDULE: transform.apply_registered_pass "ownership-based-buffer-deallocation"
//       SCHEDULE: %[[MARKED:.*]] = transform.structured.match attributes{optimize.generic_1x512}
//       SCHEDULE: transform.include @generic_1x512 failures(propagate) (%[[MARKED]])
// SCHEDULE-LABEL: transform.named_sequence @generic_rows_4x512
//       SCHEDULE: %[[ROWS:.*]], %{{.*}} = transform.structured.tile_using_for %{{.*}} tile_sizes [1, 0]
// SCHEDULE-COUNT-5: transform.structured.fuse_into_containing_op
//       SCHEDULE: transform.include @reduce_split_reduction_1x512
//       SCHEDULE: transform.include @reduce_split_reduction_1x512
//       SCHEDULE: transform.annotate %[[ROWS]] "optimize.generic_1x512"
// SCHEDULE-LABEL: transform.named_sequence @reduce_split_reduction_1x512
//       SCHEDULE: tile_reduction_using_for %{{.*}} by tile_sizes = [0, 64]
// SCHEDULE-LABEL: transform.named_sequence @generic_1x512
//       SCHEDULE: tile_sizes [0, 128]
// SCHEDULE-LABEL: transform.named_sequence @vectorize_and_lower
//       SCHEDULE: transform.apply_patterns.vector.lower_multi_reduction lowering_strategy = innerreduction
//       SCHEDULE: transform.apply_registered_pass "test-math-polynomial-approximation"

// CHECK-LABEL: func.func @softmax(
//       CHECK:   %[[ROWS:.*]] = memref.alloc() {alignment = 64 : i64} : memref<4xf32>
//       CHECK:   %[[OUT:.*]] = memref.alloc() {alignment = 64 : i64} : memref<4x512xf32>
//       CHECK:   %[[MAX_PARTIAL:.*]] = memref.alloc() {alignment = 64 : i64} : memref<1x64xf32>
//       CHECK:   %[[SUM_PARTIAL:.*]] = memref.alloc() {alignment = 64 : i64} : memref<1x64xf32>
//   CHECK-NOT:   memref.alloc
//       CHECK:   scf.for
//       CHECK:     scf.for
//       CHECK:       arith.maximumf %{{.*}} : vector<64xf32>
//       CHECK:     vector.reduction <maximumf>, %{{.*}} : vector<64xf32> into f32
//       CHECK:     scf.for
//       CHECK:       arith.subf %{{.*}} : vector<128xf32>
//   CHECK-NOT:       math.exp
//       CHECK:       math.fma %{{.*}} : vector<128xf32>
//       CHECK:       vector.transfer_write %{{.*}} : vector<128xf32>, memref<1x128xf32, strided<[512, 1], offset: ?>>
//       CHECK:     scf.for
//       CHECK:       arith.addf %{{.*}} : vector<64xf32>
//       CHECK:     vector.reduction <add>, %{{.*}} : vector<64xf32> into f32
//       CHECK:     scf.for
//       CHECK:       arith.divf %{{.*}} : vector<128xf32>
// CHECK-COUNT-3:   memref.dealloc
//   CHECK-NOT:   memref.dealloc
//       CHECK:   return %[[OUT]] : memref<4x512xf32>
func.func @softmax(%x: tensor<4x512xf32>) -> tensor<4x512xf32> {
  %lowest = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %rows = tensor.empty() : tensor<4xf32>
  %empty = tensor.empty() : tensor<4x512xf32>
  %max_init = linalg.fill ins(%lowest : f32) outs(%rows : tensor<4xf32>) -> tensor<4xf32>
  %max = linalg.reduce ins(%x : tensor<4x512xf32>) outs(%max_init : tensor<4xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %m = arith.maximumf %in, %acc : f32
      linalg.yield %m : f32
    }
  %max_rows = linalg.broadcast ins(%max : tensor<4xf32>) outs(%empty : tensor<4x512xf32>) dimensions = [1]
  %shifted = linalg.sub ins(%x, %max_rows : tensor<4x512xf32>, tensor<4x512xf32>) outs(%empty : tensor<4x512xf32>) -> tensor<4x512xf32>
  %exp = linalg.exp ins(%shifted : tensor<4x512xf32>) outs(%empty : tensor<4x512xf32>) -> tensor<4x512xf32>
  %sum_init = linalg.fill ins(%zero : f32) outs(%rows : tensor<4xf32>) -> tensor<4xf32>
  %sum = linalg.reduce ins(%exp : tensor<4x512xf32>) outs(%sum_init : tensor<4xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %s = arith.addf %in, %acc : f32
      linalg.yield %s : f32
    }
  %sum_rows = linalg.broadcast ins(%sum : tensor<4xf32>) outs(%empty : tensor<4x512xf32>) dimensions = [1]
  %result = linalg.div ins(%exp, %sum_rows : tensor<4x512xf32>, tensor<4x512xf32>) outs(%empty : tensor<4x512xf32>) -> tensor<4x512xf32>
  return %result : tensor<4x512xf32>
}
