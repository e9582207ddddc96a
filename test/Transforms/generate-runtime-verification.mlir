// RUN: mlopt %s --split-input-file --generate-runtime-verification | FileCheck %s
// RUN: mlopt %s --split-input-file --generate-runtime-verification=verbose-level=0 | FileCheck %s --check-prefix=QUIET

// CHECK-LABEL: func.func @load(
// CHECK-SAME: %[[M:[a-z0-9]+]]: memref<?xf32>, %[[I:[a-z0-9]+]]: index
// CHECK: %[[DIM:.*]] = memref.dim %[[M]], %{{.*}} : memref<?xf32>
// CHECK: %[[LOW:.*]] = arith.cmpi sge, %[[I]], %{{.*}} : index
// CHECK: %[[HIGH:.*]] = arith.cmpi slt, %[[I]], %[[DIM]] : index
// CHECK: %[[OK:.*]] = arith.andi %[[LOW]], %[[HIGH]] : i1
// CHECK: cf.assert %[[OK]], "ERROR: Runtime op verification failed\0A{{.*}}memref.load {{.*}} : memref<?xf32>\0A^ out-of-bounds access\0ALocation: loc({{.*}}:13:8)"
// QUIET: cf.assert %{{.*}}, "ERROR: Runtime op verification failed\0A^ out-of-bounds access\0ALocation: loc({{.*}})"
func.func @load(%m: memref<?xf32>, %i: index) -> f32 {
  %v = memref.load %m[%i] : memref<?xf32>
  return %v : f32
}

// -----

// CHECK-LABEL: func.func @cast_to_static(
// CHECK: %[[DIM:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<?xf32>
// CHECK: %[[SAME:.*]] = arith.cmpi eq, %[[DIM]], %{{.*}} : index
// CHECK: cf.assert %[[SAME]], "{{.*}}^ size mismatch of dim 0{{.*}}"
func.func @cast_to_static(%m: memref<?xf32>) -> memref<10xf32> {
  %c = memref.cast %m : memref<?xf32> to memref<10xf32>
  return %c : memref<10xf32>
}

// -----

// CHECK-LABEL: func.func @slice(
// CHECK: cf.assert %{{.*}}, "{{.*}}^ offset 0 is out-of-bounds{{.*}}"
// CHECK: cf.assert %{{.*}}, "{{.*}}^ extract_slice runs out-of-bounds along dimension 0{{.*}}"
func.func @slice(%t: tensor<?xf32>, %o: index, %s: index) -> tensor<?xf32> {
  %r = tensor.extract_slice %t[%o] [%s] [1] : tensor<?xf32> to tensor<?xf32>
  return %r : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @dim(
// CHECK: cf.assert %{{.*}}, "{{.*}}^ index is out of bounds{{.*}}"
func.func @dim(%t: tensor<?x?xf32>, %i: index) -> index {
  %d = tensor.dim %t, %i : tensor<?x?xf32>
  return %d : index
}
