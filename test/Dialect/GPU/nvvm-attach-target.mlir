// nvvm-attach-target: mlopt's defaults work with current CUDA (sm_75, its
// minimum PTX), and a chip or feature LLVM cannot compile for is an error.
// RUN: mlopt %s --split-input-file --nvvm-attach-target | FileCheck %s --check-prefix=DEFAULT
// RUN: mlopt %s --split-input-file --nvvm-attach-target='chip=sm_90 features=+ptx80 O=3 ftz fast l=a.bc,b.bc ptxas-cmd-options=-v' | FileCheck %s --check-prefix=OPTIONS
// RUN: mlopt %s --split-input-file --nvvm-attach-target='module=^second chip=sm_80' | FileCheck %s --check-prefix=MATCHED
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --nvvm-attach-target='chip=sm_90 features=+ptx80 O=3 ftz fast l=a.bc,b.bc ptxas-cmd-options=-v' | FileCheck %s --check-prefix=OPTIONS %}
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --nvvm-attach-target='module=^second chip=sm_80' | FileCheck %s --check-prefix=MATCHED %}
// RUN: not mlopt %s --split-input-file --nvvm-attach-target='chip=sm_90 features=+ptx60' 2>&1 | FileCheck %s --check-prefix=OLD-PTX
// RUN: not mlopt %s --split-input-file --nvvm-attach-target='chip=sm_999' 2>&1 | FileCheck %s --check-prefix=BAD-CHIP
// RUN: not mlopt %s --split-input-file --nvvm-attach-target='features=+avx2' 2>&1 | FileCheck %s --check-prefix=BAD-FEATURE

// DEFAULT: gpu.module @first [#nvvm.target<chip = "sm_75">]
// DEFAULT: gpu.module @second [#nvvm.target<chip = "sm_75">]
// OPTIONS: gpu.module @first [#nvvm.target<O = 3, chip = "sm_90", features = "+ptx80", flags = {fast, ftz, "ptxas-cmd-options" = ["-v"]}, link = ["a.bc", "b.bc"]>]
// MATCHED: gpu.module @first {
// MATCHED: gpu.module @second [#nvvm.target<chip = "sm_80">]
// OLD-PTX: error: nvvm-attach-target: PTX ISA 6.0 (+ptx60) does not support 'sm_90'; it needs at least 7.8
// BAD-CHIP: error: nvvm-attach-target: unsupported NVIDIA chip 'sm_999'
// BAD-FEATURE: error: nvvm-attach-target: unsupported NVPTX feature(s) '+avx2'
gpu.module @first {
}
gpu.module @second {
}
