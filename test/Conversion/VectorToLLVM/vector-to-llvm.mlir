// RUN: mlopt %s --convert-vector-to-llvm | FileCheck %s
// RUN: mlopt %s --convert-vector-to-llvm='reassociate-fp-reductions=1' | FileCheck %s --check-prefix=REASSOC

// CHECK-DAG: llvm.func @printOpen()
// CHECK-DAG: llvm.func @printClose()
// CHECK-DAG: llvm.func @printComma()
// CHECK-DAG: llvm.func @printF32(f32)
// CHECK-DAG: llvm.func @printNewline()

// A scalar broadcast is an insertelement and a zero shuffle, as upstream.
// CHECK-LABEL: func.func @broadcast
func.func @broadcast(%x: f32, %v: vector<4xf32>) -> (vector<4xf32>, vector<2x4xf32>) {
  // CHECK: %[[P:.*]] = llvm.mlir.poison : vector<4xf32>
  // CHECK: %[[I:.*]] = llvm.insertelement %{{.*}}, %[[P]][%{{.*}} : i32] : vector<4xf32>
  // CHECK: llvm.shufflevector %[[I]], %[[P]] [0, 0, 0, 0] : vector<4xf32>
  %0 = vector.broadcast %x : f32 to vector<4xf32>
  // CHECK: llvm.insertvalue %{{.*}}, %{{.*}}[0] : !llvm.array<2 x vector<4xf32>>
  // CHECK: llvm.insertvalue %{{.*}}, %{{.*}}[1] : !llvm.array<2 x vector<4xf32>>
  %1 = vector.broadcast %v : vector<4xf32> to vector<2x4xf32>
  return %0, %1 : vector<4xf32>, vector<2x4xf32>
}

// CHECK-LABEL: func.func @extract_insert
func.func @extract_insert(%x: f32, %v: vector<4xf32>, %w: vector<2x4xf32>, %i: index) -> (f32, f32, vector<2x4xf32>) {
  // CHECK: %[[ROW:.*]] = llvm.extractvalue %{{.*}}[1] : !llvm.array<2 x vector<4xf32>>
  // CHECK: %[[TWO:.*]] = llvm.mlir.constant(2 : i64) : i64
  // CHECK: llvm.extractelement %[[ROW]][%[[TWO]] : i64] : vector<4xf32>
  %0 = vector.extract %w[1, 2] : f32 from vector<2x4xf32>
  // CHECK: llvm.extractelement %{{.*}}[%{{.*}} : i64] : vector<4xf32>
  %1 = vector.extract %v[%i] : f32 from vector<4xf32>
  // CHECK: %[[R0:.*]] = llvm.extractvalue %{{.*}}[0] : !llvm.array<2 x vector<4xf32>>
  // CHECK: %[[NEW:.*]] = llvm.insertelement %{{.*}}, %[[R0]][%{{.*}} : i64] : vector<4xf32>
  // CHECK: llvm.insertvalue %[[NEW]], %{{.*}}[0] : !llvm.array<2 x vector<4xf32>>
  %2 = vector.insert %x, %w[0, 3] : f32 into vector<2x4xf32>
  return %0, %1, %2 : f32, f32, vector<2x4xf32>
}

// CHECK-LABEL: func.func @memory
func.func @memory(%m: memref<?xf32>, %i: index, %pad: f32) -> (vector<4xf32>, vector<4xf32>) {
  // CHECK: %[[ADDR:.*]] = llvm.getelementptr inbounds|nuw %{{.*}}[%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f32
  // CHECK: llvm.load %[[ADDR]] {alignment = 4 : i64} : !llvm.ptr -> vector<4xf32>
  %0 = vector.load %m[%i] : memref<?xf32>, vector<4xf32>
  // CHECK: llvm.store %{{.*}}, %{{.*}} {alignment = 4 : i64} : vector<4xf32>, !llvm.ptr
  vector.store %0, %m[%i] : memref<?xf32>, vector<4xf32>
  // Out of bounds lanes are masked: lane < dim - index.
  // CHECK: %[[DIM:.*]] = llvm.extractvalue %{{.*}}[3, 0]
  // CHECK: %[[LEFT:.*]] = llvm.sub %[[DIM]], %{{.*}} : i64
  // CHECK: %[[LANES:.*]] = llvm.mlir.constant(dense<[0, 1, 2, 3]> : vector<4xi64>) : vector<4xi64>
  // CHECK: %[[MASK:.*]] = llvm.icmp "slt" %[[LANES]], %{{.*}} : vector<4xi64>
  // CHECK: llvm.intr.masked.load %{{.*}}, %[[MASK]], %{{.*}} {alignment = 4 : i32} : (!llvm.ptr, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
  %1 = vector.transfer_read %m[%i], %pad : memref<?xf32>, vector<4xf32>
  return %0, %1 : vector<4xf32>, vector<4xf32>
}

// CHECK-LABEL: func.func @reductions
// REASSOC-LABEL: func.func @reductions
func.func @reductions(%v: vector<4xf32>, %acc: f32, %iv: vector<4xi32>) -> (f32, f32, i32) {
  // CHECK: "llvm.intr.vector.reduce.fadd"(%{{.*}}, %{{.*}}) <{fastmathFlags = #llvm.fastmath<none>}> : (f32, vector<4xf32>) -> f32
  // REASSOC: "llvm.intr.vector.reduce.fadd"(%{{.*}}, %{{.*}}) <{fastmathFlags = #llvm.fastmath<reassoc>}> : (f32, vector<4xf32>) -> f32
  %0 = vector.reduction <add>, %v, %acc : vector<4xf32> into f32
  // CHECK: llvm.intr.vector.reduce.fmaximum(%{{.*}}) : (vector<4xf32>) -> f32
  %1 = vector.reduction <maximumf>, %v : vector<4xf32> into f32
  // CHECK: "llvm.intr.vector.reduce.add"(%{{.*}}) : (vector<4xi32>) -> i32
  %2 = vector.reduction <add>, %iv : vector<4xi32> into i32
  return %0, %1, %2 : f32, f32, i32
}

// CHECK-LABEL: func.func @fma
func.func @fma(%a: vector<4xf32>, %b: vector<4xf32>, %c: vector<4xf32>) -> vector<4xf32> {
  // CHECK: llvm.intr.fmuladd(%{{.*}}, %{{.*}}, %{{.*}}) : (vector<4xf32>, vector<4xf32>, vector<4xf32>) -> vector<4xf32>
  %0 = vector.fma %a, %b, %c : vector<4xf32>
  return %0 : vector<4xf32>
}

// A vector prints element by element between printOpen and printClose.
// CHECK-LABEL: func.func @print
func.func @print(%v: vector<2xf32>) {
  // CHECK: llvm.call @printOpen() : () -> ()
  // CHECK: llvm.call @printF32(%{{.*}}) : (f32) -> ()
  // CHECK-NEXT: llvm.call @printComma() : () -> ()
  // CHECK: llvm.call @printF32(%{{.*}}) : (f32) -> ()
  // CHECK-NEXT: llvm.call @printClose() : () -> ()
  // CHECK-NEXT: llvm.call @printNewline() : () -> ()
  vector.print %v : vector<2xf32>
  return
}

// Whole rows move with shuffles: each row to its lanes, then merged.
// CHECK-LABEL: func.func @shape_cast
func.func @shape_cast(%w: vector<2x2xf32>) -> vector<4xf32> {
  // CHECK-NOT: llvm.extractelement
  // CHECK: %[[R0:.*]] = llvm.extractvalue %{{.*}}[0] : !llvm.array<2 x vector<2xf32>>
  // CHECK: %[[R1:.*]] = llvm.extractvalue %{{.*}}[1] : !llvm.array<2 x vector<2xf32>>
  // CHECK: %[[W0:.*]] = llvm.shufflevector %[[R0]], %[[R0]] [0, 1, 0, 0] : vector<2xf32>
  // CHECK: %[[W1:.*]] = llvm.shufflevector %[[R1]], %[[R1]] [0, 0, 0, 1] : vector<2xf32>
  // CHECK: llvm.shufflevector %[[W0]], %[[W1]] [0, 1, 6, 7] : vector<4xf32>
  %0 = vector.shape_cast %w : vector<2x2xf32> to vector<4xf32>
  return %0 : vector<4xf32>
}
