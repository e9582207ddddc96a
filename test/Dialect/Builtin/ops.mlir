// RUN: mlopt --split-input-file --allow-unregistered-dialect %s | mlopt --split-input-file --allow-unregistered-dialect | FileCheck %s
// RUN: mlopt --split-input-file --allow-unregistered-dialect %s --mlir-print-op-generic | mlopt --split-input-file --allow-unregistered-dialect | FileCheck %s

// CHECK: module attributes {foo.bar = 1 : i32} {
// CHECK-LABEL: module @named
// CHECK-SAME:  {
module attributes {foo.bar = 1 : i32} {
  module @named {
  }
  module {
  }
}

// -----

// CHECK-LABEL: func.func @casts
// CHECK-SAME: (%[[A:[^ ,:]+]]: i32) -> i64 {
// CHECK: %[[N0:[^ ,:]+]] = builtin.unrealized_conversion_cast %[[A]] : i32 to i64
// CHECK: %[[N1:[^ ,:]+]]:2 = builtin.unrealized_conversion_cast %[[A]], %[[A]] : i32, i32 to i64, f32
// CHECK: %[[N3:[^ ,:]+]] = builtin.unrealized_conversion_cast to i8
// CHECK: return %[[N0]] : i64
func.func @casts(%a: i32) -> i64 {
  %0 = builtin.unrealized_conversion_cast %a : i32 to i64
  %1:2 = builtin.unrealized_conversion_cast %a, %a : i32, i32 to i64, f32
  %2 = builtin.unrealized_conversion_cast to i8
  return %0 : i64
}

// -----

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-LABEL: func.func @types
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<4x?xf32, strided<[?, 1], offset: ?>>, %[[B:[^ ,:]+]]: memref<4xf32, 3>, %[[C:[^ ,:]+]]: memref<*xf32>, %[[D:[^ ,:]+]]: memref<2x3xf32, #[[MAP0]]>, %[[E:[^ ,:]+]]: tensor<*xi32>, %[[F:[^ ,:]+]]: vector<2x[4]xf32>, %[[G:[^ ,:]+]]: complex<f32>, %[[H:[^ ,:]+]]: tuple<i32, f32>, %[[I:[^ ,:]+]]: none, %[[J:[^ ,:]+]]: ui8, %[[K:[^ ,:]+]]: si16, %[[L:[^ ,:]+]]: f80, %[[M:[^ ,:]+]]: f128, %[[N:[^ ,:]+]]: tf32, %[[O:[^ ,:]+]]: memref<f32>, %[[P:[^ ,:]+]]: vector<f32>, %[[Q:[^ ,:]+]]: memref<4xf32, #gpu.address_space<workgroup>>, %[[R:[^ ,:]+]]: tensor<4xf32, "enc">, %[[S:[^ ,:]+]]: memref<8xf32, strided<[2]>>, %[[T:[^ ,:]+]]: memref<8xf32, strided<[1], offset: 4>>, %[[U:[^ ,:]+]]: f8E4M3FN, %[[V:[^ ,:]+]]: i1, %[[W:[^ ,:]+]]: memref<?xi8, #gpu.address_space<private>>, %[[X:[^ ,:]+]]: !llvm.ptr, %[[Y:[^ ,:]+]]: index, %[[Z:[^ ,:]+]]: memref<4x4xvector<4xf32>>) {
// CHECK: return
func.func @types(%a: memref<4x?xf32, strided<[?, 1], offset: ?>>, %b: memref<4xf32, 3>, %c: memref<*xf32>,
    %d: memref<2x3xf32, affine_map<(d0, d1) -> (d1, d0)>>, %e: tensor<*xi32>, %f: vector<2x[4]xf32>,
    %g: complex<f32>, %h: tuple<i32, f32>, %i: none, %j: ui8, %k: si16, %l: f80, %m: f128, %n: tf32,
    %o: memref<f32>, %p: vector<f32>, %q: memref<4xf32, #gpu.address_space<workgroup>>, %r: tensor<4xf32, "enc">,
    %s: memref<8xf32, strided<[2]>>, %t: memref<8xf32, strided<[1], offset: 4>>, %u: f8E4M3FN, %v: i1,
    %w: memref<?xi8, #gpu.address_space<private>>, %x: !llvm.ptr, %y: index, %z: memref<4x4xvector<4xf32>>) {
  return
}

// -----

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1) -> (d0 + d1)>
// CHECK-LABEL: func.func @aliases
// CHECK-SAME: (%[[M:[^ ,:]+]]: memref<?xf32>) attributes {a = "an alias", m = #[[MAP0]]} {
// CHECK: return
#map = affine_map<(d0, d1) -> (d0 + d1)>
#alias = "an alias"
!ty = memref<?xf32>
func.func @aliases(%m: !ty) attributes {m = #map, a = #alias} {
  return
}

// -----

// CHECK-LABEL: func.func @locs
// CHECK-SAME: (%[[A:[^ ,:]+]]: i32) {
// CHECK: %[[N0:[^ ,:]+]] = arith.addi %[[A]], %[[A]] : i32
// CHECK: %[[N1:[^ ,:]+]] = arith.addi %[[A]], %[[A]] : i32
// CHECK: %[[N2:[^ ,:]+]] = arith.addi %[[A]], %[[A]] : i32
// CHECK: %[[N3:[^ ,:]+]] = arith.addi %[[A]], %[[A]] : i32
// CHECK: %[[N4:[^ ,:]+]] = arith.addi %[[A]], %[[A]] : i32
// CHECK: return
func.func @locs(%a: i32 loc("x.mlir":1:1)) {
  %0 = arith.addi %a, %a : i32 loc(fused["a.mlir":1:1, "b.mlir":2:2])
  %1 = arith.addi %a, %a : i32 loc(callsite("f"("a.mlir":1:1) at "b.mlir":3:4))
  %2 = arith.addi %a, %a : i32 loc("named"("c.mlir":5:6))
  %3 = arith.addi %a, %a : i32 loc(unknown)
  %4 = arith.addi %a, %a : i32 loc(#loc)
  return
} loc("file.mlir":10:2)
#loc = loc("alias.mlir":2:3)

// -----

// CHECK: "test.unregistered"() : () -> ()
"test.unregistered"() : () -> ()
