// What one-shot-bufferize writes: allocations where the analysis asked for a
// copy, views for slices and reshapes, stores for insertions, and buffers
// across function boundaries.
// RUN: mlopt %s --split-input-file --one-shot-bufferize="bufferize-function-boundaries" | FileCheck %s
// RUN: mlopt %s --split-input-file --one-shot-bufferize | FileCheck %s --check-prefix=NOFUNC

// CHECK-LABEL: func.func @dense(
// CHECK-SAME: %[[X:[a-z0-9]+]]: memref<4x8xf32, strided<[?, ?], offset: ?>>
// CHECK-SAME: -> memref<4x16xf32>
// CHECK: %[[EMPTY:.*]] = memref.alloc() {alignment = 64 : i64} : memref<4x16xf32>
// CHECK: %[[FILLED:.*]] = memref.alloc() {alignment = 64 : i64} : memref<4x16xf32>
// CHECK: linalg.fill ins(%{{.*}} : f32) outs(%[[FILLED]] : memref<4x16xf32>)
// CHECK: %[[ACC:.*]] = memref.alloc() {alignment = 64 : i64} : memref<4x16xf32>
// CHECK: memref.copy %[[FILLED]], %[[ACC]]
// CHECK: linalg.matmul ins(%[[X]], %{{.*}} : {{.*}}) outs(%[[ACC]] : memref<4x16xf32>)
// CHECK: linalg.broadcast ins(%{{.*}}) outs(%[[EMPTY]] : memref<4x16xf32>)
// CHECK: linalg.add ins(%[[ACC]], %[[EMPTY]] : {{.*}}) outs(%[[EMPTY]] : memref<4x16xf32>)
// CHECK: linalg.max ins(%[[EMPTY]], %[[FILLED]] : {{.*}}) outs(%[[EMPTY]] : memref<4x16xf32>)
// CHECK: return %[[EMPTY]] : memref<4x16xf32>
// Without function boundaries the arguments are read through to_buffer and
// the result handed back through to_tensor.
// NOFUNC-LABEL: func.func @dense(
// NOFUNC-SAME: tensor<4x8xf32>
// NOFUNC-DAG: bufferization.to_buffer %{{.*}} : tensor<4x8xf32> to memref<4x8xf32, strided<[?, ?], offset: ?>>
// NOFUNC: %[[R:.*]] = bufferization.to_tensor %{{.*}} : memref<4x16xf32> to tensor<4x16xf32>
// NOFUNC: return %[[R]] : tensor<4x16xf32>
func.func @dense(%x: tensor<4x8xf32>, %w: tensor<8x16xf32>, %b: tensor<16xf32>) -> tensor<4x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %m = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x16xf32>) outs(%f : tensor<4x16xf32>) -> tensor<4x16xf32>
  %bb = linalg.broadcast ins(%b : tensor<16xf32>) outs(%e : tensor<4x16xf32>) dimensions = [0]
  %s = linalg.add ins(%m, %bb : tensor<4x16xf32>, tensor<4x16xf32>) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %r = linalg.max ins(%s, %f : tensor<4x16xf32>, tensor<4x16xf32>) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %r : tensor<4x16xf32>
}

// -----

// A loop carries the argument's buffer and stores into it.
// CHECK-LABEL: func.func @loop(
// CHECK-SAME: %[[T:.*]]: memref<8xf32, strided<[?], offset: ?>>
// CHECK: %[[R:.*]] = scf.for {{.*}} iter_args(%[[A:.*]] = %[[T]]) -> (memref<8xf32, strided<[?], offset: ?>>)
// CHECK: memref.load %[[A]]
// CHECK: memref.store %{{.*}}, %[[A]]
// CHECK: scf.yield %[[A]] : memref<8xf32, strided<[?], offset: ?>>
// CHECK: return %[[R]] : memref<8xf32, strided<[?], offset: ?>>
func.func @loop(%t: tensor<8xf32>, %n: index) -> tensor<8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %f = arith.constant 2.0 : f32
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %t) -> (tensor<8xf32>) {
    %v = tensor.extract %a[%i] : tensor<8xf32>
    %w = arith.mulf %v, %f : f32
    %b = tensor.insert %w into %a[%i] : tensor<8xf32>
    scf.yield %b : tensor<8xf32>
  }
  return %r : tensor<8xf32>
}

// -----

// Slices are subviews; the rank-reducing one drops the unit dimension.
// CHECK-LABEL: func.func @slices(
// CHECK-SAME: %[[T:[a-z0-9]+]]: memref<16x16xf32, strided<[?, ?], offset: ?>>
// CHECK: %[[S:.*]] = memref.subview %[[T]][0, 0] [4, 4] [1, 1] : memref<16x16xf32, strided<[?, ?], offset: ?>> to memref<4x4xf32, strided<[?, ?], offset: ?>>
// CHECK: linalg.fill ins(%{{.*}} : f32) outs(%[[S]]
// CHECK: %[[D:.*]] = memref.subview %[[T]][0, 0] [4, 4] [1, 1]
// CHECK: memref.copy %[[S]], %[[D]]
// CHECK: %[[ROW:.*]] = memref.subview %[[T]][3, 0] [1, 16] [1, 1] : memref<16x16xf32, strided<[?, ?], offset: ?>> to memref<16xf32, strided<[?], offset: ?>>
// CHECK: memref.load %[[ROW]]
func.func @slices(%t: tensor<16x16xf32>, %x: f32) -> (tensor<16x16xf32>, f32) {
  %c2 = arith.constant 2 : index
  %s = tensor.extract_slice %t[0, 0][4, 4][1, 1] : tensor<16x16xf32> to tensor<4x4xf32>
  %f = linalg.fill ins(%x : f32) outs(%s : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r = tensor.insert_slice %f into %t[0, 0][4, 4][1, 1] : tensor<4x4xf32> into tensor<16x16xf32>
  %row = tensor.extract_slice %r[3, 0][1, 16][1, 1] : tensor<16x16xf32> to tensor<16xf32>
  %v = tensor.extract %row[%c2] : tensor<16xf32>
  return %r, %v : tensor<16x16xf32>, f32
}

// -----

// A tensor constant is a private constant global, copied before a write.
// CHECK: memref.global "private" constant @__constant_4xf32 : memref<4xf32> = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> {alignment = 64 : i64}
// CHECK-LABEL: func.func @constant(
// CHECK: %[[G:.*]] = memref.get_global @__constant_4xf32 : memref<4xf32>
// CHECK: %[[C:.*]] = memref.alloc() {alignment = 64 : i64} : memref<4xf32>
// CHECK: memref.copy %[[G]], %[[C]]
// CHECK: memref.store %{{.*}}, %[[C]]
// CHECK: memref.load %[[G]]
func.func @constant(%i: index, %x: f32) -> (tensor<4xf32>, f32) {
  %cst = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %b = tensor.insert %x into %cst[%i] : tensor<4xf32>
  %v = tensor.extract %cst[%i] : tensor<4xf32>
  return %b, %v : tensor<4xf32>, f32
}

// -----

// Dynamic shapes: an empty tensor allocates its sizes; a copy of a dynamic
// tensor reads them with memref.dim.
// CHECK-LABEL: func.func @dynamic(
// CHECK-SAME: %[[T:[a-z0-9]+]]: memref<?xf32, strided<[?], offset: ?>>, %[[N:[a-z0-9]+]]: index
// CHECK: %[[E:.*]] = memref.alloc(%[[N]]) {alignment = 64 : i64} : memref<?xf32>
// CHECK: %[[D:.*]] = memref.dim %[[T]], %{{.*}} : memref<?xf32, strided<[?], offset: ?>>
// CHECK: %[[C:.*]] = memref.alloc(%[[D]]) {alignment = 64 : i64} : memref<?xf32>
// CHECK: memref.copy %[[T]], %[[C]]
func.func @dynamic(%t: tensor<?xf32>, %n: index, %i: index, %x: f32) -> (tensor<?xf32>, tensor<?xf32>, f32) {
  %e = tensor.empty(%n) : tensor<?xf32>
  %f = linalg.fill ins(%x : f32) outs(%e : tensor<?xf32>) -> tensor<?xf32>
  %b = tensor.insert %x into %t[%i] : tensor<?xf32>
  %v = tensor.extract %t[%i] : tensor<?xf32>
  return %f, %b, %v : tensor<?xf32>, tensor<?xf32>, f32
}

// -----

// Calls pass buffers; an external function takes fully dynamic layouts.
// CHECK-LABEL: func.func private @printMemrefF32(memref<*xf32>)
// CHECK-LABEL: func.func @print(
// CHECK: %[[U:.*]] = memref.cast %{{.*}} : memref<2xf32, strided<[?], offset: ?>> to memref<*xf32>
// CHECK: call @printMemrefF32(%[[U]]) : (memref<*xf32>) -> ()
func.func private @printMemrefF32(tensor<*xf32>)
func.func @print(%t: tensor<2xf32>) {
  %u = tensor.cast %t : tensor<2xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

// -----

// A constant without elements is a global too.
// CHECK: memref.global "private" constant @__constant_0xf32 : memref<0xf32> = dense<> {alignment = 64 : i64}
// CHECK-LABEL: func.func @empty_constant(
// CHECK: memref.get_global @__constant_0xf32 : memref<0xf32>
func.func @empty_constant() -> tensor<0xf32> {
  %c = arith.constant dense<> : tensor<0xf32>
  %e = tensor.empty() : tensor<0xf32>
  %r = linalg.copy ins(%c : tensor<0xf32>) outs(%e : tensor<0xf32>) -> tensor<0xf32>
  return %r : tensor<0xf32>
}
