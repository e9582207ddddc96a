// A reshape of a computed tensor (the tutorial only folds reshapes of
// constants) loads each element from its row-major position in the input.
// RUN: mlopt %s --toy-to-affine | FileCheck %s

toy.func @main() {
  %0 = toy.constant dense<[[1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf64>
  %1 = toy.transpose(%0 : tensor<2x3xf64>) to tensor<3x2xf64>
  %2 = toy.reshape(%1 : tensor<3x2xf64>) to tensor<6xf64>
  %3 = toy.constant dense<2.500000e+00> : tensor<f64>
  %4 = toy.reshape(%3 : tensor<f64>) to tensor<2x2xf64>
  toy.print %2 : tensor<6xf64>
  toy.print %4 : tensor<2x2xf64>
  toy.return
}

// CHECK:       affine.for [[K:%.*]] = 0 to 6 {
// CHECK-NEXT:    affine.load %{{.*}}{{\[}}[[K]] floordiv 2, [[K]] mod 2] : memref<3x2xf64>
// CHECK:       affine.store {{.*}}[] : memref<f64>
// CHECK:       affine.for {{%.*}} = 0 to 2 {
// CHECK-NEXT:    affine.for {{%.*}} = 0 to 2 {
// CHECK-NEXT:      affine.load %{{.*}}[] : memref<f64>
