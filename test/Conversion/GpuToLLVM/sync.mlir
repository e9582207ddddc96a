// Unlike upstream, gpu-to-llvm lowers synchronous gpu ops itself: each runs
// on a stream of its own, synchronised and destroyed before the next op.
// RUN: mlopt %s --gpu-to-llvm | FileCheck %s
// RUN: mlopt %s --gpu-to-llvm='use-bare-pointers-for-kernels=1' | FileCheck %s --check-prefix=BARE
// RUN: mlopt %s --gpu-to-llvm='use-bare-pointers-for-kernels=1 intersperse-sizes-for-kernels=1' | FileCheck %s --check-prefix=SIZES

module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @k(%m: memref<16xf32>) kernel {
      gpu.return
    }
  }
  // CHECK-LABEL: llvm.func @synchronous
  func.func @synchronous(%host: memref<16xf32>, %value: f32) {
    %c1 = arith.constant 1 : index
    // CHECK: %[[S1:.*]] = llvm.call @mgpuStreamCreate()
    // CHECK: llvm.call @mgpuMemAlloc(%{{.*}}, %[[S1]], %{{.*}})
    // CHECK: llvm.call @mgpuStreamSynchronize(%[[S1]])
    // CHECK: llvm.call @mgpuStreamDestroy(%[[S1]])
    %d = gpu.alloc () : memref<16xf32>
    // CHECK: %[[S2:.*]] = llvm.call @mgpuStreamCreate()
    // CHECK: llvm.call @mgpuMemset32(%{{.*}}, %{{.*}}, %{{.*}}, %[[S2]]) : (!llvm.ptr, i32, i64, !llvm.ptr) -> ()
    // CHECK: llvm.call @mgpuStreamSynchronize(%[[S2]])
    gpu.memset %d, %value : memref<16xf32>, f32
    // CHECK: %[[S3:.*]] = llvm.call @mgpuStreamCreate()
    // CHECK: gpu.launch_func <%[[S3]] : !llvm.ptr> @kernels::@k
    // CHECK: llvm.call @mgpuStreamSynchronize(%[[S3]])
    // BARE: gpu.launch_func <%{{.*}} : !llvm.ptr> @kernels::@k blocks in (%{{.*}}, %{{.*}}, %{{.*}}) threads in (%{{.*}}, %{{.*}}, %{{.*}}) : i64 args(%{{.*}} : !llvm.ptr)
    // SIZES: gpu.launch_func <%{{.*}} : !llvm.ptr> @kernels::@k blocks in (%{{.*}}, %{{.*}}, %{{.*}}) threads in (%{{.*}}, %{{.*}}, %{{.*}}) : i64 args(%{{.*}} : !llvm.ptr, %{{.*}} : i64)
    gpu.launch_func @kernels::@k blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%d : memref<16xf32>)
    // CHECK: llvm.call @mgpuMemcpy
    gpu.memcpy %host, %d : memref<16xf32>, memref<16xf32>
    // CHECK: llvm.call @mgpuMemFree
    gpu.dealloc %d : memref<16xf32>
    return
  }
}
