// gpu-lower-to-nvvm-pipeline lowers a whole GPU program, host and kernels.
// Its defaults work with current CUDA (sm_75 PTX), synchronous gpu ops are
// lowered, and math in kernels gives PTX that ptxas accepts.
// RUN: mlopt %s --gpu-lower-to-nvvm-pipeline | FileCheck %s
// RUN: mlopt %s --gpu-lower-to-nvvm-pipeline='cubin-chip=sm_90 cubin-features=+ptx80 opt-level=3' | FileCheck %s --check-prefix=SM90
// RUN: %if ptxas %{ mlopt %s --gpu-lower-to-nvvm-pipeline='cubin-chip=sm_90 cubin-format=bin' | FileCheck %s --check-prefix=BIN %}
// The kernel's PTX assembles for current GPUs:
// RUN: %if ptxas %{ mlopt %s --pass-pipeline='builtin.module(gpu-kernel-outlining,convert-scf-to-cf,gpu.module(convert-gpu-to-nvvm))' | mltranslate --mlir-to-ptx --mcpu=sm_90 -o %t.ptx && ptxas --gpu-name sm_90 %t.ptx -o %t.cubin %}
// RUN: %if ptxas %{ mlopt %s --gpu-lower-to-nvvm-pipeline | FileCheck %s --check-prefix=NO-EXTERN %}
// Upstream, by contrast, leaves the synchronous gpu.alloc and an unresolved __nv_expf:
// RUN: %if mlir-opt %{ %mlir_opt %s --gpu-lower-to-nvvm-pipeline='cubin-chip=sm_90 cubin-features=+ptx80 cubin-format=isa' | FileCheck %s --check-prefix=UPSTREAM %}

// CHECK: module attributes {gpu.container_module}
// CHECK-LABEL: llvm.func @main
// CHECK: %[[STREAM:.*]] = llvm.call @mgpuStreamCreate()
// CHECK: llvm.call @mgpuMemAlloc(%{{.*}}, %[[STREAM]], %{{.*}})
// CHECK: llvm.call @mgpuMemcpy(%{{.*}}, %{{.*}}, %{{.*}}, %[[STREAM]])
// CHECK: gpu.launch_func <%[[STREAM]] : !llvm.ptr> @main_kernel::@main_kernel blocks in
// CHECK: llvm.call @mgpuMemcpy(%{{.*}}, %{{.*}}, %{{.*}}, %[[STREAM]])
// CHECK: llvm.call @mgpuMemFree(%{{.*}}, %[[STREAM]])
// CHECK: llvm.call @mgpuStreamSynchronize(%[[STREAM]])
// CHECK: llvm.call @mgpuStreamDestroy(%[[STREAM]])
// CHECK: gpu.binary @main_kernel [#gpu.object<#nvvm.target<chip = "sm_75">, properties = {O = 2 : i32}, assembly = "{{.*}}.version 6.3\0A.target sm_75\0A
// SM90: gpu.binary @main_kernel [#gpu.object<#nvvm.target<O = 3, chip = "sm_90", features = "+ptx80">, properties = {O = 3 : i32}, assembly = "{{.*}}.version 8.0\0A.target sm_90\0A
// BIN: gpu.binary @main_kernel [#gpu.object<#nvvm.target<chip = "sm_90">, properties = {O = 2 : i32}, bin = "\7FELF
// NO-EXTERN-NOT: .extern
// UPSTREAM: gpu.alloc
// UPSTREAM: .extern .func {{.*}}__nv_expf
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %scale = arith.constant 2.0 : f32
  %host = memref.alloc() : memref<64xf32>
  %device = gpu.alloc () : memref<64xf32>
  gpu.memcpy %device, %host : memref<64xf32>, memref<64xf32>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c64, %sy = %c1, %sz = %c1) {
    %v = memref.load %device[%tx] : memref<64xf32>
    %e = math.exp %v : f32
    %w = arith.mulf %e, %scale : f32
    memref.store %w, %device[%tx] : memref<64xf32>
    gpu.terminator
  }
  gpu.memcpy %host, %device : memref<64xf32>, memref<64xf32>
  gpu.dealloc %device : memref<64xf32>
  memref.dealloc %host : memref<64xf32>
  return
}
