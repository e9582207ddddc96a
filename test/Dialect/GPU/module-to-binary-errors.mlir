// What gpu-module-to-binary reports instead of producing code that fails later.
// RUN: mlopt %s --split-input-file --verify-diagnostics --gpu-module-to-binary=format=isa
// RUN: not mlopt %s --split-input-file --gpu-module-to-binary=format=cubin 2>&1 | FileCheck %s --check-prefix=FORMAT

// FORMAT: error: Invalid format specified: 'cubin'
// expected-error@+1 {{the module has no target attributes}}
gpu.module @untargeted {
}

// -----

// expected-error@+1 {{unsupported NVIDIA chip 'sm_1000'}}
gpu.module @unknown_chip [#nvvm.target<chip = "sm_1000">] {
}

// -----

// expected-error@+1 {{PTX ISA 7.0 (+ptx70) does not support 'sm_90'; it needs at least 7.8}}
gpu.module @old_ptx [#nvvm.target<chip = "sm_90", features = "+ptx70">] {
}

// -----

gpu.module @not_lowered [#nvvm.target<chip = "sm_90">] {
  // expected-error@+1 {{'gpu.func' op was not lowered to the llvm and nvvm dialects; run gpu.module(convert-gpu-to-nvvm)}}
  gpu.func @k() kernel {
    gpu.barrier
    gpu.return
  }
}

// -----

// expected-error@+1 {{the gpu.module calls 'printf', which it does not define}}
gpu.module @external_call [#nvvm.target<chip = "sm_90">] {
  llvm.func @printf(!llvm.ptr) -> i32
  llvm.func @k(%format: !llvm.ptr) attributes {gpu.kernel, nvvm.kernel} {
    %0 = llvm.call @printf(%format) : (!llvm.ptr) -> i32
    llvm.return
  }
}
