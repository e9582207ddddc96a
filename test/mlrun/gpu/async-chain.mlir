// An explicit chain of async tokens: a copy, a kernel, a memset, a kernel of
// a second gpu.module, then frees; the second kernel takes scalars of every
// width and writes host-registered memory directly.
// REQUIRES: cuda-gpu
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --gpu-lower-to-nvvm-pipeline | mlrun -e main --entry-point-result=void | FileCheck %s

// The scalars, read back from host memory the kernel wrote:
// CHECK: [-2,  -300,  -70000,  1099511627776,  1000]
// 3 * i (first kernel) + 7 (memset) + 0.5 (an f64 argument):
// CHECK: [7.5,  10.5,  13.5,  16.5,  19.5,  22.5,  25.5,  28.5]
module attributes {gpu.container_module} {
  gpu.module @first {
    gpu.func @scale(%data: memref<8xf32>, %factor: f32) kernel {
      %i = gpu.thread_id x
      %v = memref.load %data[%i] : memref<8xf32>
      %scaled = arith.mulf %v, %factor : f32
      memref.store %scaled, %data[%i] : memref<8xf32>
      gpu.return
    }
  }
  gpu.module @second {
    gpu.func @combine(%data: memref<8xf32>, %filled: memref<8xi32>, %out: memref<8xf32>, %ints: memref<5xi64>,
                      %small: i8, %half: i16, %word: i32, %long: i64, %wide: f64, %count: index) kernel {
      %c0 = arith.constant 0 : index
      %i = gpu.thread_id x
      %v = memref.load %data[%i] : memref<8xf32>
      %f = memref.load %filled[%i] : memref<8xi32>
      %ff = arith.sitofp %f : i32 to f32
      %w = arith.truncf %wide : f64 to f32
      %partial = arith.addf %v, %ff : f32
      %sum = arith.addf %partial, %w : f32
      memref.store %sum, %out[%i] : memref<8xf32>
      %first = arith.cmpi eq, %i, %c0 : index
      scf.if %first {
        %c1 = arith.constant 1 : index
        %c2 = arith.constant 2 : index
        %c3 = arith.constant 3 : index
        %c4 = arith.constant 4 : index
        %s = arith.extsi %small : i8 to i64
        %h = arith.extsi %half : i16 to i64
        %x = arith.extsi %word : i32 to i64
        %n = arith.index_cast %count : index to i64
        memref.store %s, %ints[%c0] : memref<5xi64>
        memref.store %h, %ints[%c1] : memref<5xi64>
        memref.store %x, %ints[%c2] : memref<5xi64>
        memref.store %long, %ints[%c3] : memref<5xi64>
        memref.store %n, %ints[%c4] : memref<5xi64>
      }
      gpu.return
    }
  }
  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c8 = arith.constant 8 : index
    %three = arith.constant 3.0 : f32
    %seven = arith.constant 7 : i32
    %small = arith.constant -2 : i8
    %half = arith.constant -300 : i16
    %word = arith.constant -70000 : i32
    %long = arith.constant 1099511627776 : i64
    %wide = arith.constant 0.5 : f64
    %count = arith.constant 1000 : index
    %data = memref.alloc() : memref<8xf32>
    scf.for %i = %c0 to %c8 step %c1 {
      %ii = arith.index_cast %i : index to i32
      %f = arith.sitofp %ii : i32 to f32
      memref.store %f, %data[%i] : memref<8xf32>
    }
    %ints = memref.alloc() : memref<5xi64>
    %ints_unranked = memref.cast %ints : memref<5xi64> to memref<*xi64>
    gpu.host_register %ints_unranked : memref<*xi64>
    %result = memref.alloc() : memref<8xf32>

    %t0 = gpu.wait async
    %d, %t1 = gpu.alloc async [%t0] () : memref<8xf32>
    %t2 = gpu.memcpy async [%t1] %d, %data : memref<8xf32>, memref<8xf32>
    %t3 = gpu.launch_func async [%t2] @first::@scale blocks in (%c1, %c1, %c1) threads in (%c8, %c1, %c1)
        args(%d : memref<8xf32>, %three : f32)
    %filled, %t4 = gpu.alloc async [%t3] () : memref<8xi32>
    %t5 = gpu.memset async [%t4] %filled, %seven : memref<8xi32>, i32
    %out, %t6 = gpu.alloc async [%t5] () : memref<8xf32>
    %t7 = gpu.launch_func async [%t6] @second::@combine blocks in (%c1, %c1, %c1) threads in (%c8, %c1, %c1)
        args(%d : memref<8xf32>, %filled : memref<8xi32>, %out : memref<8xf32>, %ints : memref<5xi64>,
             %small : i8, %half : i16, %word : i32, %long : i64, %wide : f64, %count : index)
    %t8 = gpu.memcpy async [%t7] %result, %out : memref<8xf32>, memref<8xf32>
    %t9 = gpu.dealloc async [%t8] %d : memref<8xf32>
    %t10 = gpu.dealloc async [%t9] %filled : memref<8xi32>
    %t11 = gpu.dealloc async [%t10] %out : memref<8xf32>
    gpu.wait [%t11]

    call @printMemrefI64(%ints_unranked) : (memref<*xi64>) -> ()
    %printed = memref.cast %result : memref<8xf32> to memref<*xf32>
    call @printMemrefF32(%printed) : (memref<*xf32>) -> ()
    gpu.host_unregister %ints_unranked : memref<*xi64>
    return
  }
  func.func private @printMemrefI64(memref<*xi64>)
  func.func private @printMemrefF32(memref<*xf32>)
}
