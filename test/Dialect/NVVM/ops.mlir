// Custom syntax of the nvvm ops: mlopt parses and prints it as upstream does,
// and the generic form mlopt prints is what mlir-opt prints.
// RUN: mlopt %s | FileCheck %s
// RUN: mlopt %s | mlopt | FileCheck %s
// RUN: mlopt %s --mlir-print-op-generic | mlopt | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s | FileCheck %s %}
// RUN: %if mlir-opt %{ mlopt %s --mlir-print-op-generic | %mlir_opt --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC %}

// CHECK-LABEL: llvm.func @registers
llvm.func @registers() -> i32 {
  // CHECK: nvvm.read.ptx.sreg.tid.x : i32
  %0 = nvvm.read.ptx.sreg.tid.x : i32
  // CHECK: nvvm.read.ptx.sreg.ntid.y range <i32, 1, 129> : i32
  %1 = nvvm.read.ptx.sreg.ntid.y range <i32, 1, 129> : i32
  // CHECK: nvvm.read.ptx.sreg.ctaid.z : i32
  %2 = nvvm.read.ptx.sreg.ctaid.z : i32
  // CHECK: nvvm.read.ptx.sreg.nctaid.x : i32
  %3 = nvvm.read.ptx.sreg.nctaid.x : i32
  // CHECK: nvvm.read.ptx.sreg.laneid range <i32, 0, 32> : i32
  %4 = nvvm.read.ptx.sreg.laneid range <i32, 0, 32> : i32
  // CHECK: nvvm.read.ptx.sreg.warpsize : i32
  %5 = nvvm.read.ptx.sreg.warpsize : i32
  // CHECK: nvvm.read.ptx.sreg.clock64 : i64
  %6 = nvvm.read.ptx.sreg.clock64 : i64
  // CHECK: nvvm.read.ptx.sreg.cluster.ctarank : i32
  %7 = nvvm.read.ptx.sreg.cluster.ctarank : i32
  // GENERIC: "nvvm.read.ptx.sreg.ntid.y"() <{range = #llvm.constant_range<i32, 1, 129>}> : () -> i32
  llvm.return %0 : i32
}

// CHECK-LABEL: llvm.func @warps
llvm.func @warps(%mask: i32, %value: f32, %offset: i32, %clamp: i32, %predicate: i1) {
  // CHECK: nvvm.shfl.sync bfly %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : f32 -> f32
  %0 = nvvm.shfl.sync bfly %mask, %value, %offset, %clamp : f32 -> f32
  // CHECK: nvvm.shfl.sync idx %{{.*}} {return_value_and_is_valid} : f32 -> !llvm.struct<(f32, i1)>
  %1 = nvvm.shfl.sync idx %mask, %value, %offset, %clamp {return_value_and_is_valid} : f32 -> !llvm.struct<(f32, i1)>
  // CHECK: nvvm.vote.sync ballot %{{.*}}, %{{.*}} -> i32
  %2 = nvvm.vote.sync ballot %mask, %predicate -> i32
  // CHECK: nvvm.vote.sync any %{{.*}}, %{{.*}} -> i1
  %3 = nvvm.vote.sync any %mask, %predicate -> i1
  // CHECK: nvvm.redux.sync umax %{{.*}}, %{{.*}} : i32 -> i32
  %4 = nvvm.redux.sync umax %offset, %mask : i32 -> i32
  // CHECK: nvvm.barrier0
  nvvm.barrier0
  // GENERIC: "nvvm.shfl.sync"(%{{.*}}) <{kind = #nvvm<shfl_kind bfly>}> : (i32, f32, i32, i32) -> f32
  // GENERIC: "nvvm.vote.sync"(%{{.*}}) <{kind = #nvvm<vote_sync_kind ballot>}> : (i32, i1) -> i32
  // GENERIC: "nvvm.redux.sync"(%{{.*}}) <{abs = false, kind = #nvvm<redux_kind umax>, nan = false}> : (i32, i32) -> i32
  // GENERIC: "nvvm.barrier0"() : () -> ()
  llvm.return
}

// CHECK-LABEL: gpu.module @default_target [#nvvm.target]
gpu.module @default_target [#nvvm.target] {
}
// Parameters at their defaults (O = 2, the triple, sm_50, no features) are left out.
// CHECK-LABEL: gpu.module @targets [#nvvm.target<O = 3, chip = "sm_90", features = "+ptx80", flags = {fast, ftz}, link = ["lib.bc"]>, #nvvm.target<chip = "sm_75">]
gpu.module @targets [#nvvm.target<chip = "sm_90", O = 3, features = "+ptx80", flags = {ftz, fast}, link = ["lib.bc"]>,
                     #nvvm.target<O = 2, chip = "sm_75", triple = "nvptx64-nvidia-cuda">] {
}
// CHECK-LABEL: gpu.module @unverified [#nvvm.target<chip = "sm_90", verifyTarget = false>]
gpu.module @unverified [#nvvm.target<verifyTarget = false, chip = "sm_90">] {
}
