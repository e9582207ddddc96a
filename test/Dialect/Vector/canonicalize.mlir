// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --canonicalize | FileCheck %s %}

// CHECK-LABEL: func.func @transpose_in_place
// CHECK-SAME: (%[[V:[^:]*]]: vector<2x3x4xf32>)
// CHECK-NEXT: return %[[V]]
func.func @transpose_in_place(%v: vector<2x3x4xf32>) -> vector<2x3x4xf32> {
  %0 = vector.transpose %v, [0, 1, 2] : vector<2x3x4xf32> to vector<2x3x4xf32>
  return %0 : vector<2x3x4xf32>
}

// -----

// CHECK-LABEL: func.func @transposes_that_cancel
// CHECK-SAME: (%[[V:[^:]*]]: vector<2x5xi8>)
// CHECK-NEXT: return %[[V]]
func.func @transposes_that_cancel(%v: vector<2x5xi8>) -> vector<2x5xi8> {
  %0 = vector.transpose %v, [1, 0] : vector<2x5xi8> to vector<5x2xi8>
  %1 = vector.transpose %0, [1, 0] : vector<5x2xi8> to vector<2x5xi8>
  return %1 : vector<2x5xi8>
}

// -----

// CHECK-LABEL: func.func @transposes_that_compose
// CHECK-SAME: (%[[V:[^:]*]]: vector<2x3x4xf32>)
// CHECK-NEXT: %[[T:.*]] = vector.transpose %[[V]], [2, 0, 1] : vector<2x3x4xf32> to vector<4x2x3xf32>
// CHECK-NEXT: return %[[T]]
func.func @transposes_that_compose(%v: vector<2x3x4xf32>) -> vector<4x2x3xf32> {
  %0 = vector.transpose %v, [1, 2, 0] : vector<2x3x4xf32> to vector<3x4x2xf32>
  %1 = vector.transpose %0, [1, 2, 0] : vector<3x4x2xf32> to vector<4x2x3xf32>
  return %1 : vector<4x2x3xf32>
}

// -----

// CHECK-LABEL: func.func @slice_of_everything
// CHECK-SAME: (%[[V:[^:]*]]: vector<4x8xf32>)
// CHECK-NEXT: return %[[V]]
func.func @slice_of_everything(%v: vector<4x8xf32>) -> vector<4x8xf32> {
  %0 = vector.extract_strided_slice %v {offsets = [0], sizes = [4], strides = [1]} : vector<4x8xf32> to vector<4x8xf32>
  return %0 : vector<4x8xf32>
}

// -----

// CHECK-LABEL: func.func @mask_of_constant_sizes
// CHECK-NEXT: %[[M:.*]] = vector.constant_mask [2, 4] : vector<3x4xi1>
// CHECK-NEXT: return %[[M]]
func.func @mask_of_constant_sizes() -> vector<3x4xi1> {
  %c2 = arith.constant 2 : index
  %c9 = arith.constant 9 : index
  %0 = vector.create_mask %c2, %c9 : vector<3x4xi1>
  return %0 : vector<3x4xi1>
}

// -----

// A mask that sets nothing (or everything) is a constant.

// CHECK-LABEL: func.func @mask_with_an_empty_dimension
// CHECK-NEXT: %[[M:.*]] = arith.constant dense<false> : vector<3x4xi1>
// CHECK-NEXT: return %[[M]]
func.func @mask_with_an_empty_dimension() -> vector<3x4xi1> {
  %c3 = arith.constant 3 : index
  %cm1 = arith.constant -1 : index
  %0 = vector.create_mask %c3, %cm1 : vector<3x4xi1>
  return %0 : vector<3x4xi1>
}

// -----

// CHECK-LABEL: func.func @mask_of_unknown_size
// CHECK: vector.create_mask
func.func @mask_of_unknown_size(%n: index) -> vector<4xi1> {
  %0 = vector.create_mask %n : vector<4xi1>
  return %0 : vector<4xi1>
}

// -----

// CHECK-LABEL: func.func @slice_of_constant_mask
// CHECK-NEXT: %[[M:.*]] = vector.constant_mask [2, 3] : vector<2x6xi1>
// CHECK-NEXT: return %[[M]]
func.func @slice_of_constant_mask() -> vector<2x6xi1> {
  %0 = vector.constant_mask [3, 3] : vector<4x6xi1>
  %1 = vector.extract_strided_slice %0 {offsets = [1], sizes = [2], strides = [1]} : vector<4x6xi1> to vector<2x6xi1>
  return %1 : vector<2x6xi1>
}

// -----

// CHECK-LABEL: func.func @slice_past_constant_mask
// CHECK-NEXT: %[[M:.*]] = arith.constant dense<false> : vector<2x2xi1>
// CHECK-NEXT: return %[[M]]
func.func @slice_past_constant_mask() -> vector<2x2xi1> {
  %0 = vector.constant_mask [4, 2] : vector<4x6xi1>
  %1 = vector.extract_strided_slice %0 {offsets = [0, 3], sizes = [2, 2], strides = [1, 1]} : vector<4x6xi1> to vector<2x2xi1>
  return %1 : vector<2x2xi1>
}

// -----

// CHECK-LABEL: func.func @full_constant_mask
// CHECK-NEXT: %[[M:.*]] = arith.constant dense<true> : vector<2x3xi1>
// CHECK-NEXT: return %[[M]]
func.func @full_constant_mask() -> vector<2x3xi1> {
  %0 = vector.constant_mask [2, 3] : vector<2x3xi1>
  return %0 : vector<2x3xi1>
}

// -----

// Slicing what was inserted reads the inserted vector; a slice next to it
// stays a slice of the insert.

// CHECK-LABEL: func.func @slice_of_insert
// CHECK-SAME: (%[[SMALL:[^:]*]]: vector<2x4xf32>, %[[BIG:[^:]*]]: vector<6x8xf32>)
// CHECK-NEXT: %[[INS:.*]] = vector.insert_strided_slice %[[SMALL]], %[[BIG]]
// CHECK-NEXT: %[[IN:.*]] = vector.extract_strided_slice %[[SMALL]] {offsets = [1, 1], sizes = [1, 2], strides = [1, 1]} : vector<2x4xf32> to vector<1x2xf32>
// CHECK-NEXT: %[[OUT:.*]] = vector.extract_strided_slice %[[INS]] {offsets = [4, 0], sizes = [2, 8], strides = [1, 1]} : vector<6x8xf32> to vector<2x8xf32>
// CHECK-NEXT: return %[[SMALL]], %[[IN]], %[[OUT]]
func.func @slice_of_insert(%small: vector<2x4xf32>, %big: vector<6x8xf32>) -> (vector<2x4xf32>, vector<1x2xf32>, vector<2x8xf32>) {
  %0 = vector.insert_strided_slice %small, %big {offsets = [1, 2], strides = [1, 1]} : vector<2x4xf32> into vector<6x8xf32>
  %whole = vector.extract_strided_slice %0 {offsets = [1, 2], sizes = [2, 4], strides = [1, 1]} : vector<6x8xf32> to vector<2x4xf32>
  %part = vector.extract_strided_slice %0 {offsets = [2, 3], sizes = [1, 2], strides = [1, 1]} : vector<6x8xf32> to vector<1x2xf32>
  %beside = vector.extract_strided_slice %0 {offsets = [4, 0], sizes = [2, 8], strides = [1, 1]} : vector<6x8xf32> to vector<2x8xf32>
  return %whole, %part, %beside : vector<2x4xf32>, vector<1x2xf32>, vector<2x8xf32>
}

// -----

// Half in, half out: the slice stays.

// CHECK-LABEL: func.func @slice_across_insert
// CHECK: vector.insert_strided_slice
// CHECK: vector.extract_strided_slice
func.func @slice_across_insert(%small: vector<2xf32>, %big: vector<8xf32>) -> vector<4xf32> {
  %0 = vector.insert_strided_slice %small, %big {offsets = [2], strides = [1]} : vector<2xf32> into vector<8xf32>
  %1 = vector.extract_strided_slice %0 {offsets = [3], sizes = [4], strides = [1]} : vector<8xf32> to vector<4xf32>
  return %1 : vector<4xf32>
}

// -----

// Past an insert that did not touch the slice, to the one that did.

// CHECK-LABEL: func.func @slice_through_insert_chain
// CHECK-SAME: (%[[A:[^:]*]]: vector<2xf32>, %[[B:[^:]*]]: vector<2xf32>, %{{[^:]*}}: vector<8xf32>)
// CHECK-NEXT: %[[S:.*]] = vector.extract_strided_slice %[[A]] {offsets = [1], sizes = [1], strides = [1]} : vector<2xf32> to vector<1xf32>
// CHECK-NEXT: return %[[S]]
func.func @slice_through_insert_chain(%a: vector<2xf32>, %b: vector<2xf32>, %big: vector<8xf32>) -> vector<1xf32> {
  %0 = vector.insert_strided_slice %a, %big {offsets = [0], strides = [1]} : vector<2xf32> into vector<8xf32>
  %1 = vector.insert_strided_slice %b, %0 {offsets = [4], strides = [1]} : vector<2xf32> into vector<8xf32>
  %2 = vector.extract_strided_slice %1 {offsets = [1], sizes = [1], strides = [1]} : vector<8xf32> to vector<1xf32>
  return %2 : vector<1xf32>
}

// -----

// A transfer through a cast that only forgets sizes uses the cast's source,
// whose static sizes show the transfer stays in bounds.

// CHECK-LABEL: func.func @transfer_through_cast
// CHECK-SAME: (%[[M:[^:]*]]: memref<4x8xf32>)
// CHECK: %[[V:.*]] = vector.transfer_read %[[M]][%{{.*}}, %{{.*}}], %{{.*}} {in_bounds = [true, true]} : memref<4x8xf32>, vector<2x8xf32>
// CHECK-NEXT: vector.transfer_write %[[V]], %[[M]][%{{.*}}, %{{.*}}] {in_bounds = [true, true]} : vector<2x8xf32>, memref<4x8xf32>
func.func @transfer_through_cast(%m: memref<4x8xf32>) {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %pad = arith.constant 0.0 : f32
  %cast = memref.cast %m : memref<4x8xf32> to memref<?x?xf32>
  %v = vector.transfer_read %cast[%c2, %c0], %pad : memref<?x?xf32>, vector<2x8xf32>
  vector.transfer_write %v, %cast[%c0, %c0] : vector<2x8xf32>, memref<?x?xf32>
  return
}

// -----

// Any memref.cast of a ranked memref folds into the vector ops that access
// memory through it, as into memref.load: one forgetting strides and an
// offset, and one making a stride static as well.

// CHECK-LABEL: func.func @memory_access_through_casts
// CHECK-SAME: (%[[M:[^:]*]]: memref<4x8xf32, strided<[16, 1], offset: 4>>, %[[D:[^:]*]]: memref<4x8xf32, strided<[?, 1]>>
// CHECK-NOT: memref.cast
// CHECK: vector.transfer_read %[[M]]{{.*}} : memref<4x8xf32, strided<[16, 1], offset: 4>>, vector<4xf32>
// CHECK: vector.transfer_read %[[D]]{{.*}} : memref<4x8xf32, strided<[?, 1]>>, vector<4xf32>
// CHECK: vector.load %[[M]]
// CHECK: vector.store %{{.*}}, %[[M]]
// CHECK: vector.maskedload %[[M]]
// CHECK: vector.maskedstore %[[M]]
// CHECK-NOT: memref.cast
func.func @memory_access_through_casts(%m: memref<4x8xf32, strided<[16, 1], offset: 4>>, %d: memref<4x8xf32, strided<[?, 1]>>, %i: index, %mask: vector<4xi1>) -> (vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>) {
  %pad = arith.constant 0.0 : f32
  %forgets = memref.cast %m : memref<4x8xf32, strided<[16, 1], offset: 4>> to memref<?x?xf32, strided<[?, 1], offset: ?>>
  %a = vector.transfer_read %forgets[%i, %i], %pad : memref<?x?xf32, strided<[?, 1], offset: ?>>, vector<4xf32>
  %learns = memref.cast %d : memref<4x8xf32, strided<[?, 1]>> to memref<4x8xf32, strided<[8, 1]>>
  %b = vector.transfer_read %learns[%i, %i], %pad : memref<4x8xf32, strided<[8, 1]>>, vector<4xf32>
  %c = vector.load %forgets[%i, %i] : memref<?x?xf32, strided<[?, 1], offset: ?>>, vector<4xf32>
  vector.store %c, %forgets[%i, %i] : memref<?x?xf32, strided<[?, 1], offset: ?>>, vector<4xf32>
  %e = vector.maskedload %forgets[%i, %i], %mask, %c : memref<?x?xf32, strided<[?, 1], offset: ?>>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  vector.maskedstore %forgets[%i, %i], %mask, %e : memref<?x?xf32, strided<[?, 1], offset: ?>>, vector<4xi1>, vector<4xf32>
  return %a, %b, %c, %e : vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>
}

// -----

// A transfer on a buffer that no cast made (an allocation: an op without
// operands) keeps its source.

// CHECK-LABEL: func.func @transfer_into_allocation
// CHECK: %[[M:.*]] = memref.alloc() : memref<4x8xf32>
// CHECK: vector.transfer_write %{{.*}}, %[[M]][%{{.*}}, %{{.*}}] {in_bounds = [true, true]} : vector<2x8xf32>, memref<4x8xf32>
// CHECK: return %[[M]]
func.func @transfer_into_allocation(%v: vector<2x8xf32>) -> memref<4x8xf32> {
  %c0 = arith.constant 0 : index
  %m = memref.alloc() : memref<4x8xf32>
  vector.transfer_write %v, %m[%c0, %c0] : vector<2x8xf32>, memref<4x8xf32>
  return %m : memref<4x8xf32>
}

// -----

// Past the end of the memref: the transfer may go out of bounds and stays so.

// CHECK-LABEL: func.func @transfer_past_the_end
// CHECK-NOT: in_bounds
// CHECK: vector.transfer_read %{{.*}} : memref<8xf32>, vector<4xf32>
func.func @transfer_past_the_end(%m: memref<8xf32>) -> vector<4xf32> {
  %c6 = arith.constant 6 : index
  %pad = arith.constant 0.0 : f32
  %v = vector.transfer_read %m[%c6], %pad : memref<8xf32>, vector<4xf32>
  return %v : vector<4xf32>
}

// -----

// CHECK-LABEL: func.func @broadcasts_of_constants_and_broadcasts
// CHECK-SAME: (%[[X:[^:]*]]: f32)
// CHECK-DAG: %[[C:.*]] = arith.constant dense<3> : vector<2x4xi8>
// CHECK-DAG: %[[B:.*]] = vector.broadcast %[[X]] : f32 to vector<3x5xf32>
// CHECK: return %[[C]], %[[B]]
func.func @broadcasts_of_constants_and_broadcasts(%x: f32) -> (vector<2x4xi8>, vector<3x5xf32>) {
  %three = arith.constant 3 : i8
  %0 = vector.broadcast %three : i8 to vector<4xi8>
  %1 = vector.broadcast %0 : vector<4xi8> to vector<2x4xi8>
  %2 = vector.broadcast %x : f32 to vector<5xf32>
  %3 = vector.broadcast %2 : vector<5xf32> to vector<3x5xf32>
  return %1, %3 : vector<2x4xi8>, vector<3x5xf32>
}

// -----

// CHECK-LABEL: func.func @shape_casts_of_splats_and_broadcasts
// CHECK-SAME: (%[[V:[^:]*]]: vector<3xf32>, %[[W:[^:]*]]: vector<4xf32>)
// CHECK-DAG: %[[C:.*]] = arith.constant dense<1.500000e+00> : vector<6xf32>
// CHECK-DAG: %[[B:.*]] = vector.broadcast %[[V]] : vector<3xf32> to vector<6x3xf32>
// CHECK-DAG: %[[K:.*]] = vector.broadcast %[[W]] : vector<4xf32> to vector<2x4xf32>
// CHECK-DAG: %[[S:.*]] = vector.shape_cast %[[K]] : vector<2x4xf32> to vector<8xf32>
// CHECK: return %[[C]], %[[B]], %[[V]], %[[S]]
func.func @shape_casts_of_splats_and_broadcasts(%v: vector<3xf32>, %w: vector<4xf32>)
    -> (vector<6xf32>, vector<6x3xf32>, vector<3xf32>, vector<8xf32>) {
  %splat = arith.constant dense<1.5> : vector<2x3xf32>
  %0 = vector.shape_cast %splat : vector<2x3xf32> to vector<6xf32>
  %b = vector.broadcast %v : vector<3xf32> to vector<2x3x3xf32>
  %1 = vector.shape_cast %b : vector<2x3x3xf32> to vector<6x3xf32>
  %unit = vector.broadcast %v : vector<3xf32> to vector<1x3xf32>
  %2 = vector.shape_cast %unit : vector<1x3xf32> to vector<3xf32>
  %k = vector.broadcast %w : vector<4xf32> to vector<2x4xf32>
  %3 = vector.shape_cast %k : vector<2x4xf32> to vector<8xf32>
  return %0, %1, %2, %3 : vector<6xf32>, vector<6x3xf32>, vector<3xf32>, vector<8xf32>
}

// -----

// A transfer_read reads through a tensor.cast only when the cast forgot sizes:
// a cast that learns them checks them at run time, and stays.

// CHECK-LABEL: func.func @transfer_read_through_tensor_casts
// CHECK-SAME: (%[[T:[^:]*]]: tensor<4x8xf32>, %[[D:[^:]*]]: tensor<?x8xf32>
// CHECK: vector.transfer_read %[[T]]{{.*}} : tensor<4x8xf32>, vector<4xf32>
// CHECK: %[[C:.*]] = tensor.cast %[[D]] : tensor<?x8xf32> to tensor<4x8xf32>
// CHECK: vector.transfer_read %[[C]]{{.*}} : tensor<4x8xf32>, vector<4xf32>
func.func @transfer_read_through_tensor_casts(%t: tensor<4x8xf32>, %d: tensor<?x8xf32>, %i: index) -> (vector<4xf32>, vector<4xf32>) {
  %pad = arith.constant 0.0 : f32
  %forgets = tensor.cast %t : tensor<4x8xf32> to tensor<?x?xf32>
  %a = vector.transfer_read %forgets[%i, %i], %pad : tensor<?x?xf32>, vector<4xf32>
  %learns = tensor.cast %d : tensor<?x8xf32> to tensor<4x8xf32>
  %b = vector.transfer_read %learns[%i, %i], %pad : tensor<4x8xf32>, vector<4xf32>
  return %a, %b : vector<4xf32>, vector<4xf32>
}
