// RUN: mlopt %s --drop-equivalent-buffer-results | FileCheck %s

// CHECK-LABEL: func.func private @update
// CHECK-SAME: (%{{[^:]+}}: memref<4xf32>, %{{[^:]+}}: memref<?xf32>) -> f32 {
// CHECK: return %{{[^ ]+}} : f32
func.func private @update(%a: memref<4xf32>, %b: memref<?xf32>) -> (memref<4xf32>, f32, memref<?xf32>) {
  %c = arith.constant 1.0 : f32
  %cast = memref.cast %b : memref<?xf32> to memref<?xf32>
  return %a, %c, %cast : memref<4xf32>, f32, memref<?xf32>
}

// A result that is not an argument stays.
// CHECK-LABEL: func.func private @fresh
// CHECK-SAME: -> memref<4xf32>
func.func private @fresh() -> memref<4xf32> {
  %a = memref.alloc() : memref<4xf32>
  return %a : memref<4xf32>
}

// CHECK-LABEL: func.func @caller
// CHECK-SAME: (%[[A:[^:]+]]: memref<4xf32>, %[[B:[^:]+]]: memref<?xf32>)
// CHECK: call @update(%[[A]], %[[B]]) : (memref<4xf32>, memref<?xf32>) -> f32
// CHECK: memref.load %[[A]]
// CHECK: memref.load %[[B]]
func.func @caller(%a: memref<4xf32>, %b: memref<?xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %r:3 = call @update(%a, %b) : (memref<4xf32>, memref<?xf32>) -> (memref<4xf32>, f32, memref<?xf32>)
  %v = memref.load %r#0[%c0] : memref<4xf32>
  %w = memref.load %r#2[%c0] : memref<?xf32>
  %x = call @fresh() : () -> memref<4xf32>
  return %v : f32
}
