// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s

// CHECK-LABEL: func.func private @decl
// CHECK-SAME: (i32, f32) -> (i64, f64)
// CHECK-LABEL: func.func private @decl_attrs
// CHECK-SAME: (i32 {my.noalias}, memref<?xf32> {my.foo = 1 : i32}) -> (i32 {my.bar}) attributes {baz}
// CHECK-LABEL: func.func nested @nested_vis
// CHECK-SAME: ()
// CHECK-LABEL: func.func @ret_attr
// CHECK-SAME: () -> (f32 {my.attr = 1.000000e+00 : f32}, i32) {
// CHECK: %[[C:[^ ,:]+]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[I:[^ ,:]+]] = arith.constant 1 : i32
// CHECK: return %[[C]], %[[I]] : f32, i32
func.func private @decl(i32, f32) -> (i64, f64)
func.func private @decl_attrs(i32 {my.noalias}, memref<?xf32> {my.foo = 1 : i32}) -> (i32 {my.bar}) attributes {baz}
func.func nested @nested_vis()
func.func @ret_attr() -> (f32 {my.attr = 1.0 : f32}, i32) {
  %c = arith.constant 1.0 : f32
  %i = arith.constant 1 : i32
  return %c, %i : f32, i32
}

// -----

// CHECK-LABEL: func.func @calls
// CHECK-SAME: (%[[A:[^ ,:]+]]: i32, %[[F:[^ ,:]+]]: (i32) -> i32) -> i32 {
// CHECK: %[[N0:[^ ,:]+]] = call @calls(%[[A]], %[[F]]) : (i32, (i32) -> i32) -> i32
// CHECK: %[[N1:[^ ,:]+]] = call @calls(%[[N0]], %[[F]]) {attr} : (i32, (i32) -> i32) -> i32
// CHECK: %[[N2:[^ ,:]+]] = call_indirect %[[F]](%[[N1]]) : (i32) -> i32
// CHECK: %[[N3:[^ ,:]+]] = call_indirect %[[F]](%[[N2]]) : (i32) -> i32
// CHECK: %[[G:[^ ,:]+]] = constant @calls : (i32, (i32) -> i32) -> i32
// CHECK: %[[N4:[^ ,:]+]] = constant @calls : (i32, (i32) -> i32) -> i32
// CHECK: return %[[N3]] : i32
func.func @calls(%a: i32, %f: (i32) -> i32) -> i32 {
  %0 = call @calls(%a, %f) : (i32, (i32) -> i32) -> i32
  %1 = func.call @calls(%0, %f) {attr} : (i32, (i32) -> i32) -> i32
  %2 = call_indirect %f(%1) : (i32) -> i32
  %3 = func.call_indirect %f(%2) : (i32) -> i32
  %g = constant @calls : (i32, (i32) -> i32) -> i32
  %4 = func.constant @calls : (i32, (i32) -> i32) -> i32
  func.return %3 : i32
}

// -----

// CHECK-LABEL: func.func @no_return_type
// CHECK-SAME: () attributes {llvm.emit_c_interface} {
// CHECK: return
// CHECK-LABEL: func.func public @pub
// CHECK-SAME: (%[[X:[^ ,:]+]]: index) -> index {
// CHECK: return %[[X]] : index
// CHECK-LABEL: func.func @multi_block
// CHECK-SAME: (%[[C:[^ ,:]+]]: i1) -> i32 {
// CHECK: cf.cond_br %[[C]], ^bb1, ^bb2
// CHECK: ^bb1:
// CHECK: %[[A:[^ ,:]+]] = arith.constant 1 : i32
// CHECK: cf.br ^bb3(%[[A]] : i32)
// CHECK: ^bb2:
// CHECK: %[[B:[^ ,:]+]] = arith.constant 2 : i32
// CHECK: cf.br ^bb3(%[[B]] : i32)
// CHECK: ^bb3(%[[R:[^ ,:]+]]: i32):
// CHECK: return %[[R]] : i32
func.func @no_return_type() attributes {llvm.emit_c_interface} {
  return
}
func.func public @pub(%x: index) -> index {
  return %x : index
}
func.func @multi_block(%c: i1) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %a = arith.constant 1 : i32
  cf.br ^bb3(%a : i32)
^bb2:
  %b = arith.constant 2 : i32
  cf.br ^bb3(%b : i32)
^bb3(%r: i32):
  return %r : i32
}

// -----

// CHECK-LABEL: func.func private @fn_result
// CHECK-SAME: () -> ((i32) -> i32)
func.func private @fn_result() -> ((i32) -> i32)

// -----

// CHECK-LABEL: func.func @no_inline
// CHECK-SAME: () attributes {no_inline} {
// CHECK: return
// CHECK-LABEL: func.func @arg_attrs
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?xf32> {llvm.noalias, llvm.readonly}, %[[B:[^ ,:]+]]: i32 {llvm.signext}) -> (i32 {llvm.zeroext}) {
// CHECK: return %[[B]] : i32
func.func @no_inline() attributes {no_inline} {
  return
}
func.func @arg_attrs(%a: memref<?xf32> {llvm.noalias, llvm.readonly}, %b: i32 {llvm.signext}) -> (i32 {llvm.zeroext}) {
  return %b : i32
}
