// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule | mlrun - -e main --entry-point-result=void | FileCheck %s
// ORACLE: --transform-interpreter --test-transform-dialect-erase-schedule --one-shot-bufferize=bufferize-function-boundaries --buffer-deallocation-pipeline --convert-bufferization-to-memref --test-lower-to-llvm
// A 5x8 * 8x6 matmul whose k is split by 4 (inserted as the partials'
// middle dim): four partial products, reduced after; the result equals the
// unsplit matmul's.
func.func private @printMemrefF32(tensor<*xf32>)

func.func @matmul(%a: tensor<5x8xf32>, %b: tensor<8x6xf32>, %c: tensor<5x6xf32>) -> tensor<5x6xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<5x8xf32>, tensor<8x6xf32>) outs(%c : tensor<5x6xf32>) -> tensor<5x6xf32>
  return %0 : tensor<5x6xf32>
}

func.func @main() {
  %a = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s = arith.addi %i, %j : index
    %t = arith.index_cast %s : index to i32
    %f = arith.sitofp %t : i32 to f32
    tensor.yield %f : f32
  } : tensor<5x8xf32>
  %b = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s = arith.muli %i, %j : index
    %t = arith.index_cast %s : index to i32
    %f = arith.sitofp %t : i32 to f32
    tensor.yield %f : f32
  } : tensor<8x6xf32>
  %one = arith.constant 1.0 : f32
  %e = tensor.empty() : tensor<5x6xf32>
  %c = linalg.fill ins(%one : f32) outs(%e : tensor<5x6xf32>) -> tensor<5x6xf32>
  %r = call @matmul(%a, %b, %c) : (tensor<5x8xf32>, tensor<8x6xf32>, tensor<5x6xf32>) -> tensor<5x6xf32>
  %u = tensor.cast %r : tensor<5x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
// CHECK: rank = 2 offset = 0 sizes = [5, 6] strides = [6, 1] data =
// CHECK-NEXT: [1,   141,   281,   421,   561,   701],
// CHECK-NEXT: [1,   169,   337,   505,   673,   841],

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %init, %fill, %split, %comb = transform.structured.split_reduction %mm {split_factor = 4, insert_split_dimension = 1} : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}
