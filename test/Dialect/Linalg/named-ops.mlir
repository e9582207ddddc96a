// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | FileCheck %s --check-prefix=BODY

// The implicit bodies, as upstream builds them: inputs cast (cast_signed) to
// the output element type, the accumulator first in the reduction.
// BODY-LABEL: sym_name = "conv_1d"
// BODY: ^bb0(%[[I:[^ ,:]+]]: f16, %[[K:[^ ,:]+]]: f16, %[[O:[^ ,:]+]]: f32):
// BODY-NEXT: %[[IC:[^ ,:]+]] = "arith.extf"(%[[I]]) : (f16) -> f32
// BODY-NEXT: %[[KC:[^ ,:]+]] = "arith.extf"(%[[K]]) : (f16) -> f32
// BODY-NEXT: %[[M:[^ ,:]+]] = "arith.mulf"(%[[IC]], %[[KC]])
// BODY-NEXT: %[[S:[^ ,:]+]] = "arith.addf"(%[[O]], %[[M]])
// BODY-NEXT: "linalg.yield"(%[[S]]) : (f32) -> ()
// BODY-LABEL: sym_name = "pooling_nhwc_max_unsigned"
// BODY: "arith.extui"
// BODY-NEXT: "arith.maxui"
// BODY-LABEL: sym_name = "quantized_batch_matmul"
// BODY: %[[A:[^ ,:]+]] = "arith.extsi"
// BODY-NEXT: "arith.subi"(%[[A]],
// BODY-NEXT: "arith.extsi"
// BODY-NEXT: "arith.subi"
// BODY-NEXT: "arith.muli"
// BODY-NEXT: "arith.addi"

// CHECK-LABEL: func.func @conv_1d
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?xf16>, %[[B:[^ ,:]+]]: memref<?xf16>, %[[C:[^ ,:]+]]: memref<?xf32>) {
// CHECK: linalg.conv_1d ins(%[[A]], %[[B]] : memref<?xf16>, memref<?xf16>) outs(%[[C]] : memref<?xf32>)
// CHECK: return
func.func @conv_1d(%a: memref<?xf16>, %b: memref<?xf16>, %c: memref<?xf32>) {
  linalg.conv_1d ins(%a, %b : memref<?xf16>, memref<?xf16>) outs(%c : memref<?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?xf32>) {
// CHECK: linalg.conv_2d ins(%[[A]], %[[B]] : memref<?x?xf16>, memref<?x?xf16>) outs(%[[C]] : memref<?x?xf32>)
// CHECK: return
func.func @conv_2d(%a: memref<?x?xf16>, %b: memref<?x?xf16>, %c: memref<?x?xf32>) {
  linalg.conv_2d ins(%a, %b : memref<?x?xf16>, memref<?x?xf16>) outs(%c : memref<?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_3d
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?xf32>) {
// CHECK: linalg.conv_3d ins(%[[A]], %[[B]] : memref<?x?x?xf16>, memref<?x?x?xf16>) outs(%[[C]] : memref<?x?x?xf32>)
// CHECK: return
func.func @conv_3d(%a: memref<?x?x?xf16>, %b: memref<?x?x?xf16>, %c: memref<?x?x?xf32>) {
  linalg.conv_3d ins(%a, %b : memref<?x?x?xf16>, memref<?x?x?xf16>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_1d_nwc_wcf
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?xf32>) {
// CHECK: linalg.conv_1d_nwc_wcf ins(%[[A]], %[[B]] : memref<?x?x?xf16>, memref<?x?x?xf16>) outs(%[[C]] : memref<?x?x?xf32>)
// CHECK: return
func.func @conv_1d_nwc_wcf(%a: memref<?x?x?xf16>, %b: memref<?x?x?xf16>, %c: memref<?x?x?xf32>) {
  linalg.conv_1d_nwc_wcf ins(%a, %b : memref<?x?x?xf16>, memref<?x?x?xf16>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_1d_ncw_fcw
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?xf32>) {
// CHECK: linalg.conv_1d_ncw_fcw ins(%[[A]], %[[B]] : memref<?x?x?xf16>, memref<?x?x?xf16>) outs(%[[C]] : memref<?x?x?xf32>)
// CHECK: return
func.func @conv_1d_ncw_fcw(%a: memref<?x?x?xf16>, %b: memref<?x?x?xf16>, %c: memref<?x?x?xf32>) {
  linalg.conv_1d_ncw_fcw ins(%a, %b : memref<?x?x?xf16>, memref<?x?x?xf16>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d_nhwc_hwcf
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?xf32>) {
// CHECK: linalg.conv_2d_nhwc_hwcf ins(%[[A]], %[[B]] : memref<?x?x?x?xf16>, memref<?x?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?xf32>)
// CHECK: return
func.func @conv_2d_nhwc_hwcf(%a: memref<?x?x?x?xf16>, %b: memref<?x?x?x?xf16>, %c: memref<?x?x?x?xf32>) {
  linalg.conv_2d_nhwc_hwcf ins(%a, %b : memref<?x?x?x?xf16>, memref<?x?x?x?xf16>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d_nhwc_fhwc
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?xf32>) {
// CHECK: linalg.conv_2d_nhwc_fhwc ins(%[[A]], %[[B]] : memref<?x?x?x?xf16>, memref<?x?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?xf32>)
// CHECK: return
func.func @conv_2d_nhwc_fhwc(%a: memref<?x?x?x?xf16>, %b: memref<?x?x?x?xf16>, %c: memref<?x?x?x?xf32>) {
  linalg.conv_2d_nhwc_fhwc ins(%a, %b : memref<?x?x?x?xf16>, memref<?x?x?x?xf16>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d_nchw_fchw
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?xf32>) {
// CHECK: linalg.conv_2d_nchw_fchw ins(%[[A]], %[[B]] : memref<?x?x?x?xf16>, memref<?x?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?xf32>)
// CHECK: return
func.func @conv_2d_nchw_fchw(%a: memref<?x?x?x?xf16>, %b: memref<?x?x?x?xf16>, %c: memref<?x?x?x?xf32>) {
  linalg.conv_2d_nchw_fchw ins(%a, %b : memref<?x?x?x?xf16>, memref<?x?x?x?xf16>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d_ngchw_fgchw
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?x?xf32>) {
// CHECK: linalg.conv_2d_ngchw_fgchw ins(%[[A]], %[[B]] : memref<?x?x?x?x?xf16>, memref<?x?x?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?x?xf32>)
// CHECK: return
func.func @conv_2d_ngchw_fgchw(%a: memref<?x?x?x?x?xf16>, %b: memref<?x?x?x?x?xf16>, %c: memref<?x?x?x?x?xf32>) {
  linalg.conv_2d_ngchw_fgchw ins(%a, %b : memref<?x?x?x?x?xf16>, memref<?x?x?x?x?xf16>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d_ngchw_gfchw
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?x?xf32>) {
// CHECK: linalg.conv_2d_ngchw_gfchw ins(%[[A]], %[[B]] : memref<?x?x?x?x?xf16>, memref<?x?x?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?x?xf32>)
// CHECK: return
func.func @conv_2d_ngchw_gfchw(%a: memref<?x?x?x?x?xf16>, %b: memref<?x?x?x?x?xf16>, %c: memref<?x?x?x?x?xf32>) {
  linalg.conv_2d_ngchw_gfchw ins(%a, %b : memref<?x?x?x?x?xf16>, memref<?x?x?x?x?xf16>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d_nhwgc_gfhwc
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?x?xf32>) {
// CHECK: linalg.conv_2d_nhwgc_gfhwc ins(%[[A]], %[[B]] : memref<?x?x?x?x?xf16>, memref<?x?x?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?x?xf32>)
// CHECK: return
func.func @conv_2d_nhwgc_gfhwc(%a: memref<?x?x?x?x?xf16>, %b: memref<?x?x?x?x?xf16>, %c: memref<?x?x?x?x?xf32>) {
  linalg.conv_2d_nhwgc_gfhwc ins(%a, %b : memref<?x?x?x?x?xf16>, memref<?x?x?x?x?xf16>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_3d_ndhwc_dhwcf
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?x?xf32>) {
// CHECK: linalg.conv_3d_ndhwc_dhwcf ins(%[[A]], %[[B]] : memref<?x?x?x?x?xf16>, memref<?x?x?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?x?xf32>)
// CHECK: return
func.func @conv_3d_ndhwc_dhwcf(%a: memref<?x?x?x?x?xf16>, %b: memref<?x?x?x?x?xf16>, %c: memref<?x?x?x?x?xf32>) {
  linalg.conv_3d_ndhwc_dhwcf ins(%a, %b : memref<?x?x?x?x?xf16>, memref<?x?x?x?x?xf16>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_3d_ncdhw_fcdhw
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?x?xf32>) {
// CHECK: linalg.conv_3d_ncdhw_fcdhw ins(%[[A]], %[[B]] : memref<?x?x?x?x?xf16>, memref<?x?x?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?x?xf32>)
// CHECK: return
func.func @conv_3d_ncdhw_fcdhw(%a: memref<?x?x?x?x?xf16>, %b: memref<?x?x?x?x?xf16>, %c: memref<?x?x?x?x?xf32>) {
  linalg.conv_3d_ncdhw_fcdhw ins(%a, %b : memref<?x?x?x?x?xf16>, memref<?x?x?x?x?xf16>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_1d_nwc_wc
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?xf32>) {
// CHECK: linalg.depthwise_conv_1d_nwc_wc ins(%[[A]], %[[B]] : memref<?x?x?xf16>, memref<?x?xf16>) outs(%[[C]] : memref<?x?x?xf32>)
// CHECK: return
func.func @depthwise_conv_1d_nwc_wc(%a: memref<?x?x?xf16>, %b: memref<?x?xf16>, %c: memref<?x?x?xf32>) {
  linalg.depthwise_conv_1d_nwc_wc ins(%a, %b : memref<?x?x?xf16>, memref<?x?xf16>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_1d_ncw_cw
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?xf32>) {
// CHECK: linalg.depthwise_conv_1d_ncw_cw ins(%[[A]], %[[B]] : memref<?x?x?xf16>, memref<?x?xf16>) outs(%[[C]] : memref<?x?x?xf32>)
// CHECK: return
func.func @depthwise_conv_1d_ncw_cw(%a: memref<?x?x?xf16>, %b: memref<?x?xf16>, %c: memref<?x?x?xf32>) {
  linalg.depthwise_conv_1d_ncw_cw ins(%a, %b : memref<?x?x?xf16>, memref<?x?xf16>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_1d_nwc_wcm
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?xf32>) {
// CHECK: linalg.depthwise_conv_1d_nwc_wcm ins(%[[A]], %[[B]] : memref<?x?x?xf16>, memref<?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?xf32>)
// CHECK: return
func.func @depthwise_conv_1d_nwc_wcm(%a: memref<?x?x?xf16>, %b: memref<?x?x?xf16>, %c: memref<?x?x?x?xf32>) {
  linalg.depthwise_conv_1d_nwc_wcm ins(%a, %b : memref<?x?x?xf16>, memref<?x?x?xf16>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwc
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?xf32>) {
// CHECK: linalg.depthwise_conv_2d_nhwc_hwc ins(%[[A]], %[[B]] : memref<?x?x?x?xf16>, memref<?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?xf32>)
// CHECK: return
func.func @depthwise_conv_2d_nhwc_hwc(%a: memref<?x?x?x?xf16>, %b: memref<?x?x?xf16>, %c: memref<?x?x?x?xf32>) {
  linalg.depthwise_conv_2d_nhwc_hwc ins(%a, %b : memref<?x?x?x?xf16>, memref<?x?x?xf16>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_2d_nchw_chw
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?xf32>) {
// CHECK: linalg.depthwise_conv_2d_nchw_chw ins(%[[A]], %[[B]] : memref<?x?x?x?xf16>, memref<?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?xf32>)
// CHECK: return
func.func @depthwise_conv_2d_nchw_chw(%a: memref<?x?x?x?xf16>, %b: memref<?x?x?xf16>, %c: memref<?x?x?x?xf32>) {
  linalg.depthwise_conv_2d_nchw_chw ins(%a, %b : memref<?x?x?x?xf16>, memref<?x?x?xf16>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwcm
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?x?xf32>) {
// CHECK: linalg.depthwise_conv_2d_nhwc_hwcm ins(%[[A]], %[[B]] : memref<?x?x?x?xf16>, memref<?x?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?x?xf32>)
// CHECK: return
func.func @depthwise_conv_2d_nhwc_hwcm(%a: memref<?x?x?x?xf16>, %b: memref<?x?x?x?xf16>, %c: memref<?x?x?x?x?xf32>) {
  linalg.depthwise_conv_2d_nhwc_hwcm ins(%a, %b : memref<?x?x?x?xf16>, memref<?x?x?x?xf16>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_3d_ndhwc_dhwc
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?x?xf32>) {
// CHECK: linalg.depthwise_conv_3d_ndhwc_dhwc ins(%[[A]], %[[B]] : memref<?x?x?x?x?xf16>, memref<?x?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?x?xf32>)
// CHECK: return
func.func @depthwise_conv_3d_ndhwc_dhwc(%a: memref<?x?x?x?x?xf16>, %b: memref<?x?x?x?xf16>, %c: memref<?x?x?x?x?xf32>) {
  linalg.depthwise_conv_3d_ndhwc_dhwc ins(%a, %b : memref<?x?x?x?x?xf16>, memref<?x?x?x?xf16>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_3d_ncdhw_cdhw
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?x?xf32>) {
// CHECK: linalg.depthwise_conv_3d_ncdhw_cdhw ins(%[[A]], %[[B]] : memref<?x?x?x?x?xf16>, memref<?x?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?x?xf32>)
// CHECK: return
func.func @depthwise_conv_3d_ncdhw_cdhw(%a: memref<?x?x?x?x?xf16>, %b: memref<?x?x?x?xf16>, %c: memref<?x?x?x?x?xf32>) {
  linalg.depthwise_conv_3d_ncdhw_cdhw ins(%a, %b : memref<?x?x?x?x?xf16>, memref<?x?x?x?xf16>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_3d_ndhwc_dhwcm
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?x?x?xf32>) {
// CHECK: linalg.depthwise_conv_3d_ndhwc_dhwcm ins(%[[A]], %[[B]] : memref<?x?x?x?x?xf16>, memref<?x?x?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?x?x?xf32>)
// CHECK: return
func.func @depthwise_conv_3d_ndhwc_dhwcm(%a: memref<?x?x?x?x?xf16>, %b: memref<?x?x?x?x?xf16>, %c: memref<?x?x?x?x?x?xf32>) {
  linalg.depthwise_conv_3d_ndhwc_dhwcm ins(%a, %b : memref<?x?x?x?x?xf16>, memref<?x?x?x?x?xf16>) outs(%c : memref<?x?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nchw_max
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xf32>, %[[B:[^ ,:]+]]: memref<?x?xf32>, %[[C:[^ ,:]+]]: memref<?x?x?x?xf32>) {
// CHECK: linalg.pooling_nchw_max ins(%[[A]], %[[B]] : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%[[C]] : memref<?x?x?x?xf32>)
// CHECK: return
func.func @pooling_nchw_max(%a: memref<?x?x?x?xf32>, %b: memref<?x?xf32>, %c: memref<?x?x?x?xf32>) {
  linalg.pooling_nchw_max ins(%a, %b : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nchw_sum
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xf32>, %[[B:[^ ,:]+]]: memref<?x?xf32>, %[[C:[^ ,:]+]]: memref<?x?x?x?xf32>) {
// CHECK: linalg.pooling_nchw_sum ins(%[[A]], %[[B]] : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%[[C]] : memref<?x?x?x?xf32>)
// CHECK: return
func.func @pooling_nchw_sum(%a: memref<?x?x?x?xf32>, %b: memref<?x?xf32>, %c: memref<?x?x?x?xf32>) {
  linalg.pooling_nchw_sum ins(%a, %b : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_ncw_max
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?xf32>, %[[B:[^ ,:]+]]: memref<?xf32>, %[[C:[^ ,:]+]]: memref<?x?x?xf32>) {
// CHECK: linalg.pooling_ncw_max ins(%[[A]], %[[B]] : memref<?x?x?xf32>, memref<?xf32>) outs(%[[C]] : memref<?x?x?xf32>)
// CHECK: return
func.func @pooling_ncw_max(%a: memref<?x?x?xf32>, %b: memref<?xf32>, %c: memref<?x?x?xf32>) {
  linalg.pooling_ncw_max ins(%a, %b : memref<?x?x?xf32>, memref<?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_ncw_sum
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?xf32>, %[[B:[^ ,:]+]]: memref<?xf32>, %[[C:[^ ,:]+]]: memref<?x?x?xf32>) {
// CHECK: linalg.pooling_ncw_sum ins(%[[A]], %[[B]] : memref<?x?x?xf32>, memref<?xf32>) outs(%[[C]] : memref<?x?x?xf32>)
// CHECK: return
func.func @pooling_ncw_sum(%a: memref<?x?x?xf32>, %b: memref<?xf32>, %c: memref<?x?x?xf32>) {
  linalg.pooling_ncw_sum ins(%a, %b : memref<?x?x?xf32>, memref<?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_ndhwc_max
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?x?xf32>, %[[B:[^ ,:]+]]: memref<?x?x?xf32>, %[[C:[^ ,:]+]]: memref<?x?x?x?x?xf32>) {
// CHECK: linalg.pooling_ndhwc_max ins(%[[A]], %[[B]] : memref<?x?x?x?x?xf32>, memref<?x?x?xf32>) outs(%[[C]] : memref<?x?x?x?x?xf32>)
// CHECK: return
func.func @pooling_ndhwc_max(%a: memref<?x?x?x?x?xf32>, %b: memref<?x?x?xf32>, %c: memref<?x?x?x?x?xf32>) {
  linalg.pooling_ndhwc_max ins(%a, %b : memref<?x?x?x?x?xf32>, memref<?x?x?xf32>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_ndhwc_min
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?x?xf32>, %[[B:[^ ,:]+]]: memref<?x?x?xf32>, %[[C:[^ ,:]+]]: memref<?x?x?x?x?xf32>) {
// CHECK: linalg.pooling_ndhwc_min ins(%[[A]], %[[B]] : memref<?x?x?x?x?xf32>, memref<?x?x?xf32>) outs(%[[C]] : memref<?x?x?x?x?xf32>)
// CHECK: return
func.func @pooling_ndhwc_min(%a: memref<?x?x?x?x?xf32>, %b: memref<?x?x?xf32>, %c: memref<?x?x?x?x?xf32>) {
  linalg.pooling_ndhwc_min ins(%a, %b : memref<?x?x?x?x?xf32>, memref<?x?x?xf32>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_ndhwc_sum
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?x?xf32>, %[[B:[^ ,:]+]]: memref<?x?x?xf32>, %[[C:[^ ,:]+]]: memref<?x?x?x?x?xf32>) {
// CHECK: linalg.pooling_ndhwc_sum ins(%[[A]], %[[B]] : memref<?x?x?x?x?xf32>, memref<?x?x?xf32>) outs(%[[C]] : memref<?x?x?x?x?xf32>)
// CHECK: return
func.func @pooling_ndhwc_sum(%a: memref<?x?x?x?x?xf32>, %b: memref<?x?x?xf32>, %c: memref<?x?x?x?x?xf32>) {
  linalg.pooling_ndhwc_sum ins(%a, %b : memref<?x?x?x?x?xf32>, memref<?x?x?xf32>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nhwc_max_unsigned
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xi8>, %[[B:[^ ,:]+]]: memref<?x?xi8>, %[[C:[^ ,:]+]]: memref<?x?x?x?xi32>) {
// CHECK: linalg.pooling_nhwc_max_unsigned ins(%[[A]], %[[B]] : memref<?x?x?x?xi8>, memref<?x?xi8>) outs(%[[C]] : memref<?x?x?x?xi32>)
// CHECK: return
func.func @pooling_nhwc_max_unsigned(%a: memref<?x?x?x?xi8>, %b: memref<?x?xi8>, %c: memref<?x?x?x?xi32>) {
  linalg.pooling_nhwc_max_unsigned ins(%a, %b : memref<?x?x?x?xi8>, memref<?x?xi8>) outs(%c : memref<?x?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nhwc_min
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xf32>, %[[B:[^ ,:]+]]: memref<?x?xf32>, %[[C:[^ ,:]+]]: memref<?x?x?x?xf32>) {
// CHECK: linalg.pooling_nhwc_min ins(%[[A]], %[[B]] : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%[[C]] : memref<?x?x?x?xf32>)
// CHECK: return
func.func @pooling_nhwc_min(%a: memref<?x?x?x?xf32>, %b: memref<?x?xf32>, %c: memref<?x?x?x?xf32>) {
  linalg.pooling_nhwc_min ins(%a, %b : memref<?x?x?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nhwc_min_unsigned
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xi8>, %[[B:[^ ,:]+]]: memref<?x?xi8>, %[[C:[^ ,:]+]]: memref<?x?x?x?xi32>) {
// CHECK: linalg.pooling_nhwc_min_unsigned ins(%[[A]], %[[B]] : memref<?x?x?x?xi8>, memref<?x?xi8>) outs(%[[C]] : memref<?x?x?x?xi32>)
// CHECK: return
func.func @pooling_nhwc_min_unsigned(%a: memref<?x?x?x?xi8>, %b: memref<?x?xi8>, %c: memref<?x?x?x?xi32>) {
  linalg.pooling_nhwc_min_unsigned ins(%a, %b : memref<?x?x?x?xi8>, memref<?x?xi8>) outs(%c : memref<?x?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nwc_max
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?xf32>, %[[B:[^ ,:]+]]: memref<?xf32>, %[[C:[^ ,:]+]]: memref<?x?x?xf32>) {
// CHECK: linalg.pooling_nwc_max ins(%[[A]], %[[B]] : memref<?x?x?xf32>, memref<?xf32>) outs(%[[C]] : memref<?x?x?xf32>)
// CHECK: return
func.func @pooling_nwc_max(%a: memref<?x?x?xf32>, %b: memref<?xf32>, %c: memref<?x?x?xf32>) {
  linalg.pooling_nwc_max ins(%a, %b : memref<?x?x?xf32>, memref<?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nwc_max_unsigned
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?xi8>, %[[B:[^ ,:]+]]: memref<?xi8>, %[[C:[^ ,:]+]]: memref<?x?x?xi32>) {
// CHECK: linalg.pooling_nwc_max_unsigned ins(%[[A]], %[[B]] : memref<?x?x?xi8>, memref<?xi8>) outs(%[[C]] : memref<?x?x?xi32>)
// CHECK: return
func.func @pooling_nwc_max_unsigned(%a: memref<?x?x?xi8>, %b: memref<?xi8>, %c: memref<?x?x?xi32>) {
  linalg.pooling_nwc_max_unsigned ins(%a, %b : memref<?x?x?xi8>, memref<?xi8>) outs(%c : memref<?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nwc_min
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?xf32>, %[[B:[^ ,:]+]]: memref<?xf32>, %[[C:[^ ,:]+]]: memref<?x?x?xf32>) {
// CHECK: linalg.pooling_nwc_min ins(%[[A]], %[[B]] : memref<?x?x?xf32>, memref<?xf32>) outs(%[[C]] : memref<?x?x?xf32>)
// CHECK: return
func.func @pooling_nwc_min(%a: memref<?x?x?xf32>, %b: memref<?xf32>, %c: memref<?x?x?xf32>) {
  linalg.pooling_nwc_min ins(%a, %b : memref<?x?x?xf32>, memref<?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nwc_min_unsigned
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?xi8>, %[[B:[^ ,:]+]]: memref<?xi8>, %[[C:[^ ,:]+]]: memref<?x?x?xi32>) {
// CHECK: linalg.pooling_nwc_min_unsigned ins(%[[A]], %[[B]] : memref<?x?x?xi8>, memref<?xi8>) outs(%[[C]] : memref<?x?x?xi32>)
// CHECK: return
func.func @pooling_nwc_min_unsigned(%a: memref<?x?x?xi8>, %b: memref<?xi8>, %c: memref<?x?x?xi32>) {
  linalg.pooling_nwc_min_unsigned ins(%a, %b : memref<?x?x?xi8>, memref<?xi8>) outs(%c : memref<?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @pooling_nwc_sum
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?xf32>, %[[B:[^ ,:]+]]: memref<?xf32>, %[[C:[^ ,:]+]]: memref<?x?x?xf32>) {
// CHECK: linalg.pooling_nwc_sum ins(%[[A]], %[[B]] : memref<?x?x?xf32>, memref<?xf32>) outs(%[[C]] : memref<?x?x?xf32>)
// CHECK: return
func.func @pooling_nwc_sum(%a: memref<?x?x?xf32>, %b: memref<?xf32>, %c: memref<?x?x?xf32>) {
  linalg.pooling_nwc_sum ins(%a, %b : memref<?x?x?xf32>, memref<?xf32>) outs(%c : memref<?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @mmt4d
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?xf32>) {
// CHECK: linalg.mmt4d ins(%[[A]], %[[B]] : memref<?x?x?x?xf16>, memref<?x?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?xf32>)
// CHECK: return
func.func @mmt4d(%a: memref<?x?x?x?xf16>, %b: memref<?x?x?x?xf16>, %c: memref<?x?x?x?xf32>) {
  linalg.mmt4d ins(%a, %b : memref<?x?x?x?xf16>, memref<?x?x?x?xf16>) outs(%c : memref<?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @batch_mmt4d
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?x?x?x?xf32>) {
// CHECK: linalg.batch_mmt4d ins(%[[A]], %[[B]] : memref<?x?x?x?x?xf16>, memref<?x?x?x?x?xf16>) outs(%[[C]] : memref<?x?x?x?x?xf32>)
// CHECK: return
func.func @batch_mmt4d(%a: memref<?x?x?x?x?xf16>, %b: memref<?x?x?x?x?xf16>, %c: memref<?x?x?x?x?xf32>) {
  linalg.batch_mmt4d ins(%a, %b : memref<?x?x?x?x?xf16>, memref<?x?x?x?x?xf16>) outs(%c : memref<?x?x?x?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @batch_matvec
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?xf32>) {
// CHECK: linalg.batch_matvec ins(%[[A]], %[[B]] : memref<?x?x?xf16>, memref<?x?xf16>) outs(%[[C]] : memref<?x?xf32>)
// CHECK: return
func.func @batch_matvec(%a: memref<?x?x?xf16>, %b: memref<?x?xf16>, %c: memref<?x?xf32>) {
  linalg.batch_matvec ins(%a, %b : memref<?x?x?xf16>, memref<?x?xf16>) outs(%c : memref<?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @batch_vecmat
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?xf32>) {
// CHECK: linalg.batch_vecmat ins(%[[A]], %[[B]] : memref<?x?xf16>, memref<?x?x?xf16>) outs(%[[C]] : memref<?x?xf32>)
// CHECK: return
func.func @batch_vecmat(%a: memref<?x?xf16>, %b: memref<?x?x?xf16>, %c: memref<?x?xf32>) {
  linalg.batch_vecmat ins(%a, %b : memref<?x?xf16>, memref<?x?x?xf16>) outs(%c : memref<?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @vecmat
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?xf16>, %[[B:[^ ,:]+]]: memref<?x?xf16>, %[[C:[^ ,:]+]]: memref<?xf32>) {
// CHECK: linalg.vecmat ins(%[[A]], %[[B]] : memref<?xf16>, memref<?x?xf16>) outs(%[[C]] : memref<?xf32>)
// CHECK: return
func.func @vecmat(%a: memref<?xf16>, %b: memref<?x?xf16>, %c: memref<?xf32>) {
  linalg.vecmat ins(%a, %b : memref<?xf16>, memref<?x?xf16>) outs(%c : memref<?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @batch_reduce_matmul
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?xf16>, %[[B:[^ ,:]+]]: memref<?x?x?xf16>, %[[C:[^ ,:]+]]: memref<?x?xf32>) {
// CHECK: linalg.batch_reduce_matmul ins(%[[A]], %[[B]] : memref<?x?x?xf16>, memref<?x?x?xf16>) outs(%[[C]] : memref<?x?xf32>)
// CHECK: return
func.func @batch_reduce_matmul(%a: memref<?x?x?xf16>, %b: memref<?x?x?xf16>, %c: memref<?x?xf32>) {
  linalg.batch_reduce_matmul ins(%a, %b : memref<?x?x?xf16>, memref<?x?x?xf16>) outs(%c : memref<?x?xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d_nchw_fchw_q
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xi8>, %[[B:[^ ,:]+]]: memref<?x?x?x?xi8>, %[[Z:[^ ,:]+]]: i32, %[[C:[^ ,:]+]]: memref<?x?x?x?xi32>) {
// CHECK: linalg.conv_2d_nchw_fchw_q ins(%[[A]], %[[B]], %[[Z]], %[[Z]] : memref<?x?x?x?xi8>, memref<?x?x?x?xi8>, i32, i32) outs(%[[C]] : memref<?x?x?x?xi32>)
// CHECK: return
func.func @conv_2d_nchw_fchw_q(%a: memref<?x?x?x?xi8>, %b: memref<?x?x?x?xi8>, %z: i32, %c: memref<?x?x?x?xi32>) {
  linalg.conv_2d_nchw_fchw_q ins(%a, %b, %z, %z : memref<?x?x?x?xi8>, memref<?x?x?x?xi8>, i32, i32) outs(%c : memref<?x?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d_nhwc_fhwc_q
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xi8>, %[[B:[^ ,:]+]]: memref<?x?x?x?xi8>, %[[Z:[^ ,:]+]]: i32, %[[C:[^ ,:]+]]: memref<?x?x?x?xi32>) {
// CHECK: linalg.conv_2d_nhwc_fhwc_q ins(%[[A]], %[[B]], %[[Z]], %[[Z]] : memref<?x?x?x?xi8>, memref<?x?x?x?xi8>, i32, i32) outs(%[[C]] : memref<?x?x?x?xi32>)
// CHECK: return
func.func @conv_2d_nhwc_fhwc_q(%a: memref<?x?x?x?xi8>, %b: memref<?x?x?x?xi8>, %z: i32, %c: memref<?x?x?x?xi32>) {
  linalg.conv_2d_nhwc_fhwc_q ins(%a, %b, %z, %z : memref<?x?x?x?xi8>, memref<?x?x?x?xi8>, i32, i32) outs(%c : memref<?x?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d_nhwc_hwcf_q
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xi8>, %[[B:[^ ,:]+]]: memref<?x?x?x?xi8>, %[[Z:[^ ,:]+]]: i32, %[[C:[^ ,:]+]]: memref<?x?x?x?xi32>) {
// CHECK: linalg.conv_2d_nhwc_hwcf_q ins(%[[A]], %[[B]], %[[Z]], %[[Z]] : memref<?x?x?x?xi8>, memref<?x?x?x?xi8>, i32, i32) outs(%[[C]] : memref<?x?x?x?xi32>)
// CHECK: return
func.func @conv_2d_nhwc_hwcf_q(%a: memref<?x?x?x?xi8>, %b: memref<?x?x?x?xi8>, %z: i32, %c: memref<?x?x?x?xi32>) {
  linalg.conv_2d_nhwc_hwcf_q ins(%a, %b, %z, %z : memref<?x?x?x?xi8>, memref<?x?x?x?xi8>, i32, i32) outs(%c : memref<?x?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d_ngchw_gfchw_q
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?x?xi8>, %[[B:[^ ,:]+]]: memref<?x?x?x?x?xi8>, %[[Z:[^ ,:]+]]: i32, %[[C:[^ ,:]+]]: memref<?x?x?x?x?xi32>) {
// CHECK: linalg.conv_2d_ngchw_gfchw_q ins(%[[A]], %[[B]], %[[Z]], %[[Z]] : memref<?x?x?x?x?xi8>, memref<?x?x?x?x?xi8>, i32, i32) outs(%[[C]] : memref<?x?x?x?x?xi32>)
// CHECK: return
func.func @conv_2d_ngchw_gfchw_q(%a: memref<?x?x?x?x?xi8>, %b: memref<?x?x?x?x?xi8>, %z: i32, %c: memref<?x?x?x?x?xi32>) {
  linalg.conv_2d_ngchw_gfchw_q ins(%a, %b, %z, %z : memref<?x?x?x?x?xi8>, memref<?x?x?x?x?xi8>, i32, i32) outs(%c : memref<?x?x?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_2d_nhwgc_gfhwc_q
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?x?xi8>, %[[B:[^ ,:]+]]: memref<?x?x?x?x?xi8>, %[[Z:[^ ,:]+]]: i32, %[[C:[^ ,:]+]]: memref<?x?x?x?x?xi32>) {
// CHECK: linalg.conv_2d_nhwgc_gfhwc_q ins(%[[A]], %[[B]], %[[Z]], %[[Z]] : memref<?x?x?x?x?xi8>, memref<?x?x?x?x?xi8>, i32, i32) outs(%[[C]] : memref<?x?x?x?x?xi32>)
// CHECK: return
func.func @conv_2d_nhwgc_gfhwc_q(%a: memref<?x?x?x?x?xi8>, %b: memref<?x?x?x?x?xi8>, %z: i32, %c: memref<?x?x?x?x?xi32>) {
  linalg.conv_2d_nhwgc_gfhwc_q ins(%a, %b, %z, %z : memref<?x?x?x?x?xi8>, memref<?x?x?x?x?xi8>, i32, i32) outs(%c : memref<?x?x?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_3d_ndhwc_dhwcf_q
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?x?xi8>, %[[B:[^ ,:]+]]: memref<?x?x?x?x?xi8>, %[[Z:[^ ,:]+]]: i32, %[[C:[^ ,:]+]]: memref<?x?x?x?x?xi32>) {
// CHECK: linalg.conv_3d_ndhwc_dhwcf_q ins(%[[A]], %[[B]], %[[Z]], %[[Z]] : memref<?x?x?x?x?xi8>, memref<?x?x?x?x?xi8>, i32, i32) outs(%[[C]] : memref<?x?x?x?x?xi32>)
// CHECK: return
func.func @conv_3d_ndhwc_dhwcf_q(%a: memref<?x?x?x?x?xi8>, %b: memref<?x?x?x?x?xi8>, %z: i32, %c: memref<?x?x?x?x?xi32>) {
  linalg.conv_3d_ndhwc_dhwcf_q ins(%a, %b, %z, %z : memref<?x?x?x?x?xi8>, memref<?x?x?x?x?xi8>, i32, i32) outs(%c : memref<?x?x?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwc_q
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xi8>, %[[B:[^ ,:]+]]: memref<?x?x?xi8>, %[[Z:[^ ,:]+]]: i32, %[[C:[^ ,:]+]]: memref<?x?x?x?xi32>) {
// CHECK: linalg.depthwise_conv_2d_nhwc_hwc_q ins(%[[A]], %[[B]], %[[Z]], %[[Z]] : memref<?x?x?x?xi8>, memref<?x?x?xi8>, i32, i32) outs(%[[C]] : memref<?x?x?x?xi32>)
// CHECK: return
func.func @depthwise_conv_2d_nhwc_hwc_q(%a: memref<?x?x?x?xi8>, %b: memref<?x?x?xi8>, %z: i32, %c: memref<?x?x?x?xi32>) {
  linalg.depthwise_conv_2d_nhwc_hwc_q ins(%a, %b, %z, %z : memref<?x?x?x?xi8>, memref<?x?x?xi8>, i32, i32) outs(%c : memref<?x?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwcm_q
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?x?xi8>, %[[B:[^ ,:]+]]: memref<?x?x?x?xi8>, %[[Z:[^ ,:]+]]: i32, %[[C:[^ ,:]+]]: memref<?x?x?x?x?xi32>) {
// CHECK: linalg.depthwise_conv_2d_nhwc_hwcm_q ins(%[[A]], %[[B]], %[[Z]], %[[Z]] : memref<?x?x?x?xi8>, memref<?x?x?x?xi8>, i32, i32) outs(%[[C]] : memref<?x?x?x?x?xi32>)
// CHECK: return
func.func @depthwise_conv_2d_nhwc_hwcm_q(%a: memref<?x?x?x?xi8>, %b: memref<?x?x?x?xi8>, %z: i32, %c: memref<?x?x?x?x?xi32>) {
  linalg.depthwise_conv_2d_nhwc_hwcm_q ins(%a, %b, %z, %z : memref<?x?x?x?xi8>, memref<?x?x?x?xi8>, i32, i32) outs(%c : memref<?x?x?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @quantized_batch_matmul
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<?x?x?xi8>, %[[B:[^ ,:]+]]: memref<?x?x?xi8>, %[[Z:[^ ,:]+]]: i32, %[[C:[^ ,:]+]]: memref<?x?x?xi32>) {
// CHECK: linalg.quantized_batch_matmul ins(%[[A]], %[[B]], %[[Z]], %[[Z]] : memref<?x?x?xi8>, memref<?x?x?xi8>, i32, i32) outs(%[[C]] : memref<?x?x?xi32>)
// CHECK: return
func.func @quantized_batch_matmul(%a: memref<?x?x?xi8>, %b: memref<?x?x?xi8>, %z: i32, %c: memref<?x?x?xi32>) {
  linalg.quantized_batch_matmul ins(%a, %b, %z, %z : memref<?x?x?xi8>, memref<?x?x?xi8>, i32, i32) outs(%c : memref<?x?x?xi32>)
  return
}

// -----

// CHECK-LABEL: func.func @conv_attrs
// CHECK-SAME: (%[[A:[^ ,:]+]]: tensor<1x8x8x3xf32>, %[[B:[^ ,:]+]]: tensor<3x3x3x16xf32>, %[[C:[^ ,:]+]]: tensor<1x3x3x16xf32>) -> tensor<1x3x3x16xf32> {
// CHECK: %[[N0:[^ ,:]+]] = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[A]], %[[B]] : tensor<1x8x8x3xf32>, tensor<3x3x3x16xf32>) outs(%[[C]] : tensor<1x3x3x16xf32>) -> tensor<1x3x3x16xf32>
// CHECK: return %[[N0]] : tensor<1x3x3x16xf32>
func.func @conv_attrs(%a: tensor<1x8x8x3xf32>, %b: tensor<3x3x3x16xf32>, %c: tensor<1x3x3x16xf32>) -> tensor<1x3x3x16xf32> {
  %0 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%a, %b : tensor<1x8x8x3xf32>, tensor<3x3x3x16xf32>) outs(%c : tensor<1x3x3x16xf32>) -> tensor<1x3x3x16xf32>
  return %0 : tensor<1x3x3x16xf32>
}
