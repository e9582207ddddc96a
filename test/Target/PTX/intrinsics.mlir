// mltranslate --mlir-to-ptx: nvvm ops become their PTX instructions.
// RUN: mltranslate --mlir-to-ptx --mcpu=sm_90 %s | FileCheck %s
// RUN: %if ptxas %{ mltranslate --mlir-to-ptx --mcpu=sm_90 %s -o %t.ptx && ptxas --gpu-name sm_90 %t.ptx -o %t.cubin %}

// CHECK: .version 7.8
// CHECK: .target sm_90
// CHECK: .address_size 64
gpu.module @kernels {
  llvm.mlir.global internal @__wg_tile() {addr_space = 3 : i32} : !llvm.array<32 x f32>

  // CHECK-LABEL: .visible .entry warp_ops(
  // CHECK: .maxntid 32, 1, 1
  // CHECK: .shared .align 4 .b8 __wg_tile[128];
  llvm.func @warp_ops(%out: !llvm.ptr, %value: f32, %bits: i32) attributes {gpu.kernel, nvvm.kernel, nvvm.maxntid = array<i32: 32, 1, 1>} {
    // CHECK: mov.u32 {{.*}}%tid.x;
    %tid = nvvm.read.ptx.sreg.tid.x range <i32, 0, 32> : i32
    // CHECK: mov.u32 {{.*}}%ctaid.y;
    %block = nvvm.read.ptx.sreg.ctaid.y : i32
    // CHECK: mov.u32 {{.*}}%laneid;
    %lane = nvvm.read.ptx.sreg.laneid : i32
    %mask = llvm.mlir.constant(-1 : i32) : i32
    %one = llvm.mlir.constant(1 : i32) : i32
    %clamp = llvm.mlir.constant(31 : i32) : i32
    // CHECK: shfl.sync.bfly.b32
    %sum = nvvm.shfl.sync bfly %mask, %value, %one, %clamp : f32 -> f32
    // CHECK: shfl.sync.down.b32 {{.*}}|%p
    %pair = nvvm.shfl.sync down %mask, %bits, %one, %clamp {return_value_and_is_valid} : i32 -> !llvm.struct<(i32, i1)>
    %valid = llvm.extractvalue %pair[1] : !llvm.struct<(i32, i1)>
    // CHECK: vote.sync.ballot.b32
    %ballot = nvvm.vote.sync ballot %mask, %valid -> i32
    // CHECK: redux.sync.add.s32
    %total = nvvm.redux.sync add %ballot, %mask : i32 -> i32
    %shared = llvm.mlir.addressof @__wg_tile : !llvm.ptr<3>
    %slot = llvm.getelementptr %shared[%tid] : (!llvm.ptr<3>, i32) -> !llvm.ptr<3>, f32
    // CHECK: st.shared.b32
    llvm.store %sum, %slot : f32, !llvm.ptr<3>
    // CHECK: bar.sync 0;
    nvvm.barrier0
    // CHECK: ld.shared.b32
    %neighbour = llvm.getelementptr %shared[%lane] : (!llvm.ptr<3>, i32) -> !llvm.ptr<3>, f32
    %read = llvm.load %neighbour : !llvm.ptr<3> -> f32
    %as_int = llvm.fptosi %read : f32 to i32
    %mixed = llvm.add %block, %as_int : i32
    %all = llvm.add %mixed, %total : i32
    %address = llvm.getelementptr %out[%tid] : (!llvm.ptr, i32) -> !llvm.ptr, i32
    llvm.store %all, %address : i32, !llvm.ptr
    llvm.return
  }
}
