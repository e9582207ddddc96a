// With --mlir-print-debuginfo, locations print as aliases numbered as upstream
// numbers them: each op's as the op begins, a block argument's where it is
// printed (defined before the module, used in place), a location's parts
// before it and locations made of aliased ones last; the others are defined
// after the module.
// RUN: mlopt %s --mlir-print-debuginfo | FileCheck %s
// RUN: mlopt %s --mlir-print-debuginfo | mlopt --mlir-print-debuginfo | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --mlir-print-debuginfo | FileCheck %s %}

// CHECK: #loc2 = loc("{{.*}}location-aliases.mlir":[[# @LINE + 13]]:14)
// CHECK-NEXT: #loc8 = loc("{{.*}}location-aliases.mlir":[[# @LINE + 18]]:6)
// CHECK-NEXT: module {
// CHECK-NEXT: func.func @f(%arg0: i32 loc("{{.*}}location-aliases.mlir":[[# @LINE + 10]]:14)) -> i32 {
// CHECK-NEXT:   arith.addi %arg0, %arg0 : i32 loc(#loc3)
// CHECK-NEXT:   arith.muli %0, %arg0 : i32 loc(#loc4)
// CHECK-NEXT:   arith.muli %1, %arg0 : i32 loc(#loc4)
// CHECK-NEXT:   arith.muli %2, %arg0 : i32 loc(#loc10)
// CHECK-NEXT:   cf.br ^bb1(%3 : i32) loc(#loc7)
// CHECK-NEXT: ^bb1(%4: i32 loc("{{.*}}location-aliases.mlir":[[# @LINE + 10]]:6)):
// CHECK-NEXT:   return %4 : i32 loc(#loc9)
// CHECK-NEXT: } loc(#loc1)
// CHECK-NEXT: } loc(#loc)
func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.muli %0, %a : i32 loc("x.mlir":3:4)
  %2 = arith.muli %1, %a : i32 loc("x.mlir":3:4)
  %3 = arith.muli %2, %a : i32 loc(fused["a", "b"])
  cf.br ^bb1(%3 : i32)
^bb1(%x: i32):
  return %x : i32
}
// CHECK-NEXT: #loc = loc("{{.*}}location-aliases.mlir":0:0)
// CHECK-NEXT: #loc1 = loc("{{.*}}location-aliases.mlir":[[# @LINE - 10]]:1)
// CHECK-NEXT: #loc3 = loc("{{.*}}location-aliases.mlir":[[# @LINE - 10]]:8)
// CHECK-NEXT: #loc4 = loc("x.mlir":3:4)
// CHECK-NEXT: #loc5 = loc("a")
// CHECK-NEXT: #loc6 = loc("b")
// CHECK-NEXT: #loc7 = loc("{{.*}}location-aliases.mlir":[[# @LINE - 10]]:3)
// CHECK-NEXT: #loc9 = loc("{{.*}}location-aliases.mlir":[[# @LINE - 9]]:3)
// CHECK-NEXT: #loc10 = loc(fused[#loc5, #loc6])
