// gpu-async-region chains the GPU ops of a block on one token and waits
// before host code that touches memory, and before the terminator.
// RUN: mlopt %s --pass-pipeline='builtin.module(func.func(gpu-async-region))' | FileCheck %s --check-prefixes=CHECK,MLOPT
// RUN: %if mlir-opt %{ %mlir_opt %s --pass-pipeline='builtin.module(func.func(gpu-async-region))' | FileCheck %s %}

module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @k(%m: memref<4xf32>) kernel {
      gpu.return
    }
  }
  // CHECK-LABEL: func.func @chain
  func.func @chain(%host: memref<4xf32>) -> f32 {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    // CHECK: %[[T0:.*]] = gpu.wait async
    // CHECK: %[[DEVICE:.*]], %[[T1:.*]] = gpu.alloc async [%[[T0]]] () : memref<4xf32>
    %d = gpu.alloc () : memref<4xf32>
    // CHECK: %[[T2:.*]] = gpu.memcpy async [%[[T1]]] %[[DEVICE]], %{{.*}} : memref<4xf32>, memref<4xf32>
    gpu.memcpy %d, %host : memref<4xf32>, memref<4xf32>
    // CHECK: %[[T3:.*]] = gpu.launch_func async [%[[T2]]] @kernels::@k
    gpu.launch_func @kernels::@k blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%d : memref<4xf32>)
    // CHECK: %[[T4:.*]] = gpu.memcpy async [%[[T3]]] %{{.*}}, %[[DEVICE]]
    gpu.memcpy %host, %d : memref<4xf32>, memref<4xf32>
    // The host reads the copy: wait first.
    // CHECK: gpu.wait [%[[T4]]]
    // CHECK-NEXT: memref.load
    %v = memref.load %host[%c0] : memref<4xf32>
    // CHECK: %[[T5:.*]] = gpu.wait async
    // CHECK: %[[T6:.*]] = gpu.dealloc async [%[[T5]]] %[[DEVICE]]
    gpu.dealloc %d : memref<4xf32>
    // CHECK: gpu.wait [%[[T6]]]
    // CHECK-NEXT: return
    return %v : f32
  }

  // An explicit gpu.wait async joins the chain.
  // CHECK-LABEL: func.func @explicit_wait
  func.func @explicit_wait(%host: memref<4xf32>) {
    // CHECK: %[[T0:.*]] = gpu.wait async
    // CHECK: %{{.*}}, %[[T1:.*]] = gpu.alloc async [%[[T0]]]
    %d = gpu.alloc () : memref<4xf32>
    // CHECK: %[[T2:.*]] = gpu.wait async [%[[T1]]]
    %t = gpu.wait async
    // CHECK: %[[T3:.*]] = gpu.memcpy async [%[[T2]]]
    %t2 = gpu.memcpy async [%t] %d, %host : memref<4xf32>, memref<4xf32>
    // CHECK: gpu.wait [%[[T3]]]
    gpu.wait [%t2]
    return
  }

  // Unlike upstream, explicitly chained tokens are left alone: a token
  // carried through a loop stays asynchronous, and no extra stream is made.
  // MLOPT-LABEL: func.func @loop_carried
  func.func @loop_carried(%count: index) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    // MLOPT: %[[START:.*]] = gpu.wait async
    %t0 = gpu.wait async
    // MLOPT: %[[END:.*]] = scf.for
    %tn = scf.for %i = %c0 to %count step %c1 iter_args(%t = %t0) -> !gpu.async.token {
      // MLOPT: %[[NEXT:.*]] = gpu.launch_func async [%{{[^,]*}}] @kernels::@k
      %m = memref.alloca() : memref<4xf32>
      %t2 = gpu.launch_func async [%t] @kernels::@k blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%m : memref<4xf32>)
      // MLOPT-NEXT: scf.yield %[[NEXT]]
      scf.yield %t2 : !gpu.async.token
    }
    // MLOPT: gpu.wait [%[[END]]]
    gpu.wait [%tn]
    return
  }
}
