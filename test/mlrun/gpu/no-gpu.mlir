// Without a GPU, mlrun says so, at the first op that needs one, and exits 1.
// UNSUPPORTED: cuda-gpu
// RUN: not mlrun %s -e main --entry-point-result=void 2>&1 | FileCheck %s

// CHECK: no-gpu.mlir:[[LINE:[0-9]+]]:{{[0-9]+}}: error: 'gpu.alloc' op needs a GPU to run, but there is no NVIDIA GPU: {{.+}}
// CHECK-NOT: Traceback
func.func @main() {
  %device = gpu.alloc () : memref<4xf32>
  gpu.dealloc %device : memref<4xf32>
  return
}
