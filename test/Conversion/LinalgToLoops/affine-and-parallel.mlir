// RUN: mlopt %s --split-input-file --convert-linalg-to-affine-loops | FileCheck %s --check-prefix=AFFINE
// RUN: mlopt %s --split-input-file --convert-linalg-to-parallel-loops | FileCheck %s --check-prefix=PARALLEL

// AFFINE-LABEL: func.func @batch_matmul_transposed
// AFFINE: affine.for %[[B:.*]] = 0 to 2 {
// AFFINE: affine.for %[[M:.*]] = 0 to 3 {
// AFFINE: affine.for %[[N:.*]] = 0 to 7 {
// AFFINE: affine.for %[[K:.*]] = 0 to 5 {
// AFFINE: affine.load %{{.*}}[%[[B]], %[[K]], %[[M]]] : memref<2x5x3xf32>
// AFFINE: affine.load %{{.*}}[%[[B]], %[[N]], %[[K]]] : memref<2x7x5xf32>
// AFFINE: affine.store %{{.*}}, %{{.*}}[%[[B]], %[[M]], %[[N]]] : memref<2x3x7xf32>
// PARALLEL-LABEL: func.func @batch_matmul_transposed
// PARALLEL: scf.parallel (%[[B:.*]], %[[M:.*]], %[[N:.*]]) = (%{{.*}}, %{{.*}}, %{{.*}}) to (%{{.*}}, %{{.*}}, %{{.*}}) step
// PARALLEL: scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
// PARALLEL: memref.load %{{.*}}[%[[B]], %[[K]], %[[M]]] : memref<2x5x3xf32>
// PARALLEL: memref.store %{{.*}}, %{{.*}}[%[[B]], %[[M]], %[[N]]] : memref<2x3x7xf32>
// PARALLEL: scf.reduce
func.func @batch_matmul_transposed(%a: memref<2x5x3xf32>, %b: memref<2x7x5xf32>, %c: memref<2x3x7xf32>) {
  linalg.batch_matmul indexing_maps = [affine_map<(b, m, n, k) -> (b, k, m)>, affine_map<(b, m, n, k) -> (b, n, k)>, affine_map<(b, m, n, k) -> (b, m, n)>]
    ins(%a, %b : memref<2x5x3xf32>, memref<2x7x5xf32>) outs(%c : memref<2x3x7xf32>)
  return
}

// -----

// Strided windows are affine expressions of the loops.
// PARALLEL-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1) -> (d0 * 2 + d1)>
// AFFINE-LABEL: func.func @conv_dynamic
// AFFINE: %[[N:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<?x?x?xf32>
// AFFINE: affine.for %[[B:.*]] = 0 to %[[N]] {
// AFFINE: affine.for %[[W:.*]] = 0 to
// AFFINE: affine.for %[[C:.*]] = 0 to
// AFFINE: affine.for %[[K:.*]] = 0 to
// AFFINE: affine.load %{{.*}}[%[[B]], %[[W]] * 2 + %[[K]], %[[C]]] : memref<?x?x?xf32>
// PARALLEL-LABEL: func.func @conv_dynamic
// PARALLEL: scf.parallel (%{{.*}}, %{{.*}}, %{{.*}}) =
// PARALLEL: scf.for
// PARALLEL: affine.apply #[[MAP0]]
func.func @conv_dynamic(%i: memref<?x?x?xf32>, %f: memref<?x?xf32>, %o: memref<?x?x?xf32>) {
  linalg.depthwise_conv_1d_nwc_wc {dilations = dense<1> : vector<1xi64>, strides = dense<2> : vector<1xi64>}
    ins(%i, %f : memref<?x?x?xf32>, memref<?x?xf32>) outs(%o : memref<?x?x?xf32>)
  return
}
