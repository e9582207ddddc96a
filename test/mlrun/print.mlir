// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlrun %s -e main --entry-point-result=void -O3 | FileCheck %s
// REQUIRES: mlir-runner
// RUN: %mlir_runner %s -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so.22.1,%mlir_lib_dir/libmlir_c_runner_utils.so.22.1 | FileCheck %s

// The built-in runner utilities print exactly what upstream's libraries print
// (the second RUN line checks the same lines against mlir-runner), and stay in
// order with what the C library prints.

llvm.func @printMemrefF32(i64, !llvm.ptr)
llvm.func @printMemrefI64(i64, !llvm.ptr)
llvm.func @printF32(f32)
llvm.func @printF64(f64)
llvm.func @printI64(i64)
llvm.func @printU64(i64)
llvm.func @printNewline()
llvm.func @printOpen()
llvm.func @printClose()
llvm.func @printComma()
llvm.func @puts(!llvm.ptr) -> i32

llvm.mlir.global private constant @matrix(dense<[[1.5, -2.0, 3.25], [0.1, 1.0e10, -0.0]]> : tensor<2x3xf32>) {addr_space = 0 : i32} : !llvm.array<2 x array<3 x f32>>
llvm.mlir.global private constant @vector(dense<[7, -8, 9000000000]> : tensor<3xi64>) {addr_space = 0 : i32} : !llvm.array<3 x i64>
llvm.mlir.global private constant @text("from libc\00") {addr_space = 0 : i32} : !llvm.array<10 x i8>

// Prints a memref described by (pointer, offset, sizes, strides) through printMemrefF32.
llvm.func @print_2d(%data: !llvm.ptr, %offset: i64, %rows: i64, %cols: i64, %s0: i64, %s1: i64) {
  %0 = llvm.mlir.poison : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
  %1 = llvm.insertvalue %data, %0[0] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
  %2 = llvm.insertvalue %data, %1[1] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
  %3 = llvm.insertvalue %offset, %2[2] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
  %4 = llvm.insertvalue %rows, %3[3, 0] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
  %5 = llvm.insertvalue %cols, %4[3, 1] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
  %6 = llvm.insertvalue %s0, %5[4, 0] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
  %7 = llvm.insertvalue %s1, %6[4, 1] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
  %one = llvm.mlir.constant(1 : i64) : i64
  %two = llvm.mlir.constant(2 : i64) : i64
  %slot = llvm.alloca %one x !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)> : (i64) -> !llvm.ptr
  llvm.store %7, %slot : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>, !llvm.ptr
  llvm.call @printMemrefF32(%two, %slot) : (i64, !llvm.ptr) -> ()
  llvm.return
}

llvm.func @main() {
  %m = llvm.mlir.addressof @matrix : !llvm.ptr
  %c0 = llvm.mlir.constant(0 : i64) : i64
  %c1 = llvm.mlir.constant(1 : i64) : i64
  %c2 = llvm.mlir.constant(2 : i64) : i64
  %c3 = llvm.mlir.constant(3 : i64) : i64
  // CHECK: Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [2, 3] strides = [3, 1] data = {{$}}
  // CHECK-NEXT: {{^}}{{\[\[}}1.5,   -2,   3.25], {{$}}
  // CHECK-NEXT: {{^}} [0.1,   1e+10,   -0]]{{$}}
  llvm.call @print_2d(%m, %c0, %c2, %c3, %c3, %c1) : (!llvm.ptr, i64, i64, i64, i64, i64) -> ()
  // A transposed view with an offset: rows of the second and third columns.
  // CHECK: rank = 2 offset = 1 sizes = [2, 2] strides = [1, 3] data = {{$}}
  // CHECK-NEXT: {{^}}{{\[\[}}-2,   1e+10], {{$}}
  // CHECK-NEXT: {{^}} [3.25,   -0]]{{$}}
  llvm.call @print_2d(%m, %c1, %c2, %c2, %c1, %c3) : (!llvm.ptr, i64, i64, i64, i64, i64) -> ()

  %v = llvm.mlir.addressof @vector : !llvm.ptr
  %u0 = llvm.mlir.poison : !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
  %u1 = llvm.insertvalue %v, %u0[0] : !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
  %u2 = llvm.insertvalue %v, %u1[1] : !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
  %u3 = llvm.insertvalue %c0, %u2[2] : !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
  %u4 = llvm.insertvalue %c3, %u3[3, 0] : !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
  %u5 = llvm.insertvalue %c1, %u4[4, 0] : !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
  %slot = llvm.alloca %c1 x !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)> : (i64) -> !llvm.ptr
  llvm.store %u5, %slot : !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>, !llvm.ptr
  // CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 1 offset = 0 sizes = [3] strides = [1] data = {{$}}
  // CHECK-NEXT: {{^}}[7,  -8,  9000000000]{{$}}
  llvm.call @printMemrefI64(%c1, %slot) : (i64, !llvm.ptr) -> ()

  // CHECK-NEXT: {{^}}( 0.333333, -1e-07, 1.23457e+08, inf, -nan ){{$}}
  %third = llvm.mlir.constant(0.333333333 : f64) : f64
  %small = llvm.mlir.constant(-1.0e-7 : f32) : f32
  %big = llvm.mlir.constant(123456789.0 : f64) : f64
  %inf = llvm.mlir.constant(0x7FF0000000000000 : f64) : f64
  %nan = llvm.mlir.constant(0xFFF8000000000000 : f64) : f64
  llvm.call @printOpen() : () -> ()
  llvm.call @printF64(%third) : (f64) -> ()
  llvm.call @printComma() : () -> ()
  llvm.call @printF32(%small) : (f32) -> ()
  llvm.call @printComma() : () -> ()
  llvm.call @printF64(%big) : (f64) -> ()
  llvm.call @printComma() : () -> ()
  llvm.call @printF64(%inf) : (f64) -> ()
  llvm.call @printComma() : () -> ()
  llvm.call @printF64(%nan) : (f64) -> ()
  llvm.call @printClose() : () -> ()
  llvm.call @printNewline() : () -> ()
  // CHECK-NEXT: {{^}}-5, 18446744073709551611{{$}}
  %m5 = llvm.mlir.constant(-5 : i64) : i64
  llvm.call @printI64(%m5) : (i64) -> ()
  llvm.call @printComma() : () -> ()
  llvm.call @printU64(%m5) : (i64) -> ()
  llvm.call @printNewline() : () -> ()
  // CHECK-NEXT: {{^}}from libc{{$}}
  %t = llvm.mlir.addressof @text : !llvm.ptr
  %r = llvm.call @puts(%t) : (!llvm.ptr) -> i32
  // CHECK-NEXT: {{^}}1{{$}}
  llvm.call @printI64(%c1) : (i64) -> ()
  llvm.call @printNewline() : () -> ()
  llvm.return
}
