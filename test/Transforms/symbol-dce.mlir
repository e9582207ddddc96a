// RUN: mlopt %s --split-input-file --symbol-dce | FileCheck %s
// RUN: mlopt %s --split-input-file --pass-pipeline='builtin.module(builtin.module(symbol-dce))' | FileCheck %s --check-prefix=NESTED

// Private symbols nothing live refers to are erased, transitively; public
// symbols and what they reach stay.
// CHECK-LABEL: module attributes {test.simple}
// CHECK-NEXT: func.func private @callee()
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: func.func @public()
// CHECK-NEXT: call @callee()
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: memref.global "private" constant @table
// CHECK-NEXT: func.func @reads_table()
module attributes {test.simple} {
  func.func private @dead() {
    func.call @dead_chain() : () -> ()
    return
  }
  func.func private @dead_chain() {
    return
  }
  func.func private @unused_decl(i32)
  func.func private @callee() {
    return
  }
  func.func @public() {
    func.call @callee() : () -> ()
    return
  }
  memref.global "private" constant @table : memref<2xf32> = dense<1.0>
  memref.global "private" constant @dead_table : memref<2xf32> = dense<2.0>
  func.func @reads_table() -> memref<2xf32> {
    %0 = memref.get_global @table : memref<2xf32>
    return %0 : memref<2xf32>
  }
}

// -----

// A private nested module is kept when something refers into it, with all its
// public symbols; an unreferenced one goes. In a public module, symbols of
// nested visibility are discardable (the outermost module is not visible
// from outside), public ones are not.
// CHECK-LABEL: module attributes {test.nested}
// CHECK: module @used attributes {sym_visibility = "private"}
// CHECK-DAG: func.func @referenced()
// CHECK-DAG: func.func @other()
// CHECK-NOT: @unused_module
// CHECK: module @public_module
// CHECK-NEXT: func.func @kept()
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK: func.func @refers() attributes {ref = @used::@referenced}

// Run on the nested modules alone: a public module is visible from outside,
// so its symbols of nested visibility stay.
// NESTED-LABEL: module attributes {test.nested}
// NESTED: module @unused_module
// NESTED: module @public_module
// NESTED-NEXT: func.func @kept()
// NESTED: func.func nested @nested_vis()
// NESTED-NOT: @private_inner
// NESTED: func.func @refers()
module attributes {test.nested} {
  module @used attributes {sym_visibility = "private"} {
    func.func @referenced() {
      return
    }
    func.func @other() {
      return
    }
  }
  module @unused_module attributes {sym_visibility = "private"} {
    func.func @inner() {
      return
    }
  }
  module @public_module {
    func.func @kept() {
      return
    }
    func.func nested @nested_vis() {
      return
    }
    func.func private @private_inner() {
      return
    }
  }
  func.func @refers() attributes {ref = @used::@referenced} {
    return
  }
}
