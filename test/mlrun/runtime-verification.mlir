// Out-of-bounds accesses reported at run time: with test-cf-assert each
// failed check prints its message and the program goes on.
// RUN: mlopt %s --generate-runtime-verification --test-cf-assert --lower-to-llvm | mlrun - -e main --entry-point-result=void 2>&1 | FileCheck %s

func.func @load(%m: memref<?xf32>, %i: index) -> f32 {
  %v = memref.load %m[%i] : memref<?xf32>
  return %v : f32
}

func.func @main() {
  %a = memref.alloca() : memref<10xf32>
  %view = memref.subview %a[0] [5] [1] : memref<10xf32> to memref<5xf32, strided<[1]>>
  %m = memref.cast %view : memref<5xf32, strided<[1]>> to memref<?xf32, strided<[1]>>
  %d = memref.cast %a : memref<10xf32> to memref<?xf32>
  %c4 = arith.constant 4 : index
  %c7 = arith.constant 7 : index
  %cm1 = arith.constant -1 : index
  // CHECK: start
  // CHECK-NEXT: ok
  vector.print str "start\n"
  %ok = call @load(%d, %c4) : (memref<?xf32>, index) -> f32
  vector.print str "ok\n"
  // CHECK-NEXT: ERROR: Runtime op verification failed
  // CHECK-NEXT: memref.load %{{.*}}[%{{.*}}] : memref<?xf32>
  // CHECK-NEXT: ^ out-of-bounds access
  // CHECK-NEXT: Location: loc({{.*}}runtime-verification.mlir":6:8)
  %bad = call @load(%d, %cm1) : (memref<?xf32>, index) -> f32
  // CHECK-NEXT: ERROR: Runtime op verification failed
  // CHECK-NEXT: memref.cast %{{.*}} : memref<?xf32> to memref<3xf32>
  // CHECK-NEXT: ^ size mismatch of dim 0
  // CHECK-NEXT: Location: loc({{.*}}runtime-verification.mlir":32:11)
  %cast = memref.cast %d : memref<?xf32> to memref<3xf32>
  // CHECK-NEXT: done
  vector.print str "done\n"
  return
}
