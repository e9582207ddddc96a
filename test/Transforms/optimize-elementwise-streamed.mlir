// RUN: mlopt %s --optimize='vector-width=512' | FileCheck %s

// An output over 4 MiB is stored nontemporally, in two dimensions too: each
// register tile is a vector<1x128xf32>, its unit dimension cast away before
// the transfers become plain loads and stores.

// CHECK-LABEL: func.func @add(
//   CHECK-NOT:   vector.transfer_write
//       CHECK:   scf.for
//       CHECK:     scf.for
//   CHECK-DAG:       %[[X:.*]] = vector.load {{.*}} : memref<1x128xf32, strided<[1024, 1], offset: ?>>, vector<128xf32>
//   CHECK-DAG:       %[[Y:.*]] = vector.load {{.*}} : memref<1x128xf32, strided<[1024, 1], offset: ?>>, vector<128xf32>
//       CHECK:       %[[SUM:.*]] = arith.addf %[[X]], %[[Y]] : vector<128xf32>
//       CHECK:       vector.store %[[SUM]], {{.*}} {nontemporal = true} : memref<1x128xf32, strided<[1024, 1], offset: ?>>, vector<128xf32>
//   CHECK-NOT:   vector.transfer_write
//       CHECK:   return
func.func @add(%x: tensor<1031x1024xf32>, %y: tensor<1031x1024xf32>) -> tensor<1031x1024xf32> {
  %empty = tensor.empty() : tensor<1031x1024xf32>
  %sum = linalg.add ins(%x, %y : tensor<1031x1024xf32>, tensor<1031x1024xf32>) outs(%empty : tensor<1031x1024xf32>) -> tensor<1031x1024xf32>
  return %sum : tensor<1031x1024xf32>
}
