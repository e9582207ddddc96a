// RUN: mlopt %s --convert-func-to-llvm | FileCheck %s
// RUN: mlopt %s --convert-func-to-llvm='index-bitwidth=32' | FileCheck %s --check-prefix=IDX32

// A memref argument is passed as its descriptor's fields; the body sees the
// descriptor, rebuilt from them.
// CHECK-LABEL: llvm.func @memref_arg(
// CHECK-SAME: %[[ALLOC:[^:]*]]: !llvm.ptr, %[[ALIGN:[^:]*]]: !llvm.ptr, %[[OFF:[^:]*]]: i64, %[[SIZE0:[^:]*]]: i64, %[[SIZE1:[^:]*]]: i64, %[[STRIDE0:[^:]*]]: i64, %[[STRIDE1:[^:]*]]: i64, %{{.*}}: f32) -> f32
// IDX32-LABEL: llvm.func @memref_arg(
// IDX32-SAME: %{{[^:]*}}: !llvm.ptr, %{{[^:]*}}: !llvm.ptr, %{{[^:]*}}: i32, %{{[^:]*}}: i32, %{{[^:]*}}: i32, %{{[^:]*}}: i32, %{{[^:]*}}: i32, %{{[^:]*}}: f32) -> f32
func.func @memref_arg(%m: memref<?x4xf32>, %x: f32) -> f32 {
  // CHECK: %[[D0:.*]] = llvm.mlir.poison : !llvm.struct<({{.*}}array<2 x i64>{{.*}})>
  // CHECK: llvm.insertvalue %[[ALLOC]], %[[D0]][0]
  // CHECK: llvm.insertvalue %[[ALIGN]], %{{.*}}[1]
  // CHECK: llvm.insertvalue %[[OFF]], %{{.*}}[2]
  // CHECK: llvm.insertvalue %[[SIZE0]], %{{.*}}[3, 0]
  // CHECK: llvm.insertvalue %[[STRIDE0]], %{{.*}}[4, 0]
  // CHECK: llvm.insertvalue %[[SIZE1]], %{{.*}}[3, 1]
  // CHECK: %[[D:.*]] = llvm.insertvalue %[[STRIDE1]], %{{.*}}[4, 1]
  // CHECK: builtin.unrealized_conversion_cast %[[D]] : !llvm.struct<({{.*}}array<2 x i64>{{.*}})> to memref<?x4xf32>
  %c0 = arith.constant 0 : index
  %v = memref.load %m[%c0, %c0] : memref<?x4xf32>
  // CHECK: llvm.return %{{.*}} : f32
  return %v : f32
}

// CHECK-LABEL: llvm.func @unranked(%{{.*}}: i64, %{{.*}}: !llvm.ptr)
func.func @unranked(%m: memref<*xf32>) {
  return
}

// Several results are returned as a struct.
// CHECK-LABEL: llvm.func @multiple_results(%{{.*}}: i32, %{{.*}}: f32) -> !llvm.struct<(i32, f32)>
func.func @multiple_results(%a: i32, %b: f32) -> (i32, f32) {
  // CHECK: llvm.mlir.poison : !llvm.struct<(i32, f32)>
  // CHECK: llvm.insertvalue %{{.*}}[0]
  // CHECK: %[[S:.*]] = llvm.insertvalue %{{.*}}[1]
  // CHECK: llvm.return %[[S]] : !llvm.struct<(i32, f32)>
  return %a, %b : i32, f32
}

// CHECK-LABEL: llvm.func @callee(!llvm.ptr, !llvm.ptr, i64, i64, i64, i64) -> !llvm.struct<({{.*}}array<2 x i64>{{.*}})>
// CHECK-SAME: sym_visibility = "private"
func.func private @callee(memref<?xf32>, index) -> memref<2x?xf32>

// Calls pass the descriptor's fields and get the result struct back.
// CHECK-LABEL: llvm.func @caller
func.func @caller(%m: memref<?xf32>) -> (i32, f32) {
  %c3 = arith.constant 3 : index
  // CHECK: llvm.extractvalue %{{.*}}[0] : !llvm.struct<({{.*}}array<1 x i64>{{.*}})>
  // CHECK: llvm.extractvalue %{{.*}}[4, 0] : !llvm.struct<({{.*}}array<1 x i64>{{.*}})>
  // CHECK: llvm.call @callee(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, !llvm.ptr, i64, i64, i64, i64) -> !llvm.struct<({{.*}}array<2 x i64>{{.*}})>
  %r = call @callee(%m, %c3) : (memref<?xf32>, index) -> memref<2x?xf32>
  %a = arith.constant 1 : i32
  %b = arith.constant 2.0 : f32
  // CHECK: %[[P:.*]] = llvm.call @multiple_results(%{{.*}}, %{{.*}}) : (i32, f32) -> !llvm.struct<(i32, f32)>
  // CHECK: llvm.extractvalue %[[P]][0] : !llvm.struct<(i32, f32)>
  // CHECK: llvm.extractvalue %[[P]][1] : !llvm.struct<(i32, f32)>
  %x, %y = call @multiple_results(%a, %b) : (i32, f32) -> (i32, f32)
  return %x, %y : i32, f32
}

// Visibility and linkage carry over.
// CHECK-LABEL: llvm.func internal @with_linkage()
func.func @with_linkage() attributes {llvm.linkage = #llvm.linkage<internal>} {
  return
}

// Argument and result attributes stay with their values.
// CHECK-LABEL: llvm.func @arg_attrs(
// CHECK-SAME: !llvm.ptr {llvm.noalias}
// CHECK-SAME: -> (i32 {llvm.zeroext})
func.func @arg_attrs(%a: !llvm.ptr {llvm.noalias}, %b: i32) -> (i32 {llvm.zeroext}) {
  return %b : i32
}
