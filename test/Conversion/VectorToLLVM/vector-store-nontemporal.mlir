// RUN: mlopt %s --convert-vector-to-llvm | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --convert-vector-to-llvm | FileCheck %s %}

// vector.store's nontemporal flag reaches llvm.store (a store that bypasses
// the caches, for a large output written once); without it, a plain store.

// CHECK-LABEL: func.func @stores
// CHECK: llvm.store %{{.*}}, %{{.*}} {alignment = 4 : i64, nontemporal} : vector<16xf32>, !llvm.ptr
// CHECK: llvm.store %{{.*}}, %{{.*}} {alignment = 4 : i64} : vector<16xf32>, !llvm.ptr
// CHECK: llvm.store %{{.*}}, %{{.*}} {alignment = 4 : i64} : vector<16xf32>, !llvm.ptr
func.func @stores(%v: vector<16xf32>, %m: memref<64xf32>, %i: index) {
  vector.store %v, %m[%i] {nontemporal = true} : memref<64xf32>, vector<16xf32>
  vector.store %v, %m[%i] {nontemporal = false} : memref<64xf32>, vector<16xf32>
  vector.store %v, %m[%i] : memref<64xf32>, vector<16xf32>
  return
}
