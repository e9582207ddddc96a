// Custom forms that mlir-opt 22 prints this way; the same CHECK lines hold for both.
// RUN: mlopt %s | FileCheck %s --strict-whitespace
// RUN: %if mlir-opt %{ %mlir_opt %s | FileCheck %s --strict-whitespace %}

// Overflow flags are separated by ", " (fastmath flags by ",").
// CHECK-LABEL: func.func @flags
func.func @flags(%a: i32, %b: i32, %x: f32) {
  // CHECK-NEXT: arith.addi %arg0, %arg1 overflow<nsw, nuw> : i32
  // CHECK-NEXT: arith.trunci %arg0 overflow<nsw, nuw> : i32 to i16
  // CHECK-NEXT: llvm.add %arg0, %arg1 overflow<nsw, nuw> : i32
  // CHECK-NEXT: arith.addf %arg2, %arg2 fastmath<nnan,ninf> : f32
  %0 = arith.addi %a, %b overflow<nuw, nsw> : i32
  %1 = arith.trunci %a overflow<nsw,nuw> : i32 to i16
  %2 = llvm.add %a, %b overflow<nsw, nuw> : i32
  %3 = arith.addf %x, %x fastmath<ninf, nnan> : f32
  return
}

// The cases of cf.switch, the default one included, are indented one level
// deeper than the op.
// CHECK-LABEL: func.func @switch
func.func @switch(%flag: i32, %a: i32) {
  // CHECK-NEXT: {{^}}    cf.switch %arg0 : i32, [
  // CHECK-NEXT: {{^}}      default: ^bb1(%arg1 : i32),
  // CHECK-NEXT: {{^}}      42: ^bb2
  // CHECK-NEXT: {{^}}    ]
  cf.switch %flag : i32, [
    default: ^bb1(%a : i32),
    42: ^bb2
  ]
^bb1(%x: i32):
  return
^bb2:
  return
}

// func.constant names its result %f.
func.func private @callee(i32) -> i32
// CHECK-LABEL: func.func @constants
func.func @constants() -> ((i32) -> i32, (i32) -> i32) {
  // CHECK-NEXT: %f = constant @callee : (i32) -> i32
  // CHECK-NEXT: %f_0 = constant @callee : (i32) -> i32
  // CHECK-NEXT: return %f, %f_0
  %0 = func.constant @callee : (i32) -> i32
  %1 = func.constant @callee : (i32) -> i32
  return %0, %1 : (i32) -> i32, (i32) -> i32
}
