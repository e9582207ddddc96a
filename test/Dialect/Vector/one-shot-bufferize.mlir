// vector.mask around transfers on tensors: the mask keeps only the values
// its op still yields, and its tensor results become the masked op's buffer.
// RUN: mlopt %s --split-input-file --one-shot-bufferize="bufferize-function-boundaries" | FileCheck %s
// RUN: mlopt %s --split-input-file --one-shot-bufferize="bufferize-function-boundaries test-analysis-only" | FileCheck %s --check-prefix=ANALYSIS

// CHECK-LABEL: func.func @masked_write_in_place(
// CHECK-SAME:      %[[T:.*]]: memref<?xf32, strided<[?], offset: ?>>, %[[V:.*]]: vector<16xf32>, %[[M:.*]]: vector<16xi1>)
// CHECK-NOT:     memref.alloc
// CHECK:         vector.mask %[[M]] { vector.transfer_write %[[V]], %[[T]][%{{.*}}] : vector<16xf32>, memref<?xf32, strided<[?], offset: ?>> } : vector<16xi1>
// CHECK-NEXT:    return %[[T]]
// ANALYSIS-LABEL: func.func @masked_write_in_place(
// ANALYSIS:         vector.transfer_write {{.*}} {__inplace_operands_attr__ = ["none", "true", "none"]}
func.func @masked_write_in_place(%t: tensor<?xf32>, %v: vector<16xf32>, %m: vector<16xi1>) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %w = vector.mask %m { vector.transfer_write %v, %t[%c0] : vector<16xf32>, tensor<?xf32> } : vector<16xi1> -> tensor<?xf32>
  return %w : tensor<?xf32>
}

// -----

// A masked read keeps its vector result.
// CHECK-LABEL: func.func @masked_read(
// CHECK-SAME:      %[[T:.*]]: memref<?xf32, strided<[?], offset: ?>>, %[[M:.*]]: vector<8xi1>)
// CHECK:         %[[R:.*]] = vector.mask %[[M]] { vector.transfer_read %[[T]][%{{.*}}], %{{.*}} : memref<?xf32, strided<[?], offset: ?>>, vector<8xf32> } : vector<8xi1> -> vector<8xf32>
// CHECK-NEXT:    return %[[R]]
func.func @masked_read(%t: tensor<?xf32>, %m: vector<8xi1>) -> vector<8xf32> {
  %c0 = arith.constant 0 : index
  %pad = arith.constant 0.0 : f32
  %r = vector.mask %m { vector.transfer_read %t[%c0], %pad : tensor<?xf32>, vector<8xf32> } : vector<8xi1> -> vector<8xf32>
  return %r : vector<8xf32>
}

// -----

// The destination is read after the write, so the write goes to a copy. The
// copy is made before the mask, whose region has room for one op only
// (mlir-opt 22 stops here with "body must bufferize in-place").
// CHECK-LABEL: func.func @masked_write_out_of_place(
// CHECK-SAME:      %[[T:.*]]: memref<?xf32, strided<[?], offset: ?>>, %[[V:.*]]: vector<16xf32>, %[[M:.*]]: vector<16xi1>)
// CHECK:         %[[COPY:.*]] = memref.alloc
// CHECK:         memref.copy %[[T]], %[[COPY]]
// CHECK-NEXT:    vector.mask %[[M]] { vector.transfer_write %[[V]], %[[COPY]][%{{.*}}] : vector<16xf32>, memref<?xf32> } : vector<16xi1>
// CHECK-NEXT:    %[[OLD:.*]] = memref.load %[[T]]
// CHECK-NEXT:    return %[[COPY]], %[[OLD]]
// ANALYSIS-LABEL: func.func @masked_write_out_of_place(
// ANALYSIS:         vector.transfer_write {{.*}} {__inplace_operands_attr__ = ["none", "false", "none"]}
func.func @masked_write_out_of_place(%t: tensor<?xf32>, %v: vector<16xf32>, %m: vector<16xi1>) -> (tensor<?xf32>, f32) {
  %c0 = arith.constant 0 : index
  %w = vector.mask %m { vector.transfer_write %v, %t[%c0] : vector<16xf32>, tensor<?xf32> } : vector<16xi1> -> tensor<?xf32>
  %e = tensor.extract %t[%c0] : tensor<?xf32>
  return %w, %e : tensor<?xf32>, f32
}
