// Barriers, shuffles and warp reductions.
// RUN: mlopt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm{has-redux=1}))' | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm{has-redux=1}))' | FileCheck %s %}

gpu.module @sync {
  // CHECK-LABEL: llvm.func @barrier
  gpu.func @barrier() kernel {
    // CHECK: nvvm.barrier0
    gpu.barrier
    gpu.return
  }

  // The active-lane mask is all ones shifted by 32 - width; the clamp is
  // width - 1 (32 - width for up).
  // CHECK-LABEL: llvm.func @shuffles
  gpu.func @shuffles(%value: f32, %offset: i32, %width: i32, %out: memref<4xf32>, %flags: memref<4xi1>) kernel {
    // CHECK-DAG: %[[MINUS_ONE:.*]] = llvm.mlir.constant(-1 : i32) : i32
    // CHECK-DAG: %[[THIRTY_TWO:.*]] = llvm.mlir.constant(32 : i32) : i32
    // CHECK: %[[INACTIVE:.*]] = llvm.sub %[[THIRTY_TWO]], %{{.*}} : i32
    // CHECK: %[[MASK:.*]] = llvm.lshr %[[MINUS_ONE]], %[[INACTIVE]] : i32
    // CHECK: %[[CLAMP:.*]] = llvm.sub %{{.*}}, %{{.*}} : i32
    // CHECK: nvvm.shfl.sync bfly %[[MASK]], %{{.*}}, %{{.*}}, %[[CLAMP]] : f32 -> f32
    %xor, %v1 = gpu.shuffle xor %value, %offset, %width : f32
    // CHECK: %[[UP_INACTIVE:.*]] = llvm.sub %{{.*}}, %{{.*}} : i32
    // CHECK: %[[UP_MASK:.*]] = llvm.lshr %{{.*}}, %[[UP_INACTIVE]] : i32
    // CHECK: nvvm.shfl.sync up %[[UP_MASK]], %{{.*}}, %{{.*}}, %[[UP_INACTIVE]] {return_value_and_is_valid} : f32 -> !llvm.struct<(f32, i1)>
    // CHECK: llvm.extractvalue %{{.*}}[0] : !llvm.struct<(f32, i1)>
    // CHECK: llvm.extractvalue %{{.*}}[1] : !llvm.struct<(f32, i1)>
    %up, %valid = gpu.shuffle up %value, %offset, %width : f32
    %c0 = arith.constant 0 : index
    memref.store %xor, %out[%c0] : memref<4xf32>
    memref.store %up, %out[%c0] : memref<4xf32>
    memref.store %valid, %flags[%c0] : memref<4xi1>
    gpu.return
  }

  // CHECK-LABEL: llvm.func @redux
  gpu.func @redux(%value: i32, %out: memref<4xi32>) kernel {
    // CHECK: %[[ALL:.*]] = llvm.mlir.constant(-1 : i32) : i32
    // CHECK: nvvm.redux.sync add %{{.*}}, %[[ALL]] : i32 -> i32
    %sum = gpu.subgroup_reduce add %value uniform : (i32) -> i32
    %c0 = arith.constant 0 : index
    memref.store %sum, %out[%c0] : memref<4xi32>
    gpu.return
  }

  // 64-bit values are shuffled as two 32-bit halves.
  // CHECK-LABEL: llvm.func @wide_shuffle
  gpu.func @wide_shuffle(%value: f64, %offset: i32, %width: i32, %out: memref<4xf64>) kernel {
    // CHECK: %[[BITS:.*]] = llvm.bitcast %{{.*}} : f64 to i64
    // CHECK: %[[LOW:.*]] = llvm.trunc %[[BITS]] : i64 to i32
    // CHECK: %[[HIGH_BITS:.*]] = llvm.lshr %[[BITS]], %{{.*}} : i64
    // CHECK: %[[HIGH:.*]] = llvm.trunc %[[HIGH_BITS]] : i64 to i32
    // CHECK: %[[LOW_SHUFFLED:.*]] = nvvm.shfl.sync bfly %{{.*}}, %[[LOW]], %{{.*}}, %{{.*}} : i32 -> i32
    // CHECK: %[[HIGH_SHUFFLED:.*]] = nvvm.shfl.sync bfly %{{.*}}, %[[HIGH]], %{{.*}}, %{{.*}} : i32 -> i32
    // CHECK-DAG: llvm.zext %[[LOW_SHUFFLED]] : i32 to i64
    // CHECK-DAG: llvm.zext %[[HIGH_SHUFFLED]] : i32 to i64
    // CHECK: llvm.bitcast %{{.*}} : i64 to f64
    %shuffled, %valid = gpu.shuffle xor %value, %offset, %width : f64
    %c0 = arith.constant 0 : index
    memref.store %shuffled, %out[%c0] : memref<4xf64>
    gpu.return
  }
}
