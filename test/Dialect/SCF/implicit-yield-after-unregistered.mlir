// RUN: mlopt %s --allow-unregistered-dialect --mlir-print-op-generic | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --allow-unregistered-dialect --mlir-print-op-generic | FileCheck %s %}

// An unregistered op is no terminator: the regions that end in one still get
// their implicit scf.yield.
// CHECK-LABEL: "func.func"
// CHECK: "scf.if"
// CHECK-NEXT: "ext.then"() : () -> ()
// CHECK-NEXT: "scf.yield"() : () -> ()
// CHECK-NEXT: }, {
// CHECK-NEXT: "ext.else"() : () -> ()
// CHECK-NEXT: "scf.yield"() : () -> ()
func.func @ends_in_unregistered_ops(%c: i1) {
  scf.if %c {
    "ext.then"() : () -> ()
  } else {
    "ext.else"() : () -> ()
  }
  return
}
