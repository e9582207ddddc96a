// RUN: mlopt %s --split-input-file --verify-diagnostics

// memref.reinterpret_cast is checked as upstream checks it (its messages carry
// no op prefix); the source may be unranked.

func.func @too_many_offsets(%in: memref<?xf32>) {
  // expected-error@+1 {{expected 1 offset values, got 2}}
  %out = memref.reinterpret_cast %in to offset: [0, 0], sizes: [10, 10], strides: [10, 1]
      : memref<?xf32> to memref<10x10xf32, strided<[10, 1]>>
  return
}

// -----

func.func @element_types(%in: memref<*xf32>) {
  // expected-error@+1 {{different element types specified for source type 'memref<*xf32>' and result memref type 'memref<10xi32, strided<[1]>>'}}
  %out = memref.reinterpret_cast %in to offset: [0], sizes: [10], strides: [1]
      : memref<*xf32> to memref<10xi32, strided<[1]>>
  return
}

// -----

func.func @offset(%in: memref<?xf32>) {
  // expected-error@+1 {{expected result type with offset = 1 instead of 0}}
  %out = memref.reinterpret_cast %in to offset: [1], sizes: [10], strides: [1]
      : memref<?xf32> to memref<10xf32, strided<[1]>>
  return
}

// -----

func.func @size(%in: memref<*xf32>) {
  // expected-error@+1 {{expected result type with size = 10 instead of 1 in dim = 0}}
  %out = memref.reinterpret_cast %in to offset: [0], sizes: [10], strides: [1]
      : memref<*xf32> to memref<1xf32, strided<[1]>>
  return
}

// -----

func.func @identity_layout_stride(%in: memref<?xf32>) {
  // expected-error@+1 {{expected result type with stride = 10 instead of 1 in dim = 0}}
  %out = memref.reinterpret_cast %in to offset: [0], sizes: [10], strides: [10]
      : memref<?xf32> to memref<10xf32>
  return
}

// -----

func.func @dynamic_offset(%in: memref<?xf32>, %offset: index) {
  // expected-error@+1 {{expected result type with offset = dynamic instead of 0}}
  %out = memref.reinterpret_cast %in to offset: [%offset], sizes: [10], strides: [1]
      : memref<?xf32> to memref<10xf32>
  return
}

// -----

func.func @valid_from_unranked(%in: memref<*xf32>, %offset: index) -> memref<2x5xf32, strided<[5, 1], offset: ?>> {
  %out = memref.reinterpret_cast %in to offset: [%offset], sizes: [2, 5], strides: [5, 1]
      : memref<*xf32> to memref<2x5xf32, strided<[5, 1], offset: ?>>
  return %out : memref<2x5xf32, strided<[5, 1], offset: ?>>
}
