// gpu.func → llvm.func: kernels, attributions, calling conventions.
// RUN: mlopt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm))' | FileCheck %s
// RUN: mlopt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm{use-bare-ptr-memref-call-conv=1}))' | FileCheck %s --check-prefix=BARE
// RUN: %if mlir-opt %{ %mlir_opt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm))' | FileCheck %s %}
// RUN: %if mlir-opt %{ %mlir_opt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm{use-bare-ptr-memref-call-conv=1}))' | FileCheck %s --check-prefix=BARE %}

gpu.module @kernels {
  // Workgroup attributions become addrspace(3) globals of the module.
  // CHECK: llvm.mlir.global internal @__wg_attributions_0() {addr_space = 3 : i32} : !llvm.array<32 x f32>
  // CHECK-LABEL: llvm.func @attributions
  // CHECK-SAME: (%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: i64, %{{.*}}: i64, %{{.*}}: i64)
  // CHECK-SAME: attributes {gpu.kernel, nvvm.kernel}
  // BARE-LABEL: llvm.func @attributions
  // BARE-SAME: (%{{.*}}: !llvm.ptr) attributes {gpu.kernel, nvvm.kernel}
  gpu.func @attributions(%data: memref<32xf32>) workgroup(%tile: memref<32xf32, #gpu.address_space<workgroup>>) private(%scratch: memref<4xf32, #gpu.address_space<private>>) kernel {
    // CHECK: %[[TILE:.*]] = llvm.mlir.addressof @__wg_attributions_0 : !llvm.ptr<3>
    // CHECK: llvm.getelementptr %[[TILE]][0, 0] : (!llvm.ptr<3>) -> !llvm.ptr<3>, !llvm.array<32 x f32>
    // CHECK: %[[FOUR:.*]] = llvm.mlir.constant(4 : i64) : i64
    // CHECK: llvm.alloca %[[FOUR]] x f32 : (i64) -> !llvm.ptr
    %t = gpu.thread_id x
    %v = memref.load %data[%t] : memref<32xf32>
    // CHECK: llvm.store %{{.*}}, %{{.*}} : f32, !llvm.ptr<3>
    memref.store %v, %tile[%t] : memref<32xf32, #gpu.address_space<workgroup>>
    %c0 = arith.constant 0 : index
    memref.store %v, %scratch[%c0] : memref<4xf32, #gpu.address_space<private>>
    // CHECK: llvm.return
    gpu.return
  }

  // A function that is not a kernel.
  // CHECK-LABEL: llvm.func @device_function
  // CHECK-SAME: (%{{.*}}: f32) -> f32 {
  gpu.func @device_function(%x: f32) -> f32 {
    // CHECK: llvm.return %{{.*}} : f32
    gpu.return %x : f32
  }
}
