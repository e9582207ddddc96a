// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @vector_extract(%v: vector<4xf32>) {
  // expected-error@+1 {{expected position attribute of rank no greater than vector rank}}
  %0 = vector.extract %v[5, 1] : f32 from vector<4xf32>
  return
}

// -----

func.func @vector_shape_cast(%v: vector<4xf32>) {
  // expected-error@+1 {{has different number of elements at source (4) and result (3)}}
  %0 = vector.shape_cast %v : vector<4xf32> to vector<3xf32>
  return
}

// -----

func.func @extract_strided_slice_stride(%v: vector<7xi32>) {
  // expected-error@+1 {{'vector.extract_strided_slice' op expected strides to be confined to [1, 2)}}
  %0 = vector.extract_strided_slice %v {offsets = [1], sizes = [3], strides = [2]} : vector<7xi32> to vector<3xi32>
  return
}

// -----

func.func @extract_strided_slice_past_end(%v: vector<2x7xi32>) {
  // expected-error@+1 {{'vector.extract_strided_slice' op expected sum(offsets, sizes) dimension 1 to be confined to [1, 8)}}
  %0 = vector.extract_strided_slice %v {offsets = [0, 5], sizes = [1, 3], strides = [1, 1]} : vector<2x7xi32> to vector<1x3xi32>
  return
}

// -----

func.func @extract_strided_slice_result(%v: vector<2x7xi32>) {
  // expected-error@+1 {{'vector.extract_strided_slice' op expected result type to be 'vector<1x7xi32>'}}
  %0 = vector.extract_strided_slice %v {offsets = [1], sizes = [1], strides = [1]} : vector<2x7xi32> to vector<7xi32>
  return
}

// -----

func.func @insert_strided_slice_past_end(%v: vector<3x7xi32>, %w: vector<2xi32>) {
  // expected-error@+1 {{'vector.insert_strided_slice' op expected sum(offsets, source vector shape) dimension 1 to be confined to [1, 8)}}
  %0 = vector.insert_strided_slice %w, %v {offsets = [0, 6], strides = [1]} : vector<2xi32> into vector<3x7xi32>
  return
}

// -----

func.func @insert_strided_slice_offsets(%v: vector<3x7xi32>, %w: vector<2xi32>) {
  // expected-error@+1 {{'vector.insert_strided_slice' op expected offsets of same size as destination vector rank}}
  %0 = vector.insert_strided_slice %w, %v {offsets = [1], strides = [1]} : vector<2xi32> into vector<3x7xi32>
  return
}

// -----

func.func @multi_reduction_dest(%v: vector<2x3xf32>, %acc: vector<3xf32>) {
  // expected-error@+1 {{'vector.multi_reduction' op destination type 'vector<3xf32>' is incompatible with source type 'vector<2x3xf32>'}}
  %0 = vector.multi_reduction <add>, %v, %acc [1] : vector<2x3xf32> to vector<3xf32>
  return
}

// -----

func.func @transpose_sizes(%v: vector<2x3xf32>) {
  // expected-error@+1 {{'vector.transpose' op dimension size mismatch at: 0}}
  %0 = vector.transpose %v, [1, 0] : vector<2x3xf32> to vector<3x3xf32>
  return
}

// -----

func.func @contract_contracting(%a: vector<2x3xf32>, %b: vector<4x2xf32>, %c: vector<2x2xf32>) {
  // expected-error@+1 {{'vector.contract' op invalid contracting dimension map}}
  %0 = vector.contract {indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %a, %b, %c : vector<2x3xf32>, vector<4x2xf32> into vector<2x2xf32>
  return
}

// -----

func.func @contract_accumulator(%a: vector<2x3xf32>, %b: vector<3x2xf32>, %c: vector<2x4xf32>) {
  // expected-error@+1 {{'vector.contract' op invalid accumulator/result vector shape, expected: 'vector<2x2xf32>'}}
  %0 = vector.contract {indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %a, %b, %c : vector<2x3xf32>, vector<3x2xf32> into vector<2x4xf32>
  return
}

// -----

func.func @mask_not_maskable(%v: vector<4xf32>, %m: vector<4xi1>) {
  // expected-error@+1 {{'vector.mask' op expects a MaskableOpInterface within the mask region}}
  %0 = vector.mask %m { vector.fma %v, %v, %v : vector<4xf32> } : vector<4xi1> -> vector<4xf32>
  return
}

// -----

func.func @load_strided(%m: memref<4x4xf32, strided<[1, 4]>>, %i: index) {
  // expected-error@+1 {{'vector.load' op most minor memref dim must have unit stride}}
  %0 = vector.load %m[%i, %i] : memref<4x4xf32, strided<[1, 4]>>, vector<4xf32>
  return
}
