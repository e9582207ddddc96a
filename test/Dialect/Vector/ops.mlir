// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @vec
// CHECK-SAME: (%[[V:[^ ,:]+]]: vector<4xf32>, %[[W:[^ ,:]+]]: vector<2x4xf32>, %[[F:[^ ,:]+]]: f32, %[[I:[^ ,:]+]]: index, %[[M:[^ ,:]+]]: memref<8x8xf32>, %[[B:[^ ,:]+]]: vector<4xi1>) {
// CHECK: %[[N0:[^ ,:]+]] = vector.broadcast %[[F]] : f32 to vector<4xf32>
// CHECK: %[[N1:[^ ,:]+]] = vector.broadcast %[[V]] : vector<4xf32> to vector<3x4xf32>
// CHECK: %[[N2:[^ ,:]+]] = vector.extract %[[W]][1] : vector<4xf32> from vector<2x4xf32>
// CHECK: %[[N3:[^ ,:]+]] = vector.extract %[[W]][1, 2] : f32 from vector<2x4xf32>
// CHECK: %[[N4:[^ ,:]+]] = vector.extract %[[W]][%[[I]], 0] : f32 from vector<2x4xf32>
// CHECK: %[[N5:[^ ,:]+]] = vector.insert %[[F]], %[[W]] [0, 1] : f32 into vector<2x4xf32>
// CHECK: %[[N6:[^ ,:]+]] = vector.insert %[[V]], %[[W]] [%[[I]]] : vector<4xf32> into vector<2x4xf32>
// CHECK: %[[N7:[^ ,:]+]] = vector.shuffle %[[V]], %[[V]] [0, 4, 1, 5] : vector<4xf32>, vector<4xf32>
// CHECK: %[[N8:[^ ,:]+]] = vector.fma %[[V]], %[[V]], %[[V]] : vector<4xf32>
// CHECK: %[[N9:[^ ,:]+]] = vector.reduction <add>, %[[V]] : vector<4xf32> into f32
// CHECK: %[[N10:[^ ,:]+]] = vector.reduction <maxnumf>, %[[V]], %[[F]] fastmath<fast> : vector<4xf32> into f32
// CHECK: %[[N11:[^ ,:]+]] = vector.load %[[M]][%[[I]], %[[I]]] : memref<8x8xf32>, vector<4xf32>
// CHECK: vector.store %[[V]], %[[M]][%[[I]], %[[I]]] : memref<8x8xf32>, vector<4xf32>
// CHECK: %[[N12:[^ ,:]+]] = vector.maskedload %[[M]][%[[I]], %[[I]]], %[[B]], %[[V]] : memref<8x8xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
// CHECK: vector.maskedstore %[[M]][%[[I]], %[[I]]], %[[B]], %[[V]] : memref<8x8xf32>, vector<4xi1>, vector<4xf32>
// CHECK: %[[N13:[^ ,:]+]] = vector.transfer_read %[[M]][%[[I]], %[[I]]], %[[F]] : memref<8x8xf32>, vector<4xf32>
// CHECK: %[[N14:[^ ,:]+]] = vector.transfer_read %[[M]][%[[I]], %[[I]]], %[[F]] {in_bounds = [true]} : memref<8x8xf32>, vector<4xf32>
// CHECK: vector.transfer_write %[[V]], %[[M]][%[[I]], %[[I]]] : vector<4xf32>, memref<8x8xf32>
// CHECK: %[[N15:[^ ,:]+]] = vector.transfer_read %[[M]][%[[I]], %[[I]]], %[[F]], %[[B]] {permutation_map = affine_map<(d0, d1) -> (d0)>} : memref<8x8xf32>, vector<4xf32>
// CHECK: %[[N16:[^ ,:]+]] = vector.create_mask %[[I]] : vector<4xi1>
// CHECK: %[[N17:[^ ,:]+]] = vector.constant_mask [2] : vector<4xi1>
// CHECK: %[[N18:[^ ,:]+]] = vector.bitcast %[[V]] : vector<4xf32> to vector<8xf16>
// CHECK: vector.print %[[V]] : vector<4xf32>
// CHECK: vector.print str "hello\0A"
// CHECK: vector.print %[[F]] : f32 punctuation <no_punctuation>
// CHECK: vector.print
// CHECK: return
func.func @vec(%v: vector<4xf32>, %w: vector<2x4xf32>, %f: f32, %i: index, %m: memref<8x8xf32>, %b: vector<4xi1>) {
  %0 = vector.broadcast %f : f32 to vector<4xf32>
  %1 = vector.broadcast %v : vector<4xf32> to vector<3x4xf32>
  %2 = vector.extract %w[1] : vector<4xf32> from vector<2x4xf32>
  %3 = vector.extract %w[1, 2] : f32 from vector<2x4xf32>
  %4 = vector.extract %w[%i, 0] : f32 from vector<2x4xf32>
  %5 = vector.insert %f, %w[0, 1] : f32 into vector<2x4xf32>
  %6 = vector.insert %v, %w[%i] : vector<4xf32> into vector<2x4xf32>
  %7 = vector.shuffle %v, %v [0, 4, 1, 5] : vector<4xf32>, vector<4xf32>
  %8 = vector.fma %v, %v, %v : vector<4xf32>
  %9 = vector.reduction <add>, %v : vector<4xf32> into f32
  %10 = vector.reduction <maxnumf>, %v, %f fastmath<fast> : vector<4xf32> into f32
  %11 = vector.load %m[%i, %i] : memref<8x8xf32>, vector<4xf32>
  vector.store %v, %m[%i, %i] : memref<8x8xf32>, vector<4xf32>
  %12 = vector.maskedload %m[%i, %i], %b, %v : memref<8x8xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  vector.maskedstore %m[%i, %i], %b, %v : memref<8x8xf32>, vector<4xi1>, vector<4xf32>
  %13 = vector.transfer_read %m[%i, %i], %f : memref<8x8xf32>, vector<4xf32>
  %14 = vector.transfer_read %m[%i, %i], %f {in_bounds = [true]} : memref<8x8xf32>, vector<4xf32>
  vector.transfer_write %v, %m[%i, %i] : vector<4xf32>, memref<8x8xf32>
  %15 = vector.transfer_read %m[%i, %i], %f, %b {permutation_map = affine_map<(d0, d1) -> (d0)>} : memref<8x8xf32>, vector<4xf32>
  %16 = vector.create_mask %i : vector<4xi1>
  %17 = vector.constant_mask [2] : vector<4xi1>
  %18 = vector.bitcast %v : vector<4xf32> to vector<8xf16>
  vector.print %v : vector<4xf32>
  vector.print str "hello\n"
  vector.print %f : f32 punctuation <no_punctuation>
  vector.print punctuation <newline>
  return
}

// -----

// CHECK-LABEL: func.func @vec2
// CHECK-SAME: (%[[V:[^ ,:]+]]: vector<4xf32>, %[[W:[^ ,:]+]]: vector<2x4xf32>, %[[A:[^ ,:]+]]: vector<4x4xf32>, %[[F:[^ ,:]+]]: f32, %[[M:[^ ,:]+]]: memref<8x8xf32>, %[[I:[^ ,:]+]]: index, %[[IDX:[^ ,:]+]]: vector<4xi32>, %[[B:[^ ,:]+]]: vector<4xi1>, %[[X:[^ ,:]+]]: vector<8xf32>) {
// CHECK: %[[N0:[^ ,:]+]] = vector.shape_cast %[[W]] : vector<2x4xf32> to vector<8xf32>
// CHECK: %[[N1:[^ ,:]+]] = vector.transpose %[[W]], [1, 0] : vector<2x4xf32> to vector<4x2xf32>
// CHECK: %[[N2:[^ ,:]+]] = vector.extract_strided_slice %[[W]] {offsets = [0 : i64, 1 : i64], sizes = [2 : i64, 2 : i64], strides = [1 : i64, 1 : i64]} : vector<2x4xf32> to vector<2x2xf32>
// CHECK: %[[N3:[^ ,:]+]] = vector.insert_strided_slice %[[V]], %[[W]] {offsets = [1 : i64, 0 : i64], strides = [1 : i64]} : vector<4xf32> into vector<2x4xf32>
// CHECK: %[[N4:[^ ,:]+]] = vector.outerproduct %[[V]], %[[V]] : vector<4xf32>, vector<4xf32>
// CHECK: %[[N5:[^ ,:]+]] = vector.outerproduct %[[V]], %[[F]], %[[V]] : vector<4xf32>, f32
// CHECK: %[[N6:[^ ,:]+]] = vector.contract {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %[[W]], %[[A]], %[[W]] : vector<2x4xf32>, vector<4x4xf32> into vector<2x4xf32>
// CHECK: %[[N7:[^ ,:]+]] = vector.multi_reduction <add>, %[[W]], %[[V]] [0] : vector<2x4xf32> to vector<4xf32>
// CHECK: %[[N8:[^ ,:]+]] = vector.from_elements %[[F]], %[[F]], %[[F]], %[[F]] : vector<4xf32>
// CHECK: %[[N9:[^ ,:]+]], %[[N10:[^ ,:]+]], %[[N11:[^ ,:]+]], %[[N12:[^ ,:]+]] = vector.to_elements %[[V]] : vector<4xf32>
// CHECK: %[[N13:[^ ,:]+]] = vector.step : vector<4xindex>
// CHECK: %[[N14:[^ ,:]+]] = vector.interleave %[[V]], %[[V]] : vector<4xf32> -> vector<8xf32>
// CHECK: %[[N15:[^ ,:]+]], %[[N16:[^ ,:]+]] = vector.deinterleave %[[X]] : vector<8xf32> -> vector<4xf32>
// CHECK: %[[N17:[^ ,:]+]] = vector.gather %[[M]][%[[I]], %[[I]]] [%[[IDX]]], %[[B]], %[[V]] : memref<8x8xf32>, vector<4xi32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
// CHECK: vector.scatter %[[M]][%[[I]], %[[I]]] [%[[IDX]]], %[[B]], %[[V]] : memref<8x8xf32>, vector<4xi32>, vector<4xi1>, vector<4xf32>
// CHECK: %[[N18:[^ ,:]+]] = vector.expandload %[[M]][%[[I]], %[[I]]], %[[B]], %[[V]] : memref<8x8xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
// CHECK: vector.compressstore %[[M]][%[[I]], %[[I]]], %[[B]], %[[V]] : memref<8x8xf32>, vector<4xi1>, vector<4xf32>
// CHECK: %[[N19:[^ ,:]+]] = vector.vscale
// CHECK: %[[N20:[^ ,:]+]] = vector.mask %[[B]] {
// CHECK: %[[N21:[^ ,:]+]] = vector.transfer_read %[[M]][%[[I]], %[[I]]], %[[F]] : memref<8x8xf32>, vector<4xf32>
// CHECK: } : vector<4xi1> -> vector<4xf32>
// CHECK: %[[N22:[^ ,:]+]] = vector.type_cast %[[M]] : memref<8x8xf32> to memref<vector<8x8xf32>>
// CHECK: %[[Z:[^ ,:]+]] = vector.broadcast %[[F]] : f32 to vector<f32>
// CHECK: %[[N23:[^ ,:]+]], %[[N24:[^ ,:]+]] = vector.scan <add>, %[[V]], %[[Z]] {inclusive = true, reduction_dim = 0 : i64} : vector<4xf32>, vector<f32>
// CHECK: return
func.func @vec2(%v: vector<4xf32>, %w: vector<2x4xf32>, %a: vector<4x4xf32>, %f: f32, %m: memref<8x8xf32>, %i: index, %idx: vector<4xi32>, %b: vector<4xi1>, %x: vector<8xf32>) {
  %0 = vector.shape_cast %w : vector<2x4xf32> to vector<8xf32>
  %1 = vector.transpose %w, [1, 0] : vector<2x4xf32> to vector<4x2xf32>
  %2 = vector.extract_strided_slice %w {offsets = [0, 1], sizes = [2, 2], strides = [1, 1]} : vector<2x4xf32> to vector<2x2xf32>
  %3 = vector.insert_strided_slice %v, %w {offsets = [1, 0], strides = [1]} : vector<4xf32> into vector<2x4xf32>
  %4 = vector.outerproduct %v, %v : vector<4xf32>, vector<4xf32>
  %5 = vector.outerproduct %v, %f, %v {kind = #vector.kind<add>} : vector<4xf32>, f32
  %6 = vector.contract {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %w, %a, %w : vector<2x4xf32>, vector<4x4xf32> into vector<2x4xf32>
  %7 = vector.multi_reduction <add>, %w, %v [0] : vector<2x4xf32> to vector<4xf32>
  %9 = vector.from_elements %f, %f, %f, %f : vector<4xf32>
  %10:4 = vector.to_elements %v : vector<4xf32>
  %11 = vector.step : vector<4xindex>
  %12 = vector.interleave %v, %v : vector<4xf32> -> vector<8xf32>
  %13, %14 = vector.deinterleave %x : vector<8xf32> -> vector<4xf32>
  %15 = vector.gather %m[%i, %i] [%idx], %b, %v : memref<8x8xf32>, vector<4xi32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  vector.scatter %m[%i, %i] [%idx], %b, %v : memref<8x8xf32>, vector<4xi32>, vector<4xi1>, vector<4xf32>
  %16 = vector.expandload %m[%i, %i], %b, %v : memref<8x8xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  vector.compressstore %m[%i, %i], %b, %v : memref<8x8xf32>, vector<4xi1>, vector<4xf32>
  %17 = vector.vscale
  %18 = vector.mask %b { vector.transfer_read %m[%i, %i], %f : memref<8x8xf32>, vector<4xf32> } : vector<4xi1> -> vector<4xf32>
  %19 = vector.type_cast %m : memref<8x8xf32> to memref<vector<8x8xf32>>
  %z = vector.broadcast %f : f32 to vector<f32>
  %20:2 = vector.scan <add>, %v, %z {inclusive = true, reduction_dim = 0} : vector<4xf32>, vector<f32>
  return
}
