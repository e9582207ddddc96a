// gpu.all_reduce over a 3-D block of 240 threads (seven whole warps and a
// partial one): each reduction kind on i32, a 64-bit one on f64, and one
// with a region; thread 0 stores what every thread got.
// REQUIRES: cuda-gpu
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --gpu-lower-to-nvvm-pipeline | mlrun -e main --entry-point-result=void | FileCheck %s

// Over x = 0..239: sum, max(x - 100), min(x - 100), and(x | 256), or(x),
// xor(x + 1), the region's maxui(x), and sum(x / 2) in f64:
// CHECK: [28680,  139,  -100,  256,  255,  240,  239]
// CHECK: [14340]
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %c6 = arith.constant 6 : index
  %c40 = arith.constant 40 : index
  %ints = memref.alloc() : memref<7xi32>
  %floats = memref.alloc() : memref<1xf64>
  %dints = gpu.alloc () : memref<7xi32>
  %dfloats = gpu.alloc () : memref<1xf64>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c40, %sy = %c2, %sz = %c3) {
    %row = arith.muli %tz, %c2 : index
    %plane = arith.addi %row, %ty : index
    %base = arith.muli %plane, %c40 : index
    %linear = arith.addi %base, %tx : index
    %x = arith.index_cast %linear : index to i32
    %hundred = arith.constant 100 : i32
    %bit8 = arith.constant 256 : i32
    %one = arith.constant 1 : i32
    %shifted = arith.subi %x, %hundred : i32
    %with_bit8 = arith.ori %x, %bit8 : i32
    %next = arith.addi %x, %one : i32
    %half = arith.constant 0.5 : f64
    %xf = arith.sitofp %x : i32 to f64
    %xh = arith.mulf %xf, %half : f64
    %sum = gpu.all_reduce add %x uniform {} : (i32) -> (i32)
    %max = gpu.all_reduce maxsi %shifted uniform {} : (i32) -> (i32)
    %min = gpu.all_reduce minsi %shifted uniform {} : (i32) -> (i32)
    %and = gpu.all_reduce and %with_bit8 uniform {} : (i32) -> (i32)
    %or = gpu.all_reduce or %x uniform {} : (i32) -> (i32)
    %xor = gpu.all_reduce xor %next uniform {} : (i32) -> (i32)
    %region = gpu.all_reduce %x uniform {
    ^bb0(%lhs: i32, %rhs: i32):
      %m = arith.maxui %lhs, %rhs : i32
      gpu.yield %m : i32
    } : (i32) -> (i32)
    %fsum = gpu.all_reduce add %xh uniform {} : (f64) -> (f64)
    %first = arith.cmpi eq, %linear, %c0 : index
    scf.if %first {
      memref.store %sum, %dints[%c0] : memref<7xi32>
      memref.store %max, %dints[%c1] : memref<7xi32>
      memref.store %min, %dints[%c2] : memref<7xi32>
      memref.store %and, %dints[%c3] : memref<7xi32>
      memref.store %or, %dints[%c4] : memref<7xi32>
      memref.store %xor, %dints[%c5] : memref<7xi32>
      memref.store %region, %dints[%c6] : memref<7xi32>
      memref.store %fsum, %dfloats[%c0] : memref<1xf64>
    }
    gpu.terminator
  }
  gpu.memcpy %ints, %dints : memref<7xi32>, memref<7xi32>
  gpu.memcpy %floats, %dfloats : memref<1xf64>, memref<1xf64>
  %printed_ints = memref.cast %ints : memref<7xi32> to memref<*xi32>
  call @printMemrefI32(%printed_ints) : (memref<*xi32>) -> ()
  %printed_floats = memref.cast %floats : memref<1xf64> to memref<*xf64>
  call @printMemrefF64(%printed_floats) : (memref<*xf64>) -> ()
  return
}
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefF64(memref<*xf64>)
