// RUN: mltranslate --mlir-to-llvmir %s | FileCheck %s

// Constants are folded into their users; floats are written exactly.

// CHECK-LABEL: define void @constants(ptr %0)
llvm.func @constants(%p: !llvm.ptr) {
  %a = llvm.mlir.constant(0.1 : f32) : f32
  // CHECK: store float 0x3FB99999A0000000, ptr %0
  llvm.store %a, %p : f32, !llvm.ptr
  %b = llvm.mlir.constant(0.1 : f64) : f64
  // CHECK: store double 1.000000e-01, ptr %0
  llvm.store %b, %p : f64, !llvm.ptr
  %c = llvm.mlir.constant(0x7FF0000000000000 : f64) : f64
  // CHECK: store double 0x7FF0000000000000, ptr %0
  llvm.store %c, %p : f64, !llvm.ptr
  %d = llvm.mlir.constant(-0.0 : f64) : f64
  // CHECK: store double -0.000000e+00, ptr %0
  llvm.store %d, %p : f64, !llvm.ptr
  %h = llvm.mlir.constant(1.5 : f16) : f16
  // CHECK: store half 0xH3E00, ptr %0
  llvm.store %h, %p : f16, !llvm.ptr
  %bf = llvm.mlir.constant(1.5 : bf16) : bf16
  // CHECK: store bfloat 0xR3FC0, ptr %0
  llvm.store %bf, %p : bf16, !llvm.ptr
  %t = llvm.mlir.constant(true) : i1
  // CHECK: store i1 true, ptr %0
  llvm.store %t, %p : i1, !llvm.ptr
  %i = llvm.mlir.constant(255 : i8) : i8
  // CHECK: store i8 -1, ptr %0
  llvm.store %i, %p : i8, !llvm.ptr
  %idx = llvm.mlir.constant(42 : index) : i64
  // CHECK: store i64 42, ptr %0
  llvm.store %idx, %p : i64, !llvm.ptr
  %v = llvm.mlir.constant(dense<[1.0, 2.0, 3.0, 4.0]> : vector<4xf32>) : vector<4xf32>
  // CHECK: store <4 x float> <float 1.000000e+00, float 2.000000e+00, float 3.000000e+00, float 4.000000e+00>, ptr %0
  llvm.store %v, %p : vector<4xf32>, !llvm.ptr
  %s = llvm.mlir.constant(dense<7> : vector<8xi32>) : vector<8xi32>
  // CHECK: store <8 x i32> splat (i32 7), ptr %0
  llvm.store %s, %p : vector<8xi32>, !llvm.ptr
  %z = llvm.mlir.zero : !llvm.struct<(i32, f64)>
  // CHECK: store { i32, double } zeroinitializer, ptr %0
  llvm.store %z, %p : !llvm.struct<(i32, f64)>, !llvm.ptr
  %u = llvm.mlir.undef : i32
  // CHECK: store i32 undef, ptr %0
  llvm.store %u, %p : i32, !llvm.ptr
  %n = llvm.mlir.zero : !llvm.ptr
  // CHECK: store ptr null, ptr %0
  llvm.store %n, %p : !llvm.ptr, !llvm.ptr
  %str = llvm.mlir.constant("hi\n") : !llvm.array<3 x i8>
  // CHECK: store [3 x i8] c"hi\0A", ptr %0
  llvm.store %str, %p : !llvm.array<3 x i8>, !llvm.ptr
  llvm.return
}
