// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @launch_types(%n: i32) {
  // expected-error@+1 {{expects different type than prior uses: 'index' vs 'i32'}}
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %n, %gy = %n, %gz = %n) threads(%tx, %ty, %tz) in (%sx = %n, %sy = %n, %sz = %n) {
    gpu.terminator
  }
  return
}

// -----

gpu.module @m {
  // expected-error@+1 {{expected void return type for kernel function}}
  gpu.func @k() -> i32 kernel {
    %c = arith.constant 0 : i32
    gpu.return %c : i32
  }
}

// -----

func.func @shuffle_mode(%v: f32, %o: i32) {
  // expected-error@+1 {{Expected `xor`, `up`, `down`, or `idx`.}}
  %0, %1 = gpu.shuffle rotate %v, %o, %o : f32
  return
}

// -----

func.func @all_reduce_both(%v: f32) {
  // expected-error@+1 {{expected either an op attribute or a non-empty body}}
  %0 = gpu.all_reduce add %v {
  ^bb0(%a: f32, %b: f32):
    gpu.yield %a : f32
  } : (f32) -> f32
  return
}

// -----

func.func @memcpy_shape(%a: memref<4xf32>, %b: memref<8xf32>) {
  // expected-error@+1 {{arguments have incompatible shape}}
  gpu.memcpy %a, %b : memref<4xf32>, memref<8xf32>
  return
}

// -----

func.func @return_outside() {
  // expected-error@+1 {{'gpu.return' expects parent op 'gpu.func'}}
  gpu.return
}

// -----

func.func @dim_bad() {
  // expected-error@+1 {{Expected `x`, `y`, or `z`.}}
  %0 = gpu.thread_id w
  return
}

// -----

func.func @memset_type(%a: memref<4xf32>, %v: i32) {
  // expected-error@+1 {{failed to verify that all of {dst, value} have same element type}}
  gpu.memset %a, %v : memref<4xf32>, i32
  return
}

// -----

func.func @all_reduce_kind_and_type(%value: f32) {
  // expected-error@+1 {{`and` reduction operation is not compatible with type 'f32'}}
  %sum = gpu.all_reduce and %value uniform {} : (f32) -> (f32)
  return
}

// -----

func.func @all_reduce_of_index(%value: index) {
  // expected-error@+1 {{operand #0 must be Integer or Float, but got 'index'}}
  %sum = gpu.all_reduce add %value uniform {} : (index) -> (index)
  return
}

// -----

func.func @printf_of_memref(%buffer: memref<4xf32>) {
  // expected-error@+1 {{operand #0 must be variadic of integer or index or floating-point, but got 'memref<4xf32>'}}
  gpu.printf "%p\n", %buffer : memref<4xf32>
  return
}

// -----

gpu.module @kernels {
  gpu.func @typed(%out: memref<1xf32>) kernel {
    // expected-error@+1 {{result #0 must be 1D memref of 8-bit signless integer values, but got 'memref<4xf32, #gpu.address_space<workgroup>>'}}
    %shared = gpu.dynamic_shared_memory : memref<4xf32, #gpu.address_space<workgroup>>
    gpu.return
  }
}

// -----

gpu.module @kernels {
  gpu.func @global(%out: memref<1xf32>) kernel {
    // expected-error@+1 {{address space must be address_space<workgroup>}}
    %shared = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<global>>
    gpu.return
  }
}
