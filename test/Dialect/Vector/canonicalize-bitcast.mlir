// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --canonicalize | FileCheck %s %}

// A bitcast to the same type, and one undone by the next, are no bitcasts; a
// chain of three starts the last one from the first operand.
// CHECK-LABEL: func.func @bitcast_chains
// CHECK-SAME: (%[[V:.*]]: vector<4xi32>)
// CHECK-NEXT: %[[B:.*]] = vector.bitcast %[[V]] : vector<4xi32> to vector<2xi64>
// CHECK-NEXT: return %[[V]], %[[V]], %[[B]]
func.func @bitcast_chains(%v: vector<4xi32>) -> (vector<4xi32>, vector<4xi32>, vector<2xi64>) {
  %same = vector.bitcast %v : vector<4xi32> to vector<4xi32>
  %bytes = vector.bitcast %v : vector<4xi32> to vector<16xi8>
  %back = vector.bitcast %bytes : vector<16xi8> to vector<4xi32>
  %halves = vector.bitcast %bytes : vector<16xi8> to vector<8xi16>
  %wide = vector.bitcast %halves : vector<8xi16> to vector<2xi64>
  return %same, %back, %wide : vector<4xi32>, vector<4xi32>, vector<2xi64>
}

// -----

// Splat constants cast to wider elements repeat their bits: 0x00AB twice is
// 0x00AB00AB, -1 in i8 is all ones in i32, the f16 bits of 1.0 (0x3C00) twice
// are the f32 0x3C003C00.
// CHECK-LABEL: func.func @bitcast_of_splats
// CHECK-DAG: arith.constant dense<11206827> : vector<2xi32>
// CHECK-DAG: arith.constant dense<-1> : vector<1xi32>
// CHECK-DAG: arith.constant dense<0.00782680511> : vector<2xf32>
// CHECK-NOT: vector.bitcast
func.func @bitcast_of_splats() -> (vector<2xi32>, vector<1xi32>, vector<2xf32>) {
  %a = arith.constant dense<171> : vector<4xi16>
  %b = arith.constant dense<-1> : vector<4xi8>
  %c = arith.constant dense<1.0> : vector<4xf16>
  %wa = vector.bitcast %a : vector<4xi16> to vector<2xi32>
  %wb = vector.bitcast %b : vector<4xi8> to vector<1xi32>
  %wc = vector.bitcast %c : vector<4xf16> to vector<2xf32>
  return %wa, %wb, %wc : vector<2xi32>, vector<1xi32>, vector<2xf32>
}

// -----

// A NaN's payload survives the cast: the f16 NaNs 0x7D01 and 0xFE03, twice
// side by side, are the f32 bit patterns 0x7D017D01 and 0xFE03FE03 (finite).
// CHECK-LABEL: func.func @bitcast_of_nan_splats
// CHECK-DAG: arith.constant dense<1.07574668{{[eE]}}+37> : vector<2xf32>
// CHECK-DAG: arith.constant dense<-4.38619429{{[eE]}}+37> : vector<2xf32>
// CHECK-NOT: vector.bitcast
func.func @bitcast_of_nan_splats() -> (vector<2xf32>, vector<2xf32>) {
  %quiet = arith.constant dense<0x7D01> : vector<4xf16>
  %negative = arith.constant dense<0xFE03> : vector<4xf16>
  %wq = vector.bitcast %quiet : vector<4xf16> to vector<2xf32>
  %wn = vector.bitcast %negative : vector<4xf16> to vector<2xf32>
  return %wq, %wn : vector<2xf32>, vector<2xf32>
}
