// Math inside kernels calls libdevice's __nv_* functions: f16 through f32,
// vectors element by element, afn with the fast variants.
// RUN: mlopt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm))' | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm))' | FileCheck %s %}

gpu.module @math {
  // CHECK-DAG: llvm.func @__nv_expf(f32) -> f32
  // CHECK-DAG: llvm.func @__nv_exp(f64) -> f64
  // CHECK-DAG: llvm.func @__nv_fast_expf(f32) -> f32
  // CHECK-DAG: llvm.func @__nv_powf(f32, f32) -> f32
  // CHECK-DAG: llvm.func @__nv_fmodf(f32, f32) -> f32
  // CHECK-DAG: llvm.func @__nv_isnanf(f32) -> i32
  // CHECK-LABEL: llvm.func @calls
  gpu.func @calls(%x: f32, %d: f64, %h: f16, %v: vector<2xf32>, %out: memref<8xf32>, %dout: memref<8xf64>, %hout: memref<8xf16>, %vout: memref<8xvector<2xf32>>, %bout: memref<8xi1>) kernel {
    %c0 = arith.constant 0 : index
    // CHECK: llvm.call @__nv_expf(%{{.*}}) : (f32) -> f32
    %0 = math.exp %x : f32
    // CHECK: llvm.call @__nv_exp(%{{.*}}) : (f64) -> f64
    %1 = math.exp %d : f64
    // CHECK: %[[WIDE:.*]] = llvm.fpext %{{.*}} : f16 to f32
    // CHECK: %[[WIDE_EXP:.*]] = llvm.call @__nv_expf(%[[WIDE]]) : (f32) -> f32
    // CHECK: llvm.fptrunc %[[WIDE_EXP]] : f32 to f16
    %2 = math.exp %h : f16
    // CHECK: llvm.extractelement
    // CHECK: llvm.call @__nv_expf
    // CHECK: llvm.insertelement
    // CHECK: llvm.extractelement
    // CHECK: llvm.call @__nv_expf
    // CHECK: llvm.insertelement
    %3 = math.exp %v : vector<2xf32>
    // CHECK: llvm.call @__nv_fast_expf(%{{.*}}) : (f32) -> f32
    %4 = math.exp %x fastmath<afn> : f32
    // CHECK: llvm.call @__nv_powf(%{{.*}}, %{{.*}}) : (f32, f32) -> f32
    %5 = math.powf %x, %0 : f32
    // CHECK: llvm.call @__nv_fmodf(%{{.*}}, %{{.*}}) : (f32, f32) -> f32
    %6 = arith.remf %5, %4 : f32
    // CHECK: %[[IS_NAN:.*]] = llvm.call @__nv_isnanf(%{{.*}}) : (f32) -> i32
    // CHECK: %[[ZERO:.*]] = llvm.mlir.constant(0 : i32) : i32
    // CHECK: llvm.icmp "ne" %[[IS_NAN]], %[[ZERO]] : i32
    %7 = math.isnan %6 : f32
    memref.store %6, %out[%c0] : memref<8xf32>
    memref.store %1, %dout[%c0] : memref<8xf64>
    memref.store %2, %hout[%c0] : memref<8xf16>
    memref.store %3, %vout[%c0] : memref<8xvector<2xf32>>
    memref.store %7, %bout[%c0] : memref<8xi1>
    gpu.return
  }
}
