// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule --split-input-file --verify-diagnostics --allow-unregistered-dialect | FileCheck %s

// A function target without function boundaries: the argument is read
// through to_buffer and the fill writes a fresh buffer (the argument is not
// known to be writable).

// CHECK-LABEL: func.func @fill_func
//  CHECK-SAME: (%[[A:.*]]: tensor<?xf32>, %[[F:.*]]: f32) -> tensor<?xf32>
//       CHECK: %[[M:.*]] = bufferization.to_buffer %[[A]] : tensor<?xf32> to memref<?xf32, strided<[?], offset: ?>>
//       CHECK: %[[D:.*]] = memref.dim %[[M]]
//       CHECK: %[[ALLOC:.*]] = memref.alloc(%[[D]]) {alignment = 64 : i64} : memref<?xf32>
//       CHECK: linalg.fill ins(%[[F]] : f32) outs(%[[ALLOC]] : memref<?xf32>)
//       CHECK: %[[T:.*]] = bufferization.to_tensor %[[ALLOC]]
//       CHECK: return %[[T]] : tensor<?xf32>

func.func @fill_func(%A: tensor<?xf32>, %f: f32) -> tensor<?xf32> {
  %0 = linalg.fill ins(%f : f32) outs(%A : tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    %b = transform.bufferization.one_shot_bufferize %f : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// The whole module with function boundaries and identity layouts: the
// argument is still returned, so the fill gets its own buffer.

// CHECK-LABEL: func.func @module_copy
//  CHECK-SAME: (%[[A:.*]]: memref<4xf32>, %[[F:.*]]: f32) -> (memref<4xf32>, memref<4xf32>)
//       CHECK: %[[ALLOC:.*]] = memref.alloc() {alignment = 64 : i64} : memref<4xf32>
//       CHECK: linalg.fill ins(%[[F]] : f32) outs(%[[ALLOC]] : memref<4xf32>)
//       CHECK: return %[[ALLOC]], %[[A]] : memref<4xf32>, memref<4xf32>

func.func @module_copy(%A: tensor<4xf32>, %f: f32) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = linalg.fill ins(%f : f32) outs(%A : tensor<4xf32>) -> tensor<4xf32>
  return %0, %A : tensor<4xf32>, tensor<4xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.consumed}) {
    %b = transform.bufferization.one_shot_bufferize layout{IdentityLayoutMap} %root {bufferize_function_boundaries = true, memcpy_op = "linalg.copy"} : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// test_analysis_only annotates the in-place decisions and changes no type.

// CHECK-LABEL: func.func @analysis_only
//       CHECK: linalg.fill {__inplace_operands_attr__ = ["none", "true"]} {{.*}} -> tensor<4xf32>
//       CHECK: return {__equivalent_func_args__ = [0], __inplace_operands_attr__ = ["true"]}

func.func @analysis_only(%A: tensor<4xf32>, %f: f32) -> tensor<4xf32> {
  %0 = linalg.fill ins(%f : f32) outs(%A : tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.consumed}) {
    %b = transform.bufferization.one_shot_bufferize %root {bufferize_function_boundaries = true, test_analysis_only = true} : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// The tensor.empty filled and inserted into %t becomes the slice of %t.

// CHECK-LABEL: func.func @empty_elimination
//  CHECK-SAME: (%[[T:.*]]: tensor<10xf32>, %[[F:.*]]: f32)
//       CHECK: %[[S:.*]] = tensor.extract_slice %[[T]][1] [5] [1] : tensor<10xf32> to tensor<5xf32>
//       CHECK: %[[FILL:.*]] = linalg.fill ins(%[[F]] : f32) outs(%[[S]] : tensor<5xf32>)
//       CHECK: tensor.insert_slice %[[FILL]] into %[[T]][1] [5] [1]

func.func @empty_elimination(%t: tensor<10xf32>, %f: f32) -> tensor<10xf32> {
  %0 = tensor.empty() : tensor<5xf32>
  %1 = linalg.fill ins(%f : f32) outs(%0 : tensor<5xf32>) -> tensor<5xf32>
  %2 = tensor.insert_slice %1 into %t[1] [5] [1] : tensor<5xf32> into tensor<10xf32>
  return %2 : tensor<10xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.bufferization.eliminate_empty_tensors %f : !transform.any_op
    transform.yield
  }
}

// -----

// CHECK-LABEL: func.func @empty_to_alloc
//  CHECK-SAME: (%[[N:.*]]: index)
//       CHECK: %[[A:.*]] = bufferization.alloc_tensor(%[[N]]) : tensor<?x4xf32>
//       CHECK: return %[[A]]

func.func @empty_to_alloc(%n: index) -> tensor<?x4xf32> {
  // expected-remark@+1 {{alloc}}
  %0 = tensor.empty(%n) : tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %e = transform.structured.match ops{["tensor.empty"]} in %root : (!transform.any_op) -> !transform.op<"tensor.empty">
    %a = transform.bufferization.empty_tensor_to_alloc_tensor %e : (!transform.op<"tensor.empty">) -> !transform.op<"bufferization.alloc_tensor">
    transform.debug.emit_remark_at %a, "alloc" : !transform.op<"bufferization.alloc_tensor">
    transform.yield
  }
}

// -----

// CHECK-LABEL: func.func @hoist_alloc
//       CHECK: %[[M:.*]] = memref.alloc() : memref<16xf32>
//  CHECK-NEXT: scf.for
//  CHECK-NEXT: "test.use"(%[[M]])

func.func @hoist_alloc(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %m = memref.alloc() : memref<16xf32>
    "test.use"(%m) : (memref<16xf32>) -> ()
  }
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.bufferization.buffer_loop_hoisting %f : !transform.any_op
    transform.yield
  }
}

// -----

// Failures, with upstream's messages.

func.func @not_a_function(%A: tensor<4xf32>, %f: f32) -> tensor<4xf32> {
  %0 = linalg.fill ins(%f : f32) outs(%A : tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %fill = transform.structured.match ops{["linalg.fill"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{expected module or function target}}
    %b = transform.bufferization.one_shot_bufferize %fill : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

func.func @boundaries_need_module(%A: tensor<4xf32>) -> tensor<4xf32> {
  return %A : tensor<4xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{expected module target}}
    %b = transform.bufferization.one_shot_bufferize %f {bufferize_function_boundaries = true} : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.consumed}) {
    // expected-error@+1 {{'transform.bufferization.one_shot_bufferize' op unsupported memcpy op}}
    %b = transform.bufferization.one_shot_bufferize %root {memcpy_op = "memref.memcpy"} : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

func.func @unknown_op() -> tensor<4xf32> {
  // expected-error@+1 {{op was not bufferized}}
  %0 = "test.make"() : () -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.consumed}) {
    // expected-error@+1 {{bufferization failed}}
    %b = transform.bufferization.one_shot_bufferize %root {bufferize_function_boundaries = true} : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.consumed}) {
    // expected-error@+1 {{op operand #0 must be Transform IR handle to tensor.empty operations, but got '!transform.any_op'}}
    %a = transform.bufferization.empty_tensor_to_alloc_tensor %root : (!transform.any_op) -> !transform.op<"bufferization.alloc_tensor">
    transform.yield
  }
}
