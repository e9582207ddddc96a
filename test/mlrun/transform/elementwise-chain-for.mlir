// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule | mlrun - -e main --entry-point-result=void | FileCheck %s
// ORACLE: --transform-interpreter --test-transform-dialect-erase-schedule --one-shot-bufferize=bufferize-function-boundaries --buffer-deallocation-pipeline --convert-bufferization-to-memref --scf-forall-to-for --test-lower-to-llvm
// An elementwise chain max(x * y + z, 0) * 0.5 + x on tensors, one linalg op
// per step; the schedule tiles the last op with scf.for (partial tiles) and
// fuses the producers into the loop nest.
#id = affine_map<(d0, d1) -> (d0, d1)>
func.func private @printMemrefF32(tensor<*xf32>)

func.func @chain(%x: tensor<37x29xf32>, %y: tensor<37x29xf32>, %z: tensor<37x29xf32>) -> tensor<37x29xf32> {
  %e = tensor.empty() : tensor<37x29xf32>
  %0 = linalg.mul ins(%x, %y : tensor<37x29xf32>, tensor<37x29xf32>) outs(%e : tensor<37x29xf32>) -> tensor<37x29xf32>
  %1 = linalg.add ins(%0, %z : tensor<37x29xf32>, tensor<37x29xf32>) outs(%e : tensor<37x29xf32>) -> tensor<37x29xf32>
  %2 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%1 : tensor<37x29xf32>) outs(%e : tensor<37x29xf32>) {
  ^bb0(%in: f32, %out: f32):
    %zero = arith.constant 0.0 : f32
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<37x29xf32>
  %3 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%2, %x : tensor<37x29xf32>, tensor<37x29xf32>) outs(%e : tensor<37x29xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %half = arith.constant 0.5 : f32
    %h = arith.mulf %a, %half : f32
    %s = arith.addf %h, %b : f32
    linalg.yield %s : f32
  } -> tensor<37x29xf32>
  return %3 : tensor<37x29xf32>
}

func.func @main() {
  %x = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s = arith.subi %i, %j : index
    %t = arith.index_cast %s : index to i32
    %v = arith.sitofp %t : i32 to f32
    tensor.yield %v : f32
  } : tensor<37x29xf32>
  %y = arith.constant dense<0.25> : tensor<37x29xf32>
  %z = arith.constant dense<-2.0> : tensor<37x29xf32>
  %r = call @chain(%x, %y, %z) : (tensor<37x29xf32>, tensor<37x29xf32>, tensor<37x29xf32>) -> tensor<37x29xf32>
  %u = tensor.cast %r : tensor<37x29xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %generics = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    %relu, %last = transform.split_handle %generics : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %add = transform.structured.match ops{["linalg.add"]} in %root : (!transform.any_op) -> !transform.any_op
    %mul = transform.structured.match ops{["linalg.mul"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %outer, %inner = transform.structured.tile_using_for %last tile_sizes [8, 5] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %f1, %l1 = transform.structured.fuse_into_containing_op %relu into %inner : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
    %f2, %l2 = transform.structured.fuse_into_containing_op %add into %l1 : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
    %f3, %l3 = transform.structured.fuse_into_containing_op %mul into %l2 : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// CHECK: Unranked Memref base@ = {{.*}} rank = 2 offset = 0 sizes = [37, 29] strides = [29, 1] data =
// CHECK-NEXT: {{\[\[}}0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12,   -13,   -14,   -15,   -16,   -17,   -18,   -19,   -20,   -21,   -22,   -23,   -24,   -25,   -26,   -27,   -28],
// CHECK-NEXT:  [1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12,   -13,   -14,   -15,   -16,   -17,   -18,   -19,   -20,   -21,   -22,   -23,   -24,   -25,   -26,   -27],
// CHECK-NEXT:  [2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12,   -13,   -14,   -15,   -16,   -17,   -18,   -19,   -20,   -21,   -22,   -23,   -24,   -25,   -26],
// CHECK-NEXT:  [3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12,   -13,   -14,   -15,   -16,   -17,   -18,   -19,   -20,   -21,   -22,   -23,   -24,   -25],
// CHECK-NEXT:  [4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12,   -13,   -14,   -15,   -16,   -17,   -18,   -19,   -20,   -21,   -22,   -23,   -24],
// CHECK-NEXT:  [5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12,   -13,   -14,   -15,   -16,   -17,   -18,   -19,   -20,   -21,   -22,   -23],
// CHECK-NEXT:  [6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12,   -13,   -14,   -15,   -16,   -17,   -18,   -19,   -20,   -21,   -22],
// CHECK-NEXT:  [7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12,   -13,   -14,   -15,   -16,   -17,   -18,   -19,   -20,   -21],
// CHECK-NEXT:  [8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12,   -13,   -14,   -15,   -16,   -17,   -18,   -19,   -20],
// CHECK-NEXT:  [9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12,   -13,   -14,   -15,   -16,   -17,   -18,   -19],
// CHECK-NEXT:  [10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12,   -13,   -14,   -15,   -16,   -17,   -18],
// CHECK-NEXT:  [11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12,   -13,   -14,   -15,   -16,   -17],
// CHECK-NEXT:  [12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12,   -13,   -14,   -15,   -16],
// CHECK-NEXT:  [13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12,   -13,   -14,   -15],
// CHECK-NEXT:  [14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12,   -13,   -14],
// CHECK-NEXT:  [15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12,   -13],
// CHECK-NEXT:  [17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11,   -12],
// CHECK-NEXT:  [18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10,   -11],
// CHECK-NEXT:  [19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9,   -10],
// CHECK-NEXT:  [20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8,   -9],
// CHECK-NEXT:  [21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7,   -8],
// CHECK-NEXT:  [22.625,   21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6,   -7],
// CHECK-NEXT:  [23.75,   22.625,   21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5,   -6],
// CHECK-NEXT:  [24.875,   23.75,   22.625,   21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4,   -5],
// CHECK-NEXT:  [26,   24.875,   23.75,   22.625,   21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3,   -4],
// CHECK-NEXT:  [27.125,   26,   24.875,   23.75,   22.625,   21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2,   -3],
// CHECK-NEXT:  [28.25,   27.125,   26,   24.875,   23.75,   22.625,   21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1,   -2],
// CHECK-NEXT:  [29.375,   28.25,   27.125,   26,   24.875,   23.75,   22.625,   21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0,   -1],
// CHECK-NEXT:  [30.5,   29.375,   28.25,   27.125,   26,   24.875,   23.75,   22.625,   21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1,   0],
// CHECK-NEXT:  [31.625,   30.5,   29.375,   28.25,   27.125,   26,   24.875,   23.75,   22.625,   21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2,   1],
// CHECK-NEXT:  [32.75,   31.625,   30.5,   29.375,   28.25,   27.125,   26,   24.875,   23.75,   22.625,   21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3,   2],
// CHECK-NEXT:  [33.875,   32.75,   31.625,   30.5,   29.375,   28.25,   27.125,   26,   24.875,   23.75,   22.625,   21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4,   3],
// CHECK-NEXT:  [35,   33.875,   32.75,   31.625,   30.5,   29.375,   28.25,   27.125,   26,   24.875,   23.75,   22.625,   21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5,   4],
// CHECK-NEXT:  [36.125,   35,   33.875,   32.75,   31.625,   30.5,   29.375,   28.25,   27.125,   26,   24.875,   23.75,   22.625,   21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6,   5],
// CHECK-NEXT:  [37.25,   36.125,   35,   33.875,   32.75,   31.625,   30.5,   29.375,   28.25,   27.125,   26,   24.875,   23.75,   22.625,   21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7,   6],
// CHECK-NEXT:  [38.375,   37.25,   36.125,   35,   33.875,   32.75,   31.625,   30.5,   29.375,   28.25,   27.125,   26,   24.875,   23.75,   22.625,   21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8,   7],
// CHECK-NEXT:  [39.5,   38.375,   37.25,   36.125,   35,   33.875,   32.75,   31.625,   30.5,   29.375,   28.25,   27.125,   26,   24.875,   23.75,   22.625,   21.5,   20.375,   19.25,   18.125,   17,   15.875,   14.75,   13.625,   12.5,   11.375,   10.25,   9.125,   8]]
