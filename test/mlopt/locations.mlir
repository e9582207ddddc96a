// RUN: mlopt %s --mlir-print-debuginfo | FileCheck %s
// RUN: mlopt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: mlopt %s --mlir-print-op-generic | mlopt | FileCheck %s --check-prefix=ROUNDTRIP

// Every op keeps the file:line:col of its name in the source.
// CHECK: arith.constant 7 : i32 loc("{{.*}}locations.mlir":16:8)
// CHECK: return %{{.*}} : i32 loc("{{.*}}locations.mlir":17:3)
// CHECK: loc("{{.*}}locations.mlir":15:1)

// GENERIC: "builtin.module"() ({
// GENERIC: "func.func"() <{function_type = () -> i32, sym_name = "seven"}> ({
// GENERIC: "arith.constant"() <{value = 7 : i32}> : () -> i32

// ROUNDTRIP: func.func @seven() -> i32
func.func @seven() -> i32 {
  %c = arith.constant 7 : i32
  return %c : i32
}
