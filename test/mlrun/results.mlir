// RUN: mlrun %s -e int32 --entry-point-result=i32 | FileCheck %s --check-prefix=I32
// RUN: mlrun %s -e int64 --entry-point-result=i64 -O0 | FileCheck %s --check-prefix=I64
// RUN: mlrun %s -e float32 --entry-point-result=f32 -O1 | FileCheck %s --check-prefix=F32
// RUN: mlrun %s -e float32 | FileCheck %s --check-prefix=F32
// RUN: mlrun %s -e float64 --entry-point-result=f64 | FileCheck %s --check-prefix=F64
// RUN: mlrun %s -e nothing --entry-point-result=void | FileCheck %s --check-prefix=VOID --allow-empty
// REQUIRES: mlir-runner
// RUN: %mlir_runner %s -e int32 -entry-point-result=i32 | FileCheck %s --check-prefix=I32
// RUN: %mlir_runner %s -e int64 -entry-point-result=i64 | FileCheck %s --check-prefix=I64
// RUN: %mlir_runner %s -e float32 | FileCheck %s --check-prefix=F32

// The entry point's result is printed as mlir-runner prints it
// (f32, mlir-runner's default, and f64 with %e).

// I32: {{^}}-42{{$}}
llvm.func @int32() -> i32 {
  %0 = llvm.mlir.constant(-42 : i32) : i32
  llvm.return %0 : i32
}

// I64: {{^}}9000000000{{$}}
llvm.func @int64() -> i64 {
  %0 = llvm.mlir.constant(9000000000 : i64) : i64
  llvm.return %0 : i64
}

// F32: {{^}}3.250000e+00{{$}}
llvm.func @float32() -> f32 {
  %0 = llvm.mlir.constant(3.25 : f32) : f32
  llvm.return %0 : f32
}

// F64: {{^}}1.000000e-01{{$}}
llvm.func @float64() -> f64 {
  %0 = llvm.mlir.constant(0.1 : f64) : f64
  llvm.return %0 : f64
}

// VOID-NOT: {{.}}
llvm.func @nothing() {
  llvm.return
}
