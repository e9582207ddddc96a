// RUN: mlopt %s --buffer-results-to-out-params --split-input-file | FileCheck %s
// RUN: mlopt %s --buffer-results-to-out-params='hoist-static-allocs add-result-attr' --split-input-file | FileCheck %s --check-prefix=HOIST
// RUN: mlopt %s --buffer-results-to-out-params=modify-public-functions --split-input-file | FileCheck %s --check-prefix=PUBLIC

// CHECK-LABEL: func.func private @make
// CHECK-SAME: (%[[OUT:[^:]+]]: memref<4xf32>) -> f32 {
// CHECK: %[[A:[^ ]+]] = memref.alloc() : memref<4xf32>
// CHECK: memref.copy %[[A]], %[[OUT]] : memref<4xf32> to memref<4xf32>
// CHECK-NEXT: return %{{[^ ]+}} : f32
// HOIST-LABEL: func.func private @make
// HOIST-SAME: (%[[OUT:[^:]+]]: memref<4xf32> {bufferize.result}) -> f32 {
// HOIST-NOT: memref.alloc
// HOIST: memref.store %{{[^,]+}}, %[[OUT]]
// HOIST-NEXT: return %{{[^ ]+}} : f32
func.func private @make() -> (f32, memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %a = memref.alloc() : memref<4xf32>
  %f = arith.constant 1.0 : f32
  memref.store %f, %a[%c0] : memref<4xf32>
  return %f, %a : f32, memref<4xf32>
}

// CHECK-LABEL: func.func private @pass_through
// CHECK-SAME: (%[[M:[^:]+]]: memref<4xf32>, %[[OUT:[^:]+]]: memref<4xf32>) {
// CHECK-NEXT: memref.copy %[[M]], %[[OUT]]
// CHECK-NEXT: return{{$}}
func.func private @pass_through(%m: memref<4xf32>) -> memref<4xf32> {
  return %m : memref<4xf32>
}

// Declarations keep their signature.
// CHECK: func.func private @external() -> memref<2xf32>
func.func private @external() -> memref<2xf32>

// The caller allocates the out-parameter and reads the result from it.
// CHECK-LABEL: func.func @caller
// CHECK: %[[BUF:[^ ]+]] = memref.alloc() : memref<4xf32>
// CHECK-NEXT: %{{[^ ]+}} = call @make(%[[BUF]]) : (memref<4xf32>) -> f32
// CHECK: call @external() : () -> memref<2xf32>
// CHECK: memref.load %[[BUF]]
// PUBLIC-LABEL: func.func @caller
// PUBLIC-SAME: -> f32
func.func @caller() -> f32 {
  %c0 = arith.constant 0 : index
  %f, %m = call @make() : () -> (f32, memref<4xf32>)
  %e = call @external() : () -> memref<2xf32>
  %v = memref.load %m[%c0] : memref<4xf32>
  return %v : f32
}

// -----

// Public functions change only with modify-public-functions.

// CHECK-LABEL: func.func @public
// CHECK-SAME: () -> memref<2xf32>
// PUBLIC-LABEL: func.func @public
// PUBLIC-SAME: (%{{[^:]+}}: memref<2xf32>) {
func.func @public() -> memref<2xf32> {
  %a = memref.alloc() : memref<2xf32>
  return %a : memref<2xf32>
}
