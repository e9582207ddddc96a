// gpu.printf from every thread of a kernel, with arguments of several
// widths: an index, an f32 (printed as a double), an i8 as %d (sign-extended)
// and as %c, and an i64.
// REQUIRES: cuda-gpu
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --gpu-lower-to-nvvm-pipeline | mlrun -e main --entry-point-result=void | FileCheck %s

// The threads' lines come in any order:
// CHECK-DAG: thread 0: 0.0 -3 x 1099511627776
// CHECK-DAG: thread 1: 0.5 -3 x 1099511627776
// CHECK-DAG: thread 2: 1.0 -3 x 1099511627776
// CHECK-DAG: thread 3: 1.5 -3 x 1099511627776
// CHECK: after the kernel
func.func @main() {
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %half = arith.constant 0.5 : f32
  %small = arith.constant -3 : i8
  %letter = arith.constant 120 : i8
  %big = arith.constant 1099511627776 : i64
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c4, %sy = %c1, %sz = %c1) {
    %t = arith.index_cast %tx : index to i32
    %tf = arith.sitofp %t : i32 to f32
    %value = arith.mulf %tf, %half : f32
    gpu.printf "thread %lld: %.1f %d %c %lld\n", %tx, %value, %small, %letter, %big : index, f32, i8, i8, i64
    gpu.terminator
  }
  %message = llvm.mlir.addressof @message : !llvm.ptr
  llvm.call @puts(%message) : (!llvm.ptr) -> i32
  return
}
llvm.mlir.global internal constant @message("after the kernel\00") {addr_space = 0 : i32}
llvm.func @puts(!llvm.ptr) -> i32
