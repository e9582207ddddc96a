// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @load_indices(%m: memref<4x4xf32>, %i: index) {
  // expected-error@+1 {{incorrect number of indices for load, expected 2 but got 1}}
  %0 = memref.load %m[%i] : memref<4x4xf32>
  return
}

// -----

func.func @alloc_dyn(%n: index) {
  // expected-error@+1 {{op dimension operand count does not equal memref dynamic dimension count.}}
  %0 = memref.alloc() : memref<?xf32>
  return
}

// -----

// expected-error@+1 {{Shape mismatch in dense literal. Expected [2] shape from the type, but got [3] shape.}}
memref.global "private" @g : memref<2xf32> = dense<[1.0, 2.0, 3.0]>

// -----

func.func @get_global_missing() {
  // expected-error@+1 {{'nope' does not reference a valid global memref}}
  %0 = memref.get_global @nope : memref<2xf32>
  return
}

// -----

func.func @cast_bad(%m: memref<4xf32>) {
  // expected-error@+1 {{operand type 'memref<4xf32>' and result type 'memref<4xi32>' are cast incompatible}}
  %0 = memref.cast %m : memref<4xf32> to memref<4xi32>
  return
}

// -----

func.func @store_type(%m: memref<4xf32>, %v: i32, %i: index) {
  // expected-error@+1 {{expects different type than prior uses: 'f32' vs 'i32'}}
  memref.store %v, %m[%i] : memref<4xf32>
  return
}

// -----

func.func @realloc_2d(%m: memref<2x2xf32>) {
  // expected-error@+1 {{operand #0 must be 1D memref of any type values, but got 'memref<2x2xf32>'}}
  %0 = memref.realloc %m : memref<2x2xf32> to memref<4x4xf32>
  return
}

// -----

func.func @atomic_kind(%m: memref<4xf32>, %v: f32, %i: index) {
  // expected-error@+1 {{expected atomic rmw kind: one of 'addf', 'addi', 'andi', 'assign', 'maximumf', 'maxnumf', 'maxs', 'maxu', 'minimumf', 'minnumf', 'mins', 'minu', 'mulf', 'muli', 'ori', 'xori'}}
  %0 = memref.atomic_rmw bogus %v, %m[%i] : (f32, memref<4xf32>) -> f32
  return
}

// -----

func.func @subview_rank(%m: memref<8x8xf32>) {
  // expected-error@+1 {{expected 2 offset values, got 1}}
  %0 = memref.subview %m[0] [4] [1] : memref<8x8xf32> to memref<4xf32>
  return
}

// -----

// expected-error@+1 {{alignment attribute value 3 is not a power of 2}}
memref.global "private" @a : memref<2xf32> = dense<1.0> {alignment = 3 : i64}
