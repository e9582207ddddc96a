// Dynamic shared memory: the launch asks for 512 bytes, and the kernel
// takes two typed views of gpu.dynamic_shared_memory at different offsets
// (f32 values at 0, their i32 positions at 256) to reverse the block's data.
// REQUIRES: cuda-gpu
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --gpu-lower-to-nvvm-pipeline | mlrun -e main --entry-point-result=void | FileCheck %s

// CHECK: [15,  14,  13,  12,  11,  10,  9,  8,  7,  6,  5,  4,  3,  2,  1,  0]
// CHECK: [15,  14,  13,  12,  11,  10,  9,  8,  7,  6,  5,  4,  3,  2,  1,  0]
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %bytes = arith.constant 512 : i32
  %values = memref.alloc() : memref<16xf32>
  %positions = memref.alloc() : memref<16xi32>
  %dvalues = gpu.alloc () : memref<16xf32>
  %dpositions = gpu.alloc () : memref<16xi32>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c16, %sy = %c1, %sz = %c1)
             dynamic_shared_memory_size %bytes {
    %offset = arith.constant 256 : index
    %zero = arith.constant 0 : index
    %last = arith.constant 15 : index
    %shared = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>
    %floats = memref.view %shared[%zero][] : memref<?xi8, #gpu.address_space<workgroup>> to memref<16xf32, #gpu.address_space<workgroup>>
    %ints = memref.view %shared[%offset][] : memref<?xi8, #gpu.address_space<workgroup>> to memref<16xi32, #gpu.address_space<workgroup>>
    %t = arith.index_cast %tx : index to i32
    %f = arith.sitofp %t : i32 to f32
    memref.store %f, %floats[%tx] : memref<16xf32, #gpu.address_space<workgroup>>
    memref.store %t, %ints[%tx] : memref<16xi32, #gpu.address_space<workgroup>>
    gpu.barrier
    %mirror = arith.subi %last, %tx : index
    %v = memref.load %floats[%mirror] : memref<16xf32, #gpu.address_space<workgroup>>
    %p = memref.load %ints[%mirror] : memref<16xi32, #gpu.address_space<workgroup>>
    memref.store %v, %dvalues[%tx] : memref<16xf32>
    memref.store %p, %dpositions[%tx] : memref<16xi32>
    gpu.terminator
  }
  gpu.memcpy %values, %dvalues : memref<16xf32>, memref<16xf32>
  gpu.memcpy %positions, %dpositions : memref<16xi32>, memref<16xi32>
  %printed_values = memref.cast %values : memref<16xf32> to memref<*xf32>
  call @printMemrefF32(%printed_values) : (memref<*xf32>) -> ()
  %printed_positions = memref.cast %positions : memref<16xi32> to memref<*xi32>
  call @printMemrefI32(%printed_positions) : (memref<*xi32>) -> ()
  return
}
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
