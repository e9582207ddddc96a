// RUN: mlopt %s --split-input-file --eliminate-empty-tensors | FileCheck %s
// Then one-shot-bufferize allocates nothing for the eliminated tensors:
// RUN: mlopt %s --split-input-file --eliminate-empty-tensors --one-shot-bufferize=bufferize-function-boundaries | FileCheck %s --check-prefix=BUFFERS

// A tile computed into an empty tensor and inserted into the destination is
// computed in the destination itself.
// CHECK-LABEL: func.func @tile(
// CHECK-SAME: %[[A:[a-z0-9]+]]: tensor<8x8xf32>, %[[DEST:[a-z0-9]+]]: tensor<16x16xf32>, %[[I:[a-z0-9]+]]: index
// CHECK: %[[PART:.*]] = tensor.extract_slice %[[DEST]][%[[I]], 0] [8, 8] [1, 1] : tensor<16x16xf32> to tensor<8x8xf32>
// CHECK: %[[F:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[PART]] : tensor<8x8xf32>)
// CHECK: %[[M:.*]] = linalg.matmul ins(%[[A]], %[[A]] : {{.*}}) outs(%[[F]] : tensor<8x8xf32>)
// CHECK: tensor.insert_slice %[[M]] into %[[DEST]][%[[I]], 0] [8, 8] [1, 1]
// BUFFERS-LABEL: func.func @tile(
// BUFFERS-NOT: memref.alloc
// BUFFERS: %[[PART:.*]] = memref.subview %{{.*}}[%{{.*}}, 0] [8, 8] [1, 1]
// BUFFERS: linalg.fill ins(%{{.*}} : f32) outs(%[[PART]]
func.func @tile(%a: tensor<8x8xf32>, %dest: tensor<16x16xf32>, %i: index) -> tensor<16x16xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x8xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<8x8xf32>) -> tensor<8x8xf32>
  %m = linalg.matmul ins(%a, %a : tensor<8x8xf32>, tensor<8x8xf32>) outs(%f : tensor<8x8xf32>) -> tensor<8x8xf32>
  %r = tensor.insert_slice %m into %dest[%i, 0] [8, 8] [1, 1] : tensor<8x8xf32> into tensor<16x16xf32>
  return %r : tensor<16x16xf32>
}

// -----

// materialize_in_destination: the destination itself replaces the empty tensor.
// CHECK-LABEL: func.func @materialize(
// CHECK-SAME: %[[A:[a-z0-9]+]]: tensor<4xf32>, %[[D:[a-z0-9]+]]: tensor<4xf32>
// CHECK: linalg.exp ins(%[[A]] : tensor<4xf32>) outs(%[[D]] : tensor<4xf32>)
func.func @materialize(%a: tensor<4xf32>, %d: tensor<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %c = linalg.exp ins(%a : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %r = bufferization.materialize_in_destination %c in %d : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// A destination computed after the tile is moved up before it, to be sliced
// there.
// CHECK-LABEL: func.func @destination_moved_up(
// CHECK: %[[D:.*]] = linalg.fill
// CHECK: %[[PART:.*]] = tensor.extract_slice %[[D]][0] [4] [1]
// CHECK: linalg.copy ins(%{{.*}} : tensor<4xf32>) outs(%[[PART]] : tensor<4xf32>)
func.func @destination_moved_up(%a: tensor<4xf32>, %x: f32, %dest: tensor<8xf32>) -> tensor<8xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %c = linalg.copy ins(%a : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %d = linalg.fill ins(%x : f32) outs(%dest : tensor<8xf32>) -> tensor<8xf32>
  %r = tensor.insert_slice %c into %d[0] [4] [1] : tensor<4xf32> into tensor<8xf32>
  return %r : tensor<8xf32>
}

// -----

// A destination that depends on the tile itself cannot: the empty tensor stays.
// CHECK-LABEL: func.func @destination_depends_on_tile(
// CHECK: %[[E:.*]] = tensor.empty() : tensor<4xf32>
// CHECK: linalg.copy ins(%{{.*}} : tensor<4xf32>) outs(%[[E]] : tensor<4xf32>)
func.func @destination_depends_on_tile(%a: tensor<4xf32>, %dest: tensor<8xf32>) -> tensor<8xf32> {
  %c0 = arith.constant 0 : index
  %e = tensor.empty() : tensor<4xf32>
  %c = linalg.copy ins(%a : tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %v = tensor.extract %c[%c0] : tensor<4xf32>
  %d = linalg.fill ins(%v : f32) outs(%dest : tensor<8xf32>) -> tensor<8xf32>
  %r = tensor.insert_slice %c into %d[0] [4] [1] : tensor<4xf32> into tensor<8xf32>
  return %r : tensor<8xf32>
}
