// RUN: mltranslate --mlir-to-llvmir %s | FileCheck %s

// CHECK-LABEL: define i64 @integer(i64 %0, i64 %1)
llvm.func @integer(%a: i64, %b: i64) -> i64 {
  // CHECK: %[[ADD:.*]] = add nuw nsw i64 %0, %1
  %0 = llvm.add %a, %b overflow<nsw, nuw> : i64
  // CHECK: %[[SUB:.*]] = sub i64 %[[ADD]], %1
  %1 = llvm.sub %0, %b : i64
  // CHECK: sdiv exact i64
  %2 = llvm.sdiv exact %1, %b : i64
  // CHECK: or disjoint i64
  %3 = llvm.or disjoint %2, %a : i64
  // CHECK: urem i64
  %4 = llvm.urem %3, %b : i64
  // CHECK: ashr i64
  %5 = llvm.ashr %4, %a : i64
  // CHECK: icmp sle i64
  %6 = llvm.icmp "sle" %5, %a : i64
  // CHECK: select i1 %{{.*}}, i64 %{{.*}}, i64 %1
  %7 = llvm.select %6, %5, %b : i1, i64
  llvm.return %7 : i64
}

// CHECK-LABEL: define double @floating(float %0, double %1)
llvm.func @floating(%a: f32, %b: f64) -> f64 {
  // CHECK: fpext float %0 to double
  %0 = llvm.fpext %a : f32 to f64
  // CHECK: fmul fast double
  %1 = llvm.fmul %0, %b {fastmathFlags = #llvm.fastmath<fast>} : f64
  // CHECK: fadd nnan ninf double
  %2 = llvm.fadd %1, %b {fastmathFlags = #llvm.fastmath<nnan, ninf>} : f64
  // CHECK: fneg double
  %3 = llvm.fneg %2 : f64
  // CHECK: fcmp uno double
  %4 = llvm.fcmp "uno" %3, %b : f64
  // CHECK: fcmp true double
  %5 = llvm.fcmp "_true" %3, %b : f64
  %6 = llvm.and %4, %5 : i1
  // CHECK: fptosi double %{{.*}} to i32
  %7 = llvm.fptosi %3 : f64 to i32
  // CHECK: uitofp i32 %{{.*}} to float
  %8 = llvm.uitofp %7 : i32 to f32
  // CHECK: fptrunc double %{{.*}} to half
  %9 = llvm.fptrunc %3 : f64 to f16
  // CHECK: zext nneg i1 %{{.*}} to i64
  %10 = llvm.zext nneg %6 : i1 to i64
  // CHECK: sitofp i64 %{{.*}} to double
  %11 = llvm.sitofp %10 : i64 to f64
  llvm.return %11 : f64
}

// CHECK-LABEL: define <4 x float> @vectors(<4 x float> %0, i32 %1)
llvm.func @vectors(%v: vector<4xf32>, %i: i32) -> vector<4xf32> {
  // CHECK: extractelement <4 x float> %0, i32 %1
  %0 = llvm.extractelement %v[%i : i32] : vector<4xf32>
  %c0 = llvm.mlir.constant(0 : i64) : i64
  // CHECK: insertelement <4 x float> %0, float %{{.*}}, i64 0
  %1 = llvm.insertelement %0, %v[%c0 : i64] : vector<4xf32>
  // CHECK: shufflevector <4 x float> %{{.*}}, <4 x float> %0, <4 x i32> <i32 3, i32 2, i32 poison, i32 0>
  %2 = llvm.shufflevector %1, %v [3, 2, -1, 0] : vector<4xf32>
  llvm.return %2 : vector<4xf32>
}
