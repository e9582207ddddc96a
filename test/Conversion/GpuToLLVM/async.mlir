// gpu-to-llvm: an async token is a stream; async ops run on their
// dependency's stream; gpu.wait synchronises and destroys it.
// RUN: mlopt %s --gpu-to-llvm | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --gpu-to-llvm | FileCheck %s %}

module attributes {gpu.container_module} {
  gpu.binary @kernels [#gpu.object<#nvvm.target, "">]
  // CHECK-LABEL: llvm.func @chain
  func.func @chain(%host: memref<?xf32>, %n: index, %x: f32) {
    %c1 = arith.constant 1 : index
    // CHECK: %[[STREAM:.*]] = llvm.call @mgpuStreamCreate() : () -> !llvm.ptr
    %t0 = gpu.wait async
    // CHECK: %[[BYTES:.*]] = llvm.ptrtoint %{{.*}} : !llvm.ptr to i64
    // CHECK: %[[SHARED:.*]] = llvm.mlir.constant(0 : i8) : i8
    // CHECK: %[[DEVICE:.*]] = llvm.call @mgpuMemAlloc(%[[BYTES]], %[[STREAM]], %[[SHARED]]) : (i64, !llvm.ptr, i8) -> !llvm.ptr
    %d, %t1 = gpu.alloc async [%t0] (%n) : memref<?xf32>
    // CHECK: llvm.call @mgpuMemcpy(%{{.*}}, %{{.*}}, %{{.*}}, %[[STREAM]]) : (!llvm.ptr, !llvm.ptr, i64, !llvm.ptr) -> ()
    %t2 = gpu.memcpy async [%t1] %d, %host : memref<?xf32>, memref<?xf32>
    // The launch keeps its place, on the stream, with the memref's descriptor fields.
    // CHECK: gpu.launch_func <%[[STREAM]] : !llvm.ptr> @kernels::@k blocks in (%{{.*}}, %{{.*}}, %{{.*}}) threads in (%{{.*}}, %{{.*}}, %{{.*}}) : i64 args(%{{.*}} : !llvm.ptr, %{{.*}} : !llvm.ptr, %{{.*}} : i64, %{{.*}} : i64, %{{.*}} : i64, %{{.*}} : f32)
    %t3 = gpu.launch_func async [%t2] @kernels::@k blocks in (%n, %c1, %c1) threads in (%c1, %c1, %c1) args(%d : memref<?xf32>, %x : f32)
    // CHECK: llvm.call @mgpuMemFree(%{{.*}}, %[[STREAM]]) : (!llvm.ptr, !llvm.ptr) -> ()
    %t4 = gpu.dealloc async [%t3] %d : memref<?xf32>
    // CHECK: llvm.call @mgpuStreamSynchronize(%[[STREAM]]) : (!llvm.ptr) -> ()
    // CHECK: llvm.call @mgpuStreamDestroy(%[[STREAM]]) : (!llvm.ptr) -> ()
    gpu.wait [%t4]
    return
  }

  // A wait on two streams: a new stream waiting on an event recorded on each.
  // CHECK-LABEL: llvm.func @join
  func.func @join() {
    // CHECK-DAG: %[[FIRST:[0-9]+]] = llvm.call @mgpuStreamCreate()
    // CHECK-DAG: %[[SECOND:[0-9]+]] = llvm.call @mgpuStreamCreate()
    %a = gpu.wait async
    %b = gpu.wait async
    // CHECK-DAG: llvm.call @mgpuEventRecord(%[[EVENT1:[0-9]+]], %[[FIRST]])
    // CHECK-DAG: llvm.call @mgpuEventRecord(%[[EVENT2:[0-9]+]], %[[SECOND]])
    // CHECK: %[[JOINED:.*]] = llvm.call @mgpuStreamCreate()
    // CHECK: llvm.call @mgpuStreamWaitEvent(%[[JOINED]], %[[EVENT1]])
    // CHECK: llvm.call @mgpuStreamWaitEvent(%[[JOINED]], %[[EVENT2]])
    // CHECK: llvm.call @mgpuEventDestroy(%[[EVENT1]])
    // CHECK: llvm.call @mgpuEventDestroy(%[[EVENT2]])
    %c = gpu.wait async [%a, %b]
    gpu.wait [%c]
    return
  }
}
