// Inlining and shape inference leave main alone, with every shape known
// (the tutorial's chapter 4).
// RUN: mlopt %s --toy-optimize | FileCheck %s
// RUN: mlopt %s --pass-pipeline='builtin.module(toy-inline,toy.func(toy-shape-inference))' | FileCheck %s --check-prefix=SHAPES

toy.func private @multiply_transpose(%arg0: tensor<*xf64>, %arg1: tensor<*xf64>) -> tensor<*xf64> {
  %0 = toy.transpose(%arg0 : tensor<*xf64>) to tensor<*xf64>
  %1 = toy.transpose(%arg1 : tensor<*xf64>) to tensor<*xf64>
  %2 = toy.mul %0, %1 : tensor<*xf64>
  toy.return %2 : tensor<*xf64>
}
toy.func @main() {
  %0 = toy.constant dense<[[1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf64>
  %1 = toy.reshape(%0 : tensor<2x3xf64>) to tensor<2x3xf64>
  %2 = toy.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00, 6.000000e+00]> : tensor<6xf64>
  %3 = toy.reshape(%2 : tensor<6xf64>) to tensor<2x3xf64>
  %4 = toy.generic_call @multiply_transpose(%1, %3) : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<*xf64>
  %5 = toy.generic_call @multiply_transpose(%3, %1) : (tensor<2x3xf64>, tensor<2x3xf64>) -> tensor<*xf64>
  toy.print %5 : tensor<*xf64>
  toy.return
}

// CHECK-NOT: toy.func private @multiply_transpose
// CHECK-NOT: tensor<*xf64>

// CHECK-LABEL: toy.func @main()
// CHECK:         [[VAL_0:%.*]] = toy.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf64>
// CHECK:         [[VAL_1:%.*]] = toy.transpose([[VAL_0]] : tensor<2x3xf64>) to tensor<3x2xf64>
// CHECK:         [[VAL_2:%.*]] = toy.mul [[VAL_1]], [[VAL_1]] : tensor<3x2xf64>
// CHECK:         toy.print [[VAL_2]] : tensor<3x2xf64>
// CHECK:         toy.return

// Without canonicalization the casts stay, now from and to the same type.
// SHAPES:      toy.cast %{{.*}} : tensor<2x3xf64> to tensor<2x3xf64>
// SHAPES:      toy.transpose(%{{.*}} : tensor<2x3xf64>) to tensor<3x2xf64>
// SHAPES:      toy.mul %{{.*}}, %{{.*}} : tensor<3x2xf64>
// SHAPES-NOT:  tensor<*xf64>
