// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @copy_with_sizes(%t: tensor<?xf32>, %n: index) {
  // expected-error@+1 {{dynamic sizes not needed when copying a tensor}}
  %0 = bufferization.alloc_tensor(%n) copy(%t) : tensor<?xf32>
  return
}

// -----

func.func @missing_size() {
  // expected-error@+1 {{'bufferization.alloc_tensor' op incorrect number of dynamic sizes, has 0, expected 1}}
  %0 = bufferization.alloc_tensor() : tensor<?xf32>
  return
}

// -----

func.func @to_tensor_shape(%m: memref<?xf32>) {
  // expected-error@+2 {{shapes do not match}}
  // expected-error@+1 {{'bufferization.to_tensor' op failed to verify that specified tensor and buffer types match}}
  %0 = bufferization.to_tensor %m : memref<?xf32> to tensor<5xf32>
  return
}

// -----

func.func @to_buffer_element(%t: tensor<?xf32>) {
  // expected-error@+2 {{element types do not match}}
  // expected-error@+1 {{'bufferization.to_buffer' op failed to verify that specified tensor and buffer types match}}
  %0 = bufferization.to_buffer %t : tensor<?xf32> to memref<?xi32>
  return
}

// -----

func.func @memref_dest_result(%t: tensor<?xf32>, %m: memref<?xf32>) {
  // expected-error@+1 {{memref 'dest' implies zero results}}
  %0 = bufferization.materialize_in_destination %t in writable %m : (tensor<?xf32>, memref<?xf32>) -> tensor<?xf32>
  return
}

// -----

func.func @memref_dest_not_writable(%t: tensor<?xf32>, %m: memref<?xf32>) {
  // expected-error@+1 {{'writable' must be specified if and only if the destination is of memref type}}
  bufferization.materialize_in_destination %t in %m : (tensor<?xf32>, memref<?xf32>) -> ()
  return
}

// -----

func.func @tensor_dest_no_result(%t: tensor<?xf32>, %d: tensor<?xf32>) {
  // expected-error@+1 {{tensor 'dest' implies exactly one tensor result}}
  bufferization.materialize_in_destination %t in %d : (tensor<?xf32>, tensor<?xf32>) -> ()
  return
}

// -----

func.func @tensor_dest_restrict(%t: tensor<?xf32>, %d: tensor<?xf32>) {
  // expected-error@+1 {{'restrict' is valid only for memref destinations}}
  %0 = bufferization.materialize_in_destination %t in restrict %d : (tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
  return
}

// -----

func.func @element_types(%t: tensor<?xf32>, %d: tensor<4xf64>) {
  // expected-error@+1 {{failed to verify that all of {source, dest} have same element type}}
  %0 = bufferization.materialize_in_destination %t in %d : (tensor<?xf32>, tensor<4xf64>) -> tensor<4xf64>
  return
}

// -----

func.func @shapes(%t: tensor<3xf32>, %d: tensor<4xf32>) {
  // expected-error@+1 {{source/destination shapes are incompatible}}
  %0 = bufferization.materialize_in_destination %t in %d : (tensor<3xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @result_type(%t: tensor<3xf32>, %d: tensor<3xf32>) {
  // expected-error@+1 {{result and 'dest' types must match}}
  %0 = bufferization.materialize_in_destination %t in %d : (tensor<3xf32>, tensor<3xf32>) -> tensor<?xf32>
  return
}

// -----

func.func @conditions(%m: memref<2xf32>, %c: i1) {
  // expected-error@+1 {{must have the same number of conditions as memrefs to deallocate}}
  bufferization.dealloc (%m, %m : memref<2xf32>, memref<2xf32>) if (%c)
  return
}

// -----

func.func @updated_conditions(%m: memref<2xf32>, %c: i1) {
  // expected-error@+1 {{must have the same number of updated conditions (results) as retained operands}}
  %0:2 = "bufferization.dealloc"(%m, %c, %m) <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (memref<2xf32>, i1, memref<2xf32>) -> (i1, i1)
  return
}
