// RUN: mlopt %s --split-input-file --linalg-fuse-elementwise-ops | FileCheck %s

#id = affine_map<(d0, d1) -> (d0, d1)>

// max(x * y + z, 0) * 0.5 + x: five elementwise generics become one, whose
// body computes them in order; the splat constants become scalars and x is
// read once.
// CHECK-LABEL: func.func @chain
// CHECK-SAME: (%[[X:.+]]: tensor<7x13xf32>, %[[Y:.+]]: tensor<7x13xf32>, %[[Z:.+]]: tensor<7x13xf32>)
// CHECK-DAG: %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[HALF:.+]] = arith.constant 5.000000e-01 : f32
// CHECK: %[[R:.+]] = linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel"]
// CHECK-SAME: ins(%[[X]], %[[Y]], %[[Z]] : tensor<7x13xf32>, tensor<7x13xf32>, tensor<7x13xf32>)
// CHECK-NEXT: ^bb0(%[[A:.+]]: f32, %[[B:.+]]: f32, %[[C:.+]]: f32, %{{.+}}: f32):
// CHECK-NEXT: %[[M:.+]] = arith.mulf %[[A]], %[[B]] : f32
// CHECK-NEXT: %[[S:.+]] = arith.addf %[[M]], %[[C]] : f32
// CHECK-NEXT: %[[MAX:.+]] = arith.maximumf %[[S]], %[[ZERO]] : f32
// CHECK-NEXT: %[[H:.+]] = arith.mulf %[[MAX]], %[[HALF]] : f32
// CHECK-NEXT: %[[OUT:.+]] = arith.addf %[[H]], %[[A]] : f32
// CHECK-NEXT: linalg.yield %[[OUT]] : f32
// CHECK-NOT: linalg.generic
// CHECK: return %[[R]]
func.func @chain(%x: tensor<7x13xf32>, %y: tensor<7x13xf32>, %z: tensor<7x13xf32>) -> tensor<7x13xf32> {
  %e = tensor.empty() : tensor<7x13xf32>
  %zero = arith.constant dense<0.0> : tensor<7x13xf32>
  %half = arith.constant dense<0.5> : tensor<7x13xf32>
  %0 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%x, %y : tensor<7x13xf32>, tensor<7x13xf32>) outs(%e : tensor<7x13xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.mulf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<7x13xf32>
  %1 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%0, %z : tensor<7x13xf32>, tensor<7x13xf32>) outs(%e : tensor<7x13xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.addf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<7x13xf32>
  %2 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%1, %zero : tensor<7x13xf32>, tensor<7x13xf32>) outs(%e : tensor<7x13xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.maximumf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<7x13xf32>
  %3 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%2, %half : tensor<7x13xf32>, tensor<7x13xf32>) outs(%e : tensor<7x13xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.mulf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<7x13xf32>
  %4 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%3, %x : tensor<7x13xf32>, tensor<7x13xf32>) outs(%e : tensor<7x13xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.addf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<7x13xf32>
  return %4 : tensor<7x13xf32>
}

// -----

// The consumer reads the producer transposed: the producer's operands get
// composed maps, its linalg.index follows the loop it now runs on.
// CHECK-LABEL: func.func @transposed
// CHECK-SAME: (%[[X:.+]]: tensor<8x4xf32>, %[[V:.+]]: tensor<8xf32>)
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[X]], %[[V]] : tensor<8x4xf32>, tensor<8xf32>)
// CHECK-NEXT: ^bb0(%[[A:.+]]: f32, %[[B:.+]]: f32, %{{.+}}: f32):
// CHECK-NEXT: %[[I:.+]] = linalg.index 1 : index
// CHECK-NEXT: %[[II:.+]] = arith.index_cast %[[I]] : index to i32
// CHECK-NEXT: %[[F:.+]] = arith.sitofp %[[II]] : i32 to f32
// CHECK-NEXT: %[[P:.+]] = arith.addf %[[A]], %[[F]] : f32
// CHECK-NEXT: %[[R:.+]] = arith.mulf %[[P]], %[[B]] : f32
// CHECK-NEXT: linalg.yield %[[R]] : f32
// CHECK-NOT: linalg.generic
#id = affine_map<(d0, d1) -> (d0, d1)>
#t = affine_map<(d0, d1) -> (d1, d0)>
#col = affine_map<(d0, d1) -> (d1)>
func.func @transposed(%x: tensor<8x4xf32>, %v: tensor<8xf32>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<8x4xf32>
  %e2 = tensor.empty() : tensor<4x8xf32>
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<8x4xf32>) outs(%e : tensor<8x4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %m = arith.addf %a, %f : f32
    linalg.yield %m : f32
  } -> tensor<8x4xf32>
  %1 = linalg.generic {indexing_maps = [#t, #col, #id], iterator_types = ["parallel", "parallel"]} ins(%0, %v : tensor<8x4xf32>, tensor<8xf32>) outs(%e2 : tensor<4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %m = arith.mulf %a, %b : f32
    linalg.yield %m : f32
  } -> tensor<4x8xf32>
  return %1 : tensor<4x8xf32>
}

// -----

// An elementwise producer fuses into a reduction; a producer with a second
// use does not fuse.
// CHECK-LABEL: func.func @into_reduction
// CHECK-SAME: (%[[X:.+]]: tensor<4x8xf32>)
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "reduction"]
// CHECK-SAME: ins(%[[X]] : tensor<4x8xf32>)
// CHECK-NEXT: ^bb0(%[[A:.+]]: f32, %[[ACC:.+]]: f32):
// CHECK-NEXT: %[[E:.+]] = math.exp %[[A]] : f32
// CHECK-NEXT: arith.addf %[[E]], %[[ACC]] : f32
// CHECK-LABEL: func.func @shared_producer
// CHECK: %[[P:.+]] = linalg.generic
// CHECK: math.exp
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[P]] : tensor<4x8xf32>)
// CHECK: return
#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
func.func @into_reduction(%x: tensor<4x8xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %zero = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<4xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e1 : tensor<4xf32>) -> tensor<4xf32>
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = math.exp %a : f32
    linalg.yield %m : f32
  } -> tensor<4x8xf32>
  %1 = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]} ins(%0 : tensor<4x8xf32>) outs(%init : tensor<4xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %m = arith.addf %a, %acc : f32
    linalg.yield %m : f32
  } -> tensor<4xf32>
  return %1 : tensor<4xf32>
}
func.func @shared_producer(%x: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>) {
  %e = tensor.empty() : tensor<4x8xf32>
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = math.exp %a : f32
    linalg.yield %m : f32
  } -> tensor<4x8xf32>
  %1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%0 : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.negf %a : f32
    linalg.yield %m : f32
  } -> tensor<4x8xf32>
  return %0, %1 : tensor<4x8xf32>, tensor<4x8xf32>
}

// -----

// An output the body never reads starts from a tensor.empty of its shape.
// CHECK-LABEL: func.func @unread_output
// CHECK-SAME: (%[[X:.+]]: tensor<4x?xf32>, %[[O:.+]]: tensor<4x?xf32>)
// CHECK: %[[ONE:.+]] = arith.constant 1 : index
// CHECK-NEXT: %[[D:.+]] = tensor.dim %[[O]], %[[ONE]] : tensor<4x?xf32>
// CHECK-NEXT: %[[E:.+]] = tensor.empty(%[[D]]) : tensor<4x?xf32>
// CHECK-NEXT: linalg.generic
// CHECK-SAME: ins(%[[X]] : tensor<4x?xf32>) outs(%[[E]] : tensor<4x?xf32>)
#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @unread_output(%x: tensor<4x?xf32>, %o: tensor<4x?xf32>) -> tensor<4x?xf32> {
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<4x?xf32>) outs(%o : tensor<4x?xf32>) {
  ^bb0(%a: f32, %out: f32):
    %m = math.exp %a : f32
    linalg.yield %m : f32
  } -> tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}
