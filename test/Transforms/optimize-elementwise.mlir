// RUN: mlopt %s --optimize='vector-width=512 dump-schedule=%t.schedule.mlir' | FileCheck %s
// RUN: FileCheck %s --check-prefix=SCHEDULE < %t.schedule.mlir
// RUN: cat %s %t.schedule.mlir | mlopt - --transform-interpreter --test-transform-dialect-erase-schedule | FileCheck %s
// RUN: mlopt %s --optimize='vector-width=512 fuse=false' | FileCheck %s --check-prefix=UNFUSED

// max(x*y+z, 0)*0.5 + x in five named ops (and two fills): generalized,
// fused into one generic, then one loop of 8-vector tiles.

// SCHEDULE-LABEL: transform.named_sequence @__transform_main
//       SCHEDULE: %[[NAMED:.*]] = transform.structured.match ops{["linalg.fill", "linalg.broadcast", "linalg.map", "linalg.add", "linalg.sub", "linalg.mul"
//       SCHEDULE: transform.structured.generalize %[[NAMED]]
//       SCHEDULE: transform.apply_registered_pass "linalg-fuse-elementwise-ops"
//       SCHEDULE: transform.bufferization.one_shot_bufferize
//       SCHEDULE: %[[GENERICS:.*]] = transform.structured.match ops{["linalg.generic"]}
//       SCHEDULE: transform.include @generic_4096 failures(propagate) (%[[GENERICS]])
// SCHEDULE-LABEL: transform.named_sequence @generic_4096
//       SCHEDULE: transform.structured.tile_using_for %{{.*}} tile_sizes [128]

// CHECK-LABEL: func.func @chain(
//  CHECK-SAME:     %[[X:.*]]: memref<4096xf32>, %[[Y:.*]]: memref<4096xf32>, %[[Z:.*]]: memref<4096xf32>) -> memref<4096xf32>
//       CHECK:   %[[OUT:.*]] = memref.alloc() {alignment = 64 : i64} : memref<4096xf32>
//       CHECK:   scf.for
//   CHECK-DAG:     %[[XV:.*]] = vector.transfer_read %{{.*}} : memref<128xf32, strided<[1], offset: ?>>, vector<128xf32>
//   CHECK-DAG:     %[[YV:.*]] = vector.transfer_read %{{.*}} : memref<128xf32, strided<[1], offset: ?>>, vector<128xf32>
//   CHECK-DAG:     %[[ZV:.*]] = vector.transfer_read %{{.*}} : memref<128xf32, strided<[1], offset: ?>>, vector<128xf32>
//       CHECK:     %[[XY:.*]] = arith.mulf %[[XV]], %[[YV]] : vector<128xf32>
//       CHECK:     %[[SUM:.*]] = arith.addf %[[XY]], %[[ZV]] : vector<128xf32>
//       CHECK:     %[[RELU:.*]] = arith.maximumf %[[SUM]], %{{.*}} : vector<128xf32>
//       CHECK:     %[[HALF:.*]] = arith.mulf %[[RELU]], %{{.*}} : vector<128xf32>
//       CHECK:     %[[RESULT:.*]] = arith.addf %[[HALF]], %[[XV]] : vector<128xf32>
//       CHECK:     vector.transfer_write %[[RESULT]], %{{.*}} : vector<128xf32>, memref<128xf32, strided<[1], offset: ?>>
//       CHECK:   }
//   CHECK-NOT:   scf.for
//       CHECK:   return %[[OUT]] : memref<4096xf32>

// Without fusion: one loop per op.
// UNFUSED-LABEL: func.func @chain(
// UNFUSED-COUNT-7: scf.for
//     UNFUSED-NOT: scf.for
func.func @chain(%x: tensor<4096xf32>, %y: tensor<4096xf32>, %z: tensor<4096xf32>) -> tensor<4096xf32> {
  %zero = arith.constant 0.0 : f32
  %half = arith.constant 0.5 : f32
  %empty = tensor.empty() : tensor<4096xf32>
  %zeros = linalg.fill ins(%zero : f32) outs(%empty : tensor<4096xf32>) -> tensor<4096xf32>
  %halves = linalg.fill ins(%half : f32) outs(%empty : tensor<4096xf32>) -> tensor<4096xf32>
  %xy = linalg.mul ins(%x, %y : tensor<4096xf32>, tensor<4096xf32>) outs(%empty : tensor<4096xf32>) -> tensor<4096xf32>
  %sum = linalg.add ins(%xy, %z : tensor<4096xf32>, tensor<4096xf32>) outs(%empty : tensor<4096xf32>) -> tensor<4096xf32>
  %relu = linalg.max ins(%sum, %zeros : tensor<4096xf32>, tensor<4096xf32>) outs(%empty : tensor<4096xf32>) -> tensor<4096xf32>
  %scaled = linalg.mul ins(%relu, %halves : tensor<4096xf32>, tensor<4096xf32>) outs(%empty : tensor<4096xf32>) -> tensor<4096xf32>
  %result = linalg.add ins(%scaled, %x : tensor<4096xf32>, tensor<4096xf32>) outs(%empty : tensor<4096xf32>) -> tensor<4096xf32>
  return %result : tensor<4096xf32>
}
