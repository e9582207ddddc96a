// The chip and PTX version: --mcpu/--mattr, else the gpu.module's #nvvm.target.
// RUN: mltranslate --mlir-to-ptx %s | FileCheck %s --check-prefix=TARGET
// RUN: mltranslate --mlir-to-ptx --mcpu=sm_75 %s | FileCheck %s --check-prefix=SM75
// RUN: mltranslate --mlir-to-ptx --mcpu=sm_90 --mattr=+ptx83 %s | FileCheck %s --check-prefix=PTX83
// RUN: not mltranslate --mlir-to-ptx --mcpu=sm_90 --mattr=+ptx60 %s 2>&1 | FileCheck %s --check-prefix=OLD
// RUN: not mltranslate --mlir-to-ptx --mcpu=sm_42 %s 2>&1 | FileCheck %s --check-prefix=CHIP
// RUN: not mltranslate --mlir-to-ptx --mcpu=sm_90 --mattr=+ptx80,+fast %s 2>&1 | FileCheck %s --check-prefix=FEATURE

// TARGET: .version 8.1
// TARGET: .target sm_80
// SM75: .version 6.3
// SM75: .target sm_75
// PTX83: .version 8.3
// PTX83: .target sm_90
// OLD: error: PTX ISA 6.0 (+ptx60) does not support 'sm_90'; it needs at least 7.8: use features=+ptx78 or leave the PTX version out
// CHIP: error: unsupported NVIDIA chip 'sm_42'
// FEATURE: error: unsupported NVPTX feature(s) '+fast' in '+ptx80,+fast'
gpu.module @kernels [#nvvm.target<chip = "sm_80", features = "+ptx81">] {
  llvm.func @empty() attributes {gpu.kernel, nvvm.kernel} {
    llvm.return
  }
}
