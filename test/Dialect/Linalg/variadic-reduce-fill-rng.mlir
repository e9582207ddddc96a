// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | FileCheck %s --check-prefix=BODY

// A reduction with two inputs and two inits (argmax).
// CHECK-LABEL: func.func @argmax
// CHECK: linalg.reduce ins(%{{.*}}, %{{.*}} : tensor<4x8xf32>, tensor<4x8xi32>) outs(%{{.*}}, %{{.*}} : tensor<4xf32>, tensor<4xi32>) dimensions = [1]
// CHECK: linalg.yield %{{.*}}, %{{.*}} : f32, i32
func.func @argmax(%a: tensor<4x8xf32>, %i: tensor<4x8xi32>, %o: tensor<4xf32>, %oi: tensor<4xi32>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0:2 = linalg.reduce ins(%a, %i : tensor<4x8xf32>, tensor<4x8xi32>) outs(%o, %oi : tensor<4xf32>, tensor<4xi32>) dimensions = [1]
    (%x: f32, %xi: i32, %acc: f32, %acci: i32) {
      %c = arith.cmpf ogt, %x, %acc : f32
      %m = arith.select %c, %x, %acc : f32
      %mi = arith.select %c, %xi, %acci : i32
      linalg.yield %m, %mi : f32, i32
    }
  return %0#0, %0#1 : tensor<4xf32>, tensor<4xi32>
}

// -----

// fill_rng_2d's implicit body is upstream's generator, op for op.
// CHECK-LABEL: func.func @fill_rng
// CHECK: linalg.fill_rng_2d ins(%{{.*}}, %{{.*}}, %{{.*}} : f64, f64, i32) outs(%{{.*}} : tensor<16x32xf32>) -> tensor<16x32xf32>
// BODY-LABEL: sym_name = "fill_rng"
// BODY: ^bb0(%[[MIN:.*]]: f64, %[[MAX:.*]]: f64, %[[SEED:.*]]: i32, %{{.*}}: f32):
// BODY: "arith.constant"() <{value = 2147483647 : i64}>
// BODY: "linalg.index"() <{dim = 1 : i64}>
// BODY: "linalg.index"() <{dim = 0 : i64}>
// BODY: "arith.constant"() <{value = 1103515245 : i64}>
// BODY: "arith.constant"() <{value = 12345 : i64}>
// BODY: "arith.subf"(%[[MAX]], %[[MIN]])
// BODY: "arith.truncf"
// BODY-NEXT: "linalg.yield"
func.func @fill_rng(%min: f64, %max: f64, %seed: i32, %o: tensor<16x32xf32>) -> tensor<16x32xf32> {
  %0 = linalg.fill_rng_2d ins(%min, %max, %seed : f64, f64, i32) outs(%o : tensor<16x32xf32>) -> tensor<16x32xf32>
  return %0 : tensor<16x32xf32>
}
