// gpu id and size ops read PTX special registers, with upstream's ranges.
// RUN: mlopt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm))' | FileCheck %s --check-prefixes=CHECK,INDEX64
// RUN: mlopt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm{index-bitwidth=32}))' | FileCheck %s --check-prefixes=CHECK,INDEX32
// RUN: %if mlir-opt %{ %mlir_opt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm))' | FileCheck %s --check-prefixes=CHECK,INDEX64 %}
// RUN: %if mlir-opt %{ %mlir_opt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm{index-bitwidth=32}))' | FileCheck %s --check-prefixes=CHECK,INDEX32 %}

gpu.module @ids {
  // CHECK-LABEL: llvm.func @unknown_sizes
  gpu.func @unknown_sizes(%out: memref<8xindex>) kernel {
    // CHECK: nvvm.read.ptx.sreg.tid.x : i32
    // INDEX64: llvm.sext %{{.*}} : i32 to i64
    %t = gpu.thread_id x
    // CHECK: nvvm.read.ptx.sreg.ntid.y : i32
    %b = gpu.block_dim y
    // CHECK: nvvm.read.ptx.sreg.ctaid.z : i32
    %c = gpu.block_id z
    // CHECK: nvvm.read.ptx.sreg.nctaid.x : i32
    %g = gpu.grid_dim x
    // CHECK: nvvm.read.ptx.sreg.laneid range <i32, 0, 32> : i32
    %l = gpu.lane_id
    // CHECK: nvvm.read.ptx.sreg.tid.y range <i32, 0, 64> : i32
    %u = gpu.thread_id y upper_bound 64
    %i0 = arith.constant 0 : index
    %i1 = arith.constant 1 : index
    %i2 = arith.constant 2 : index
    %i3 = arith.constant 3 : index
    %i4 = arith.constant 4 : index
    %i5 = arith.constant 5 : index
    memref.store %t, %out[%i0] : memref<8xindex>
    memref.store %b, %out[%i1] : memref<8xindex>
    memref.store %c, %out[%i2] : memref<8xindex>
    memref.store %g, %out[%i3] : memref<8xindex>
    memref.store %l, %out[%i4] : memref<8xindex>
    memref.store %u, %out[%i5] : memref<8xindex>
    gpu.return
  }

  // CHECK-LABEL: llvm.func @known_sizes
  // CHECK-SAME: gpu.known_block_size = array<i32: 128, 2, 1>
  // CHECK-SAME: gpu.known_grid_size = array<i32: 16, 1, 1>
  // CHECK-SAME: nvvm.kernel
  // CHECK-SAME: nvvm.maxntid = array<i32: 128, 2, 1>
  gpu.func @known_sizes(%out: memref<8xindex>) kernel attributes {known_block_size = array<i32: 128, 2, 1>, known_grid_size = array<i32: 16, 1, 1>} {
    // CHECK: nvvm.read.ptx.sreg.tid.x range <i32, 0, 128> : i32
    %t = gpu.thread_id x
    // CHECK: nvvm.read.ptx.sreg.ntid.y range <i32, 1, 3> : i32
    %b = gpu.block_dim y
    // CHECK: nvvm.read.ptx.sreg.ctaid.x range <i32, 0, 16> : i32
    %c = gpu.block_id x
    // CHECK: nvvm.read.ptx.sreg.nctaid.x range <i32, 1, 17> : i32
    %g = gpu.grid_dim x
    %i0 = arith.constant 0 : index
    %i1 = arith.constant 1 : index
    %i2 = arith.constant 2 : index
    %i3 = arith.constant 3 : index
    memref.store %t, %out[%i0] : memref<8xindex>
    memref.store %b, %out[%i1] : memref<8xindex>
    memref.store %c, %out[%i2] : memref<8xindex>
    memref.store %g, %out[%i3] : memref<8xindex>
    gpu.return
  }

  // gpu.global_id x is ctaid.x * ntid.x + tid.x.
  // CHECK-LABEL: llvm.func @global_id
  gpu.func @global_id(%out: memref<8xindex>) kernel {
    // CHECK: %[[CTAID:.*]] = nvvm.read.ptx.sreg.ctaid.x : i32
    // INDEX64: %[[BLOCK:.*]] = llvm.sext %[[CTAID]] : i32 to i64
    // CHECK: %[[NTID:.*]] = nvvm.read.ptx.sreg.ntid.x : i32
    // INDEX64: %[[SIZE:.*]] = llvm.sext %[[NTID]] : i32 to i64
    // INDEX64: %[[OFFSET:.*]] = llvm.mul %[[BLOCK]], %[[SIZE]] : i64
    // INDEX32: %[[OFFSET:.*]] = llvm.mul %[[CTAID]], %[[NTID]] : i32
    // CHECK: %[[TID:.*]] = nvvm.read.ptx.sreg.tid.x : i32
    // INDEX64: %[[THREAD:.*]] = llvm.sext %[[TID]] : i32 to i64
    // INDEX64: llvm.add %[[THREAD]], %[[OFFSET]] : i64
    // INDEX32: llvm.add %[[TID]], %[[OFFSET]] : i32
    %p = gpu.global_id x
    %i0 = arith.constant 0 : index
    memref.store %p, %out[%i0] : memref<8xindex>
    gpu.return
  }
}
