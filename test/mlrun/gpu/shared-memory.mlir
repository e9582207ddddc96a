// A block sums 64 values through workgroup memory and barriers, then a warp
// sums through shuffles; the kernel is a hand-written gpu.module with an
// explicit async chain.
// REQUIRES: cuda-gpu
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s

// sum(0..63) = 2016, and the warp shuffle sums lanes 0..31 of the tree: 496.
// CHECK: [2016,  496]
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @sums(%in: memref<64xf32>, %out: memref<2xf32>) workgroup(%tile: memref<64xf32, #gpu.address_space<workgroup>>) kernel {
      %t = gpu.thread_id x
      %v = memref.load %in[%t] : memref<64xf32>
      memref.store %v, %tile[%t] : memref<64xf32, #gpu.address_space<workgroup>>
      gpu.barrier
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %is_first = arith.cmpi eq, %t, %c0 : index
      scf.if %is_first {
        %c64 = arith.constant 64 : index
        %zero = arith.constant 0.0 : f32
        %sum = scf.for %i = %c0 to %c64 step %c1 iter_args(%acc = %zero) -> f32 {
          %e = memref.load %tile[%i] : memref<64xf32, #gpu.address_space<workgroup>>
          %n = arith.addf %acc, %e : f32
          scf.yield %n : f32
        }
        memref.store %sum, %out[%c0] : memref<2xf32>
      }
      %c32 = arith.constant 32 : index
      %in_warp = arith.cmpi ult, %t, %c32 : index
      scf.if %in_warp {
        %width = arith.constant 32 : i32
        %c16i = arith.constant 16 : i32
        %c8i = arith.constant 8 : i32
        %c4i = arith.constant 4 : i32
        %c2i = arith.constant 2 : i32
        %c1i = arith.constant 1 : i32
        %s1, %p1 = gpu.shuffle xor %v, %c16i, %width : f32
        %a1 = arith.addf %v, %s1 : f32
        %s2, %p2 = gpu.shuffle xor %a1, %c8i, %width : f32
        %a2 = arith.addf %a1, %s2 : f32
        %s3, %p3 = gpu.shuffle xor %a2, %c4i, %width : f32
        %a3 = arith.addf %a2, %s3 : f32
        %s4, %p4 = gpu.shuffle xor %a3, %c2i, %width : f32
        %a4 = arith.addf %a3, %s4 : f32
        %s5, %p5 = gpu.shuffle xor %a4, %c1i, %width : f32
        %a5 = arith.addf %a4, %s5 : f32
        scf.if %is_first {
          memref.store %a5, %out[%c1] : memref<2xf32>
        }
      }
      gpu.return
    }
  }
  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c64 = arith.constant 64 : index
    %in = memref.alloc() : memref<64xf32>
    %out = memref.alloc() : memref<2xf32>
    scf.for %i = %c0 to %c64 step %c1 {
      %ii = arith.index_cast %i : index to i32
      %f = arith.sitofp %ii : i32 to f32
      memref.store %f, %in[%i] : memref<64xf32>
    }
    %t0 = gpu.wait async
    %din, %t1 = gpu.alloc async [%t0] () : memref<64xf32>
    %dout, %t2 = gpu.alloc async [%t1] () : memref<2xf32>
    %t3 = gpu.memcpy async [%t2] %din, %in : memref<64xf32>, memref<64xf32>
    %t4 = gpu.launch_func async [%t3] @kernels::@sums blocks in (%c1, %c1, %c1) threads in (%c64, %c1, %c1) args(%din : memref<64xf32>, %dout : memref<2xf32>)
    %t5 = gpu.memcpy async [%t4] %out, %dout : memref<2xf32>, memref<2xf32>
    %t6 = gpu.dealloc async [%t5] %din : memref<64xf32>
    %t7 = gpu.dealloc async [%t6] %dout : memref<2xf32>
    gpu.wait [%t7]
    %printed = memref.cast %out : memref<2xf32> to memref<*xf32>
    call @printMemrefF32(%printed) : (memref<*xf32>) -> ()
    return
  }
  func.func private @printMemrefF32(memref<*xf32>)
}
