// Without libdevice (an empty toolkit), f32 math gets the GPU's approximate
// instructions, with a warning, and f64 math is an error at the op that needs it.
// RUN: rm -rf %t && mkdir -p %t
// RUN: mlopt %s --split-input-file --verify-diagnostics --gpu-module-to-binary="format=isa toolkit=%t" | FileCheck %s

// CHECK: gpu.binary @approximated
// CHECK-SAME: ex2.approx
// CHECK-NOT: __nv_expf
// expected-warning@+1 {{libdevice was not found: __nv_expf use the GPU's approximate instructions}}
gpu.module @approximated [#nvvm.target<chip = "sm_90">] {
  llvm.func @__nv_expf(f32) -> f32
  llvm.func @k(%x: f32, %out: !llvm.ptr) attributes {gpu.kernel, nvvm.kernel} {
    %e = llvm.call @__nv_expf(%x) : (f32) -> f32
    llvm.store %e, %out : f32, !llvm.ptr
    llvm.return
  }
}

// -----

// Exact replacements need no warning.
// CHECK: gpu.binary @exact
// CHECK-SAME: sqrt.rn.f32
gpu.module @exact [#nvvm.target<chip = "sm_90">] {
  llvm.func @__nv_sqrtf(f32) -> f32
  llvm.func @k(%x: f32, %out: !llvm.ptr) attributes {gpu.kernel, nvvm.kernel} {
    %e = llvm.call @__nv_sqrtf(%x) : (f32) -> f32
    llvm.store %e, %out : f32, !llvm.ptr
    llvm.return
  }
}

// -----

gpu.module @needs_libdevice [#nvvm.target<chip = "sm_90">] {
  llvm.func @__nv_cos(f64) -> f64
  llvm.func @k(%x: f64, %out: !llvm.ptr) attributes {gpu.kernel, nvvm.kernel} {
    // expected-error@+1 {{'__nv_cos' (a math op inside a kernel) needs libdevice, which was not found}}
    %c = llvm.call @__nv_cos(%x) : (f64) -> f64
    llvm.store %c, %out : f64, !llvm.ptr
    llvm.return
  }
}
