// Calls are replaced by the callee's body; casts bridge the argument types,
// and the private callee goes away.
// RUN: mlopt %s --toy-inline | FileCheck %s

toy.func private @multiply_transpose(%arg0: tensor<*xf64>, %arg1: tensor<*xf64>) -> tensor<*xf64> {
  %0 = toy.transpose(%arg0 : tensor<*xf64>) to tensor<*xf64>
  %1 = toy.transpose(%arg1 : tensor<*xf64>) to tensor<*xf64>
  %2 = toy.mul %0, %1 : tensor<*xf64>
  toy.return %2 : tensor<*xf64>
}
toy.func @main() {
  %0 = toy.constant dense<[[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf64>
  %1 = toy.generic_call @multiply_transpose(%0, %0) : (tensor<2x2xf64>, tensor<2x2xf64>) -> tensor<*xf64>
  toy.print %1 : tensor<*xf64>
  toy.return
}

// CHECK-NOT: @multiply_transpose
// CHECK-LABEL: toy.func @main()
// CHECK-NEXT:    %[[C:.*]] = toy.constant
// CHECK-NEXT:    %[[A:.*]] = toy.cast %[[C]] : tensor<2x2xf64> to tensor<*xf64>
// CHECK-NEXT:    %[[B:.*]] = toy.cast %[[C]] : tensor<2x2xf64> to tensor<*xf64>
// CHECK-NEXT:    %[[TA:.*]] = toy.transpose(%[[A]] : tensor<*xf64>) to tensor<*xf64>
// CHECK-NEXT:    %[[TB:.*]] = toy.transpose(%[[B]] : tensor<*xf64>) to tensor<*xf64>
// CHECK-NEXT:    %[[M:.*]] = toy.mul %[[TA]], %[[TB]] : tensor<*xf64>
// CHECK-NEXT:    toy.print %[[M]] : tensor<*xf64>
// CHECK-NEXT:    toy.return
