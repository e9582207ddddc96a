// A gpu.launch with synchronous copies, lowered and run by mlrun as it is.
// REQUIRES: cuda-gpu
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --gpu-lower-to-nvvm-pipeline | mlrun -e main --entry-point-result=void | FileCheck %s
// RUN: %if ptxas %{ mlopt %s --gpu-lower-to-nvvm-pipeline='cubin-chip=%cuda_chip cubin-format=bin' | mlrun -e main --entry-point-result=void | FileCheck %s %}

// y = 2 * x + y with x = i, y = i + 1:
// CHECK: [1,  4,  7,  10,  13,  16,  19,  22]
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %a = arith.constant 2.0 : f32
  %one = arith.constant 1.0 : f32
  %x = memref.alloc() : memref<8xf32>
  %y = memref.alloc() : memref<8xf32>
  scf.for %i = %c0 to %c8 step %c1 {
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    memref.store %f, %x[%i] : memref<8xf32>
    %g = arith.addf %f, %one : f32
    memref.store %g, %y[%i] : memref<8xf32>
  }
  %dx = gpu.alloc () : memref<8xf32>
  %dy = gpu.alloc () : memref<8xf32>
  gpu.memcpy %dx, %x : memref<8xf32>, memref<8xf32>
  gpu.memcpy %dy, %y : memref<8xf32>, memref<8xf32>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c8, %sy = %c1, %sz = %c1) {
    %v = memref.load %dx[%tx] : memref<8xf32>
    %w = memref.load %dy[%tx] : memref<8xf32>
    %s = math.fma %a, %v, %w : f32
    memref.store %s, %dy[%tx] : memref<8xf32>
    gpu.terminator
  }
  gpu.memcpy %y, %dy : memref<8xf32>, memref<8xf32>
  gpu.dealloc %dx : memref<8xf32>
  gpu.dealloc %dy : memref<8xf32>
  %printed = memref.cast %y : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%printed) : (memref<*xf32>) -> ()
  memref.dealloc %x : memref<8xf32>
  memref.dealloc %y : memref<8xf32>
  return
}
func.func private @printMemrefF32(memref<*xf32>)
