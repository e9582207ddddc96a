// RUN: mlopt %s --convert-math-to-llvm | FileCheck %s
// RUN: mlopt %s --convert-math-to-llvm='approximate-log1p=false' | FileCheck %s --check-prefix=EXACT

// CHECK-LABEL: func.func @float_intrinsics
func.func @float_intrinsics(%x: f32, %y: f32) -> (f32, f32, f32, f32, f32) {
  // CHECK: llvm.intr.exp(%{{.*}}) : (f32) -> f32
  %0 = math.exp %x : f32
  // CHECK: llvm.intr.sqrt(%{{.*}}) {fastmathFlags = #llvm.fastmath<fast>} : (f32) -> f32
  %1 = math.sqrt %x fastmath<fast> : f32
  // CHECK: llvm.intr.pow(%{{.*}}, %{{.*}}) : (f32, f32) -> f32
  %2 = math.powf %x, %y : f32
  // CHECK: llvm.intr.log10(%{{.*}}) : (f32) -> f32
  %3 = math.log10 %x : f32
  // CHECK: llvm.intr.fma(%{{.*}}, %{{.*}}, %{{.*}}) : (f32, f32, f32) -> f32
  %4 = math.fma %x, %y, %x : f32
  return %0, %1, %2, %3, %4 : f32, f32, f32, f32, f32
}

// CHECK-LABEL: func.func @expansions
// EXACT-LABEL: func.func @expansions
func.func @expansions(%x: f32, %v: vector<2x4xf32>) -> (f32, f32, vector<2x4xf32>) {
  // CHECK: %[[ONE:.*]] = llvm.mlir.constant(1.000000e+00 : f32) : f32
  // CHECK: %[[SUM:.*]] = llvm.fadd %[[ONE]], %{{.*}} : f32
  // CHECK: llvm.intr.log(%[[SUM]]) : (f32) -> f32
  // EXACT: math.log1p
  %0 = math.log1p %x : f32
  // CHECK: %[[E:.*]] = llvm.intr.exp(%{{.*}}) : (f32) -> f32
  // CHECK: llvm.fsub %[[E]], %{{.*}} : f32
  %1 = math.expm1 %x : f32
  // rsqrt on a 2-D vector: 1 / sqrt, row by row.
  // CHECK: llvm.extractvalue %{{.*}}[0] : !llvm.array<2 x vector<4xf32>>
  // CHECK: llvm.mlir.constant(dense<1.000000e+00> : vector<4xf32>) : vector<4xf32>
  // CHECK: llvm.intr.sqrt(%{{.*}}) : (vector<4xf32>) -> vector<4xf32>
  // CHECK: llvm.fdiv
  // CHECK: llvm.extractvalue %{{.*}}[1] : !llvm.array<2 x vector<4xf32>>
  %2 = math.rsqrt %v : vector<2x4xf32>
  return %0, %1, %2 : f32, f32, vector<2x4xf32>
}

// CHECK-LABEL: func.func @integer_intrinsics
func.func @integer_intrinsics(%i: i32) -> (i32, i32, i32) {
  // CHECK: "llvm.intr.abs"(%{{.*}}) <{is_int_min_poison = false}> : (i32) -> i32
  %0 = math.absi %i : i32
  // CHECK: "llvm.intr.ctlz"(%{{.*}}) <{is_zero_poison = false}> : (i32) -> i32
  %1 = math.ctlz %i : i32
  // CHECK: llvm.intr.ctpop(%{{.*}}) : (i32) -> i32
  %2 = math.ctpop %i : i32
  return %0, %1, %2 : i32, i32, i32
}

// No llvm counterpart: left for convert-math-to-libm.
// CHECK-LABEL: func.func @no_intrinsic
func.func @no_intrinsic(%x: f32) -> f32 {
  // CHECK: math.acosh
  %0 = math.acosh %x : f32
  return %0 : f32
}

// CHECK-LABEL: func.func @classification
func.func @classification(%x: f32) -> (i1, i1) {
  // CHECK: "llvm.intr.is.fpclass"(%{{.*}}) <{bit = 3 : i32}> : (f32) -> i1
  %0 = math.isnan %x : f32
  // CHECK: "llvm.intr.is.fpclass"(%{{.*}}) <{bit = 504 : i32}> : (f32) -> i1
  %1 = math.isfinite %x : f32
  return %0, %1 : i1, i1
}
