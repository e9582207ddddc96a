// gpu ops left after convert-gpu-to-nvvm are an error at the op, as upstream.
// RUN: mlopt %s --split-input-file --verify-diagnostics --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm))'
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --verify-diagnostics --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm))' %}

gpu.module @kernels {
  gpu.func @k(%out: memref<1xindex>) kernel {
    // expected-error@+1 {{failed to legalize operation 'gpu.subgroup_size' that was explicitly marked illegal}}
    %size = gpu.subgroup_size : index
    %c0 = arith.constant 0 : index
    memref.store %size, %out[%c0] : memref<1xindex>
    gpu.return
  }
}

// -----

gpu.module @kernels {
  gpu.func @k(%value: f16, %out: memref<1xf16>) kernel {
    %offset = arith.constant 1 : i32
    %width = arith.constant 32 : i32
    // expected-error@+1 {{f16}}
    %shuffled, %valid = gpu.shuffle xor %value, %offset, %width : f16
    %c0 = arith.constant 0 : index
    memref.store %shuffled, %out[%c0] : memref<1xf16>
    gpu.return
  }
}

// -----

gpu.module @kernels {
  gpu.func @k(%value: f32, %out: memref<1xf32>) kernel {
    // A non-uniform reduction is not lowered, as upstream.
    // expected-error@+1 {{failed to legalize operation 'gpu.all_reduce' that was explicitly marked illegal}}
    %sum = gpu.all_reduce add %value {} : (f32) -> (f32)
    %c0 = arith.constant 0 : index
    memref.store %sum, %out[%c0] : memref<1xf32>
    gpu.return
  }
}
