// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0) -> (d0 + 10, 100)>
// CHECK-DAG: #[[SET0:set[0-9]*]] = affine_set<(d0) : (d0 - 10 >= 0)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0)[s0] -> (d0 + s0)>
// CHECK-DAG: #[[SET1:set[0-9]*]] = affine_set<(d0)[s0] : (d0 == 0, -d0 + s0 >= 0)>
// CHECK-DAG: #[[MAP2:map[0-9]*]] = affine_map<(d0) -> (d0, 0)>
// CHECK-DAG: #[[MAP3:map[0-9]*]] = affine_map<(d0, d1) -> (d0 floordiv 2 + d1 ceildiv 3)>
// CHECK-DAG: #[[MAP4:map[0-9]*]] = affine_map<(d0)[s0] -> (d0, s0, 100)>
// CHECK-DAG: #[[MAP5:map[0-9]*]] = affine_map<(d0) -> (d0, 1)>
// CHECK-LABEL: func.func @affine
// CHECK-SAME: (%[[M:[^ ,:]+]]: memref<100x100xf32>, %[[N:[^ ,:]+]]: index, %[[V:[^ ,:]+]]: f32) {
// CHECK: %[[C0:[^ ,:]+]] = arith.constant 0 : index
// CHECK: affine.for %[[I:[^ ,:]+]] = 0 to 100 {
// CHECK: affine.for %[[J:[^ ,:]+]] = #[[MAP1]](%[[I]])[%[[N]]] to min #[[MAP0]](%[[I]]) step 2 {
// CHECK: %[[N0:[^ ,:]+]] = affine.load %[[M]][%[[I]], %[[J]] + 1] : memref<100x100xf32>
// CHECK: affine.store %[[N0]], %[[M]][(%[[I]] * 2) mod 100, symbol(%[[N]])] : memref<100x100xf32>
// CHECK: affine.for %[[I_1:[^ ,:]+]] = max #[[MAP2]](%[[N]]) to %[[N]] {
// CHECK: %[[R:[^ ,:]+]] = affine.for %[[I_2:[^ ,:]+]] = 0 to 10 iter_args(%[[ACC:[^ ,:]+]] = %[[V]]) -> (f32) {
// CHECK: %[[S:[^ ,:]+]] = arith.addf %[[ACC]], %[[ACC]] : f32
// CHECK: affine.yield %[[S]] : f32
// CHECK: %[[A:[^ ,:]+]] = affine.apply #[[MAP3]](%[[C0]], %[[N]])
// CHECK: %[[B:[^ ,:]+]] = affine.apply #[[MAP1]](%[[C0]])[%[[N]]]
// CHECK: %[[MN:[^ ,:]+]] = affine.min #[[MAP4]](%[[C0]])[%[[N]]]
// CHECK: %[[MX:[^ ,:]+]] = affine.max #[[MAP5]](%[[C0]])
// CHECK: affine.if #[[SET0]](%[[N]]) {
// CHECK: affine.store %[[V]], %[[M]][0, 0] : memref<100x100xf32>
// CHECK: %[[X:[^ ,:]+]] = affine.if #[[SET1]](%[[C0]])[%[[N]]] -> f32 {
// CHECK: affine.yield %[[V]] : f32
// CHECK: } else {
// CHECK: affine.yield %[[R]] : f32
// CHECK: return
#map = affine_map<(d0)[s0] -> (d0 + s0)>
func.func @affine(%m: memref<100x100xf32>, %n: index, %v: f32) {
  %c0 = arith.constant 0 : index
  affine.for %i = 0 to 100 {
    affine.for %j = #map(%i)[%n] to min affine_map<(d0) -> (d0 + 10, 100)>(%i) step 2 {
      %0 = affine.load %m[%i, %j + 1] : memref<100x100xf32>
      affine.store %0, %m[%i * 2 mod 100, symbol(%n)] : memref<100x100xf32>
    }
  }
  affine.for %i = max affine_map<(d0) -> (d0, 0)>(%n) to %n {
  }
  %r = affine.for %i = 0 to 10 iter_args(%acc = %v) -> (f32) {
    %s = arith.addf %acc, %acc : f32
    affine.yield %s : f32
  }
  %a = affine.apply affine_map<(d0, d1) -> (d0 floordiv 2 + d1 ceildiv 3)>(%c0, %n)
  %b = affine.apply #map(%c0)[%n]
  %mn = affine.min affine_map<(d0)[s0] -> (d0, s0, 100)>(%c0)[%n]
  %mx = affine.max affine_map<(d0) -> (d0, 1)>(%c0)
  affine.if affine_set<(d0) : (d0 - 10 >= 0)>(%n) {
    affine.store %v, %m[0, 0] : memref<100x100xf32>
  }
  %x = affine.if affine_set<(d0)[s0] : (d0 == 0, s0 - d0 >= 0)>(%c0)[%n] -> f32 {
    affine.yield %v : f32
  } else {
    affine.yield %r : f32
  }
  return
}

// -----

// CHECK-LABEL: func.func @affine2
// CHECK-SAME: (%[[M:[^ ,:]+]]: memref<100x100xf32>, %[[N:[^ ,:]+]]: index, %[[T:[^ ,:]+]]: memref<1xi32>) {
// CHECK: affine.parallel (%[[I:[^ ,:]+]], %[[J:[^ ,:]+]]) = (0, 0) to (100, symbol(%[[N]])) step (4, 1) {
// CHECK: %[[N0:[^ ,:]+]] = affine.load %[[M]][%[[I]], %[[J]]] : memref<100x100xf32>
// CHECK: %[[R:[^ ,:]+]] = affine.parallel (%[[I_1:[^ ,:]+]]) = (0) to (10) reduce ("addf") -> f32 {
// CHECK: %[[N1:[^ ,:]+]] = affine.load %[[M]][%[[I_1]], %[[I_1]]] : memref<100x100xf32>
// CHECK: affine.yield %[[N1]] : f32
// CHECK: %[[V:[^ ,:]+]] = affine.vector_load %[[M]][0, 0] : memref<100x100xf32>, vector<8xf32>
// CHECK: affine.vector_store %[[V]], %[[M]][1, 0] : memref<100x100xf32>, vector<8xf32>
// CHECK: affine.prefetch %[[M]][0, 0], read, locality<3>, data : memref<100x100xf32>
// CHECK: %[[D:[^ ,:]+]]:2 = affine.delinearize_index %[[N]] into (10, 10) : index, index
// CHECK: %[[L:[^ ,:]+]] = affine.linearize_index [%[[D]]#0, %[[D]]#1] by (10, 10) : index
// CHECK: %[[L2:[^ ,:]+]] = affine.linearize_index disjoint [%[[D]]#0, %[[D]]#1] by (10, 10) : index
// CHECK: %[[D2:[^ ,:]+]]:2 = affine.delinearize_index %[[N]] into (%[[N]], 10) : index, index
// CHECK: return
func.func @affine2(%m: memref<100x100xf32>, %n: index, %t: memref<1xi32>) {
  affine.parallel (%i, %j) = (0, 0) to (100, symbol(%n)) step (4, 1) {
    %0 = affine.load %m[%i, %j] : memref<100x100xf32>
  }
  %r = affine.parallel (%i) = (0) to (10) reduce ("addf") -> (f32) {
    %0 = affine.load %m[%i, %i] : memref<100x100xf32>
    affine.yield %0 : f32
  }
  %v = affine.vector_load %m[0, 0] : memref<100x100xf32>, vector<8xf32>
  affine.vector_store %v, %m[1, 0] : memref<100x100xf32>, vector<8xf32>
  affine.prefetch %m[0, 0], read, locality<3>, data : memref<100x100xf32>
  %d:2 = affine.delinearize_index %n into (10, 10) : index, index
  %l = affine.linearize_index [%d#0, %d#1] by (10, 10) : index
  %l2 = affine.linearize_index disjoint [%d#0, %d#1] by (10, 10) : index
  %d2:2 = affine.delinearize_index %n into (%n, 10) : index, index
  return
}

// -----

// CHECK-LABEL: func.func @affine_dma
// CHECK-SAME: (%[[SRC:[^ ,:]+]]: memref<40xf32>, %[[DST:[^ ,:]+]]: memref<40xf32, 2>, %[[TAG:[^ ,:]+]]: memref<1xi32>) {
// CHECK: %[[C0:[^ ,:]+]] = arith.constant 0 : index
// CHECK: %[[N:[^ ,:]+]] = arith.constant 40 : index
// CHECK: affine.dma_start %[[SRC]][%[[C0]]], %[[DST]][%[[C0]]], %[[TAG]][%[[C0]]], %[[N]] : memref<40xf32>, memref<40xf32, 2>, memref<1xi32>
// CHECK: affine.dma_wait %[[TAG]][%[[C0]]], %[[N]] : memref<1xi32>
// CHECK: return
func.func @affine_dma(%src: memref<40xf32>, %dst: memref<40xf32, 2>, %tag: memref<1xi32>) {
  %c0 = arith.constant 0 : index
  %n = arith.constant 40 : index
  affine.dma_start %src[%c0], %dst[%c0], %tag[%c0], %n : memref<40xf32>, memref<40xf32, 2>, memref<1xi32>
  affine.dma_wait %tag[%c0], %n : memref<1xi32>
  return
}
