// In-place decisions of one-shot-bufferize's analysis, as mlir-opt 22 makes
// them (test/differential/test_one_shot_analysis.py compares every decision
// in this folder with mlir-opt's).
// RUN: mlopt %s --split-input-file --one-shot-bufferize="test-analysis-only bufferize-function-boundaries" | FileCheck %s
// RUN: mlopt %s --split-input-file --one-shot-bufferize="test-analysis-only" | FileCheck %s --check-prefix=NOFUNC

// An element-wise update carried by a loop goes in place; the loop's init is
// a function argument, written inside: read-write.
// CHECK-LABEL: func.func @loop(
// CHECK-SAME: bufferization.access = "read-write"
// CHECK: tensor.extract {{.*}}__inplace_operands_attr__ = ["true", "none"]
// CHECK: tensor.insert {{.*}}__inplace_operands_attr__ = ["none", "true", "none"]
// CHECK: scf.yield {__inplace_operands_attr__ = ["true"]}
// CHECK: {__inplace_operands_attr__ = ["none", "none", "none", "true"]}
// CHECK: return {__equivalent_func_args__ = [0], __inplace_operands_attr__ = ["true"]}
// Without function boundaries the argument is not writable: the loop copies it.
// NOFUNC-LABEL: func.func @loop(
// NOFUNC: {__inplace_operands_attr__ = ["none", "none", "none", "false"]}
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

// A read of the old value after the write: the write must not go in place.
// CHECK-LABEL: func.func @read_after_write(
// CHECK-SAME: bufferization.access = "read"
// CHECK: tensor.insert {{.*}}__inplace_operands_attr__ = ["none", "false", "none"]
// CHECK: tensor.extract {{.*}}__inplace_operands_attr__ = ["true", "none"]
func.func @read_after_write(%t: tensor<8xf32>, %i: index) -> (tensor<8xf32>, f32) {
  %f = arith.constant 2.0 : f32
  %b = tensor.insert %f into %t[%i] : tensor<8xf32>
  %v = tensor.extract %t[%i] : tensor<8xf32>
  return %b, %v : tensor<8xf32>, f32
}

// -----

// extract_slice → compute → insert_slice of the same part: all in place.
// CHECK-LABEL: func.func @slice_round_trip(
// CHECK: tensor.extract_slice {{.*}}__inplace_operands_attr__ = ["true"]
// CHECK: linalg.fill {__inplace_operands_attr__ = ["none", "true"]}
// CHECK: tensor.insert_slice {{.*}}__inplace_operands_attr__ = ["true", "true"]
// CHECK: return {__equivalent_func_args__ = [0], __inplace_operands_attr__ = ["true"]}
func.func @slice_round_trip(%t: tensor<16x16xf32>, %x: f32) -> tensor<16x16xf32> {
  %s = tensor.extract_slice %t[0, 0][4, 4][1, 1] : tensor<16x16xf32> to tensor<4x4xf32>
  %f = linalg.fill ins(%x : f32) outs(%s : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r = tensor.insert_slice %f into %t[0, 0][4, 4][1, 1] : tensor<4x4xf32> into tensor<16x16xf32>
  return %r : tensor<16x16xf32>
}

// -----

// The branches of scf.if are exclusive: the write in one does not conflict
// with the yield of the original value in the other.
// CHECK-LABEL: func.func @branches(
// CHECK: tensor.insert {{.*}}__inplace_operands_attr__ = ["none", "true", "none"]
// CHECK: scf.yield {__inplace_operands_attr__ = ["true"]}
// CHECK: scf.yield {__inplace_operands_attr__ = ["true"]}
// CHECK: return {__equivalent_func_args__ = [0], __inplace_operands_attr__ = ["true"]}
func.func @branches(%t: tensor<8xf32>, %c: i1, %i: index) -> tensor<8xf32> {
  %f = arith.constant 2.0 : f32
  %r = scf.if %c -> (tensor<8xf32>) {
    %b = tensor.insert %f into %t[%i] : tensor<8xf32>
    scf.yield %b : tensor<8xf32>
  } else {
    scf.yield %t : tensor<8xf32>
  }
  return %r : tensor<8xf32>
}

// -----

// Across a call: the callee writes its argument, so the caller copies the
// constant it passes (a constant is never written) and reads the original.
// CHECK-LABEL: func.func private @callee(
// CHECK-SAME: bufferization.access = "read-write"
// CHECK-LABEL: func.func @caller(
// CHECK: call @callee{{.*}}__inplace_operands_attr__ = ["false", "none"]
// CHECK: tensor.extract {{.*}}__inplace_operands_attr__ = ["true", "none"]
func.func private @callee(%t: tensor<8xf32>, %i: index) -> tensor<8xf32> {
  %f = arith.constant 2.0 : f32
  %b = tensor.insert %f into %t[%i] : tensor<8xf32>
  return %b : tensor<8xf32>
}
func.func @caller(%i: index) -> (tensor<8xf32>, f32) {
  %cst = arith.constant dense<1.0> : tensor<8xf32>
  %r = call @callee(%cst, %i) : (tensor<8xf32>, index) -> tensor<8xf32>
  %v = tensor.extract %cst[%i] : tensor<8xf32>
  return %r, %v : tensor<8xf32>, f32
}

// -----

// A tiled matmul accumulating into its init: every slice in place.
// CHECK-LABEL: func.func @tiled_matmul(
// CHECK-SAME: bufferization.access = "read-write"
// CHECK: linalg.matmul {__inplace_operands_attr__ = ["true", "true", "true"]}
// CHECK: tensor.insert_slice {{.*}}__inplace_operands_attr__ = ["true", "true", "none"]
// CHECK: return {__equivalent_func_args__ = [2], __inplace_operands_attr__ = ["true"]}
func.func @tiled_matmul(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>, %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c64 = arith.constant 64 : index
  %r = scf.for %i = %c0 to %c64 step %c8 iter_args(%acc = %c) -> (tensor<64x64xf32>) {
    %sa = tensor.extract_slice %a[%i, 0][8, 64][1, 1] : tensor<64x64xf32> to tensor<8x64xf32>
    %sc = tensor.extract_slice %acc[%i, 0][8, 64][1, 1] : tensor<64x64xf32> to tensor<8x64xf32>
    %m = linalg.matmul ins(%sa, %b : tensor<8x64xf32>, tensor<64x64xf32>) outs(%sc : tensor<8x64xf32>) -> tensor<8x64xf32>
    %ins = tensor.insert_slice %m into %acc[%i, 0][8, 64][1, 1] : tensor<8x64xf32> into tensor<64x64xf32>
    scf.yield %ins : tensor<64x64xf32>
  }
  return %r : tensor<64x64xf32>
}

// -----

// A loop reading its init's original value in every iteration: the loop
// must copy the init (a repeated read after a write).
// CHECK-LABEL: func.func @loop_reads_init(
// CHECK: {__inplace_operands_attr__ = ["none", "none", "none", "false"]}
func.func @loop_reads_init(%t: tensor<8xf32>, %n: index) -> tensor<8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %t) -> (tensor<8xf32>) {
    %v = tensor.extract %t[%c0] : tensor<8xf32>
    %b = tensor.insert %v into %a[%i] : tensor<8xf32>
    scf.yield %b : tensor<8xf32>
  }
  return %r : tensor<8xf32>
}

// -----

// An element-wise op may write into one of its inputs.
// CHECK-LABEL: func.func @elementwise_in_place(
// CHECK: linalg.add {__inplace_operands_attr__ = ["true", "true", "true"]}
func.func @elementwise_in_place(%a: tensor<8xf32>, %b: tensor<8xf32>) -> tensor<8xf32> {
  %r = linalg.add ins(%a, %b : tensor<8xf32>, tensor<8xf32>) outs(%a : tensor<8xf32>) -> tensor<8xf32>
  return %r : tensor<8xf32>
}

// -----

// A dense layer: the zero-filled accumulator is read again by the relu, so
// the matmul accumulates into a copy; the rest reuses one buffer.
// CHECK-LABEL: func.func @dense(
// CHECK: linalg.fill {__inplace_operands_attr__ = ["none", "false"]}
// CHECK: linalg.matmul {__inplace_operands_attr__ = ["true", "true", "false"]}
// CHECK: linalg.broadcast {{.*}}{__inplace_operands_attr__ = ["true", "true"]}
// CHECK: linalg.add {__inplace_operands_attr__ = ["true", "true", "true"]}
// CHECK: linalg.max {__inplace_operands_attr__ = ["true", "true", "true"]}
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

// Reshapes and casts are views of the same buffer.
// CHECK-LABEL: func.func @views(
// CHECK: tensor.collapse_shape {{.*}}__inplace_operands_attr__ = ["true"]
// CHECK: tensor.cast {{.*}}__inplace_operands_attr__ = ["true"]
// CHECK: return {__equivalent_func_args__ = [0], __inplace_operands_attr__ = ["true"]}
func.func @views(%a: tensor<4x8xf32>) -> tensor<?xf32> {
  %c = tensor.collapse_shape %a [[0, 1]] : tensor<4x8xf32> into tensor<32xf32>
  %d = tensor.cast %c : tensor<32xf32> to tensor<?xf32>
  return %d : tensor<?xf32>
}
