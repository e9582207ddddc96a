// RUN: mlopt %s --split-input-file --affine-loop-tile="tile-size=32" | FileCheck %s
// RUN: mlopt %s --split-input-file --affine-loop-tile="tile-sizes=4,8" | FileCheck %s --check-prefix=SIZES
// RUN: mlopt %s --split-input-file --affine-loop-tile="cache-size=8" | FileCheck %s --check-prefix=CACHE
// RUN: mlopt %s --split-input-file --affine-loop-tile | FileCheck %s --check-prefix=FITS
// RUN: mlopt %s --affine-loop-tile --dump-pass-pipeline 2>&1 | FileCheck %s --check-prefix=PIPELINE

// PIPELINE: affine-loop-tile{cache-size=512 separate=false tile-size=0 }

// (mlopt prints affine maps inline, mlir-opt through #map aliases: each map
// check takes either.)

// A perfect band of three loops: tile-space loops, then intra-tile loops
// capped by the original bound where the tile size does not divide the trip
// count (all three here).
// CHECK-LABEL: func.func @matmul
// CHECK: affine.for %[[I:.+]] = 0 to 100 step 32 {
// CHECK-NEXT: affine.for %[[J:.+]] = 0 to 80 step 32 {
// CHECK-NEXT: affine.for %[[K:.+]] = 0 to 90 step 32 {
// CHECK-NEXT: affine.for %[[II:.+]] = {{#map|affine_map<\(d0\) -> \(d0\)>}}(%[[I]]) to min {{#map[0-9]+|affine_map<\(d0\) -> \(d0 \+ 32, 100\)>}}(%[[I]]) {
// CHECK-NEXT: affine.for %[[JJ:.+]] = {{#map|affine_map<\(d0\) -> \(d0\)>}}(%[[J]]) to min {{#map[0-9]+|affine_map<\(d0\) -> \(d0 \+ 32, 80\)>}}(%[[J]]) {
// CHECK-NEXT: affine.for %[[KK:.+]] = {{#map|affine_map<\(d0\) -> \(d0\)>}}(%[[K]]) to min {{#map[0-9]+|affine_map<\(d0\) -> \(d0 \+ 32, 90\)>}}(%[[K]]) {
// CHECK-NEXT: affine.load %{{.+}}[%[[II]], %[[KK]]]
// CHECK-NEXT: affine.load %{{.+}}[%[[KK]], %[[JJ]]]

// Sizes missing from tile-sizes are 4; a dividing tile size needs no min.
// SIZES-LABEL: func.func @matmul
// SIZES: affine.for %[[I:.+]] = 0 to 100 step 4 {
// SIZES-NEXT: affine.for %[[J:.+]] = 0 to 80 step 8 {
// SIZES-NEXT: affine.for %[[K:.+]] = 0 to 90 step 4 {
// SIZES-NEXT: affine.for %{{.+}} = {{.+}}(%[[I]]) to {{#map[0-9]+|affine_map<\(d0\) -> \(d0 \+ 4\)>}}(%[[I]]) {
// SIZES-NEXT: affine.for %{{.+}} = {{.+}}(%[[J]]) to {{#map[0-9]+|affine_map<\(d0\) -> \(d0 \+ 8\)>}}(%[[J]]) {
// SIZES-NEXT: affine.for %{{.+}} = {{.+}}(%[[K]]) to min {{#map[0-9]+|affine_map<\(d0\) -> \(d0 \+ 4, 90\)>}}(%[[K]]) {

// The footprint (96800 bytes) is 12 times an 8 KiB cache: sizes 2, 2 and 3.
// CACHE-LABEL: func.func @matmul
// CACHE: affine.for %{{.+}} = 0 to 100 step 2 {
// CACHE-NEXT: affine.for %{{.+}} = 0 to 80 step 2 {
// CACHE-NEXT: affine.for %{{.+}} = 0 to 90 step 3 {

// In the default 512 KiB it fits: tile size 1.
// FITS-LABEL: func.func @matmul
// FITS: affine.for %[[I:.+]] = 0 to 100 {
// FITS-NEXT: affine.for %{{.+}} = 0 to 80 {
// FITS-NEXT: affine.for %{{.+}} = 0 to 90 {
// FITS-NEXT: affine.for %{{.+}} = {{.+}}(%[[I]]) to {{#map[0-9]+|affine_map<\(d0\) -> \(d0 \+ 1\)>}}(%[[I]]) {
func.func @matmul(%A: memref<100x90xf32>, %B: memref<90x80xf32>, %C: memref<100x80xf32>) {
  affine.for %i = 0 to 100 {
    affine.for %j = 0 to 80 {
      affine.for %k = 0 to 90 {
        %a = affine.load %A[%i, %k] : memref<100x90xf32>
        %b = affine.load %B[%k, %j] : memref<90x80xf32>
        %c = affine.load %C[%i, %j] : memref<100x80xf32>
        %p = arith.mulf %a, %b : f32
        %s = arith.addf %c, %p : f32
        affine.store %s, %C[%i, %j] : memref<100x80xf32>
      }
    }
  }
  return
}

// -----

// A symbolic bound joins the min as a symbol; an unknown footprint gets the
// default tile size 4.
// CHECK-LABEL: func.func @symbolic
// CHECK-SAME: (%[[A:.+]]: memref<?xf32>, %[[N:.+]]: index)
// CHECK: affine.for %[[I:.+]] = 0 to %[[N]] step 32 {
// CHECK-NEXT: affine.for %{{.+}} = {{.+}}(%[[I]]) to min {{#map[0-9]+|affine_map<\(d0\)\[s0\] -> \(d0 \+ 32, s0\)>}}(%[[I]])[%[[N]]] {
// FITS-LABEL: func.func @symbolic
// FITS: affine.for %[[I:.+]] = 0 to %{{.+}} step 4 {
func.func @symbolic(%A: memref<?xf32>, %n: index) {
  affine.for %i = 0 to %n {
    %a = affine.load %A[%i] : memref<?xf32>
    affine.store %a, %A[%i] : memref<?xf32>
  }
  return
}

// -----

// An inner bound that depends on the outer loop is not a hyper-rectangular
// band: left alone.
// CHECK-LABEL: func.func @triangular
// CHECK: affine.for %[[I:.+]] = 0 to 64 {
// CHECK-NEXT: affine.for %{{.+}} = 0 to {{#map[0-9]*|affine_map<\(d0\) -> \(d0\)>}}(%[[I]]) {
func.func @triangular(%A: memref<64x64xf32>) {
  affine.for %i = 0 to 64 {
    affine.for %j = 0 to affine_map<(d0) -> (d0)>(%i) {
      %a = affine.load %A[%i, %j] : memref<64x64xf32>
      affine.store %a, %A[%j, %i] : memref<64x64xf32>
    }
  }
  return
}
