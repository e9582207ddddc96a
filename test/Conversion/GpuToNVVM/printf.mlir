// gpu.printf → vprintf(format, args): the format an internal constant global,
// the arguments in a struct on the stack with floats promoted to f64, as
// upstream. mlopt also promotes integers narrower than 32 bits to i32
// (upstream stores an i8 as it is, and vprintf reads padding for %d).
// RUN: mlopt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm))' | FileCheck %s --check-prefixes=CHECK,MLOPT
// RUN: %if mlir-opt %{ %mlir_opt %s --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm))' | FileCheck %s %}

gpu.module @kernels {
  // CHECK-DAG: llvm.mlir.global internal constant @printfFormat_0("value %f, count %d, %d\0A\00") {addr_space = 0 : i32}
  // CHECK-DAG: llvm.mlir.global internal constant @printfFormat_1("done\0A\00") {addr_space = 0 : i32}
  // CHECK-DAG: llvm.func @vprintf(!llvm.ptr, !llvm.ptr) -> i32
  // CHECK-LABEL: llvm.func @k
  gpu.func @k(%value: f32, %count: i32, %small: i8) kernel {
    // CHECK: %[[FORMAT:.*]] = llvm.mlir.addressof @printfFormat_0 : !llvm.ptr
    // CHECK: %[[START:.*]] = llvm.getelementptr %[[FORMAT]][0, 0] : (!llvm.ptr) -> !llvm.ptr, !llvm.array<24 x i8>
    // CHECK: llvm.fpext %{{.*}} : f32 to f64
    // MLOPT: llvm.sext %{{.*}} : i8 to i32
    // MLOPT: %[[ARGS:.*]] = llvm.alloca %{{.*}} x !llvm.struct<(f64, i32, i32)> : (i64) -> !llvm.ptr
    // CHECK: llvm.call @vprintf(%[[START]], %{{.*}}) : (!llvm.ptr, !llvm.ptr) -> i32
    gpu.printf "value %f, count %d, %d\n", %value, %count, %small : f32, i32, i8
    // CHECK: llvm.mlir.addressof @printfFormat_1 : !llvm.ptr
    // CHECK: llvm.alloca %{{.*}} x !llvm.struct<()> : (i64) -> !llvm.ptr
    // CHECK: llvm.call @vprintf
    gpu.printf "done\n"
    gpu.return
  }
}
