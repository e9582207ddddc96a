// RUN: mlopt %s --convert-to-llvm | FileCheck %s

// Every dialect at once; nothing is left outside the llvm dialect.
// CHECK-NOT: builtin.unrealized_conversion_cast
// CHECK-LABEL: llvm.func @f(
// CHECK-SAME: %{{[^:]*}}: !llvm.ptr, %{{[^:]*}}: !llvm.ptr, %{{[^:]*}}: i64, %{{[^:]*}}: i64, %{{[^:]*}}: i64, %[[N:[^:]*]]: i64) -> f32
func.func @f(%m: memref<?xf32>, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  // CHECK: llvm.br ^[[LOOP:.*]](%{{.*}}, %{{.*}} : i64, f32)
  %zero = arith.constant 0.0 : f32
  cf.br ^loop(%c0, %zero : index, f32)
// CHECK: ^[[LOOP]](%[[I:.*]]: i64, %[[ACC:.*]]: f32):
^loop(%i: index, %acc: f32):
  // CHECK: llvm.icmp "slt" %[[I]], %[[N]] : i64
  %c = arith.cmpi slt, %i, %n : index
  cf.cond_br %c, ^body, ^exit
^body:
  // CHECK: llvm.load %{{.*}} : !llvm.ptr -> f32
  %v = memref.load %m[%i] : memref<?xf32>
  // CHECK: llvm.intr.exp
  %e = math.exp %v : f32
  %s = arith.addf %acc, %e : f32
  %one = arith.constant 1 : index
  %next = arith.addi %i, %one : index
  cf.br ^loop(%next, %s : index, f32)
^exit:
  // CHECK: llvm.return %[[ACC]] : f32
  return %acc : f32
}
