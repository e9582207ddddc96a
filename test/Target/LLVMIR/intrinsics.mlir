// RUN: mltranslate --mlir-to-llvmir %s | FileCheck %s

// Intrinsics get LLVM's mangled names; properties become immediate arguments.

// CHECK-LABEL: define void @intrinsics(
llvm.func @intrinsics(%p: !llvm.ptr, %q: !llvm.ptr, %n: i64, %i: i32, %f: f32, %v: vector<4xf32>, %m: vector<4xi1>, %iv: vector<4xi32>) {
  // CHECK: call void @llvm.memcpy.p0.p0.i64(ptr %0, ptr %1, i64 %2, i1 false)
  "llvm.intr.memcpy"(%p, %q, %n) <{isVolatile = false}> : (!llvm.ptr, !llvm.ptr, i64) -> ()
  %zero = llvm.mlir.constant(0 : i8) : i8
  // CHECK: call void @llvm.memset.p0.i64(ptr %0, i8 0, i64 %2, i1 true)
  "llvm.intr.memset"(%p, %zero, %n) <{isVolatile = true}> : (!llvm.ptr, i8, i64) -> ()
  // CHECK: call float @llvm.exp.f32(float %4)
  %0 = llvm.intr.exp(%f) : (f32) -> f32
  // CHECK: call fast float @llvm.sqrt.f32(float
  %1 = llvm.intr.sqrt(%0) {fastmathFlags = #llvm.fastmath<fast>} : (f32) -> f32
  // CHECK: call <4 x float> @llvm.fmuladd.v4f32(<4 x float> %5, <4 x float> %5, <4 x float> %5)
  %2 = llvm.intr.fmuladd(%v, %v, %v) : (vector<4xf32>, vector<4xf32>, vector<4xf32>) -> vector<4xf32>
  // CHECK: call i32 @llvm.ctlz.i32(i32 %3, i1 true)
  %3 = "llvm.intr.ctlz"(%i) <{is_zero_poison = true}> : (i32) -> i32
  // CHECK: call <4 x i32> @llvm.abs.v4i32(<4 x i32> %7, i1 false)
  %4 = "llvm.intr.abs"(%iv) <{is_int_min_poison = false}> : (vector<4xi32>) -> vector<4xi32>
  // CHECK: call i32 @llvm.smax.i32(i32 %3, i32
  %5 = llvm.intr.smax(%i, %3) : (i32, i32) -> i32
  // CHECK: call float @llvm.vector.reduce.fadd.v4f32(float %4, <4 x float> %5)
  %6 = "llvm.intr.vector.reduce.fadd"(%f, %v) <{fastmathFlags = #llvm.fastmath<none>}> : (f32, vector<4xf32>) -> f32
  // CHECK: call i32 @llvm.vector.reduce.add.v4i32(<4 x i32> %7)
  %7 = "llvm.intr.vector.reduce.add"(%iv) : (vector<4xi32>) -> i32
  // CHECK: call float @llvm.vector.reduce.fmax.v4f32(<4 x float> %5)
  %8 = llvm.intr.vector.reduce.fmax(%v) : (vector<4xf32>) -> f32
  // CHECK: call <4 x float> @llvm.masked.load.v4f32.p0(ptr align 4 %0, <4 x i1> %6, <4 x float> %5)
  %9 = llvm.intr.masked.load %p, %m, %v {alignment = 4 : i32} : (!llvm.ptr, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
  // CHECK: call void @llvm.masked.store.v4f32.p0(<4 x float> %{{[0-9]+}}, ptr align 16 %1, <4 x i1> %6)
  llvm.intr.masked.store %9, %q, %m {alignment = 16 : i32} : vector<4xf32>, vector<4xi1> into !llvm.ptr
  // CHECK: call ptr @llvm.stacksave.p0()
  %10 = llvm.intr.stacksave : !llvm.ptr
  // CHECK: call void @llvm.stackrestore.p0(ptr
  llvm.intr.stackrestore %10 : !llvm.ptr
  // CHECK: call i1 @llvm.is.fpclass.f32(float %4, i32 3)
  %11 = "llvm.intr.is.fpclass"(%f) <{bit = 3 : i32}> : (f32) -> i1
  // CHECK: call { i32, i1 } @llvm.sadd.with.overflow.i32(i32 %3, i32 %3)
  %12 = "llvm.intr.sadd.with.overflow"(%i, %i) : (i32, i32) -> !llvm.struct<(i32, i1)>
  // CHECK: call float @llvm.powi.f32.i32(float %4, i32 %3)
  %13 = llvm.intr.powi(%f, %i) : (f32, i32) -> f32
  // CHECK: call float @llvm.copysign.f32(float %4, float
  %14 = llvm.intr.copysign(%f, %13) : (f32, f32) -> f32
  // CHECK: call float @llvm.fabs.f32(float %4)
  %15 = llvm.call_intrinsic "llvm.fabs.f32"(%f) : (f32) -> f32
  llvm.return
}
