// RUN: mlopt %s --transform-interpreter --split-input-file --verify-diagnostics | FileCheck %s

// Window and output 1 along h: the conv runs as conv_1d_nwc_wcf on slices
// without h, with the strides and dilations of w; the result is inserted
// back into the 4-D output.

// CHECK-LABEL: func.func @conv_nhwc
//  CHECK-SAME:     %[[I:[a-zA-Z0-9]+]]: tensor<1x1x11x3xf32>, %[[F:[a-zA-Z0-9]+]]: tensor<1x3x3x8xf32>, %[[O:[a-zA-Z0-9]+]]: tensor<1x1x4x8xf32>
//       CHECK:   %[[SI:.*]] = tensor.extract_slice %[[I]][0, 0, 0, 0] [1, 1, 11, 3] [1, 1, 1, 1] : tensor<1x1x11x3xf32> to tensor<1x11x3xf32>
//       CHECK:   %[[SF:.*]] = tensor.extract_slice %[[F]][0, 0, 0, 0] [1, 3, 3, 8] [1, 1, 1, 1] : tensor<1x3x3x8xf32> to tensor<3x3x8xf32>
//       CHECK:   %[[SO:.*]] = tensor.extract_slice %[[O]][0, 0, 0, 0] [1, 1, 4, 8] [1, 1, 1, 1] : tensor<1x1x4x8xf32> to tensor<1x4x8xf32>
//       CHECK:   %[[C:.*]] = linalg.conv_1d_nwc_wcf {dilations = dense<2> : vector<1xi64>, strides = dense<2> : vector<1xi64>} ins(%[[SI]], %[[SF]] : tensor<1x11x3xf32>, tensor<3x3x8xf32>) outs(%[[SO]] : tensor<1x4x8xf32>) -> tensor<1x4x8xf32>
//       CHECK:   %[[R:.*]] = tensor.insert_slice %[[C]] into %[[O]][0, 0, 0, 0] [1, 1, 4, 8] [1, 1, 1, 1] : tensor<1x4x8xf32> into tensor<1x1x4x8xf32>
//       CHECK:   return %[[R]]
func.func @conv_nhwc(%i: tensor<1x1x11x3xf32>, %f: tensor<1x3x3x8xf32>, %o: tensor<1x1x4x8xf32>) -> tensor<1x1x4x8xf32> {
  %0 = linalg.conv_2d_nhwc_hwcf {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<[3, 2]> : tensor<2xi64>} ins(%i, %f : tensor<1x1x11x3xf32>, tensor<1x3x3x8xf32>) outs(%o : tensor<1x1x4x8xf32>) -> tensor<1x1x4x8xf32>
  return %0 : tensor<1x1x4x8xf32>
}

// Along w when h is not a unit: depthwise and NCHW forms.

// CHECK-LABEL: func.func @depthwise
//       CHECK:   tensor.extract_slice %{{.*}}[0, 0, 0, 0] [1, 5, 1, 3] [1, 1, 1, 1] : tensor<1x5x1x3xf32> to tensor<1x5x3xf32>
//       CHECK:   tensor.extract_slice %{{.*}}[0, 0, 0] [2, 1, 3] [1, 1, 1] : tensor<2x1x3xf32> to tensor<2x3xf32>
//       CHECK:   linalg.depthwise_conv_1d_nwc_wc {dilations = dense<1> : vector<1xi64>, strides = dense<1> : vector<1xi64>} ins(%{{.*}}, %{{.*}} : tensor<1x5x3xf32>, tensor<2x3xf32>) outs(%{{.*}} : tensor<1x4x3xf32>) -> tensor<1x4x3xf32>
func.func @depthwise(%i: tensor<1x5x1x3xf32>, %f: tensor<2x1x3xf32>, %o: tensor<1x4x1x3xf32>) -> tensor<1x4x1x3xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%i, %f : tensor<1x5x1x3xf32>, tensor<2x1x3xf32>) outs(%o : tensor<1x4x1x3xf32>) -> tensor<1x4x1x3xf32>
  return %0 : tensor<1x4x1x3xf32>
}

// CHECK-LABEL: func.func @conv_nchw
//       CHECK:   linalg.conv_1d_ncw_fcw {dilations = dense<1> : vector<1xi64>, strides = dense<2> : vector<1xi64>} ins(%{{.*}}, %{{.*}} : tensor<2x3x7xf32>, tensor<4x3x1xf32>) outs(%{{.*}} : tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
func.func @conv_nchw(%i: tensor<2x3x7x1xf32>, %f: tensor<4x3x1x1xf32>, %o: tensor<2x4x4x1xf32>) -> tensor<2x4x4x1xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<[2, 5]> : tensor<2xi64>} ins(%i, %f : tensor<2x3x7x1xf32>, tensor<4x3x1x1xf32>) outs(%o : tensor<2x4x4x1xf32>) -> tensor<2x4x4x1xf32>
  return %0 : tensor<2x4x4x1xf32>
}

// CHECK-LABEL: func.func @pooling
//       CHECK:   linalg.pooling_nwc_max {dilations = dense<1> : vector<1xi64>, strides = dense<1> : vector<1xi64>} ins(%{{.*}}, %{{.*}} : tensor<1x6x3xf32>, tensor<2xf32>) outs(%{{.*}} : tensor<1x5x3xf32>) -> tensor<1x5x3xf32>
func.func @pooling(%i: tensor<1x1x6x3xf32>, %k: tensor<1x2xf32>, %o: tensor<1x1x5x3xf32>) -> tensor<1x1x5x3xf32> {
  %0 = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%i, %k : tensor<1x1x6x3xf32>, tensor<1x2xf32>) outs(%o : tensor<1x1x5x3xf32>) -> tensor<1x1x5x3xf32>
  return %0 : tensor<1x1x5x3xf32>
}

// CHECK-LABEL: func.func @plain
//       CHECK:   linalg.conv_1d ins(%{{.*}}, %{{.*}} : tensor<6xf32>, tensor<2xf32>) outs(%{{.*}} : tensor<5xf32>) -> tensor<5xf32>
func.func @plain(%i: tensor<1x6xf32>, %f: tensor<1x2xf32>, %o: tensor<1x5xf32>) -> tensor<1x5xf32> {
  %0 = linalg.conv_2d ins(%i, %f : tensor<1x6xf32>, tensor<1x2xf32>) outs(%o : tensor<1x5xf32>) -> tensor<1x5xf32>
  return %0 : tensor<1x5xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.conv_2d_nhwc_hwcf", "linalg.depthwise_conv_2d_nhwc_hwc", "linalg.conv_2d_nchw_fchw", "linalg.pooling_nhwc_max", "linalg.conv_2d"]} in %root : (!transform.any_op) -> !transform.any_op
    %d = transform.structured.decompose %m : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

func.func @no_unit_window(%i: tensor<1x4x4x3xf32>, %f: tensor<2x2x3x8xf32>, %o: tensor<1x3x3x8xf32>) -> tensor<1x3x3x8xf32> {
  // expected-note@+1 {{when applied to this op}}
  %0 = linalg.conv_2d_nhwc_hwcf ins(%i, %f : tensor<1x4x4x3xf32>, tensor<2x2x3x8xf32>) outs(%o : tensor<1x3x3x8xf32>) -> tensor<1x3x3x8xf32>
  return %0 : tensor<1x3x3x8xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %m = transform.structured.match ops{["linalg.conv_2d_nhwc_hwcf"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error@+1 {{transform.structured.decompose failed to apply}}
    %d = transform.structured.decompose %m : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
