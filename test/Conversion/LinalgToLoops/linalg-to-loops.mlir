// RUN: mlopt %s --convert-linalg-to-loops | FileCheck %s

// CHECK-LABEL: func.func @matmul
func.func @matmul(%a: memref<?x?xf32>, %b: memref<?x?xf32>, %c: memref<?x?xf32>) {
  // CHECK: scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
  // CHECK: scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
  // CHECK: scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
  // CHECK-DAG: %[[X:.*]] = memref.load %{{.*}}[%[[I]], %[[K]]] : memref<?x?xf32>
  // CHECK-DAG: %[[Y:.*]] = memref.load %{{.*}}[%[[K]], %[[J]]] : memref<?x?xf32>
  // CHECK-DAG: %[[Z:.*]] = memref.load %{{.*}}[%[[I]], %[[J]]] : memref<?x?xf32>
  // CHECK: %[[P:.*]] = arith.mulf %[[X]], %[[Y]] : f32
  // CHECK: %[[S:.*]] = arith.addf %[[Z]], %[[P]] : f32
  // CHECK: memref.store %[[S]], %{{.*}}[%[[I]], %[[J]]] : memref<?x?xf32>
  linalg.matmul ins(%a, %b : memref<?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?xf32>)
  return
}

// CHECK-LABEL: func.func @reduce
func.func @reduce(%in: memref<3x4xf32>, %out: memref<3xf32>) {
  // CHECK: scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
  // CHECK: scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
  // CHECK: memref.load %{{.*}}[%[[I]], %[[J]]] : memref<3x4xf32>
  // CHECK: memref.load %{{.*}}[%[[I]]] : memref<3xf32>
  // CHECK: arith.addf
  // CHECK: memref.store %{{.*}}, %{{.*}}[%[[I]]] : memref<3xf32>
  linalg.reduce ins(%in : memref<3x4xf32>) outs(%out : memref<3xf32>) dimensions = [1]
    (%x: f32, %acc: f32) {
      %s = arith.addf %x, %acc : f32
      linalg.yield %s : f32
    }
  return
}

// CHECK-LABEL: func.func @broadcast
func.func @broadcast(%in: memref<3xf32>, %out: memref<3x4xf32>) {
  // CHECK: scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
  // CHECK: scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
  // CHECK: %[[V:.*]] = memref.load %{{.*}}[%[[I]]] : memref<3xf32>
  // CHECK: memref.store %[[V]], %{{.*}}[%[[I]], %[[J]]] : memref<3x4xf32>
  linalg.broadcast ins(%in : memref<3xf32>) outs(%out : memref<3x4xf32>) dimensions = [1]
  return
}
