// gpu.dynamic_shared_memory → one zero-sized, 16-byte aligned addrspace(3)
// global per module, as a memref<?xi8> of size 0 for memref.view, as
// upstream; mlopt's global is external (upstream's is internal, which the
// NVPTX backend emits as a one-byte static variable rather than the launch's
// dynamic shared memory).
// RUN: mlopt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm))' | FileCheck %s --check-prefixes=CHECK,MLOPT
// RUN: %if mlir-opt %{ %mlir_opt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm))' | FileCheck %s %}
// RUN: mlopt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm))' | mltranslate --mlir-to-ptx --mcpu=sm_90 | FileCheck %s --check-prefix=PTX

// MLOPT: llvm.mlir.global external @__dynamic_shmem__0() {addr_space = 3 : i32, alignment = 16 : i64} : !llvm.array<0 x i8>
// CHECK-NOT: @__dynamic_shmem__1
// PTX: .extern .shared .align 16 .b8 __dynamic_shmem__0[];
gpu.module @kernels {
  // CHECK-LABEL: llvm.func @first
  // CHECK: %[[BASE:.*]] = llvm.mlir.addressof @__dynamic_shmem__0 : !llvm.ptr<3>
  // CHECK: llvm.getelementptr %[[BASE]][0] : (!llvm.ptr<3>) -> !llvm.ptr<3>, i8
  gpu.func @first(%out: memref<4xf32>) kernel {
    %c0 = arith.constant 0 : index
    %shared = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>
    %view = memref.view %shared[%c0][] : memref<?xi8, #gpu.address_space<workgroup>> to memref<4xf32, #gpu.address_space<workgroup>>
    %v = memref.load %view[%c0] : memref<4xf32, #gpu.address_space<workgroup>>
    memref.store %v, %out[%c0] : memref<4xf32>
    gpu.return
  }
  // The second kernel uses the same global.
  // CHECK-LABEL: llvm.func @second
  // CHECK: llvm.mlir.addressof @__dynamic_shmem__0 : !llvm.ptr<3>
  gpu.func @second(%out: memref<4xi32>) kernel {
    %c0 = arith.constant 0 : index
    %shared = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>
    %view = memref.view %shared[%c0][] : memref<?xi8, #gpu.address_space<workgroup>> to memref<4xi32, #gpu.address_space<workgroup>>
    %v = memref.load %view[%c0] : memref<4xi32, #gpu.address_space<workgroup>>
    memref.store %v, %out[%c0] : memref<4xi32>
    gpu.return
  }
}
