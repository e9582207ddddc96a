// RUN: mlopt %s --split-input-file --convert-linalg-to-loops | FileCheck %s

// A convolution without strides/dilations uses upstream's defaults (1).
// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1) -> (d0 + d1)>
// CHECK-LABEL: func.func @conv_default_attributes
// CHECK-COUNT-7: scf.for
// CHECK: %[[H:.*]] = affine.apply #[[MAP0]](%{{.*}}, %{{.*}})
// CHECK: %[[W:.*]] = affine.apply #[[MAP0]](%{{.*}}, %{{.*}})
// CHECK: memref.load %{{.*}}[%{{.*}}, %[[H]], %[[W]], %{{.*}}] : memref<1x9x9x3xf32>
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: memref.store
func.func @conv_default_attributes(%i: memref<1x9x9x3xf32>, %f: memref<3x3x3x4xf32>, %o: memref<1x7x7x4xf32>) {
  linalg.conv_2d_nhwc_hwcf ins(%i, %f : memref<1x9x9x3xf32>, memref<3x3x3x4xf32>) outs(%o : memref<1x7x7x4xf32>)
  return
}

// -----

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1) -> (d0 * 3 + d1 * 2)>
// CHECK-LABEL: func.func @conv_strides_dilations
// CHECK: affine.apply #[[MAP0]]
// CHECK: affine.apply #[[MAP0]]
func.func @conv_strides_dilations(%i: memref<1x9x9x3xf32>, %f: memref<2x2x3x4xf32>, %o: memref<1x3x3x4xf32>) {
  linalg.conv_2d_nhwc_hwcf {dilations = dense<2> : tensor<2xi64>, strides = dense<3> : tensor<2xi64>}
    ins(%i, %f : memref<1x9x9x3xf32>, memref<2x2x3x4xf32>) outs(%o : memref<1x3x3x4xf32>)
  return
}

// -----

// A pooling's window operand only gives the window loops their bounds.
// CHECK-LABEL: func.func @pooling_dynamic
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: memref.dim %{{.*}}, %[[C0]] : memref<?x?x?x?xf32>
// CHECK-DAG: memref.dim %{{.*}}, %{{.*}} : memref<?x?xf32>
// CHECK-COUNT-6: scf.for
// CHECK: memref.load %{{.*}} : memref<?x?x?x?xf32>
// CHECK-NOT: memref.load %{{.*}} : memref<?x?xf32>
// CHECK: arith.maximumf
func.func @pooling_dynamic(%i: memref<?x?x?x?xf32>, %w: memref<?x?xf32>, %o: memref<?x?x?x?xf32>) {
  linalg.pooling_nhwc_max ins(%i, %w : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%o : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_multiplier
// CHECK: memref.load %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}, %[[C:.*]]] : memref<1x5x5x2xf32>
// CHECK: memref.load %{{.*}}[%{{.*}}, %{{.*}}, %[[C]], %[[M:.*]]] : memref<2x2x2x3xf32>
// CHECK: memref.load %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}, %[[C]], %[[M]]] : memref<1x4x4x2x3xf32>
func.func @depthwise_multiplier(%i: memref<1x5x5x2xf32>, %f: memref<2x2x2x3xf32>, %o: memref<1x4x4x2x3xf32>) {
  linalg.depthwise_conv_2d_nhwc_hwcm ins(%i, %f : memref<1x5x5x2xf32>, memref<2x2x2x3xf32>) outs(%o : memref<1x4x4x2x3xf32>)
  return
}
