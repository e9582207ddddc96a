// RUN: mlopt %s --buffer-results-to-out-params=hoist-dynamic-allocs | FileCheck %s

// An allocation sized by the function's arguments is made by the caller,
// with the sizes it passes.

// CHECK-LABEL: func.func private @make
// CHECK-SAME: (%[[N:[^:]+]]: index, %[[OUT:[^:]+]]: memref<?xf32>) {
// CHECK: memref.store %{{[^,]+}}, %[[OUT]][
// CHECK-NEXT: return{{$}}
func.func private @make(%n: index) -> memref<?xf32> {
  %c0 = arith.constant 0 : index
  %f = arith.constant 1.0 : f32
  %a = memref.alloc(%n) : memref<?xf32>
  memref.store %f, %a[%c0] : memref<?xf32>
  return %a : memref<?xf32>
}

// CHECK-LABEL: func.func @caller
// CHECK-SAME: (%[[SIZE:[^:]+]]: index)
// CHECK: %[[BUF:[^ ]+]] = memref.alloc(%[[SIZE]]) : memref<?xf32>
// CHECK-NEXT: call @make(%[[SIZE]], %[[BUF]]) : (index, memref<?xf32>) -> ()
func.func @caller(%size: index) {
  %m = call @make(%size) : (index) -> memref<?xf32>
  return
}
