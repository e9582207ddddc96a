// RUN: mltranslate --mlir-to-llvmir %s | FileCheck %s

// Block arguments become phis; a terminator that reaches one block along two
// edges goes through an extra block for the second edge.

// CHECK-LABEL: define i64 @loop(i64 %0)
llvm.func @loop(%n: i64) -> i64 {
  %c0 = llvm.mlir.constant(0 : i64) : i64
  %c1 = llvm.mlir.constant(1 : i64) : i64
  // CHECK: br label %[[HEAD:[0-9]+]]
  llvm.br ^head(%c0, %c0 : i64, i64)
// CHECK: [[HEAD]]:
// CHECK-NEXT: %[[I:[0-9]+]] = phi i64 [ 0, %{{[0-9]+}} ], [ %[[NEXT:[0-9]+]], %[[BODY:[0-9]+]] ]
// CHECK-NEXT: %[[SUM:[0-9]+]] = phi i64 [ 0, %{{[0-9]+}} ], [ %{{[0-9]+}}, %[[BODY]] ]
^head(%i: i64, %sum: i64):
  %cond = llvm.icmp "slt" %i, %n : i64
  // CHECK: br i1 %{{[0-9]+}}, label %[[BODY]], label %[[EXIT:[0-9]+]]
  llvm.cond_br %cond, ^body, ^exit
// CHECK: [[BODY]]:
^body:
  %s = llvm.add %sum, %i : i64
  // CHECK: %[[NEXT]] = add i64 %[[I]], 1
  %next = llvm.add %i, %c1 : i64
  llvm.br ^head(%next, %s : i64, i64)
// CHECK: [[EXIT]]:
// CHECK-NEXT: ret i64 %[[SUM]]
^exit:
  llvm.return %sum : i64
}

// CHECK-LABEL: define i64 @classify(i32 %0)
llvm.func @classify(%x: i32) -> i64 {
  %a = llvm.mlir.constant(-1 : i64) : i64
  %b = llvm.mlir.constant(100 : i64) : i64
  // CHECK: switch i32 %0, label %[[JOIN:[0-9]+]] [
  // CHECK-NEXT: i32 1, label %[[SPLIT:[0-9]+]]
  // CHECK-NEXT: i32 5, label %[[FIVE:[0-9]+]]
  llvm.switch %x : i32, ^join(%a : i64) [
    1: ^join(%b : i64),
    5: ^five
  ]
^five:
  %w = llvm.sext %x : i32 to i64
  llvm.br ^join(%w : i64)
// CHECK: [[JOIN]]:
// CHECK-NEXT: phi i64 [ -1, %{{[0-9]+}} ], [ 100, %[[SPLIT]] ], [ %{{[0-9]+}}, %[[FIVE]] ]
^join(%r: i64):
  llvm.return %r : i64
// CHECK: [[SPLIT]]:
// CHECK-NEXT: br label %[[JOIN]]
}

// CHECK-LABEL: define void @dead_end()
llvm.func @dead_end() {
  // CHECK-NEXT: unreachable
  llvm.unreachable
}
