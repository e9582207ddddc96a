// Loop fusion keeps the numbers. @anti reads A in its first nest and writes
// A one element further in its second: fused, a later iteration would read
// what an earlier one wrote, so mlopt leaves the nests apart (mlir-opt 22
// fuses them and prints all zeros). @chain fuses and keeps its result.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --affine-loop-fusion | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --affine-loop-fusion | FileCheck %s --check-prefix=FUSED

// FUSED-LABEL: func.func @anti
// FUSED-COUNT-2: affine.for
// FUSED-LABEL: func.func @chain
// FUSED: affine.for
// FUSED-NOT: affine.for
// FUSED: return

func.func private @printMemrefF32(memref<*xf32>)

func.func @anti(%A: memref<11xf32>, %B: memref<11xf32>) {
  affine.for %i = 0 to 10 {
    %a = affine.load %A[%i] : memref<11xf32>
    affine.store %a, %B[%i] : memref<11xf32>
  }
  affine.for %i = 0 to 10 {
    %b = affine.load %B[%i] : memref<11xf32>
    affine.store %b, %A[%i + 1] : memref<11xf32>
  }
  return
}

func.func @chain(%A: memref<11xf32>, %C: memref<11xf32>) {
  %t = memref.alloc() : memref<11xf32>
  %three = arith.constant 3.0 : f32
  affine.for %i = 0 to 11 {
    %a = affine.load %A[%i] : memref<11xf32>
    %b = arith.mulf %a, %three : f32
    affine.store %b, %t[%i] : memref<11xf32>
  }
  affine.for %i = 0 to 11 {
    %a = affine.load %t[%i] : memref<11xf32>
    %c = affine.load %A[%i] : memref<11xf32>
    %b = arith.subf %a, %c : f32
    affine.store %b, %C[%i] : memref<11xf32>
  }
  return
}

func.func @main() {
  %A = memref.alloc() : memref<11xf32>
  %B = memref.alloc() : memref<11xf32>
  %C = memref.alloc() : memref<11xf32>
  affine.for %i = 0 to 11 {
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    affine.store %f, %A[%i] : memref<11xf32>
    affine.store %f, %B[%i] : memref<11xf32>
  }
  call @chain(%A, %C) : (memref<11xf32>, memref<11xf32>) -> ()
  %cu = memref.cast %C : memref<11xf32> to memref<*xf32>
  call @printMemrefF32(%cu) : (memref<*xf32>) -> ()
  call @anti(%A, %B) : (memref<11xf32>, memref<11xf32>) -> ()
  %au = memref.cast %A : memref<11xf32> to memref<*xf32>
  call @printMemrefF32(%au) : (memref<*xf32>) -> ()
  memref.dealloc %A : memref<11xf32>
  memref.dealloc %B : memref<11xf32>
  memref.dealloc %C : memref<11xf32>
  return
}

// CHECK: Unranked Memref base@ = {{.*}} rank = 1 offset = 0 sizes = [11] strides = [1] data =
// CHECK-NEXT: [0,  2,  4,  6,  8,  10,  12,  14,  16,  18,  20]
// CHECK: Unranked Memref base@ = {{.*}} rank = 1 offset = 0 sizes = [11] strides = [1] data =
// CHECK-NEXT: [0,  0,  1,  2,  3,  4,  5,  6,  7,  8,  9]
