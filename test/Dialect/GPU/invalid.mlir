// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @launch_types(%n: i32) {
  // expected-error@+1 {{operand is used with type index, but has been previously used or defined with type i32}}
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
