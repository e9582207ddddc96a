// A gpu.all_reduce inside structured control flow cannot be split into
// blocks there: a located error saying what to run first (upstream produces
// an scf.if with several blocks and fails its verifier).
// RUN: mlopt %s --verify-diagnostics --pass-pipeline='builtin.module(gpu.module(convert-gpu-to-nvvm))'

gpu.module @kernels {
  gpu.func @k(%value: f32, %condition: i1, %out: memref<1xf32>) kernel {
    scf.if %condition {
      // expected-error@+1 {{'gpu.all_reduce' op must be in the gpu.func's own body to be lowered; run convert-scf-to-cf first}}
      %sum = gpu.all_reduce add %value uniform {} : (f32) -> (f32)
      %c0 = arith.constant 0 : index
      memref.store %sum, %out[%c0] : memref<1xf32>
    }
    gpu.return
  }
}
