// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @alloc
// CHECK-SAME: (%[[N:[^ ,:]+]]: index, %[[S:[^ ,:]+]]: index) {
// CHECK: %[[N0:[^ ,:]+]] = memref.alloc() : memref<4x4xf32>
// CHECK: %[[N1:[^ ,:]+]] = memref.alloc(%[[N]]) : memref<?x4xf32>
// CHECK: %[[N2:[^ ,:]+]] = memref.alloc(%[[N]])[%[[S]]] : memref<?xf32, affine_map<(d0)[s0] -> (d0 + s0)>>
// CHECK: %[[N3:[^ ,:]+]] = memref.alloc() {alignment = 64 : i64} : memref<8xi8>
// CHECK: %[[N4:[^ ,:]+]] = memref.alloca() : memref<2xf32>
// CHECK: %[[N5:[^ ,:]+]] = memref.alloca(%[[N]]) {alignment = 16 : i64} : memref<?xf32, 1>
// CHECK: memref.dealloc %[[N0]] : memref<4x4xf32>
// CHECK: %[[D1:[^ ,:]+]] = memref.alloc(%[[N]]) : memref<?xf32>
// CHECK: %[[N6:[^ ,:]+]] = memref.realloc %[[D1]](%[[N]]) : memref<?xf32> to memref<?xf32>
// CHECK: %[[N7:[^ ,:]+]] = memref.realloc %[[N4]] : memref<2xf32> to memref<4xf32>
// CHECK: %[[N8:[^ ,:]+]] = memref.realloc %[[N4]] {alignment = 8 : i64} : memref<2xf32> to memref<4xf32>
// CHECK: return
func.func @alloc(%n: index, %s: index) {
  %0 = memref.alloc() : memref<4x4xf32>
  %1 = memref.alloc(%n) : memref<?x4xf32>
  %2 = memref.alloc(%n)[%s] : memref<?xf32, affine_map<(d0)[s0] -> (d0 + s0)>>
  %3 = memref.alloc() {alignment = 64 : i64} : memref<8xi8>
  %4 = memref.alloca() : memref<2xf32>
  %5 = memref.alloca(%n) {alignment = 16 : i64} : memref<?xf32, 1>
  memref.dealloc %0 : memref<4x4xf32>
  %d1 = memref.alloc(%n) : memref<?xf32>
  %6 = memref.realloc %d1(%n) : memref<?xf32> to memref<?xf32>
  %7 = memref.realloc %4 : memref<2xf32> to memref<4xf32>
  %8 = memref.realloc %4 {alignment = 8} : memref<2xf32> to memref<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @load_store
// CHECK-SAME: (%[[M:[^ ,:]+]]: memref<4x?xf32>, %[[I:[^ ,:]+]]: index, %[[V:[^ ,:]+]]: f32) {
// CHECK: %[[N0:[^ ,:]+]] = memref.load %[[M]][%[[I]], %[[I]]] : memref<4x?xf32>
// CHECK: memref.store %[[V]], %[[M]][%[[I]], %[[I]]] : memref<4x?xf32>
// CHECK: %[[N1:[^ ,:]+]] = memref.load %[[M]][%[[I]], %[[I]]] {nontemporal = true} : memref<4x?xf32>
// CHECK: memref.store %[[V]], %[[M]][%[[I]], %[[I]]] {nontemporal = true} : memref<4x?xf32>
// CHECK: %[[N2:[^ ,:]+]] = memref.load %[[M]][%[[I]], %[[I]]] {alignment = 8 : i64} : memref<4x?xf32>
// CHECK: %[[S:[^ ,:]+]] = memref.alloca() : memref<f32>
// CHECK: %[[N3:[^ ,:]+]] = memref.load %[[S]][] : memref<f32>
// CHECK: memref.store %[[N3]], %[[S]][] : memref<f32>
// CHECK: return
func.func @load_store(%m: memref<4x?xf32>, %i: index, %v: f32) {
  %0 = memref.load %m[%i, %i] : memref<4x?xf32>
  memref.store %v, %m[%i, %i] : memref<4x?xf32>
  %1 = memref.load %m[%i, %i] {nontemporal = true} : memref<4x?xf32>
  memref.store %v, %m[%i, %i] {nontemporal = true} : memref<4x?xf32>
  %2 = memref.load %m[%i, %i] {alignment = 8 : i64} : memref<4x?xf32>
  %s = memref.alloca() : memref<f32>
  %3 = memref.load %s[] : memref<f32>
  memref.store %3, %s[] : memref<f32>
  return
}

// -----

// CHECK-LABEL: memref.global "private" constant @c
// CHECK-SAME:  : memref<2xf32> = dense<[1.000000e+00, 2.000000e+00]> {alignment = 64 : i64}
// CHECK-LABEL: memref.global @x
// CHECK-SAME:  : memref<4xi32> = uninitialized
// CHECK-LABEL: memref.global "public" @y
// CHECK-SAME:  : memref<i32> = dense<0>
// CHECK-LABEL: memref.global "private" @ext
// CHECK-SAME:  : memref<3xf32>
// CHECK-LABEL: memref.global @sp
// CHECK-SAME:  : memref<2xf32, 3> = uninitialized
// CHECK-LABEL: func.func @get
// CHECK-SAME: () {
// CHECK: %[[N0:[^ ,:]+]] = memref.get_global @c : memref<2xf32>
// CHECK: %[[N1:[^ ,:]+]] = memref.get_global @sp : memref<2xf32, 3>
// CHECK: return
memref.global "private" constant @c : memref<2xf32> = dense<[1.0, 2.0]> {alignment = 64 : i64}
memref.global @x : memref<4xi32> = uninitialized
memref.global "public" @y : memref<i32> = dense<0>
memref.global "private" @ext : memref<3xf32>
memref.global @sp : memref<2xf32, 3> = uninitialized
func.func @get() {
  %0 = memref.get_global @c : memref<2xf32>
  %1 = memref.get_global @sp : memref<2xf32, 3>
  return
}

// -----

// CHECK-LABEL: func.func @casts
// CHECK-SAME: (%[[M:[^ ,:]+]]: memref<4xf32>, %[[U:[^ ,:]+]]: memref<*xf32>, %[[D:[^ ,:]+]]: memref<?xf32>) {
// CHECK: %[[N0:[^ ,:]+]] = memref.cast %[[M]] : memref<4xf32> to memref<?xf32>
// CHECK: %[[N1:[^ ,:]+]] = memref.cast %[[M]] : memref<4xf32> to memref<*xf32>
// CHECK: %[[N2:[^ ,:]+]] = memref.cast %[[U]] : memref<*xf32> to memref<4xf32>
// CHECK: %[[N3:[^ ,:]+]] = memref.memory_space_cast %[[M]] : memref<4xf32> to memref<4xf32, 1>
// CHECK: %[[N4:[^ ,:]+]] = memref.cast %[[D]] : memref<?xf32> to memref<?xf32, strided<[?], offset: ?>>
// CHECK: return
func.func @casts(%m: memref<4xf32>, %u: memref<*xf32>, %d: memref<?xf32>) {
  %0 = memref.cast %m : memref<4xf32> to memref<?xf32>
  %1 = memref.cast %m : memref<4xf32> to memref<*xf32>
  %2 = memref.cast %u : memref<*xf32> to memref<4xf32>
  %3 = memref.memory_space_cast %m : memref<4xf32> to memref<4xf32, 1>
  %4 = memref.cast %d : memref<?xf32> to memref<?xf32, strided<[?], offset: ?>>
  return
}

// -----

// CHECK-LABEL: func.func @views
// CHECK-SAME: (%[[M:[^ ,:]+]]: memref<8x16xf32>, %[[I:[^ ,:]+]]: index, %[[B:[^ ,:]+]]: memref<2048xi8>, %[[D:[^ ,:]+]]: memref<?x?xf32>) {
// CHECK: %[[N0:[^ ,:]+]] = memref.subview %[[M]][0, 0] [4, 4] [1, 1] : memref<8x16xf32> to memref<4x4xf32, strided<[16, 1]>>
// CHECK: %[[N1:[^ ,:]+]] = memref.subview %[[M]][%[[I]], 2] [4, %[[I]]] [1, 2] : memref<8x16xf32> to memref<4x?xf32, strided<[16, 2], offset: ?>>
// CHECK: %[[N2:[^ ,:]+]] = memref.subview %[[M]][1, 0] [1, 16] [1, 1] : memref<8x16xf32> to memref<16xf32, strided<[1], offset: 16>>
// CHECK: %[[N3:[^ ,:]+]] = memref.view %[[B]][%[[I]]][] : memref<2048xi8> to memref<64x4xf32>
// CHECK: %[[N4:[^ ,:]+]] = memref.view %[[B]][%[[I]]][%[[I]]] : memref<2048xi8> to memref<?x4xf32>
// CHECK: %[[N5:[^ ,:]+]] = memref.reinterpret_cast %[[M]] to offset: [0], sizes: [128], strides: [1] : memref<8x16xf32> to memref<128xf32>
// CHECK: %[[N6:[^ ,:]+]] = memref.reinterpret_cast %[[D]] to offset: [%[[I]]], sizes: [%[[I]], 10], strides: [%[[I]], 1] : memref<?x?xf32> to memref<?x10xf32, strided<[?, 1], offset: ?>>
// CHECK: %[[N7:[^ ,:]+]] = memref.transpose %[[M]] (d0, d1) -> (d1, d0) : memref<8x16xf32> to memref<16x8xf32, strided<[1, 16]>>
// CHECK: %[[N8:[^ ,:]+]] = memref.collapse_shape %[[M]] {{\[\[}}0 : i64, 1 : i64]] : memref<8x16xf32> into memref<128xf32>
// CHECK: %[[N9:[^ ,:]+]] = memref.expand_shape %[[N8]] {{\[\[}}0 : i64, 1 : i64]] output_shape [8, 16] : memref<128xf32> into memref<8x16xf32>
// CHECK: %[[N10:[^ ,:]+]] = memref.expand_shape %[[D]] {{\[\[}}0 : i64, 1 : i64], [2 : i64]] output_shape [%[[I]], 4, %[[I]]] : memref<?x?xf32> into memref<?x4x?xf32>
// CHECK: %[[SHAPE:[^ ,:]+]] = memref.alloca() : memref<1xindex>
// CHECK: %[[N11:[^ ,:]+]] = memref.reshape %[[M]](%[[SHAPE]]) : (memref<8x16xf32>, memref<1xindex>) -> memref<?xf32>
// CHECK: return
func.func @views(%m: memref<8x16xf32>, %i: index, %b: memref<2048xi8>, %d: memref<?x?xf32>) {
  %0 = memref.subview %m[0, 0] [4, 4] [1, 1] : memref<8x16xf32> to memref<4x4xf32, strided<[16, 1]>>
  %1 = memref.subview %m[%i, 2] [4, %i] [1, 2] : memref<8x16xf32> to memref<4x?xf32, strided<[16, 2], offset: ?>>
  %2 = memref.subview %m[1, 0] [1, 16] [1, 1] : memref<8x16xf32> to memref<16xf32, strided<[1], offset: 16>>
  %3 = memref.view %b[%i][] : memref<2048xi8> to memref<64x4xf32>
  %4 = memref.view %b[%i][%i] : memref<2048xi8> to memref<?x4xf32>
  %5 = memref.reinterpret_cast %m to offset: [0], sizes: [128], strides: [1] : memref<8x16xf32> to memref<128xf32>
  %6 = memref.reinterpret_cast %d to offset: [%i], sizes: [%i, 10], strides: [%i, 1] : memref<?x?xf32> to memref<?x10xf32, strided<[?, 1], offset: ?>>
  %7 = memref.transpose %m (i, j) -> (j, i) : memref<8x16xf32> to memref<16x8xf32, strided<[1, 16]>>
  %8 = memref.collapse_shape %m [[0, 1]] : memref<8x16xf32> into memref<128xf32>
  %9 = memref.expand_shape %8 [[0, 1]] output_shape [8, 16] : memref<128xf32> into memref<8x16xf32>
  %10 = memref.expand_shape %d [[0, 1], [2]] output_shape [%i, 4, %i] : memref<?x?xf32> into memref<?x4x?xf32>
  %shape = memref.alloca() : memref<1xindex>
  %11 = memref.reshape %m(%shape) : (memref<8x16xf32>, memref<1xindex>) -> memref<?xf32>
  return
}

// -----

// CHECK-LABEL: func.func @meta
// CHECK-SAME: (%[[M:[^ ,:]+]]: memref<8x16xf32>, %[[D:[^ ,:]+]]: memref<?x?xf32>, %[[U:[^ ,:]+]]: memref<*xf32>) {
// CHECK: %[[BASE:[^ ,:]+]], %[[OFF:[^ ,:]+]], %[[SIZES:[^ ,:]+]], %[[SIZES_1:[^ ,:]+]], %[[STRIDES:[^ ,:]+]], %[[STRIDES_1:[^ ,:]+]] = memref.extract_strided_metadata %[[M]] : memref<8x16xf32> -> memref<f32>, index, index, index, index, index
// CHECK: %[[N0:[^ ,:]+]] = memref.extract_aligned_pointer_as_index %[[M]] : memref<8x16xf32> -> index
// CHECK: %[[C0:[^ ,:]+]] = arith.constant 0 : index
// CHECK: %[[N1:[^ ,:]+]] = memref.dim %[[D]], %[[C0]] : memref<?x?xf32>
// CHECK: %[[N2:[^ ,:]+]] = memref.rank %[[U]] : memref<*xf32>
// CHECK: %[[N3:[^ ,:]+]] = memref.assume_alignment %[[M]], 16 : memref<8x16xf32>
// CHECK: %[[N4:[^ ,:]+]] = memref.assume_alignment %[[D]], 64 : memref<?x?xf32>
// CHECK: memref.copy %[[M]], %[[M]] : memref<8x16xf32> to memref<8x16xf32>
// CHECK: memref.prefetch %[[M]][%[[C0]], %[[C0]]], read, locality<3>, data : memref<8x16xf32>
// CHECK: memref.prefetch %[[M]][%[[C0]], %[[C0]]], write, locality<0>, instr : memref<8x16xf32>
// CHECK: return
func.func @meta(%m: memref<8x16xf32>, %d: memref<?x?xf32>, %u: memref<*xf32>) {
  %base, %off, %sizes:2, %strides:2 = memref.extract_strided_metadata %m : memref<8x16xf32> -> memref<f32>, index, index, index, index, index
  %0 = memref.extract_aligned_pointer_as_index %m : memref<8x16xf32> -> index
  %c0 = arith.constant 0 : index
  %1 = memref.dim %d, %c0 : memref<?x?xf32>
  %2 = memref.rank %u : memref<*xf32>
  memref.assume_alignment %m, 16 : memref<8x16xf32>
  %3 = memref.assume_alignment %d, 64 : memref<?x?xf32>
  memref.copy %m, %m : memref<8x16xf32> to memref<8x16xf32>
  memref.prefetch %m[%c0, %c0], read, locality<3>, data : memref<8x16xf32>
  memref.prefetch %m[%c0, %c0], write, locality<0>, instr : memref<8x16xf32>
  return
}

// -----

// CHECK-LABEL: func.func @atomics
// CHECK-SAME: (%[[M:[^ ,:]+]]: memref<10xf32>, %[[I:[^ ,:]+]]: index, %[[V:[^ ,:]+]]: f32, %[[IM:[^ ,:]+]]: memref<10xi32>, %[[IV:[^ ,:]+]]: i32) {
// CHECK: %[[N0:[^ ,:]+]] = memref.atomic_rmw addf %[[V]], %[[M]][%[[I]]] : (f32, memref<10xf32>) -> f32
// CHECK: %[[N1:[^ ,:]+]] = memref.atomic_rmw maxs %[[IV]], %[[IM]][%[[I]]] : (i32, memref<10xi32>) -> i32
// CHECK: %[[N2:[^ ,:]+]] = memref.atomic_rmw assign %[[V]], %[[M]][%[[I]]] : (f32, memref<10xf32>) -> f32
// CHECK: %[[N3:[^ ,:]+]] = memref.generic_atomic_rmw %[[M]][%[[I]]] : memref<10xf32> {
// CHECK: ^bb0(%[[CUR:[^ ,:]+]]: f32):
// CHECK: %[[N:[^ ,:]+]] = arith.addf %[[CUR]], %[[V]] : f32
// CHECK: memref.atomic_yield %[[N]] : f32
// CHECK: memref.alloca_scope {
// CHECK: %[[A:[^ ,:]+]] = memref.alloca() : memref<4xf32>
// CHECK: %[[N4:[^ ,:]+]] = memref.alloca_scope -> (f32) {
// CHECK: memref.alloca_scope.return %[[V]] : f32
// CHECK: return
func.func @atomics(%m: memref<10xf32>, %i: index, %v: f32, %im: memref<10xi32>, %iv: i32) {
  %0 = memref.atomic_rmw addf %v, %m[%i] : (f32, memref<10xf32>) -> f32
  %1 = memref.atomic_rmw maxs %iv, %im[%i] : (i32, memref<10xi32>) -> i32
  %2 = memref.atomic_rmw assign %v, %m[%i] : (f32, memref<10xf32>) -> f32
  %3 = memref.generic_atomic_rmw %m[%i] : memref<10xf32> {
  ^bb0(%cur: f32):
    %n = arith.addf %cur, %v : f32
    memref.atomic_yield %n : f32
  }
  memref.alloca_scope {
    %a = memref.alloca() : memref<4xf32>
  }
  %4 = memref.alloca_scope -> (f32) {
    memref.alloca_scope.return %v : f32
  }
  return
}

// -----

// CHECK-LABEL: func.func @dma
// CHECK-SAME: (%[[SRC:[^ ,:]+]]: memref<40x128xf32>, %[[DST:[^ ,:]+]]: memref<2x1024xf32, 1>, %[[TAG:[^ ,:]+]]: memref<1xi32>, %[[I:[^ ,:]+]]: index, %[[N:[^ ,:]+]]: index) {
// CHECK: memref.dma_start %[[SRC]][%[[I]], %[[I]]], %[[DST]][%[[I]], %[[I]]], %[[N]], %[[TAG]][%[[I]]] : memref<40x128xf32>, memref<2x1024xf32, 1>, memref<1xi32>
// CHECK: memref.dma_wait %[[TAG]][%[[I]]], %[[N]] : memref<1xi32>
// CHECK: return
func.func @dma(%src: memref<40x128xf32>, %dst: memref<2x1024xf32, 1>, %tag: memref<1xi32>, %i: index, %n: index) {
  memref.dma_start %src[%i, %i], %dst[%i, %i], %n, %tag[%i] : memref<40x128xf32>, memref<2x1024xf32, 1>, memref<1xi32>
  memref.dma_wait %tag[%i], %n : memref<1xi32>
  return
}

// -----

// CHECK-LABEL: func.func @alloc
// CHECK-SAME: () {
// CHECK: %[[N0:[^ ,:]+]] = memref.alloc() : memref<1024x64xf32, affine_map<(d0, d1) -> (d0, d1)>, 1>
// CHECK: %[[C0:[^ ,:]+]] = arith.constant 0 : index
// CHECK: %[[N1:[^ ,:]+]] = memref.alloc()[%[[C0]]] : memref<2x4xf32, affine_map<(d0, d1)[s0] -> (d0 + s0, d1)>, 1>
// CHECK: %[[N2:[^ ,:]+]] = memref.alloca() {alignment = 64 : i64} : memref<2xi32>
// CHECK: return
func.func @alloc() {
^bb0:
  %0 = memref.alloc() : memref<1024x64xf32, affine_map<(d0, d1) -> (d0, d1)>, 1>
  %c0 = "arith.constant"() {value = 0: index} : () -> index
  %2 = memref.alloc()[%c0] : memref<2x4xf32, affine_map<(d0, d1)[s0] -> ((d0 + s0), d1)>, 1>
  %5 = memref.alloca() {alignment = 64} : memref<2xi32>
  return
}

// -----

// CHECK-LABEL: func.func @casts
// CHECK-SAME: (%[[ARG2:[^ ,:]+]]: memref<64x16x4xf32, strided<[64, 4, 1]>>, %[[U:[^ ,:]+]]: memref<*xf32>) {
// CHECK: %[[N0:[^ ,:]+]] = memref.cast %[[ARG2]] : memref<64x16x4xf32, strided<[64, 4, 1]>> to memref<64x16x4xf32, strided<[?, ?, ?], offset: ?>>
// CHECK: memref.dealloc %[[U]] : memref<*xf32>
// CHECK: memref.copy %[[U]], %[[U]] : memref<*xf32> to memref<*xf32>
// CHECK: memref.alloca_scope {
// CHECK: return
func.func @casts(%arg2 : memref<64x16x4xf32, strided<[64, 4, 1], offset: 0>>, %u: memref<*xf32>) {
  %2 = memref.cast %arg2 : memref<64x16x4xf32, strided<[64, 4, 1], offset: 0>> to memref<64x16x4xf32, strided<[?, ?, ?], offset: ?>>
  memref.dealloc %u : memref<*xf32>
  memref.copy %u, %u : memref<*xf32> to memref<*xf32>
  memref.alloca_scope {
    memref.alloca_scope.return
  }
  return
}

// -----

// CHECK-LABEL: func.func private @unranked_memref_roundtrip
// CHECK-SAME: (memref<*xf32, 4>)
// CHECK-LABEL: func.func @load_store_prefetch
// CHECK-SAME: (%[[N0:[^ ,:]+]]: memref<4x4xi32>, %[[N1:[^ ,:]+]]: index) {
// CHECK: %[[N2:[^ ,:]+]] = memref.load %[[N0]][%[[N1]], %[[N1]]] : memref<4x4xi32>
// CHECK: return
// CHECK-LABEL: memref.global constant @memref1
// CHECK-SAME:  : memref<2xf32> = dense<[0.000000e+00, 1.000000e+00]>
// CHECK-LABEL: memref.global @memref2
// CHECK-SAME:  : memref<2xf32> = uninitialized
func.func private @unranked_memref_roundtrip(memref<*xf32, 4>)
func.func @load_store_prefetch(memref<4x4xi32>, index) {
^bb0(%0: memref<4x4xi32>, %1: index):
  %2 = "memref.load"(%0, %1, %1) : (memref<4x4xi32>, index, index)->i32
  return
}
memref.global constant @memref1 : memref<2xf32> = dense<[0.0, 1.0]>
memref.global @memref2 : memref<2xf32>  = uninitialized

// -----

// CHECK-LABEL: func.func @reshape
// CHECK-SAME: (%[[UNRANKED:[^ ,:]+]]: memref<*xf32>, %[[SHAPE1:[^ ,:]+]]: memref<1xi32>, %[[ARG5:[^ ,:]+]]: memref<f32>) -> memref<?xf32> {
// CHECK: %[[DYN_VEC:[^ ,:]+]] = memref.reshape %[[UNRANKED]](%[[SHAPE1]]) : (memref<*xf32>, memref<1xi32>) -> memref<?xf32>
// CHECK: %[[R5:[^ ,:]+]] = memref.expand_shape %[[ARG5]] [] output_shape [1, 1] : memref<f32> into memref<1x1xf32>
// CHECK: %[[OUT:[^ ,:]+]] = memref.reinterpret_cast %[[DYN_VEC]] to offset: [1], sizes: [10, 10], strides: [1, 1] : memref<?xf32> to memref<10x10xf32, strided<[?, 1], offset: ?>>
// CHECK: return %[[DYN_VEC]] : memref<?xf32>
func.func @reshape(%unranked: memref<*xf32>, %shape1: memref<1xi32>, %arg5: memref<f32>) -> memref<?xf32> {
  %dyn_vec = memref.reshape %unranked(%shape1)
               : (memref<*xf32>, memref<1xi32>) -> memref<?xf32>
  %r5 = memref.expand_shape %arg5 [] output_shape [1, 1] :
      memref<f32> into memref<1x1xf32>
  %out = memref.reinterpret_cast %dyn_vec to
           offset: [1], sizes: [10, 10], strides: [1, 1]
           : memref<?xf32> to memref<10x10xf32, strided<[?, 1], offset: ?>>
  return %dyn_vec : memref<?xf32>
}
