// RUN: mlopt %s --expand-realloc | FileCheck %s
// RUN: mlopt %s --expand-realloc=emit-deallocs=false | FileCheck %s --check-prefix=NODEALLOC

// CHECK-LABEL: func.func @grow_dynamic
// CHECK-SAME: (%[[M:[^:]+]]: memref<?xf32>, %[[N:[^:]+]]: index)
// CHECK: %[[C0:[^ ]+]] = arith.constant 0 : index
// CHECK: %[[DIM:[^ ]+]] = memref.dim %[[M]], %[[C0]] : memref<?xf32>
// CHECK: %[[GROWS:[^ ]+]] = arith.cmpi ult, %[[DIM]], %[[N]] : index
// CHECK: %[[R:[^ ]+]] = scf.if %[[GROWS]] -> (memref<?xf32>) {
// CHECK:   %[[NEW:[^ ]+]] = memref.alloc(%[[N]]) : memref<?xf32>
// CHECK:   %[[SV:[^ ]+]] = memref.subview %[[NEW]][0] [%[[DIM]]] [1] : memref<?xf32> to memref<?xf32, strided<[1]>>
// CHECK:   memref.copy %[[M]], %[[SV]] : memref<?xf32> to memref<?xf32, strided<[1]>>
// CHECK:   memref.dealloc %[[M]] : memref<?xf32>
// CHECK:   scf.yield %[[NEW]] : memref<?xf32>
// CHECK: } else {
// CHECK:   %[[RC:[^ ]+]] = memref.reinterpret_cast %[[M]] to offset: [0], sizes: [%[[N]]], strides: [1] : memref<?xf32> to memref<?xf32>
// CHECK:   scf.yield %[[RC]] : memref<?xf32>
// CHECK: return %[[R]]
// NODEALLOC-LABEL: func.func @grow_dynamic
// NODEALLOC-NOT: memref.dealloc
// NODEALLOC: return
func.func @grow_dynamic(%m: memref<?xf32>, %n: index) -> memref<?xf32> {
  %r = memref.realloc %m(%n) : memref<?xf32> to memref<?xf32>
  return %r : memref<?xf32>
}

// CHECK-LABEL: func.func @grow_static
// CHECK: %[[C2:[^ ]+]] = arith.constant 2 : index
// CHECK: %[[C4:[^ ]+]] = arith.constant 4 : index
// CHECK: arith.cmpi ult, %[[C2]], %[[C4]] : index
// CHECK: memref.alloc() : memref<4xf32>
// CHECK: memref.subview %{{[^[]+}}[0] [2] [1] : memref<4xf32> to memref<2xf32, strided<[1]>>
// CHECK: memref.reinterpret_cast %{{[^ ]+}} to offset: [0], sizes: [4], strides: [1] : memref<2xf32> to memref<4xf32>
func.func @grow_static(%m: memref<2xf32>) -> memref<4xf32> {
  %r = memref.realloc %m : memref<2xf32> to memref<4xf32>
  return %r : memref<4xf32>
}
