// scf.forall on tensors (shared outputs) and on buffers, converted to scf.for
// loops before bufferization and after it; all print what mlir-runner prints
// after upstream's bufferization and scf-forall-to-for.
// RUN: mlopt %s --scf-forall-to-for | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --one-shot-bufferize=bufferize-function-boundaries --buffer-deallocation-pipeline --convert-bufferization-to-memref --scf-forall-to-parallel | mlrun - -e main --entry-point-result=void | FileCheck %s

func.func private @printMemrefF32(tensor<*xf32>)

// Rows of x scaled by their index + 1, two rows and three columns per thread.
func.func @scale(%x: tensor<6x9xf32>) -> tensor<6x9xf32> {
  %init = tensor.empty() : tensor<6x9xf32>
  %r = scf.forall (%i, %j) = (0, 0) to (6, 9) step (2, 3) shared_outs(%o = %init) -> (tensor<6x9xf32>) {
    %tile = tensor.extract_slice %x[%i, %j] [2, 3] [1, 1] : tensor<6x9xf32> to tensor<2x3xf32>
    %e = tensor.empty() : tensor<2x3xf32>
    %s = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%tile : tensor<2x3xf32>) outs(%e : tensor<2x3xf32>) {
    ^bb0(%a: f32, %out: f32):
      %row = linalg.index 0 : index
      %r0 = arith.addi %row, %i : index
      %r1 = arith.index_cast %r0 : index to i32
      %rf = arith.sitofp %r1 : i32 to f32
      %one = arith.constant 1.0 : f32
      %k = arith.addf %rf, %one : f32
      %m = arith.mulf %a, %k : f32
      linalg.yield %m : f32
    } -> tensor<2x3xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %s into %o[%i, %j] [2, 3] [1, 1] : tensor<2x3xf32> into tensor<6x9xf32>
    }
  }
  return %r : tensor<6x9xf32>
}

func.func @main() {
  %x = arith.constant dense<[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0],
                             [0.5, -1.0, 1.5, -2.0, 2.5, -3.0, 3.5, -4.0, 4.5],
                             [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
                             [-1.0, 0.0, 1.0, 0.0, -1.0, 0.0, 1.0, 0.0, -1.0],
                             [2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 14.0, 16.0, 18.0],
                             [0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25]]> : tensor<6x9xf32>
  %r = call @scale(%x) : (tensor<6x9xf32>) -> tensor<6x9xf32>
  %u = tensor.cast %r : tensor<6x9xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

// CHECK: Unranked Memref base@ = {{.*}} rank = 2 offset = 0 sizes = [6, 9] strides = [9, 1] data =
// CHECK-NEXT: {{\[\[}}1,   2,   3,   4,   5,   6,   7,   8,   9],
// CHECK-NEXT:  [1,   -2,   3,   -4,   5,   -6,   7,   -8,   9],
// CHECK-NEXT:  [3,   3,   3,   3,   3,   3,   3,   3,   3],
// CHECK-NEXT:  [-4,   0,   4,   0,   -4,   0,   4,   0,   -4],
// CHECK-NEXT:  [10,   20,   30,   40,   50,   60,   70,   80,   90],
// CHECK-NEXT:  [1.5,   3,   4.5,   6,   7.5,   9,   10.5,   12,   13.5{{\]\]}}
