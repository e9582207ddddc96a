// RUN: mlopt %s --convert-cf-to-llvm | FileCheck %s

// Declarations and globals go first in the module.
// CHECK-DAG: llvm.func @abort()
// CHECK-DAG: llvm.func @puts(!llvm.ptr)
// CHECK-DAG: llvm.mlir.global private constant @assert_msg(dense<[98, 111, 111, 109, 0]> : tensor<5xi8>)

// The blocks branched to get llvm types; their old-typed uses see casts.
// CHECK-LABEL: func.func @branches
func.func @branches(%a: index) -> index {
  %c1 = arith.constant 1 : index
  // CHECK: %[[A:.*]] = builtin.unrealized_conversion_cast %{{.*}} : index to i64
  // CHECK: llvm.br ^[[LOOP:.*]](%[[A]] : i64)
  cf.br ^loop(%a : index)
// CHECK: ^[[LOOP]](%[[I:.*]]: i64):
// CHECK: builtin.unrealized_conversion_cast %[[I]] : i64 to index
^loop(%i: index):
  %j = arith.addi %i, %c1 : index
  %b = arith.cmpi slt, %j, %c1 : index
  // CHECK: llvm.cond_br %{{.*}}, ^[[LOOP]](%{{.*}} : i64), ^{{.*}}
  cf.cond_br %b, ^loop(%j : index), ^exit
^exit:
  return %j : index
}

// CHECK-LABEL: func.func @switch
func.func @switch(%x: i32) -> i32 {
  // CHECK: llvm.switch %{{.*}} : i32, ^[[DEFAULT:[^ ]*]](%{{.*}} : i32) [
  // CHECK-NEXT: 42: ^[[CASE:[^ ,]*]],
  // CHECK-NEXT: 43: ^[[DEFAULT]](%{{.*}} : i32)
  // CHECK-NEXT: ]
  cf.switch %x : i32, [
    default: ^bb1(%x : i32),
    42: ^bb2,
    43: ^bb1(%x : i32)
  ]
^bb1(%a: i32):
  return %a : i32
^bb2:
  %c = arith.constant 7 : i32
  cf.br ^bb1(%c : i32)
}

// A failed assert prints its message with puts and aborts.
// CHECK-LABEL: func.func @assert
func.func @assert(%c: i1) {
  // CHECK: llvm.cond_br %{{.*}}, ^[[OK:.*]], ^[[FAIL:.*]]
  // CHECK: ^[[OK]]:
  // CHECK-NEXT: return
  // CHECK: ^[[FAIL]]:
  // CHECK-NEXT: %[[MSG:.*]] = llvm.mlir.addressof @assert_msg : !llvm.ptr
  // CHECK: llvm.call @puts
  // CHECK-NEXT: llvm.call @abort() : () -> ()
  // CHECK-NEXT: llvm.unreachable
  cf.assert %c, "boom"
  return
}
