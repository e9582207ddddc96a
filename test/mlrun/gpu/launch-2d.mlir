// A 2-D grid of 2-D blocks: every thread writes its row-major global index,
// computed from block_id, block_dim, thread_id and grid_dim in x and y.
// REQUIRES: cuda-gpu
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --gpu-lower-to-nvvm-pipeline='kernel-bare-ptr-calling-convention=1' | mlrun -e main --entry-point-result=void | FileCheck %s

// CHECK: sizes = [6, 8]
// CHECK-NEXT: [0,   1,   2,   3,   4,   5,   6,   7],
// CHECK-NEXT: [8,   9,   10,   11,   12,   13,   14,   15],
// CHECK-NEXT: [16,   17,   18,   19,   20,   21,   22,   23],
// CHECK-NEXT: [24,   25,   26,   27,   28,   29,   30,   31],
// CHECK-NEXT: [32,   33,   34,   35,   36,   37,   38,   39],
// CHECK-NEXT: [40,   41,   42,   43,   44,   45,   46,   47]]
func.func @main() {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %host = memref.alloc() : memref<6x8xi32>
  %device = gpu.alloc () : memref<6x8xi32>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c2, %gy = %c3, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c4, %sy = %c2, %sz = %c1) {
    %block_x = gpu.block_id x
    %block_y = gpu.block_id y
    %dim_x = gpu.block_dim x
    %dim_y = gpu.block_dim y
    %grid_x = gpu.grid_dim x
    %thread_x = gpu.thread_id x
    %thread_y = gpu.thread_id y
    %row_base = arith.muli %block_y, %dim_y : index
    %row = arith.addi %row_base, %thread_y : index
    %column_base = arith.muli %block_x, %dim_x : index
    %column = arith.addi %column_base, %thread_x : index
    %width = arith.muli %grid_x, %dim_x : index
    %row_start = arith.muli %row, %width : index
    %linear = arith.addi %row_start, %column : index
    %value = arith.index_cast %linear : index to i32
    memref.store %value, %device[%row, %column] : memref<6x8xi32>
    gpu.terminator
  }
  gpu.memcpy %host, %device : memref<6x8xi32>, memref<6x8xi32>
  gpu.dealloc %device : memref<6x8xi32>
  %printed = memref.cast %host : memref<6x8xi32> to memref<*xi32>
  call @printMemrefI32(%printed) : (memref<*xi32>) -> ()
  return
}
func.func private @printMemrefI32(memref<*xi32>)
