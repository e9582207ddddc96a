// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule | mlrun - -e main --entry-point-result=void | FileCheck %s
// ORACLE: --transform-interpreter --test-transform-dialect-erase-schedule --one-shot-bufferize=bufferize-function-boundaries --convert-bufferization-to-memref --lower-vector-mask --test-lower-to-llvm
// (mlir-opt 22's buffer-deallocation-pipeline puts ops inside vector.mask, which then fails
// to verify, so the oracle leaves the buffers undeallocated; mlrun deallocates them.)
func.func private @printMemrefF32(tensor<*xf32>)

// relu(x + y) * x on tensors of 5x13, tiled 2 x 4 with scf.for: the partial
// tiles are dynamic, so each is vectorized with vector sizes [2, 4] under
// vector.mask on tensors, then bufferized with the masks around buffers.
func.func @compute(%x: tensor<5x13xf32>, %y: tensor<5x13xf32>) -> tensor<5x13xf32> {
  %zero = arith.constant 0.0 : f32
  %init = tensor.empty() : tensor<5x13xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x, %y : tensor<5x13xf32>, tensor<5x13xf32>) outs(%init : tensor<5x13xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %s = arith.addf %a, %b : f32
    %m = arith.maximumf %s, %zero : f32
    %p = arith.mulf %m, %a : f32
    linalg.yield %p : f32
  } -> tensor<5x13xf32>
  return %r : tensor<5x13xf32>
}

func.func @main() {
  %x = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s = arith.subi %j, %i : index
    %t = arith.index_cast %s : index to i32
    %v = arith.sitofp %t : i32 to f32
    tensor.yield %v : f32
  } : tensor<5x13xf32>
  %y = tensor.generate {
  ^bb0(%i: index, %j: index):
    %c6 = arith.constant 6 : index
    %s = arith.subi %i, %c6 : index
    %t = arith.index_cast %s : index to i32
    %v = arith.sitofp %t : i32 to f32
    tensor.yield %v : f32
  } : tensor<5x13xf32>
  %r = call @compute(%x, %y) : (tensor<5x13xf32>, tensor<5x13xf32>) -> tensor<5x13xf32>
  %u = tensor.cast %r : tensor<5x13xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %op = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loops:2 = transform.structured.tile_using_for %op tile_sizes [2, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.structured.vectorize %tiled vector_sizes [2, 4] : !transform.any_op
    transform.yield
  }
}
// CHECK: Unranked Memref base@ = {{.*}} rank = 2 offset = 0 sizes = [5, 13] strides = [13, 1] data =
// CHECK-NEXT: {{\[\[}}0,   0,   0,   0,   0,   0,   0,   7,   16,   27,   40,   55,   72],
// CHECK-NEXT:  [-0,   0,   0,   0,   0,   0,   0,   6,   14,   24,   36,   50,   66],
// CHECK-NEXT:  [-0,   -0,   0,   0,   0,   0,   0,   5,   12,   21,   32,   45,   60],
// CHECK-NEXT:  [-0,   -0,   -0,   0,   0,   0,   0,   4,   10,   18,   28,   40,   54],
// CHECK-NEXT:  [-0,   -0,   -0,   -0,   0,   0,   0,   3,   8,   15,   24,   35,   48]]
