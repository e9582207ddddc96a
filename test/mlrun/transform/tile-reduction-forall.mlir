// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule | mlrun - -e main --entry-point-result=void | FileCheck %s
// ORACLE: --transform-interpreter --test-transform-dialect-erase-schedule --one-shot-bufferize=bufferize-function-boundaries --buffer-deallocation-pipeline --convert-bufferization-to-memref --scf-forall-to-for --test-lower-to-llvm
// Row maxima of a 3x13 matrix, the reduction split among 4 threads of an
// scf.forall (chunks of 4, the last one partial), each into its column of
// a 3x4 partial accumulator filled with -inf, merged after the loop; the
// rows start at 100 so the init (0) never wins.
func.func private @printMemrefF32(tensor<*xf32>)

func.func @row_max(%in: tensor<3x13xf32>, %out: tensor<3xf32>) -> tensor<3xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%in : tensor<3x13xf32>) outs(%out : tensor<3xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %m = arith.maximumf %x, %acc : f32
    linalg.yield %m : f32
  } -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

func.func @main() {
  %in = tensor.generate {
  ^bb0(%i: index, %j: index):
    // (7 * j) mod 13 + 100 * (i + 1): the maximum sits at a different column per row.
    %c7 = arith.constant 7 : index
    %c13 = arith.constant 13 : index
    %c100 = arith.constant 100 : index
    %c1 = arith.constant 1 : index
    %s = arith.muli %j, %c7 : index
    %m = arith.remui %s, %c13 : index
    %k = arith.muli %i, %c13 : index
    %row = arith.addi %i, %c1 : index
    %base = arith.muli %row, %c100 : index
    %shift = arith.addi %m, %k : index
    %v = arith.addi %shift, %base : index
    %t = arith.index_cast %v : index to i32
    %f = arith.sitofp %t : i32 to f32
    tensor.yield %f : f32
  } : tensor<3x13xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<3xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<3xf32>) -> tensor<3xf32>
  %r = call @row_max(%in, %init) : (tensor<3x13xf32>, tensor<3xf32>) -> tensor<3xf32>
  %u = tensor.cast %r : tensor<3xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
// CHECK: rank = 1 offset = 0 sizes = [3] strides = [1] data =
// CHECK-NEXT: [112,  225,  338]

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    %fill, %split, %combine, %loop = transform.structured.tile_reduction_using_forall %m by num_threads = [0, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}
