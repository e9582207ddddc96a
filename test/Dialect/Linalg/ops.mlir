// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @generic
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<4x4xf32>, %[[B:[^ ,:]+]]: memref<4x4xf32>, %[[T:[^ ,:]+]]: tensor<4x4xf32>) -> tensor<4x4xf32> {
// CHECK: linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP0]]], iterator_types = ["parallel", "parallel"]} ins(%[[A]] : memref<4x4xf32>) outs(%[[B]] : memref<4x4xf32>) {
// CHECK: ^bb0(%[[X:[^ ,:]+]]: f32, %[[Y:[^ ,:]+]]: f32):
// CHECK: %[[S:[^ ,:]+]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK: linalg.yield %[[S]] : f32
// CHECK: %[[R:[^ ,:]+]] = linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP1]]], iterator_types = ["parallel", "reduction"], doc = "d", library_call = "f"} ins(%[[T]] : tensor<4x4xf32>) outs(%[[T]] : tensor<4x4xf32>) attrs =  {foo} {
// CHECK: ^bb0(%[[X_1:[^ ,:]+]]: f32, %[[Y_1:[^ ,:]+]]: f32):
// CHECK: %[[I:[^ ,:]+]] = linalg.index 0 : index
// CHECK: linalg.yield %[[X_1]] : f32
// CHECK: } -> tensor<4x4xf32>
// CHECK: return %[[R]] : tensor<4x4xf32>
#id = affine_map<(d0, d1) -> (d0, d1)>
#tr = affine_map<(d0, d1) -> (d1, d0)>
func.func @generic(%a: memref<4x4xf32>, %b: memref<4x4xf32>, %t: tensor<4x4xf32>) -> tensor<4x4xf32> {
  linalg.generic {indexing_maps = [#id, #tr], iterator_types = ["parallel", "parallel"]} ins(%a : memref<4x4xf32>) outs(%b : memref<4x4xf32>) {
  ^bb0(%x: f32, %y: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  }
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "reduction"], doc = "d", library_call = "f"} ins(%t : tensor<4x4xf32>) outs(%t : tensor<4x4xf32>) attrs = {foo} {
  ^bb0(%x: f32, %y: f32):
    %i = linalg.index 0 : index
    linalg.yield %x : f32
  } -> tensor<4x4xf32>
  return %r : tensor<4x4xf32>
}

// -----

// CHECK-LABEL: func.func @named
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<4x8xf32>, %[[B:[^ ,:]+]]: memref<8x16xf32>, %[[C:[^ ,:]+]]: memref<4x16xf32>, %[[V:[^ ,:]+]]: memref<8xf32>, %[[W:[^ ,:]+]]: memref<4xf32>, %[[F:[^ ,:]+]]: f32) {
// CHECK: linalg.matmul ins(%[[A]], %[[B]] : memref<4x8xf32>, memref<8x16xf32>) outs(%[[C]] : memref<4x16xf32>)
// CHECK: linalg.matvec ins(%[[A]], %[[V]] : memref<4x8xf32>, memref<8xf32>) outs(%[[W]] : memref<4xf32>)
// CHECK: linalg.fill ins(%[[F]] : f32) outs(%[[C]] : memref<4x16xf32>)
// CHECK: linalg.copy ins(%[[C]] : memref<4x16xf32>) outs(%[[C]] : memref<4x16xf32>)
// CHECK: %[[S0:[^ ,:]+]] = memref.alloca() : memref<f32>
// CHECK: linalg.dot ins(%[[V]], %[[V]] : memref<8xf32>, memref<8xf32>) outs(%[[S0]] : memref<f32>)
// CHECK: return
func.func @named(%a: memref<4x8xf32>, %b: memref<8x16xf32>, %c: memref<4x16xf32>, %v: memref<8xf32>, %w: memref<4xf32>, %f: f32) {
  linalg.matmul ins(%a, %b : memref<4x8xf32>, memref<8x16xf32>) outs(%c : memref<4x16xf32>)
  linalg.matvec ins(%a, %v : memref<4x8xf32>, memref<8xf32>) outs(%w : memref<4xf32>)
  linalg.fill ins(%f : f32) outs(%c : memref<4x16xf32>)
  linalg.copy ins(%c : memref<4x16xf32>) outs(%c : memref<4x16xf32>)
  %s0 = memref.alloca() : memref<f32>
  linalg.dot ins(%v, %v : memref<8xf32>, memref<8xf32>) outs(%s0 : memref<f32>)
  return
}

// -----

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG: #[[MAP2:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d2, d0)>
// CHECK-LABEL: func.func @named_tensor
// CHECK-SAME: (%[[AT:[^ ,:]+]]: tensor<8x4xf32>, %[[A:[^ ,:]+]]: tensor<4x8xf32>, %[[B:[^ ,:]+]]: tensor<8x16xf32>, %[[C:[^ ,:]+]]: tensor<4x16xf32>, %[[F:[^ ,:]+]]: f32) -> tensor<4x16xf32> {
// CHECK: %[[N0:[^ ,:]+]] = linalg.matmul ins(%[[A]], %[[B]] : tensor<4x8xf32>, tensor<8x16xf32>) outs(%[[C]] : tensor<4x16xf32>) -> tensor<4x16xf32>
// CHECK: %[[N1:[^ ,:]+]] = linalg.fill ins(%[[F]] : f32) outs(%[[C]] : tensor<4x16xf32>) -> tensor<4x16xf32>
// CHECK: %[[N2:[^ ,:]+]] = linalg.add ins(%[[N0]], %[[N1]] : tensor<4x16xf32>, tensor<4x16xf32>) outs(%[[C]] : tensor<4x16xf32>) -> tensor<4x16xf32>
// CHECK: %[[N3:[^ ,:]+]] = linalg.exp ins(%[[N2]] : tensor<4x16xf32>) outs(%[[C]] : tensor<4x16xf32>) -> tensor<4x16xf32>
// CHECK: %[[N4:[^ ,:]+]] = linalg.matmul indexing_maps = [#[[MAP2]], #[[MAP1]], #[[MAP0]]] ins(%[[AT]], %[[B]] : tensor<8x4xf32>, tensor<8x16xf32>) outs(%[[C]] : tensor<4x16xf32>) -> tensor<4x16xf32>
// CHECK: %[[N5:[^ ,:]+]] = linalg.matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%[[A]], %[[B]] : tensor<4x8xf32>, tensor<8x16xf32>) outs(%[[C]] : tensor<4x16xf32>) -> tensor<4x16xf32>
// CHECK: return %[[N4]] : tensor<4x16xf32>
func.func @named_tensor(%at: tensor<8x4xf32>, %a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<4x16xf32>, %f: f32) -> tensor<4x16xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %1 = linalg.fill ins(%f : f32) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %2 = linalg.add ins(%0, %1 : tensor<4x16xf32>, tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %3 = linalg.exp ins(%2 : tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %4 = linalg.matmul indexing_maps = [affine_map<(d0, d1, d2) -> (d2, d0)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>] ins(%at, %b : tensor<8x4xf32>, tensor<8x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %5 = linalg.matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %4 : tensor<4x16xf32>
}

// -----

// CHECK-LABEL: func.func @elementwise
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<4xf32>, %[[B:[^ ,:]+]]: memref<4xf32>, %[[C:[^ ,:]+]]: memref<4xf32>, %[[I:[^ ,:]+]]: memref<4xi1>) {
// CHECK: linalg.sub ins(%[[A]], %[[B]] : memref<4xf32>, memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.mul ins(%[[A]], %[[B]] : memref<4xf32>, memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.div ins(%[[A]], %[[B]] : memref<4xf32>, memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.max ins(%[[A]], %[[B]] : memref<4xf32>, memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.min ins(%[[A]], %[[B]] : memref<4xf32>, memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.powf ins(%[[A]], %[[B]] : memref<4xf32>, memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.log ins(%[[A]] : memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.abs ins(%[[A]] : memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.ceil ins(%[[A]] : memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.floor ins(%[[A]] : memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.negf ins(%[[A]] : memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.reciprocal ins(%[[A]] : memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.round ins(%[[A]] : memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.sqrt ins(%[[A]] : memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.rsqrt ins(%[[A]] : memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.square ins(%[[A]] : memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.tanh ins(%[[A]] : memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.erf ins(%[[A]] : memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.select ins(%[[I]], %[[A]], %[[B]] : memref<4xi1>, memref<4xf32>, memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: return
func.func @elementwise(%a: memref<4xf32>, %b: memref<4xf32>, %c: memref<4xf32>, %i: memref<4xi1>) {
  linalg.sub ins(%a, %b : memref<4xf32>, memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.mul ins(%a, %b : memref<4xf32>, memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.div ins(%a, %b : memref<4xf32>, memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.max ins(%a, %b : memref<4xf32>, memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.min ins(%a, %b : memref<4xf32>, memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.powf ins(%a, %b : memref<4xf32>, memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.log ins(%a : memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.abs ins(%a : memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.ceil ins(%a : memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.floor ins(%a : memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.negf ins(%a : memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.reciprocal ins(%a : memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.round ins(%a : memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.sqrt ins(%a : memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.rsqrt ins(%a : memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.square ins(%a : memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.tanh ins(%a : memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.erf ins(%a : memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.select ins(%i, %a, %b : memref<4xi1>, memref<4xf32>, memref<4xf32>) outs(%c : memref<4xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @structured
// CHECK-SAME: (%[[A:[^ ,:]+]]: tensor<4x8xf32>, %[[B:[^ ,:]+]]: tensor<8x4xf32>, %[[R:[^ ,:]+]]: tensor<4xf32>, %[[INIT:[^ ,:]+]]: tensor<4x8xf32>) {
// CHECK: %[[N0:[^ ,:]+]] = linalg.transpose ins(%[[A]] : tensor<4x8xf32>) outs(%[[B]] : tensor<8x4xf32>) permutation = [1, 0]
// CHECK: %[[N1:[^ ,:]+]] = linalg.reduce ins(%[[A]] : tensor<4x8xf32>) outs(%[[R]] : tensor<4xf32>) dimensions = [1]
// CHECK-NEXT: (%[[X:[^ ,:]+]]: f32, %[[Y:[^ ,:]+]]: f32) {
// CHECK: %[[S:[^ ,:]+]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK: linalg.yield %[[S]] : f32
// CHECK: %[[N2:[^ ,:]+]] = linalg.broadcast ins(%[[R]] : tensor<4xf32>) outs(%[[INIT]] : tensor<4x8xf32>) dimensions = [1]
// CHECK: %[[N3:[^ ,:]+]] = linalg.map { arith.mulf } ins(%[[A]], %[[A]] : tensor<4x8xf32>, tensor<4x8xf32>) outs(%[[INIT]] : tensor<4x8xf32>)
// CHECK: %[[N4:[^ ,:]+]] = linalg.map { math.absf } ins(%[[A]] : tensor<4x8xf32>) outs(%[[INIT]] : tensor<4x8xf32>)
// CHECK: %[[N5:[^ ,:]+]] = linalg.reduce { arith.addf } ins(%[[A]] : tensor<4x8xf32>) outs(%[[R]] : tensor<4xf32>) dimensions = [1]
// CHECK: return
func.func @structured(%a: tensor<4x8xf32>, %b: tensor<8x4xf32>, %r: tensor<4xf32>, %init: tensor<4x8xf32>) {
  %0 = linalg.transpose ins(%a : tensor<4x8xf32>) outs(%b : tensor<8x4xf32>) permutation = [1, 0]
  %1 = linalg.reduce ins(%a : tensor<4x8xf32>) outs(%r : tensor<4xf32>) dimensions = [1]
    (%x: f32, %y: f32) {
      %s = arith.addf %x, %y : f32
      linalg.yield %s : f32
    }
  %2 = linalg.broadcast ins(%r : tensor<4xf32>) outs(%init : tensor<4x8xf32>) dimensions = [1]
  %3 = linalg.map ins(%a, %a : tensor<4x8xf32>, tensor<4x8xf32>) outs(%init : tensor<4x8xf32>)
    (%x: f32, %y: f32, %o: f32) {
      %s = arith.mulf %x, %y : f32
      linalg.yield %s : f32
    }
  %4 = linalg.map { math.absf } ins(%a : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>)
  %5 = linalg.reduce { arith.addf } ins(%a : tensor<4x8xf32>) outs(%r : tensor<4xf32>) dimensions = [1]
  return
}

// -----

// CHECK-LABEL: func.func @batch_conv
// CHECK-SAME: (%[[A:[^ ,:]+]]: memref<2x4x8xf32>, %[[B:[^ ,:]+]]: memref<2x8x16xf32>, %[[C:[^ ,:]+]]: memref<2x4x16xf32>, %[[I:[^ ,:]+]]: memref<1x8x8x3xf32>, %[[K:[^ ,:]+]]: memref<3x3x3x16xf32>, %[[O:[^ ,:]+]]: memref<1x6x6x16xf32>) {
// CHECK: linalg.batch_matmul ins(%[[A]], %[[B]] : memref<2x4x8xf32>, memref<2x8x16xf32>) outs(%[[C]] : memref<2x4x16xf32>)
// CHECK: linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%[[I]], %[[K]] : memref<1x8x8x3xf32>, memref<3x3x3x16xf32>) outs(%[[O]] : memref<1x6x6x16xf32>)
// CHECK: linalg.conv_2d_nhwc_hwcf ins(%[[I]], %[[K]] : memref<1x8x8x3xf32>, memref<3x3x3x16xf32>) outs(%[[O]] : memref<1x6x6x16xf32>)
// CHECK: return
func.func @batch_conv(%a: memref<2x4x8xf32>, %b: memref<2x8x16xf32>, %c: memref<2x4x16xf32>, %i: memref<1x8x8x3xf32>, %k: memref<3x3x3x16xf32>, %o: memref<1x6x6x16xf32>) {
  linalg.batch_matmul ins(%a, %b : memref<2x4x8xf32>, memref<2x8x16xf32>) outs(%c : memref<2x4x16xf32>)
  linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%i, %k : memref<1x8x8x3xf32>, memref<3x3x3x16xf32>) outs(%o : memref<1x6x6x16xf32>)
  linalg.conv_2d_nhwc_hwcf ins(%i, %k : memref<1x8x8x3xf32>, memref<3x3x3x16xf32>) outs(%o : memref<1x6x6x16xf32>)
  return
}

// -----

// CHECK-DAG: #[[MAP0:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[MAP1:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG: #[[MAP2:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func.func @contract_elementwise
// CHECK-SAME: (%[[A:[^ ,:]+]]: tensor<4x8xf32>, %[[B:[^ ,:]+]]: tensor<8x16xf32>, %[[C:[^ ,:]+]]: tensor<4x16xf32>) -> tensor<4x16xf32> {
// CHECK: %[[N0:[^ ,:]+]] = linalg.contract indexing_maps = [#[[MAP2]], #[[MAP1]], #[[MAP0]]] ins(%[[A]], %[[B]] : tensor<4x8xf32>, tensor<8x16xf32>) outs(%[[C]] : tensor<4x16xf32>) -> tensor<4x16xf32>
// CHECK: %[[N1:[^ ,:]+]] = linalg.elementwise kind=#linalg.elementwise_kind<exp> ins(%[[N0]] : tensor<4x16xf32>) outs(%[[C]] : tensor<4x16xf32>) -> tensor<4x16xf32>
// CHECK: return %[[N1]] : tensor<4x16xf32>
func.func @contract_elementwise(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %0 = linalg.contract indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>] ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %1 = linalg.elementwise kind=#linalg.elementwise_kind<exp> ins(%0 : tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %1 : tensor<4x16xf32>
}

// -----

// CHECK-LABEL: func.func @f
// CHECK-SAME: (%[[I8A:[^ ,:]+]]: memref<4x8xi8>, %[[I8B:[^ ,:]+]]: memref<8x16xi8>, %[[I32C:[^ ,:]+]]: memref<4x16xi32>, %[[IMG:[^ ,:]+]]: memref<1x8x8x3xf32>, %[[WIN:[^ ,:]+]]: memref<3x3xf32>, %[[POUT:[^ ,:]+]]: memref<1x6x6x3xf32>, %[[A:[^ ,:]+]]: memref<4xf32>, %[[B:[^ ,:]+]]: memref<4xf32>, %[[C:[^ ,:]+]]: memref<4xf32>, %[[IA:[^ ,:]+]]: memref<4xi32>, %[[ZP:[^ ,:]+]]: i32, %[[F16:[^ ,:]+]]: memref<4xf16>, %[[S:[^ ,:]+]]: f16, %[[D:[^ ,:]+]]: memref<4x4xf64>) {
// CHECK: linalg.matmul ins(%[[I8A]], %[[I8B]] : memref<4x8xi8>, memref<8x16xi8>) outs(%[[I32C]] : memref<4x16xi32>)
// CHECK: linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%[[IMG]], %[[WIN]] : memref<1x8x8x3xf32>, memref<3x3xf32>) outs(%[[POUT]] : memref<1x6x6x3xf32>)
// CHECK: linalg.pooling_nhwc_sum ins(%[[IMG]], %[[WIN]] : memref<1x8x8x3xf32>, memref<3x3xf32>) outs(%[[POUT]] : memref<1x6x6x3xf32>)
// CHECK: linalg.reciprocal ins(%[[A]] : memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.square ins(%[[A]] : memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: linalg.max ins(%[[IA]], %[[IA]] : memref<4xi32>, memref<4xi32>) outs(%[[IA]] : memref<4xi32>)
// CHECK: linalg.div_unsigned ins(%[[IA]], %[[IA]] : memref<4xi32>, memref<4xi32>) outs(%[[IA]] : memref<4xi32>)
// CHECK: linalg.copy ins(%[[F16]] : memref<4xf16>) outs(%[[A]] : memref<4xf32>)
// CHECK: linalg.quantized_matmul ins(%[[I8A]], %[[I8B]], %[[ZP]], %[[ZP]] : memref<4x8xi8>, memref<8x16xi8>, i32, i32) outs(%[[I32C]] : memref<4x16xi32>)
// CHECK: linalg.negf ins(%[[A]] : memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// CHECK: return
func.func @f(%i8a: memref<4x8xi8>, %i8b: memref<8x16xi8>, %i32c: memref<4x16xi32>, %img: memref<1x8x8x3xf32>, %win: memref<3x3xf32>, %pout: memref<1x6x6x3xf32>,
             %a: memref<4xf32>, %b: memref<4xf32>, %c: memref<4xf32>, %ia: memref<4xi32>, %zp: i32, %f16: memref<4xf16>, %s: f16, %d: memref<4x4xf64>) {
  linalg.matmul ins(%i8a, %i8b : memref<4x8xi8>, memref<8x16xi8>) outs(%i32c : memref<4x16xi32>)
  linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%img, %win : memref<1x8x8x3xf32>, memref<3x3xf32>) outs(%pout : memref<1x6x6x3xf32>)
  linalg.pooling_nhwc_sum ins(%img, %win : memref<1x8x8x3xf32>, memref<3x3xf32>) outs(%pout : memref<1x6x6x3xf32>)
  linalg.reciprocal ins(%a : memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.square ins(%a : memref<4xf32>) outs(%c : memref<4xf32>)
  linalg.max ins(%ia, %ia : memref<4xi32>, memref<4xi32>) outs(%ia : memref<4xi32>)
  linalg.div_unsigned ins(%ia, %ia : memref<4xi32>, memref<4xi32>) outs(%ia : memref<4xi32>)
  linalg.copy ins(%f16 : memref<4xf16>) outs(%a : memref<4xf32>)
  linalg.quantized_matmul ins(%i8a, %i8b, %zp, %zp : memref<4x8xi8>, memref<8x16xi8>, i32, i32) outs(%i32c : memref<4x16xi32>)
  linalg.negf ins(%a : memref<4xf32>) outs(%c : memref<4xf32>)
  return
}
