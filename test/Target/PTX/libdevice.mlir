// libdevice is linked when a CUDA toolkit provides it: the PTX defines what
// the kernel calls and keeps no unresolved __nv_* function.
// REQUIRES: ptxas
// RUN: mltranslate --mlir-to-ptx --mcpu=sm_90 %s -o %t.ptx
// RUN: FileCheck %s < %t.ptx
// RUN: ptxas --gpu-name sm_90 %t.ptx -o %t.cubin

// CHECK-NOT: .extern
// CHECK-NOT: __nv_
// CHECK: .visible .entry math(
// CHECK: ex2.approx
gpu.module @kernels {
  llvm.func @__nv_expf(f32) -> f32
  llvm.func @__nv_cos(f64) -> f64
  llvm.func @math(%x: f32, %y: f64, %out: !llvm.ptr, %dout: !llvm.ptr) attributes {gpu.kernel, nvvm.kernel} {
    %e = llvm.call @__nv_expf(%x) : (f32) -> f32
    %c = llvm.call @__nv_cos(%y) : (f64) -> f64
    llvm.store %e, %out : f32, !llvm.ptr
    llvm.store %c, %dout : f64, !llvm.ptr
    llvm.return
  }
}
