// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule | mlrun - -e main --entry-point-result=void | FileCheck %s
// ORACLE: --transform-interpreter --test-transform-dialect-erase-schedule --one-shot-bufferize=bufferize-function-boundaries --buffer-deallocation-pipeline --convert-bufferization-to-memref --scf-forall-to-for --test-lower-to-llvm
// A fill, a matmul (13x17 * 17x19) and a bias add on tensors: the add is tiled
// 4 x 8 with scf.forall (partial tiles on both dimensions), the matmul and the
// fill are fused into it, and the fused matmul is tiled by 5 along k.

func.func private @printMemrefF32(tensor<*xf32>)

func.func @compute(%a: tensor<13x17xf32>, %b: tensor<17x19xf32>, %x: tensor<13x19xf32>) -> tensor<13x19xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<13x19xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<13x19xf32>) -> tensor<13x19xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<13x17xf32>, tensor<17x19xf32>) outs(%f : tensor<13x19xf32>) -> tensor<13x19xf32>
  %1 = linalg.add ins(%0, %x : tensor<13x19xf32>, tensor<13x19xf32>) outs(%e : tensor<13x19xf32>) -> tensor<13x19xf32>
  return %1 : tensor<13x19xf32>
}

func.func @main() {
  %a = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s = arith.addi %i, %j : index
    %t = arith.index_cast %s : index to i32
    %v = arith.sitofp %t : i32 to f32
    tensor.yield %v : f32
  } : tensor<13x17xf32>
  %b = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s = arith.muli %i, %j : index
    %c5 = arith.constant 5 : index
    %r = arith.remui %s, %c5 : index
    %t = arith.index_cast %r : index to i32
    %v = arith.sitofp %t : i32 to f32
    tensor.yield %v : f32
  } : tensor<17x19xf32>
  %x = arith.constant dense<1.5> : tensor<13x19xf32>
  %r = call @compute(%a, %b, %x) : (tensor<13x17xf32>, tensor<17x19xf32>, tensor<13x19xf32>) -> tensor<13x19xf32>
  %u = tensor.cast %r : tensor<13x19xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %add = transform.structured.match ops{["linalg.add"]} in %root : (!transform.any_op) -> !transform.any_op
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %fill = transform.structured.match ops{["linalg.fill"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %forall = transform.structured.tile_using_forall %add tile_sizes [4, 8] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %fm, %l1 = transform.structured.fuse_into_containing_op %mm into %forall : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
    %ff, %l2 = transform.structured.fuse_into_containing_op %fill into %l1 : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
    %tm, %k = transform.structured.tile_using_for %fm tile_sizes [0, 0, 5] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// CHECK: Unranked Memref base@ = {{.*}} rank = 2 offset = 0 sizes = [13, 19] strides = [19, 1] data =
// CHECK-NEXT: {{\[\[}}1.5,   257.5,   258.5,   274.5,   275.5,   1.5,   257.5,   258.5,   274.5,   275.5,   1.5,   257.5,   258.5,   274.5,   275.5,   1.5,   257.5,   258.5,   274.5],
// CHECK-NEXT:  [1.5,   288.5,   290.5,   307.5,   309.5,   1.5,   288.5,   290.5,   307.5,   309.5,   1.5,   288.5,   290.5,   307.5,   309.5,   1.5,   288.5,   290.5,   307.5],
// CHECK-NEXT:  [1.5,   319.5,   322.5,   340.5,   343.5,   1.5,   319.5,   322.5,   340.5,   343.5,   1.5,   319.5,   322.5,   340.5,   343.5,   1.5,   319.5,   322.5,   340.5],
// CHECK-NEXT:  [1.5,   350.5,   354.5,   373.5,   377.5,   1.5,   350.5,   354.5,   373.5,   377.5,   1.5,   350.5,   354.5,   373.5,   377.5,   1.5,   350.5,   354.5,   373.5],
// CHECK-NEXT:  [1.5,   381.5,   386.5,   406.5,   411.5,   1.5,   381.5,   386.5,   406.5,   411.5,   1.5,   381.5,   386.5,   406.5,   411.5,   1.5,   381.5,   386.5,   406.5],
// CHECK-NEXT:  [1.5,   412.5,   418.5,   439.5,   445.5,   1.5,   412.5,   418.5,   439.5,   445.5,   1.5,   412.5,   418.5,   439.5,   445.5,   1.5,   412.5,   418.5,   439.5],
// CHECK-NEXT:  [1.5,   443.5,   450.5,   472.5,   479.5,   1.5,   443.5,   450.5,   472.5,   479.5,   1.5,   443.5,   450.5,   472.5,   479.5,   1.5,   443.5,   450.5,   472.5],
// CHECK-NEXT:  [1.5,   474.5,   482.5,   505.5,   513.5,   1.5,   474.5,   482.5,   505.5,   513.5,   1.5,   474.5,   482.5,   505.5,   513.5,   1.5,   474.5,   482.5,   505.5],
// CHECK-NEXT:  [1.5,   505.5,   514.5,   538.5,   547.5,   1.5,   505.5,   514.5,   538.5,   547.5,   1.5,   505.5,   514.5,   538.5,   547.5,   1.5,   505.5,   514.5,   538.5],
// CHECK-NEXT:  [1.5,   536.5,   546.5,   571.5,   581.5,   1.5,   536.5,   546.5,   571.5,   581.5,   1.5,   536.5,   546.5,   571.5,   581.5,   1.5,   536.5,   546.5,   571.5],
// CHECK-NEXT:  [1.5,   567.5,   578.5,   604.5,   615.5,   1.5,   567.5,   578.5,   604.5,   615.5,   1.5,   567.5,   578.5,   604.5,   615.5,   1.5,   567.5,   578.5,   604.5],
// CHECK-NEXT:  [1.5,   598.5,   610.5,   637.5,   649.5,   1.5,   598.5,   610.5,   637.5,   649.5,   1.5,   598.5,   610.5,   637.5,   649.5,   1.5,   598.5,   610.5,   637.5],
// CHECK-NEXT:  [1.5,   629.5,   642.5,   670.5,   683.5,   1.5,   629.5,   642.5,   670.5,   683.5,   1.5,   629.5,   642.5,   670.5,   683.5,   1.5,   629.5,   642.5,   670.5]]
