// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule | mlrun - -e main --entry-point-result=void | FileCheck %s
// ORACLE: --transform-interpreter --test-transform-dialect-erase-schedule --one-shot-bufferize=bufferize-function-boundaries --buffer-deallocation-pipeline --convert-bufferization-to-memref --test-lower-to-llvm
// A 5x7 * 7x6 matmul packed by [2, 4, 3] (partial tiles on every dim, so
// every operand is padded with zero), the layouts of C (outer dims and
// tiles) and B (tiles) transposed, the packs and unpack lowered to pads,
// reshapes and transposes; the result equals the unpacked matmul's.
func.func private @printMemrefF32(tensor<*xf32>)

func.func @matmul(%a: tensor<5x7xf32>, %b: tensor<7x6xf32>, %c: tensor<5x6xf32>) -> tensor<5x6xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<5x7xf32>, tensor<7x6xf32>) outs(%c : tensor<5x6xf32>) -> tensor<5x6xf32>
  return %0 : tensor<5x6xf32>
}

func.func @main() {
  %a = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s = arith.addi %i, %j : index
    %t = arith.index_cast %s : index to i32
    %f = arith.sitofp %t : i32 to f32
    tensor.yield %f : f32
  } : tensor<5x7xf32>
  %b = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s = arith.muli %i, %j : index
    %t = arith.index_cast %s : index to i32
    %f = arith.sitofp %t : i32 to f32
    tensor.yield %f : f32
  } : tensor<7x6xf32>
  %one = arith.constant 1.0 : f32
  %e = tensor.empty() : tensor<5x6xf32>
  %c = linalg.fill ins(%one : f32) outs(%e : tensor<5x6xf32>) -> tensor<5x6xf32>
  %r = call @matmul(%a, %b, %c) : (tensor<5x7xf32>, tensor<7x6xf32>, tensor<5x6xf32>) -> tensor<5x6xf32>
  %u = tensor.cast %r : tensor<5x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
// CHECK: rank = 2 offset = 0 sizes = [5, 6] strides = [6, 1] data =
// CHECK-NEXT: [1,   92,   183,   274,   365,   456],
// CHECK-NEXT: [1,   113,   225,   337,   449,   561],

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %packed = transform.structured.pack %mm packed_sizes = [2, 4, 3] : (!transform.any_op) -> !transform.op<"linalg.generic">
    %unpack_c = transform.get_consumers_of_result %packed[0] : (!transform.op<"linalg.generic">) -> !transform.op<"linalg.unpack">
    %g2, %pack_c, %unpack_c2 = transform.structured.pack_transpose %unpack_c with_compute_op(%packed) outer_perm = [1, 0] inner_perm = [1, 0] : (!transform.op<"linalg.unpack">, !transform.op<"linalg.generic">) -> (!transform.op<"linalg.generic">, !transform.op<"linalg.pack">, !transform.op<"linalg.unpack">)
    %pack_b = transform.get_producer_of_operand %g2[1] : (!transform.op<"linalg.generic">) -> !transform.op<"linalg.pack">
    %g3, %pack_b2, %none = transform.structured.pack_transpose %pack_b with_compute_op(%g2) inner_perm = [1, 0] : (!transform.op<"linalg.pack">, !transform.op<"linalg.generic">) -> (!transform.op<"linalg.generic">, !transform.op<"linalg.pack">, !transform.any_op)
    %p = transform.structured.match ops{["linalg.pack"]} in %root : (!transform.any_op) -> !transform.op<"linalg.pack">
    %pad, %expand, %transpose = transform.structured.lower_pack %p : (!transform.op<"linalg.pack">) -> (!transform.op<"tensor.pad">, !transform.op<"tensor.expand_shape">, !transform.op<"linalg.transpose">)
    %u = transform.structured.match ops{["linalg.unpack"]} in %root : (!transform.any_op) -> !transform.op<"linalg.unpack">
    %empty, %t2, %collapse, %slice = transform.structured.lower_unpack %u : (!transform.op<"linalg.unpack">) -> (!transform.op<"tensor.empty">, !transform.op<"linalg.transpose">, !transform.op<"tensor.collapse_shape">, !transform.op<"tensor.extract_slice">)
    transform.yield
  }
}
