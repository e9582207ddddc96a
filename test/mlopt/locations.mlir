// RUN: mlopt %s --mlir-print-debuginfo | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --mlir-print-debuginfo | FileCheck %s %}
// RUN: mlopt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: mlopt %s --mlir-print-op-generic | mlopt | FileCheck %s --check-prefix=ROUNDTRIP

// Every op keeps the file:line:col of its name in the source, printed as an alias defined after the module.
// CHECK: arith.constant 7 : i32 loc(#[[CONSTANT:loc[0-9]*]])
// CHECK: return %{{.*}} : i32 loc(#[[RETURN:loc[0-9]*]])
// CHECK: } loc(#[[FUNCTION:loc[0-9]*]])

// GENERIC: "builtin.module"() ({
// GENERIC: "func.func"() <{function_type = () -> i32, sym_name = "seven"}> ({
// GENERIC: "arith.constant"() <{value = 7 : i32}> : () -> i32

// ROUNDTRIP: func.func @seven() -> i32
func.func @seven() -> i32 {
  %c = arith.constant 7 : i32
  return %c : i32
}

// CHECK-DAG: #[[CONSTANT]] = loc("{{.*}}locations.mlir":17:8)
// CHECK-DAG: #[[RETURN]] = loc("{{.*}}locations.mlir":18:3)
// CHECK-DAG: #[[FUNCTION]] = loc("{{.*}}locations.mlir":16:1)
