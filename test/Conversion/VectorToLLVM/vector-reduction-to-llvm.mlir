// RUN: mlopt %s --split-input-file --convert-vector-to-llvm | FileCheck %s

// A masked reduction reduces the masked lanes only: the others are replaced
// by the neutral element of the kind.
// CHECK-LABEL: func.func @masked_add
// CHECK: %[[NEUTRAL:.*]] = arith.constant dense<-0.000000e+00> : vector<8xf32>
// CHECK: %[[LANES:.*]] = arith.select %{{.*}}, %{{.*}}, %[[NEUTRAL]] : vector<8xi1>, vector<8xf32>
// CHECK: "llvm.intr.vector.reduce.fadd"(%{{.*}}, %[[LANES]]) <{fastmathFlags = #llvm.fastmath<none>}> : (f32, vector<8xf32>) -> f32
func.func @masked_add(%v: vector<8xf32>, %acc: f32, %m: vector<8xi1>) -> f32 {
  %0 = vector.mask %m { vector.reduction <add>, %v, %acc : vector<8xf32> into f32 } : vector<8xi1> -> f32
  return %0 : f32
}

// -----

// CHECK-LABEL: func.func @masked_max
// CHECK: arith.constant dense<-2147483648> : vector<4xi32>
// CHECK: llvm.intr.vector.reduce.smax
func.func @masked_max(%v: vector<4xi32>, %m: vector<4xi1>) -> i32 {
  %0 = vector.mask %m { vector.reduction <maxsi>, %v : vector<4xi32> into i32 } : vector<4xi1> -> i32
  return %0 : i32
}

// -----

// 0-d transfers are scalar loads and stores.
// CHECK-LABEL: func.func @zero_d
// CHECK: %[[LOADED:.*]] = memref.load %{{.*}}[] : memref<f32>
// CHECK: llvm.insertelement %[[LOADED]]
// CHECK: %[[SCALAR:.*]] = llvm.extractelement
// CHECK: memref.store %[[SCALAR]], %{{.*}}[] : memref<f32>
func.func @zero_d(%m: memref<f32>, %pad: f32) -> vector<f32> {
  %0 = vector.transfer_read %m[], %pad : memref<f32>, vector<f32>
  vector.transfer_write %0, %m[] : vector<f32>, memref<f32>
  return %0 : vector<f32>
}
