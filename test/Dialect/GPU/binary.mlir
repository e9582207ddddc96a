// RUN: mlopt --allow-unregistered-dialect %s | mlopt --allow-unregistered-dialect | FileCheck %s
// RUN: mlopt --allow-unregistered-dialect %s --mlir-print-op-generic | mlopt --allow-unregistered-dialect | FileCheck %s

// CHECK: module attributes {gpu.container_module} {
// CHECK-LABEL: gpu.module @targeted
// CHECK-SAME:  [#nvvm.target<chip = "sm_90", features = "+ptx80">] {
// CHECK-LABEL: gpu.func @k
// CHECK-SAME: () kernel {
// CHECK: gpu.return
// CHECK-LABEL: gpu.module @two_targets
// CHECK-SAME:  <#gpu.select_object<1 : i64>> [#nvvm.target, #nvvm.target<chip = "sm_80">] {
// CHECK-LABEL: gpu.binary @bin
// CHECK-SAME:  [#gpu.object<#nvvm.target, "BLOB">]
// CHECK-LABEL: gpu.binary @bin2
// CHECK-SAME:  <#gpu.select_object<0 : i64>> [#gpu.object<#nvvm.target<chip = "sm_90">, properties = {O = 3 : i32}, assembly = "ptx">]
// CHECK-LABEL: gpu.binary @bin3
// CHECK-SAME:  <#gpu.select_object<#nvvm.target>> [#gpu.object<#nvvm.target, bin = "x">, #gpu.object<#nvvm.target, offload = "y">, #gpu.object<#nvvm.target, "z">]
// CHECK-LABEL: gpu.binary @kernels
// CHECK-SAME:  [#gpu.object<#nvvm.target, kernels = <[#gpu.kernel_metadata<"a_kernel", (i32) -> (), arg_attrs = [{llvm.read_only}], metadata = {a = 1 : i64}>, #gpu.kernel_metadata<"z_kernel", () -> ()>]>, bin = "X">]
// CHECK-LABEL: func.func @launch
// CHECK-SAME: (%[[N:[^ ,:]+]]: index, %[[X:[^ ,:]+]]: f32) {
// CHECK: gpu.launch_func @bin::@k blocks in (%[[N]], %[[N]], %[[N]]) threads in (%[[N]], %[[N]], %[[N]]) args(%[[X]] : f32)
// CHECK: return
module attributes {gpu.container_module} {
  gpu.module @targeted [#nvvm.target<chip = "sm_90", features = "+ptx80">] {
    gpu.func @k() kernel {
      gpu.return
    }
  }
  gpu.module @two_targets <#gpu.select_object<1>> [#nvvm.target, #nvvm.target<chip = "sm_80">] {
  }
  gpu.binary @bin [#gpu.object<#nvvm.target, "BLOB">]
  gpu.binary @bin2 <#gpu.select_object<0>> [#gpu.object<#nvvm.target<chip = "sm_90">, properties = {O = 3 : i32}, assembly = "ptx">]
  gpu.binary @bin3 <#gpu.select_object<#nvvm.target>> [#gpu.object<#nvvm.target, bin = "x">, #gpu.object<#nvvm.target, offload = "y">, #gpu.object<#nvvm.target, fatbin = "z">]
  gpu.binary @kernels [#gpu.object<#nvvm.target, kernels = #gpu.kernel_table<[#gpu.kernel_metadata<"z_kernel", () -> ()>, #gpu.kernel_metadata<"a_kernel", (i32) -> (), arg_attrs = [{llvm.read_only}], metadata = {a = 1}>]>, bin = "X">]
  func.func @launch(%n: index, %x: f32) {
    gpu.launch_func @bin::@k blocks in (%n, %n, %n) threads in (%n, %n, %n) args(%x : f32)
    return
  }
}
