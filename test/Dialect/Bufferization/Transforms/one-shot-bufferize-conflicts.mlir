// print-conflicts: each copy the analysis asks for is explained in the IR:
// the read (READ), the write that would clobber it (CONFL-WRITE), the value
// the read expects (DEF), and tensors that may not be written (NOT-WRITABLE).
// RUN: mlopt %s --split-input-file --one-shot-bufferize="test-analysis-only print-conflicts bufferize-function-boundaries" | FileCheck %s
// RUN: not mlopt %s --one-shot-bufferize=print-conflicts 2>&1 | FileCheck %s --check-prefix=OPTION

// OPTION: error: invalid options for 'one-shot-bufferize': Invalid option: 'print-conflicts' requires 'test-analysis-only'

// CHECK-LABEL: func.func @read_after_write(
// CHECK: %[[FILLED:.*]] = tensor.insert {{.*}}{"[[C:C_[0-9]+]][DEF: result 0]", __inplace_operands_attr__ = ["none", "true", "none"]}
// CHECK: linalg.fill {"[[C]][CONFL-WRITE: 1]", __inplace_operands_attr__ = ["none", "false"]}
// CHECK: tensor.extract %[[FILLED]]{{.*}}{"[[C]][READ: 0]", __inplace_operands_attr__ = ["true", "none"]}
func.func @read_after_write(%x: f32, %i: index) -> (tensor<4xf32>, f32) {
  %e = tensor.empty() : tensor<4xf32>
  %z = arith.constant 0.0 : f32
  %filled = tensor.insert %z into %e[%i] : tensor<4xf32>
  %f = linalg.fill ins(%x : f32) outs(%filled : tensor<4xf32>) -> tensor<4xf32>
  %v = tensor.extract %filled[%i] : tensor<4xf32>
  return %f, %v : tensor<4xf32>, f32
}

// -----

// CHECK-LABEL: func.func @constant_written(
// CHECK: arith.constant {"W_{{[0-9]+}}[NOT-WRITABLE: result 0]"} dense<1.000000e+00>
// CHECK: tensor.insert {{.*}}__inplace_operands_attr__ = ["none", "false", "none"]
func.func @constant_written(%x: f32, %i: index) -> tensor<4xf32> {
  %c = arith.constant dense<1.0> : tensor<4xf32>
  %r = tensor.insert %x into %c[%i] : tensor<4xf32>
  return %r : tensor<4xf32>
}
