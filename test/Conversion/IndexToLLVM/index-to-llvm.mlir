// RUN: mlopt %s --convert-index-to-llvm | FileCheck %s
// RUN: mlopt %s --convert-index-to-llvm='index-bitwidth=32' | FileCheck %s --check-prefix=IDX32

// CHECK-LABEL: func.func @ops
// IDX32-LABEL: func.func @ops
func.func @ops(%a: index, %b: index, %i: i32) -> (index, i1, i64, index, index, index, index) {
  // CHECK: llvm.add %{{.*}}, %{{.*}} : i64
  // IDX32: llvm.add %{{.*}}, %{{.*}} : i32
  %0 = index.add %a, %b
  // CHECK: llvm.icmp "slt" %{{.*}}, %{{.*}} : i64
  %1 = index.cmp slt(%a, %b)
  // CHECK-NOT: llvm.sext
  // IDX32: llvm.sext %{{.*}} : i32 to i64
  %2 = index.casts %a : index to i64
  // CHECK: llvm.zext %{{.*}} : i32 to i64
  %3 = index.castu %i : i32 to index
  // CHECK: llvm.mlir.constant(64 : i64) : i64
  // IDX32: llvm.mlir.constant(32 : i32) : i32
  %4 = index.sizeof
  // CHECK: llvm.intr.smax(%{{.*}}, %{{.*}}) : (i64, i64) -> i64
  %5 = index.maxs %a, %b
  // CHECK: llvm.sdiv
  // CHECK: llvm.select
  %6 = index.floordivs %a, %b
  return %0, %1, %2, %3, %4, %5, %6 : index, i1, i64, index, index, index, index
}
