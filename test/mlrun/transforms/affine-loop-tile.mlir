// Tiling keeps the numbers: a 7x11 by 11x5 matmul and a 13-element scaled
// copy in affine loops, run untiled and tiled with sizes that do not divide
// the trip counts; all print what mlir-runner prints for the untiled program.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --affine-loop-tile="tile-size=4" | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --affine-loop-tile="tile-sizes=3,2,5" | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --affine-loop-tile="cache-size=1" | mlrun - -e main --entry-point-result=void | FileCheck %s
// Unrolling by 3 (cleanup loops for every trip count here) keeps them too.
// RUN: mlopt %s --affine-loop-unroll="unroll-factor=3" | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --affine-loop-tile="tile-size=4" --affine-loop-unroll="unroll-factor=3 unroll-num-reps=2" | mlrun - -e main --entry-point-result=void | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)

func.func @main() {
  %A = memref.alloc() : memref<7x11xf32>
  %B = memref.alloc() : memref<11x5xf32>
  %C = memref.alloc() : memref<7x5xf32>
  %V = memref.alloc() : memref<13xf32>
  %zero = arith.constant 0.0 : f32
  affine.for %i = 0 to 7 {
    affine.for %k = 0 to 11 {
      %v = affine.apply affine_map<(d0, d1) -> ((d0 * 3 + d1 * 5) mod 7)>(%i, %k)
      %vi = arith.index_cast %v : index to i32
      %vf = arith.sitofp %vi : i32 to f32
      affine.store %vf, %A[%i, %k] : memref<7x11xf32>
    }
  }
  affine.for %k = 0 to 11 {
    affine.for %j = 0 to 5 {
      %v = affine.apply affine_map<(d0, d1) -> ((d0 * 2 + d1) mod 5)>(%k, %j)
      %vi = arith.index_cast %v : index to i32
      %vf = arith.sitofp %vi : i32 to f32
      %half = arith.constant 0.5 : f32
      %s = arith.subf %vf, %half : f32
      affine.store %s, %B[%k, %j] : memref<11x5xf32>
    }
  }
  affine.for %i = 0 to 7 {
    affine.for %j = 0 to 5 {
      affine.store %zero, %C[%i, %j] : memref<7x5xf32>
    }
  }
  affine.for %i = 0 to 7 {
    affine.for %j = 0 to 5 {
      affine.for %k = 0 to 11 {
        %a = affine.load %A[%i, %k] : memref<7x11xf32>
        %b = affine.load %B[%k, %j] : memref<11x5xf32>
        %c = affine.load %C[%i, %j] : memref<7x5xf32>
        %p = arith.mulf %a, %b : f32
        %s = arith.addf %c, %p : f32
        affine.store %s, %C[%i, %j] : memref<7x5xf32>
      }
    }
  }
  affine.for %i = 0 to 13 {
    %vi = arith.index_cast %i : index to i32
    %vf = arith.sitofp %vi : i32 to f32
    %q = arith.constant 0.25 : f32
    %s = arith.mulf %vf, %q : f32
    affine.store %s, %V[%i] : memref<13xf32>
  }
  %cu = memref.cast %C : memref<7x5xf32> to memref<*xf32>
  call @printMemrefF32(%cu) : (memref<*xf32>) -> ()
  %vu = memref.cast %V : memref<13xf32> to memref<*xf32>
  call @printMemrefF32(%vu) : (memref<*xf32>) -> ()
  memref.dealloc %A : memref<7x11xf32>
  memref.dealloc %B : memref<11x5xf32>
  memref.dealloc %C : memref<7x5xf32>
  memref.dealloc %V : memref<13xf32>
  return
}

// CHECK: Unranked Memref base@ = {{.*}} rank = 2 offset = 0 sizes = [7, 5] strides = [5, 1] data =
// CHECK-NEXT: {{\[\[}}44,   59,   44,   39,   39],
// CHECK-NEXT:  [59.5,   49.5,   44.5,   49.5,   59.5],
// CHECK-NEXT:  [50.5,   43.5,   41.5,   49.5,   62.5],
// CHECK-NEXT:  [41.5,   37.5,   38.5,   49.5,   65.5],
// CHECK-NEXT:  [36,   42,   53,   74,   65],
// CHECK-NEXT:  [41,   50,   64,   53,   47],
// CHECK-NEXT:  [32,   44,   61,   53,   50{{\]\]}}
// CHECK: Unranked Memref base@ = {{.*}} rank = 1 offset = 0 sizes = [13] strides = [1] data =
// CHECK-NEXT: [0,  0.25,  0.5,  0.75,  1,  1.25,  1.5,  1.75,  2,  2.25,  2.5,  2.75,  3]
