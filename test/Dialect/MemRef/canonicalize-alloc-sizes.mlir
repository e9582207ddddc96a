// RUN: mlopt %s --allow-unregistered-dialect --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --allow-unregistered-dialect --canonicalize | FileCheck %s %}

// Constant sizes become static and the allocation is cast back to the type it
// had; a negative constant and an unknown size stay dynamic, the alignment stays.
// CHECK-LABEL: func.func @constant_sizes
// CHECK-SAME: (%[[N:.*]]: index)
// CHECK-DAG: %[[NEG:.*]] = arith.constant -2 : index
// CHECK-DAG: %[[A:.*]] = memref.alloc(%[[N]]) {alignment = 32 : i64} : memref<5x?x7xf64>
// CHECK-DAG: %[[CA:.*]] = memref.cast %[[A]] : memref<5x?x7xf64> to memref<?x?x?xf64>
// CHECK-DAG: %[[B:.*]] = memref.alloca(%[[NEG]]) : memref<3x?xi1>
// CHECK-DAG: %[[CB:.*]] = memref.cast %[[B]] : memref<3x?xi1> to memref<?x?xi1>
// CHECK: "ext.use"(%[[CA]], %[[CB]])
func.func @constant_sizes(%n: index) {
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %neg = arith.constant -2 : index
  %a = memref.alloc(%c5, %n) {alignment = 32 : i64} : memref<?x?x7xf64>
  %ca = memref.cast %a : memref<?x?x7xf64> to memref<?x?x?xf64>
  %b = memref.alloca(%c3, %neg) : memref<?x?xi1>
  "ext.use"(%ca, %b) : (memref<?x?x?xf64>, memref<?x?xi1>) -> ()
  return
}
