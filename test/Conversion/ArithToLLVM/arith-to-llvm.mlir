// RUN: mlopt %s --convert-arith-to-llvm | FileCheck %s
// RUN: mlopt %s --convert-arith-to-llvm='index-bitwidth=32' | FileCheck %s --check-prefix=IDX32

// CHECK-LABEL: func.func @integer_ops
func.func @integer_ops(%a: i32, %b: i32) -> (i32, i32, i32, i32, i1) {
  // CHECK: %[[ADD:.*]] = llvm.add %{{.*}}, %{{.*}} overflow<nsw> : i32
  %0 = arith.addi %a, %b overflow<nsw> : i32
  // CHECK: llvm.sdiv %{{.*}}, %{{.*}} : i32
  %1 = arith.divsi %a, %b : i32
  // CHECK: llvm.intr.smin(%{{.*}}, %{{.*}}) : (i32, i32) -> i32
  %2 = arith.minsi %a, %b : i32
  // CHECK: llvm.ashr %{{.*}}, %{{.*}} : i32
  %3 = arith.shrsi %a, %b : i32
  // CHECK: llvm.icmp "uge" %{{.*}}, %{{.*}} : i32
  %4 = arith.cmpi uge, %a, %b : i32
  return %0, %1, %2, %3, %4 : i32, i32, i32, i32, i1
}

// CHECK-LABEL: func.func @float_ops
func.func @float_ops(%x: f32, %y: f32) -> (f32, f32, i1, f32) {
  // CHECK: llvm.fadd %{{.*}}, %{{.*}} {fastmathFlags = #llvm.fastmath<fast>} : f32
  %0 = arith.addf %x, %y fastmath<fast> : f32
  // CHECK: llvm.intr.maximum(%{{.*}}, %{{.*}}) : (f32, f32) -> f32
  %1 = arith.maximumf %x, %y : f32
  // CHECK: llvm.fcmp "ult" %{{.*}}, %{{.*}} : f32
  %2 = arith.cmpf ult, %x, %y : f32
  // CHECK: llvm.fneg %{{.*}} : f32
  %3 = arith.negf %x : f32
  return %0, %1, %2, %3 : f32, f32, i1, f32
}

// CHECK-LABEL: func.func @casts
func.func @casts(%a: i32, %x: f32, %i: index) -> (i64, f64, i32, index, i64) {
  // CHECK: llvm.sext %{{.*}} : i32 to i64
  %0 = arith.extsi %a : i32 to i64
  // CHECK: llvm.fpext %{{.*}} : f32 to f64
  %1 = arith.extf %x : f32 to f64
  // CHECK: llvm.fptosi %{{.*}} : f32 to i32
  %2 = arith.fptosi %x : f32 to i32
  // CHECK: llvm.zext %{{.*}} : i32 to i64
  %3 = arith.index_castui %a : i32 to index
  // The index is already i64: no op.
  // CHECK-NOT: llvm.trunc
  // CHECK: return
  %4 = arith.index_cast %i : index to i64
  return %0, %1, %2, %3, %4 : i64, f64, i32, index, i64
}

// CHECK-LABEL: func.func @index_arith
// IDX32-LABEL: func.func @index_arith
func.func @index_arith(%i: index) -> index {
  // CHECK: %[[C:.*]] = llvm.mlir.constant(7 : index) : i64
  // CHECK: llvm.mul %{{.*}}, %[[C]] : i64
  // IDX32: llvm.mlir.constant(7 : index) : i32
  // IDX32: llvm.mul %{{.*}}, %{{.*}} : i32
  %c7 = arith.constant 7 : index
  %0 = arith.muli %i, %c7 : index
  return %0 : index
}

// Upstream's expansion: sdiv, then one less when the remainder is non-zero
// and the signs differ.
// CHECK-LABEL: func.func @floordiv
func.func @floordiv(%a: i32, %b: i32) -> i32 {
  // CHECK: %[[Q:.*]] = llvm.sdiv
  // CHECK: llvm.icmp "ne"
  // CHECK: llvm.icmp "slt"
  // CHECK: llvm.icmp "slt"
  // CHECK: llvm.icmp "ne"
  // CHECK: llvm.and
  // CHECK: llvm.select %{{.*}}, %{{.*}}, %[[Q]] : i1, i32
  %0 = arith.floordivsi %a, %b : i32
  return %0 : i32
}

// n-D vectors are arrays of 1-D vectors, converted row by row.
// CHECK-LABEL: func.func @vectors
func.func @vectors(%v: vector<4xf32>, %w: vector<2x4xi32>) -> (vector<4xf32>, vector<2x4xi32>) {
  // CHECK: llvm.mlir.constant(dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : vector<4xf32>) : vector<4xf32>
  %c = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : vector<4xf32>
  // CHECK: llvm.fadd %{{.*}}, %{{.*}} : vector<4xf32>
  %0 = arith.addf %v, %c : vector<4xf32>
  // CHECK: llvm.extractvalue %{{.*}}[0] : !llvm.array<2 x vector<4xi32>>
  // CHECK: llvm.add %{{.*}}, %{{.*}} : vector<4xi32>
  // CHECK: llvm.insertvalue %{{.*}}, %{{.*}}[0] : !llvm.array<2 x vector<4xi32>>
  // CHECK: llvm.extractvalue %{{.*}}[1] : !llvm.array<2 x vector<4xi32>>
  // CHECK: llvm.add %{{.*}}, %{{.*}} : vector<4xi32>
  // CHECK: llvm.insertvalue %{{.*}}, %{{.*}}[1] : !llvm.array<2 x vector<4xi32>>
  %1 = arith.addi %w, %w : vector<2x4xi32>
  return %0, %1 : vector<4xf32>, vector<2x4xi32>
}

// CHECK-LABEL: func.func @extended
func.func @extended(%a: i32, %b: i32) -> (i32, i1, i32) {
  // CHECK: %[[P:.*]] = "llvm.intr.uadd.with.overflow"(%{{.*}}, %{{.*}}) : (i32, i32) -> !llvm.struct<(i32, i1)>
  // CHECK: llvm.extractvalue %[[P]][0]
  // CHECK: llvm.extractvalue %[[P]][1]
  %sum, %carry = arith.addui_extended %a, %b : i32, i1
  // CHECK: llvm.sext %{{.*}} : i32 to i64
  // CHECK: llvm.mul %{{.*}}, %{{.*}} : i64
  // CHECK: llvm.lshr
  %low, %high = arith.mulsi_extended %a, %b : i32
  return %sum, %carry, %high : i32, i1, i32
}
