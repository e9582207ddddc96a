// RUN: mlopt %s --promote-buffers-to-stack | FileCheck %s
// RUN: mlopt %s --promote-buffers-to-stack='max-alloc-size-in-bytes=4096 max-rank-of-allocated-memref=2' | FileCheck %s --check-prefix=LARGER

// CHECK-LABEL: func.func @promote
// CHECK: %[[FREED:[^ ]+]] = memref.alloc() : memref<4xf32>
// CHECK: memref.alloc() : memref<1000xf32>
// CHECK: memref.alloca() : memref<2x2xf32>
// CHECK: memref.alloc(%{{[^)]+}}) : memref<?xf32>
// CHECK: memref.alloca(%{{[^)]+}}) : memref<?xf32>
// CHECK: %[[RET:[^ ]+]] = memref.alloc() : memref<4xf32>
// CHECK: %[[VIEWED:[^ ]+]] = memref.alloc() : memref<4xf32>
// CHECK: memref.alloca() : memref<4xindex>
// CHECK: return %[[RET]], %{{[^ ]+}}
// LARGER-LABEL: func.func @promote
// LARGER: memref.alloca() : memref<1000xf32>
func.func @promote(%n: index) -> (memref<4xf32>, memref<2xf32, strided<[1], offset: 1>>) {
  %c0 = arith.constant 0 : index
  %c3 = arith.constant 3 : index
  %f = arith.constant 1.0 : f32
  // Freed explicitly: stays.
  %freed = memref.alloc() : memref<4xf32>
  memref.store %f, %freed[%c0] : memref<4xf32>
  memref.dealloc %freed : memref<4xf32>
  // Too large (4000 bytes).
  %big = memref.alloc() : memref<1000xf32>
  memref.store %f, %big[%c0] : memref<1000xf32>
  %two = memref.alloc() : memref<2x2xf32>
  memref.store %f, %two[%c0, %c0] : memref<2x2xf32>
  // Dynamic: only with constant sizes.
  %dyn = memref.alloc(%n) : memref<?xf32>
  memref.store %f, %dyn[%c0] : memref<?xf32>
  %const = memref.alloc(%c3) : memref<?xf32>
  memref.store %f, %const[%c0] : memref<?xf32>
  // Returned, directly or through a view: stays.
  %ret = memref.alloc() : memref<4xf32>
  %viewed = memref.alloc() : memref<4xf32>
  %view = memref.subview %viewed[1] [2] [1] : memref<4xf32> to memref<2xf32, strided<[1], offset: 1>>
  %i = memref.alloc() : memref<4xindex>
  memref.store %c0, %i[%c0] : memref<4xindex>
  return %ret, %view : memref<4xf32>, memref<2xf32, strided<[1], offset: 1>>
}
