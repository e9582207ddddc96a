// RUN: mltranslate --mlir-to-llvmir %s | FileCheck %s

// CHECK-DAG: @table = private constant [2 x [3 x float]] {{\[}}[3 x float] [float 1.000000e+00, float 2.000000e+00, float 3.000000e+00], [3 x float] [float 4.000000e+00, float 5.000000e+00, float 6.000000e+00]]
llvm.mlir.global private constant @table(dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>) {addr_space = 0 : i32} : !llvm.array<2 x array<3 x f32>>
// CHECK-DAG: @counter = global i64 7, align 8
llvm.mlir.global external @counter(7 : i64) {addr_space = 0 : i32, alignment = 8 : i64} : i64
// CHECK-DAG: @message = internal constant [7 x i8] c"hello\0A\00"
llvm.mlir.global internal constant @message("hello\0A\00") {addr_space = 0 : i32} : !llvm.array<7 x i8>
// CHECK-DAG: @extern_value = external global i32
llvm.mlir.global external @extern_value() {addr_space = 0 : i32} : i32
// CHECK-DAG: @pair = global { i32, ptr } { i32 5, ptr @counter }
llvm.mlir.global external @pair() {addr_space = 0 : i32} : !llvm.struct<(i32, ptr)> {
  %0 = llvm.mlir.undef : !llvm.struct<(i32, ptr)>
  %1 = llvm.mlir.constant(5 : i32) : i32
  %2 = llvm.insertvalue %1, %0[0] : !llvm.struct<(i32, ptr)>
  %3 = llvm.mlir.addressof @counter : !llvm.ptr
  %4 = llvm.insertvalue %3, %2[1] : !llvm.struct<(i32, ptr)>
  llvm.return %4 : !llvm.struct<(i32, ptr)>
}

// CHECK-LABEL: define float @memory(i64 %0)
llvm.func @memory(%i: i64) -> f32 {
  %one = llvm.mlir.constant(1 : i64) : i64
  // CHECK: alloca { ptr, ptr, i64, [2 x i64], [2 x i64] }, i64 1, align 8
  %buf = llvm.alloca %one x !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)> {alignment = 8 : i64} : (i64) -> !llvm.ptr
  %t = llvm.mlir.addressof @table : !llvm.ptr
  // CHECK: getelementptr inbounds nuw [2 x [3 x float]], ptr @table, i32 0, i32 1, i64 %0
  %p = llvm.getelementptr inbounds|nuw %t[0, 1, %i] : (!llvm.ptr, i64) -> !llvm.ptr, !llvm.array<2 x array<3 x f32>>
  // CHECK: load float, ptr %{{[0-9]+}}, align 4
  %v = llvm.load %p {alignment = 4 : i64} : !llvm.ptr -> f32
  // CHECK: store float %{{[0-9]+}}, ptr %{{[0-9]+}}
  llvm.store %v, %buf : f32, !llvm.ptr
  // CHECK: getelementptr nusw float, ptr %{{[0-9]+}}, i64 %0
  %q = llvm.getelementptr nusw %buf[%i] : (!llvm.ptr, i64) -> !llvm.ptr, f32
  %c = llvm.mlir.addressof @counter : !llvm.ptr
  // CHECK: ptrtoint ptr @counter to i64
  %n = llvm.ptrtoint %c : !llvm.ptr to i64
  // CHECK: inttoptr i64 %{{[0-9]+}} to ptr
  %back = llvm.inttoptr %n : i64 to !llvm.ptr
  // CHECK: load i64, ptr %{{[0-9]+}}
  %reload = llvm.load %back : !llvm.ptr -> i64
  %poison = llvm.mlir.poison : !llvm.struct<(f32, i64)>
  // CHECK: insertvalue { float, i64 } poison, float %{{[0-9]+}}, 0
  %s = llvm.insertvalue %v, %poison[0] : !llvm.struct<(f32, i64)>
  // CHECK: extractvalue { float, i64 } %{{[0-9]+}}, 0
  %e = llvm.extractvalue %s[0] : !llvm.struct<(f32, i64)>
  llvm.return %e : f32
}

// CHECK-LABEL: define i32 @atomics(ptr %0, i32 %1, float %2)
llvm.func @atomics(%p: !llvm.ptr, %v: i32, %f: f32) -> i32 {
  // CHECK: atomicrmw add ptr %0, i32 %1 acq_rel
  %0 = llvm.atomicrmw add %p, %v acq_rel : !llvm.ptr, i32
  // MLIR's _and is LLVM's and.
  // CHECK: atomicrmw and ptr %0, i32 %1 monotonic, align 4
  %1 = llvm.atomicrmw _and %p, %v monotonic {alignment = 4 : i64} : !llvm.ptr, i32
  // CHECK: atomicrmw volatile fadd ptr %0, float %2 seq_cst
  %2 = llvm.atomicrmw volatile fadd %p, %f seq_cst : !llvm.ptr, f32
  llvm.return %1 : i32
}
