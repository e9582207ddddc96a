// Contractions in matmul, transposed and matvec forms, through both
// strategies of convert-vector-to-llvm, and the outer products they become.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-vector-to-llvm=vector-contract-lowering=outerproduct | mlrun - -e main --entry-point-result=void | FileCheck %s
// REQUIRES: mlir-runner
// RUN: %mlir_opt %s --test-lower-to-llvm | %mlir_runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so.22.1,%mlir_lib_dir/libmlir_c_runner_utils.so.22.1 | FileCheck %s
// RUN: %mlir_opt %s --convert-vector-to-llvm=vector-contract-lowering=outerproduct --test-lower-to-llvm | %mlir_runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so.22.1,%mlir_lib_dir/libmlir_c_runner_utils.so.22.1 | FileCheck %s

#mk = affine_map<(m, n, k) -> (m, k)>
#kn = affine_map<(m, n, k) -> (k, n)>
#nk = affine_map<(m, n, k) -> (n, k)>
#km = affine_map<(m, n, k) -> (k, m)>
#mn = affine_map<(m, n, k) -> (m, n)>
#nm = affine_map<(m, n, k) -> (n, m)>
#vmk = affine_map<(m, k) -> (m, k)>
#vk = affine_map<(m, k) -> (k)>
#vm = affine_map<(m, k) -> (m)>

func.func @main() {
  %a = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : vector<2x3xf32>
  %b = arith.constant dense<[[1.0, 0.5, -1.0, 2.0], [0.0, 1.0, 1.0, -2.0], [3.0, -1.0, 0.25, 1.0]]> : vector<3x4xf32>
  %c = arith.constant dense<[[10.0, 20.0, 30.0, 40.0], [50.0, 60.0, 70.0, 80.0]]> : vector<2x4xf32>

  // CHECK: ( ( 20, 19.5, 31.75, 41 ), ( 72, 61, 72.5, 84 ) )
  %mm = vector.contract {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %a, %b, %c : vector<2x3xf32>, vector<3x4xf32> into vector<2x4xf32>
  vector.print %mm : vector<2x4xf32>

  // The same product with the operands stored transposed and the result as (n, m).
  // CHECK: ( ( 20, 72 ), ( 19.5, 61 ), ( 31.75, 72.5 ), ( 41, 84 ) )
  %at = vector.transpose %a, [1, 0] : vector<2x3xf32> to vector<3x2xf32>
  %bt = vector.transpose %b, [1, 0] : vector<3x4xf32> to vector<4x3xf32>
  %ct = vector.transpose %c, [1, 0] : vector<2x4xf32> to vector<4x2xf32>
  %tt = vector.contract {indexing_maps = [#km, #nk, #nm], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %at, %bt, %ct : vector<3x2xf32>, vector<4x3xf32> into vector<4x2xf32>
  vector.print %tt : vector<4x2xf32>

  // A matrix-vector product.
  // CHECK: ( 5.5, 12.5 )
  %x = arith.constant dense<[1.0, -1.0, 2.0]> : vector<3xf32>
  %y = arith.constant dense<[0.5, 1.5]> : vector<2xf32>
  %mv = vector.contract {indexing_maps = [#vmk, #vk, #vm], iterator_types = ["parallel", "reduction"], kind = #vector.kind<add>} %a, %x, %y : vector<2x3xf32>, vector<3xf32> into vector<2xf32>
  vector.print %mv : vector<2xf32>

  // Integers.
  // CHECK: ( ( 23, 36 ), ( 53, 82 ) )
  %ia = arith.constant dense<[[1, 2], [3, 4]]> : vector<2x2xi32>
  %ib = arith.constant dense<[[5, 6], [7, 8]]> : vector<2x2xi32>
  %ic = arith.constant dense<[[4, 14], [10, 32]]> : vector<2x2xi32>
  %im = vector.contract {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %ia, %ib, %ic : vector<2x2xi32>, vector<2x2xi32> into vector<2x2xi32>
  vector.print %im : vector<2x2xi32>

  // Outer products: with an accumulator, without, and the AXPY form.
  // CHECK: ( ( 2, 3.5 ), ( 2, 5 ) )
  // CHECK: ( ( 1, 0.5 ), ( 2, 1 ) )
  // CHECK: ( 3, -0.5, 5 )
  %u = arith.constant dense<[1.0, 2.0]> : vector<2xf32>
  %v = arith.constant dense<[1.0, 0.5]> : vector<2xf32>
  %acc = arith.constant dense<[[1.0, 3.0], [0.0, 4.0]]> : vector<2x2xf32>
  %op1 = vector.outerproduct %u, %v, %acc : vector<2xf32>, vector<2xf32>
  vector.print %op1 : vector<2x2xf32>
  %op2 = vector.outerproduct %u, %v : vector<2xf32>, vector<2xf32>
  vector.print %op2 : vector<2x2xf32>
  %s = arith.constant 2.0 : f32
  %z = arith.constant dense<[1.0, 1.5, 1.0]> : vector<3xf32>
  %axpy = vector.outerproduct %x, %s, %z : vector<3xf32>, f32
  vector.print %axpy : vector<3xf32>
  func.call @dot() : () -> ()
  return
}

// A dot product: a reduction in both strategies.
// CHECK: 5.5
func.func @dot() {
  %x = arith.constant dense<[1.0, -1.0, 2.0]> : vector<3xf32>
  %y = arith.constant dense<[0.5, 1.0, 3.0]> : vector<3xf32>
  %acc = arith.constant 0.0 : f32
  %d = vector.contract {indexing_maps = [affine_map<(k) -> (k)>, affine_map<(k) -> (k)>, affine_map<(k) -> ()>], iterator_types = ["reduction"], kind = #vector.kind<add>} %x, %y, %acc : vector<3xf32>, vector<3xf32> into f32
  vector.print %d : f32
  return
}
