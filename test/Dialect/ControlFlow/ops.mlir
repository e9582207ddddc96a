// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @cf
// CHECK-SAME: (%[[C:[^ ,:]+]]: i1, %[[A:[^ ,:]+]]: i32, %[[F:[^ ,:]+]]: f32) {
// CHECK: cf.assert %[[C]], "must hold"
// CHECK: cf.br ^bb1(%[[A]], %[[F]] : i32, f32)
// CHECK: ^bb1(%[[X:[^ ,:]+]]: i32, %[[Y:[^ ,:]+]]: f32):
// CHECK: cf.cond_br %[[C]], ^bb2(%[[X]] : i32), ^bb3
// CHECK: ^bb2(%[[Z:[^ ,:]+]]: i32):
// CHECK: cf.switch %[[Z]] : i32, [
// CHECK: default: ^bb3,
// CHECK: 42: ^bb4(%[[Y]] : f32),
// CHECK: -7: ^bb3
// CHECK: ]
// CHECK: ^bb3:
// CHECK: return
// CHECK: ^bb4(%[[W:[^ ,:]+]]: f32):
// CHECK: cf.cond_br %[[C]] weights([10, 90]), ^bb3, ^bb4(%[[W]] : f32)
func.func @cf(%c: i1, %a: i32, %f: f32) {
  cf.assert %c, "must hold"
  cf.br ^bb1(%a, %f : i32, f32)
^bb1(%x: i32, %y: f32):
  cf.cond_br %c, ^bb2(%x : i32), ^bb3
^bb2(%z: i32):
  cf.switch %z : i32, [
    default: ^bb3,
    42: ^bb4(%y : f32),
    -7: ^bb3
  ]
^bb3:
  return
^bb4(%w: f32):
  cf.cond_br %c, ^bb3, ^bb4(%w : f32) {branch_weights = array<i32: 10, 90>}
}

// -----

// CHECK-LABEL: func.func @switch_empty
// CHECK-SAME: (%[[I:[^ ,:]+]]: i64) {
// CHECK: cf.switch %[[I]] : i64, [
// CHECK: default: ^bb1
// CHECK: ]
// CHECK: ^bb1:
// CHECK: return
func.func @switch_empty(%i: i64) {
  cf.switch %i : i64, [
    default: ^bb1
  ]
^bb1:
  return
}

// -----

// CHECK-LABEL: func.func @loop_header
// CHECK-SAME: (%[[N:[^ ,:]+]]: index) {
// CHECK: %[[C0:[^ ,:]+]] = arith.constant 0 : index
// CHECK: cf.br ^[[BB_HDR:bb[0-9]+]](%[[C0]] : index)
// CHECK: ^[[BB_HDR]](%[[I:[^ ,:]+]]: index):
// CHECK: %[[C:[^ ,:]+]] = arith.cmpi slt, %[[I]], %[[N]] : index
// CHECK: cf.cond_br %[[C]], ^[[BB_BODY:bb[0-9]+]], ^[[BB_EXIT:bb[0-9]+]]
// CHECK: ^[[BB_BODY]]:
// CHECK: %[[C1:[^ ,:]+]] = arith.constant 1 : index
// CHECK: %[[N1:[^ ,:]+]] = arith.addi %[[I]], %[[C1]] : index
// CHECK: cf.br ^[[BB_HDR]](%[[N1]] : index)
// CHECK: ^[[BB_EXIT]]:
// CHECK: return
func.func @loop_header(%n: index) {
  %c0 = arith.constant 0 : index
  cf.br ^hdr(%c0 : index)
^hdr(%i: index):
  %c = arith.cmpi slt, %i, %n : index
  cf.cond_br %c, ^body, ^exit
^body:
  %c1 = arith.constant 1 : index
  %n1 = arith.addi %i, %c1 : index
  cf.br ^hdr(%n1 : index)
^exit:
  return
}
