// RUN: mlopt %s --split-input-file --verify-diagnostics

// gpu.return returns what its gpu.func declares.

gpu.module @kernels {
  gpu.func @wrong_type(%a: f32) -> f32 {
    %c = arith.constant 1 : i32
    // expected-error@+1 {{'gpu.return' op unexpected type `'i32'' for operand #0}}
    gpu.return %c : i32
  }
}

// -----

gpu.module @kernels {
  gpu.func @wrong_count(%a: f32) -> f32 {
    // expected-error@+1 {{'gpu.return' op expected 1 result operands}}
    gpu.return
  }
}

// -----

// expected-error@+1 {{the object index must be positive}}
module attributes {handler = #gpu.select_object<-1>} {
}
