// gpu-module-to-binary compiles each gpu.module for its #nvvm.target.
// RUN: mlopt %s --gpu-module-to-binary=format=isa | FileCheck %s --check-prefix=ISA
// RUN: mlopt %s --gpu-module-to-binary=format=llvm | FileCheck %s --check-prefix=LLVM
// RUN: %if ptxas %{ mlopt %s --gpu-module-to-binary=format=bin | FileCheck %s --check-prefix=BIN %}
// The objects print and parse back unchanged.
// RUN: %if ptxas %{ mlopt %s --gpu-module-to-binary=format=bin | mlopt | FileCheck %s --check-prefix=BIN %}

// ISA: gpu.binary @kernels [#gpu.object<#nvvm.target<chip = "sm_90">, properties = {O = 2 : i32}, assembly = "{{.*}}.version 7.8\0A.target sm_90\0A{{.*}}.visible .entry scale({{.*}}mov.u32 {{.*}}%tid.x;{{.*}}ret;\0A\0A}\0A">,
// ISA-SAME: #gpu.object<#nvvm.target<O = 3, chip = "sm_80", features = "+ptx81">, properties = {O = 3 : i32}, assembly = "{{.*}}.version 8.1\0A.target sm_80\0A{{.*}}">]
// BIN: gpu.binary @kernels [#gpu.object<#nvvm.target<chip = "sm_90">, properties = {O = 2 : i32}, bin = "\7FELF{{[^"]*}}">,
// LLVM: gpu.binary @kernels [#gpu.object<#nvvm.target<chip = "sm_90">, properties = {O = 2 : i32}, offload = "BC\C0\DE{{[^"]*}}">,
module attributes {gpu.container_module} {
  gpu.module @kernels [#nvvm.target<chip = "sm_90">, #nvvm.target<chip = "sm_80", features = "+ptx81", O = 3>] {
    llvm.func @scale(%data: !llvm.ptr, %factor: f32) attributes {gpu.kernel, nvvm.kernel} {
      %tid = nvvm.read.ptx.sreg.tid.x : i32
      %address = llvm.getelementptr %data[%tid] : (!llvm.ptr, i32) -> !llvm.ptr, f32
      %value = llvm.load %address : !llvm.ptr -> f32
      %scaled = llvm.fmul %value, %factor : f32
      llvm.store %scaled, %address : f32, !llvm.ptr
      llvm.return
    }
  }
}
