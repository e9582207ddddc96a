// RUN: mlopt %s --buffer-deallocation-pipeline --split-input-file | FileCheck %s
// RUN: mlopt %s --buffer-deallocation-pipeline --dump-pass-pipeline --split-input-file 2>&1 >/dev/null | FileCheck %s --check-prefix=PIPELINE

// PIPELINE: expand-realloc{emit-deallocs=false}
// PIPELINE: ownership-based-buffer-deallocation{private-function-dynamic-ownership=false}
// PIPELINE: buffer-deallocation-simplification
// PIPELINE: bufferization-lower-deallocations
// PIPELINE: cse

// A buffer allocated per iteration is freed in the same iteration, without
// runtime checks.

// CHECK-LABEL: func.func @per_iteration
// CHECK: scf.for
// CHECK-NEXT: %[[A:[^ ]+]] = memref.alloc() : memref<4xf32>
// CHECK-NEXT: memref.store
// CHECK-NEXT: memref.load
// CHECK-NEXT: memref.store
// CHECK-NEXT: memref.extract_strided_metadata %[[A]] :
// CHECK-NEXT: memref.dealloc %{{[0-9a-z_]+}} : memref<f32>
// CHECK-NEXT: }
// CHECK-NOT: bufferization.
func.func @per_iteration(%n: index, %v: f32, %out: memref<f32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %a = memref.alloc() : memref<4xf32>
    memref.store %v, %a[%c0] : memref<4xf32>
    // Read back: a buffer only written to is dead, and canonicalize erases it.
    %x = memref.load %a[%c0] : memref<4xf32>
    memref.store %x, %out[] : memref<f32>
  }
  return
}

// -----

// A fresh buffer carried through a loop: the previous one is freed in the
// body when owned; after the loop the result is freed if owned.

// CHECK-LABEL: func.func @carried
// CHECK: %[[R:[^ ,]+]]:2 = scf.for {{.*}} iter_args(%[[ACC:[^ ]+]] = %{{[^,]+}}, %[[ACC_OWN:[^ ]+]] = %{{[^)]+}}) -> (memref<4xf32>, i1) {
// CHECK:   %[[NEW:[^ ]+]] = memref.alloc()
// CHECK:   %[[BASE:[0-9a-z_]+]], %{{[^=]*}}= memref.extract_strided_metadata
// CHECK-SAME: %[[ACC]] :
// CHECK:   scf.if %[[ACC_OWN]] {
// CHECK:     memref.dealloc %[[BASE]]
// CHECK:   scf.yield %[[NEW]], %{{[^ ]+}} : memref<4xf32>, i1
// CHECK: memref.load %[[R]]#0
// CHECK-NOT: bufferization.dealloc
// CHECK: return
func.func @carried(%n: index, %v: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %init = memref.alloc() : memref<4xf32>
  memref.store %v, %init[%c0] : memref<4xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %init) -> memref<4xf32> {
    %a = memref.alloc() : memref<4xf32>
    memref.copy %acc, %a : memref<4xf32> to memref<4xf32>
    scf.yield %a : memref<4xf32>
  }
  %x = memref.load %r[%c0] : memref<4xf32>
  return %x : f32
}

// -----

// A returned argument is cloned for the caller.

// CHECK-LABEL: func.func @return_argument
// CHECK-SAME: (%[[M:[^:]+]]: memref<4xf32>)
// CHECK-NEXT: %[[C:[^ ]+]] = bufferization.clone %[[M]]
// CHECK-NEXT: return %[[C]]
func.func @return_argument(%m: memref<4xf32>) -> memref<4xf32> {
  return %m : memref<4xf32>
}
