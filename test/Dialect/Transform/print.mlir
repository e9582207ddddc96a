// RUN: mlopt %s --transform-interpreter | FileCheck %s

// transform.print writes the payload ops of a handle (or the whole payload) to stdout.

// CHECK:      {{\[\[\[}} IR printer: adds ]]]
// CHECK-NEXT: %0 = arith.addi %{{.*}}, %{{.*}} : index
// CHECK-NEXT: {{\[\[\[}} IR printer: ]]]
// CHECK-NEXT: %0 = arith.addi
// CHECK-NEXT: {{\[\[\[}} IR printer: top-level ]]]
// CHECK-NEXT: module {
// CHECK-NEXT:   func.func @f
func.func @f(%x: index) -> index {
  %0 = arith.addi %x, %x : index
  return %0 : index
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %adds = transform.structured.match ops{["arith.addi"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.print %adds {name = "adds"} : !transform.any_op
    transform.print %adds : !transform.any_op
    transform.print
    transform.yield
  }
}
