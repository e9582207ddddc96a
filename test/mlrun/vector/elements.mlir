// Element-level ops: to_elements, interleave/deinterleave (1-D and 2-D), n-D
// fma, step, n-D constant masks, bitcast and n-D from_elements.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// REQUIRES: mlir-runner
// RUN: %mlir_opt %s --test-lower-to-llvm | %mlir_runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so.22.1,%mlir_lib_dir/libmlir_c_runner_utils.so.22.1 | FileCheck %s

func.func @main() {
  %v = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : vector<4xf32>
  %w = arith.constant dense<[10.0, 20.0, 30.0, 40.0]> : vector<4xf32>
  %a, %b, %c, %d = vector.to_elements %v : vector<4xf32>
  // CHECK: 3
  vector.print %c : f32
  %i = vector.interleave %v, %w : vector<4xf32> -> vector<8xf32>
  // CHECK: ( 1, 10, 2, 20, 3, 30, 4, 40 )
  vector.print %i : vector<8xf32>
  %e, %o = vector.deinterleave %i : vector<8xf32> -> vector<4xf32>
  // CHECK: ( 10, 20, 30, 40 )
  vector.print %o : vector<4xf32>
  %m = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : vector<2x2xf32>
  %i2 = vector.interleave %m, %m : vector<2x2xf32> -> vector<2x4xf32>
  // CHECK: ( ( 1, 1, 2, 2 ), ( 3, 3, 4, 4 ) )
  vector.print %i2 : vector<2x4xf32>
  %e2, %o2 = vector.deinterleave %i2 : vector<2x4xf32> -> vector<2x2xf32>
  // CHECK: ( ( 1, 2 ), ( 3, 4 ) )
  vector.print %o2 : vector<2x2xf32>
  %f = vector.fma %m, %m, %m : vector<2x2xf32>
  // CHECK: ( ( 2, 6 ), ( 12, 20 ) )
  vector.print %f : vector<2x2xf32>
  %s = vector.step : vector<5xindex>
  // CHECK: ( 0, 1, 2, 3, 4 )
  vector.print %s : vector<5xindex>
  %cm = vector.constant_mask [1, 2] : vector<2x3xi1>
  // CHECK: ( ( 1, 1, 0 ), ( 0, 0, 0 ) )
  vector.print %cm : vector<2x3xi1>
  %z = arith.constant dense<0> : vector<4xi32>
  %vi = arith.constant dense<[1, 2, 3, 4]> : vector<4xi32>
  %bc = vector.bitcast %vi : vector<4xi32> to vector<8xi16>
  // CHECK: ( 1, 0, 2, 0, 3, 0, 4, 0 )
  vector.print %bc : vector<8xi16>
  %mem = memref.alloc() : memref<4x4xf32>
  %c0 = arith.constant 0 : index
  %fe = vector.from_elements %a, %b, %c, %d, %a, %b : vector<2x3xf32>
  // CHECK: ( ( 1, 2, 3 ), ( 4, 1, 2 ) )
  vector.print %fe : vector<2x3xf32>
  memref.dealloc %mem : memref<4x4xf32>
  return
}
