// RUN: mlopt %s --split-input-file --verify-diagnostics

// expected-error@+1 {{custom op 'memref.global' type should be static shaped memref, but got 'i32'}}
memref.global @scalar : i32

// -----

// expected-error@+1 {{custom op 'memref.global' type should be static shaped memref, but got 'memref<?x?xf32>'}}
memref.global @dynamic : memref<?x?xf32>

// -----

// expected-error@+1 {{custom op 'memref.global' initial value should be a unit or elements attribute}}
memref.global @string : memref<2x2xf32> = "foo"

// -----

memref.global @gv : memref<3xi32>

func.func @get_global_type(%a: index) {
  // expected-error@+1 {{'memref.get_global' op result type 'memref<3xf32>' does not match type 'memref<3xi32>' of the global memref @gv}}
  %0 = memref.get_global @gv : memref<3xf32>
  return
}

// -----

func.func @copy_shapes(%a: memref<2xf32>, %b: memref<3xf32>) {
  // expected-error@+1 {{'memref.copy' op requires the same shape for all operands}}
  memref.copy %a, %b : memref<2xf32> to memref<3xf32>
  return
}

// -----

func.func @copy_element_types(%a: memref<2xf32>, %b: memref<2xf16>) {
  // expected-error@+1 {{'memref.copy' op requires the same element type for all operands}}
  memref.copy %a, %b : memref<2xf32> to memref<2xf16>
  return
}
