// Uniform gpu.all_reduce → xor shuffles (five over a partial warp, five over
// a whole one), a 32-element workgroup buffer and two barriers, as upstream's
// AllReduceLowering; a region is inlined as the accumulator.
// RUN: mlopt %s --split-input-file --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm))' | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm))' | FileCheck %s %}

gpu.module @kernels {
  // CHECK: llvm.mlir.global internal @__wg_sum_0() {addr_space = 3 : i32} : !llvm.array<32 x f32>
  // CHECK-LABEL: llvm.func @sum
  // The subgroup's reduction: over a partial warp, accumulating valid lanes only,
  // CHECK-COUNT-5: nvvm.shfl.sync {{ *}}bfly {{.*}} {return_value_and_is_valid} : f32 -> !llvm.struct<(f32, i1)>
  // CHECK: llvm.fadd
  // then over a whole warp; then a barrier, and the subgroups' partial results reduced.
  // CHECK-COUNT-5: nvvm.shfl.sync {{ *}}bfly
  // CHECK: nvvm.barrier0
  // CHECK-COUNT-10: nvvm.shfl.sync {{ *}}bfly
  // CHECK: nvvm.barrier0
  // CHECK: llvm.load {{.*}} : !llvm.ptr<3> -> f32
  // CHECK-NOT: gpu.all_reduce
  gpu.func @sum(%data: memref<64xf32>) kernel {
    %t = gpu.thread_id x
    %v = memref.load %data[%t] : memref<64xf32>
    %s = gpu.all_reduce add %v uniform {} : (f32) -> (f32)
    memref.store %s, %data[%t] : memref<64xf32>
    gpu.return
  }
}

// -----

gpu.module @kernels {
  // An existing workgroup attribution keeps the first global; the buffer is the next.
  // CHECK: llvm.mlir.global internal @__wg_largest_0() {addr_space = 3 : i32} : !llvm.array<8 x i32>
  // CHECK: llvm.mlir.global internal @__wg_largest_1() {addr_space = 3 : i32} : !llvm.array<32 x i32>
  // CHECK-LABEL: llvm.func @largest
  // CHECK: llvm.intr.umax
  // CHECK-NOT: gpu.yield
  gpu.func @largest(%data: memref<64xi32>) workgroup(%tile: memref<8xi32, #gpu.address_space<workgroup>>) kernel {
    %t = gpu.thread_id x
    %v = memref.load %data[%t] : memref<64xi32>
    %m = gpu.all_reduce %v uniform {
    ^bb0(%lhs: i32, %rhs: i32):
      %max = arith.maxui %lhs, %rhs : i32
      gpu.yield %max : i32
    } : (i32) -> (i32)
    memref.store %m, %data[%t] : memref<64xi32>
    gpu.return
  }
}
