// RUN: mlopt %s --finalize-memref-to-llvm | FileCheck %s
// RUN: mlopt %s --finalize-memref-to-llvm='use-aligned-alloc=1' | FileCheck %s --check-prefix=ALIGNED

// CHECK-DAG: llvm.func @free(!llvm.ptr)
// CHECK-DAG: llvm.func @memrefCopy(i64, !llvm.ptr, !llvm.ptr)
// CHECK-DAG: llvm.func @malloc(i64) -> !llvm.ptr
// CHECK-DAG: llvm.mlir.global private constant @cst(dense<{{\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>) {addr_space = 0 : i32} : !llvm.array<2 x {{(!llvm.)?}}array<3 x f32>>
// CHECK-DAG: llvm.mlir.global external @var() {addr_space = 0 : i32} : !llvm.array<4 x i32>
// ALIGNED-DAG: llvm.func @aligned_alloc(i64, i64) -> !llvm.ptr
memref.global "private" constant @cst : memref<2x3xf32> = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]>
memref.global @var : memref<4xi32> = uninitialized

// The size is the element count times the element size (from a GEP on null);
// an alignment pads the allocation and rounds the pointer up.
// CHECK-LABEL: func.func @alloc
// ALIGNED-LABEL: func.func @alloc
func.func @alloc(%n: index) -> memref<?x4xf32> {
  // CHECK: %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
  // CHECK: %[[END:.*]] = llvm.getelementptr %[[NULL]][%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f32
  // CHECK: %[[BYTES:.*]] = llvm.ptrtoint %[[END]] : !llvm.ptr to i64
  // CHECK: %[[ALIGN:.*]] = llvm.mlir.constant(64 : index) : i64
  // CHECK: %[[PADDED:.*]] = llvm.add %[[BYTES]], %[[ALIGN]] : i64
  // CHECK: %[[RAW:.*]] = llvm.call @malloc(%[[PADDED]]) : (i64) -> !llvm.ptr
  // CHECK: llvm.urem
  // CHECK: %[[APTR:.*]] = llvm.inttoptr %{{.*}} : i64 to !llvm.ptr
  // CHECK: llvm.insertvalue %[[RAW]], %{{.*}}[0]
  // CHECK: llvm.insertvalue %[[APTR]], %{{.*}}[1]
  // ALIGNED: llvm.call @aligned_alloc(%{{.*}}, %{{.*}}) : (i64, i64) -> !llvm.ptr
  %0 = memref.alloc(%n) {alignment = 64 : i64} : memref<?x4xf32>
  return %0 : memref<?x4xf32>
}

// Loads and stores address aligned + offset + Σ index·stride.
// CHECK-LABEL: func.func @load_store
func.func @load_store(%m: memref<?x?xf32, strided<[?, ?], offset: ?>>, %i: index, %j: index) {
  // CHECK: %[[BASE:.*]] = llvm.extractvalue %{{.*}}[1]
  // CHECK: %[[OFF:.*]] = llvm.extractvalue %{{.*}}[2]
  // CHECK: %[[S0:.*]] = llvm.extractvalue %{{.*}}[4, 0]
  // CHECK: llvm.mul %{{.*}}, %[[S0]] overflow<nsw,{{ ?}}nuw> : i64
  // CHECK: %[[S1:.*]] = llvm.extractvalue %{{.*}}[4, 1]
  // CHECK: %[[ADDR:.*]] = llvm.getelementptr inbounds|nuw %[[BASE]][%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f32
  // CHECK: %[[V:.*]] = llvm.load %[[ADDR]] : !llvm.ptr -> f32
  %v = memref.load %m[%i, %j] : memref<?x?xf32, strided<[?, ?], offset: ?>>
  // CHECK: llvm.store %[[V]], %{{.*}} : f32, !llvm.ptr
  memref.store %v, %m[%j, %i] : memref<?x?xf32, strided<[?, ?], offset: ?>>
  return
}

// CHECK-LABEL: func.func @alloca_dealloc
func.func @alloca_dealloc() {
  // CHECK: llvm.alloca %{{.*}} x f32 {alignment = 16 : i64} : (i64) -> !llvm.ptr
  %0 = memref.alloca() {alignment = 16 : i64} : memref<2x3xf32>
  %1 = memref.alloc() : memref<4xf32>
  // CHECK: %[[P:.*]] = llvm.extractvalue %{{.*}}[0]
  // CHECK: llvm.call @free(%[[P]]) : (!llvm.ptr) -> ()
  memref.dealloc %1 : memref<4xf32>
  return
}

// CHECK-LABEL: func.func @dims
func.func @dims(%m: memref<?x4xf32>, %u: memref<*xf32>, %k: index) -> (index, index, index, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // CHECK: llvm.extractvalue %{{.*}}[3, 0]
  %0 = memref.dim %m, %c0 : memref<?x4xf32>
  // CHECK: llvm.mlir.constant(4 : index) : i64
  %1 = memref.dim %m, %c1 : memref<?x4xf32>
  // A runtime index reads the sizes array spilled to the stack.
  // CHECK: %[[SIZES:.*]] = llvm.extractvalue %{{.*}}[3]
  // CHECK: %[[SLOT:.*]] = llvm.alloca %{{.*}} x !llvm.array<2 x i64>
  // CHECK: llvm.store %[[SIZES]], %[[SLOT]]
  // CHECK: llvm.getelementptr %[[SLOT]][0, %{{.*}}]
  %2 = memref.dim %m, %k : memref<?x4xf32>
  // An unranked memref's sizes follow the offset in the ranked descriptor.
  // CHECK: llvm.getelementptr %{{.*}}[0, 2] : (!llvm.ptr) -> !llvm.ptr, !llvm.struct<({{.*}})>
  %3 = memref.dim %u, %k : memref<*xf32>
  return %0, %1, %2, %3 : index, index, index, index
}

// CHECK-LABEL: func.func @casts
func.func @casts(%m: memref<?x4xf32>, %u: memref<*xf32>) -> (memref<*xf32>, memref<?xf32>, memref<4x4xf32>) {
  // To unranked: the descriptor goes to the stack, with the rank.
  // CHECK: %[[SLOT:.*]] = llvm.alloca %{{.*}} x !llvm.struct<({{.*}})>
  // CHECK: llvm.store %{{.*}}, %[[SLOT]]
  // CHECK: llvm.mlir.constant(2 : i64) : i64
  %0 = memref.cast %m : memref<?x4xf32> to memref<*xf32>
  // From unranked: load the ranked descriptor.
  // CHECK: %[[PTR:.*]] = llvm.extractvalue %{{.*}}[1] : !llvm.struct<(i64, {{.*}}ptr)>
  // CHECK: llvm.load %[[PTR]] : !llvm.ptr -> !llvm.struct<({{.*}})>
  %1 = memref.cast %u : memref<*xf32> to memref<?xf32>
  // Between ranked types the descriptor stays as it is.
  %2 = memref.cast %m : memref<?x4xf32> to memref<4x4xf32>
  return %0, %1, %2 : memref<*xf32>, memref<?xf32>, memref<4x4xf32>
}

// A constant global's descriptor has the recognizable 0xdeadbeef as its allocated pointer.
// CHECK-LABEL: func.func @get_global
func.func @get_global() -> memref<2x3xf32> {
  // CHECK: %[[ADDR:.*]] = llvm.mlir.addressof @cst : !llvm.ptr
  // CHECK: llvm.getelementptr %[[ADDR]][0, 0, 0] : (!llvm.ptr) -> !llvm.ptr, !llvm.array<2 x {{(!llvm.)?}}array<3 x f32>>
  // CHECK: llvm.mlir.constant(3735928559 : index) : i64
  %0 = memref.get_global @cst : memref<2x3xf32>
  return %0 : memref<2x3xf32>
}

// CHECK-LABEL: func.func @reinterpret_cast
func.func @reinterpret_cast(%m: memref<?xf32>, %o: index) -> memref<2x?xf32, strided<[4, 1], offset: ?>> {
  %c3 = arith.constant 3 : index
  // CHECK: llvm.insertvalue %{{.*}}, %{{.*}}[2]
  // CHECK: llvm.insertvalue %{{.*}}, %{{.*}}[3, 0]
  // CHECK: llvm.insertvalue %{{.*}}, %{{.*}}[4, 0]
  // CHECK: llvm.insertvalue %{{.*}}, %{{.*}}[3, 1]
  // CHECK: llvm.insertvalue %{{.*}}, %{{.*}}[4, 1]
  %0 = memref.reinterpret_cast %m to offset: [%o], sizes: [2, %c3], strides: [4, 1] : memref<?xf32> to memref<2x?xf32, strided<[4, 1], offset: ?>>
  return %0 : memref<2x?xf32, strided<[4, 1], offset: ?>>
}

// Contiguous copies are a memcpy; others go through the runtime's memrefCopy.
// CHECK-LABEL: func.func @copy
func.func @copy(%a: memref<?x?xf32>, %b: memref<?x?xf32>, %s: memref<?x?xf32, strided<[?, ?], offset: ?>>) {
  // CHECK: "llvm.intr.memcpy"(%{{.*}}, %{{.*}}, %{{.*}}) <{isVolatile = false}> : (!llvm.ptr, !llvm.ptr, i64) -> ()
  memref.copy %a, %b : memref<?x?xf32> to memref<?x?xf32>
  // CHECK: %[[SAVED:.*]] = llvm.intr.stacksave : !llvm.ptr
  // CHECK: llvm.call @memrefCopy(%{{.*}}, %{{.*}}, %{{.*}}) : (i64, !llvm.ptr, !llvm.ptr) -> ()
  // CHECK: llvm.intr.stackrestore %[[SAVED]] : !llvm.ptr
  memref.copy %s, %b : memref<?x?xf32, strided<[?, ?], offset: ?>> to memref<?x?xf32>
  return
}

// CHECK-LABEL: func.func @alloca_scope
func.func @alloca_scope() {
  // CHECK: %[[SAVED:.*]] = llvm.intr.stacksave : !llvm.ptr
  // CHECK: llvm.br ^[[BODY:.*]]
  // CHECK: ^[[BODY]]:
  // CHECK: llvm.alloca
  // CHECK: llvm.intr.stackrestore %[[SAVED]] : !llvm.ptr
  // CHECK-NEXT: llvm.br
  memref.alloca_scope {
    %0 = memref.alloca() : memref<4xf32>
  }
  return
}

// CHECK-LABEL: func.func @metadata
func.func @metadata(%m: memref<?x?xf32, strided<[?, 1], offset: ?>>) -> (index, index, index) {
  // CHECK: llvm.extractvalue %{{.*}}[2]
  // CHECK: llvm.extractvalue %{{.*}}[3, 0]
  // CHECK: llvm.extractvalue %{{.*}}[4, 0]
  %base, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %m : memref<?x?xf32, strided<[?, 1], offset: ?>> -> memref<f32>, index, index, index, index, index
  // CHECK: llvm.ptrtoint %{{.*}} : !llvm.ptr to i64
  %p = memref.extract_aligned_pointer_as_index %m : memref<?x?xf32, strided<[?, 1], offset: ?>> -> index
  return %offset, %strides#0, %p : index, index, index
}

// CHECK-LABEL: func.func @transpose
func.func @transpose(%m: memref<?x?xf32>) -> memref<?x?xf32, strided<[1, ?]>> {
  // CHECK: %[[S1:.*]] = llvm.extractvalue %{{.*}}[3, 1]
  // CHECK: llvm.insertvalue %[[S1]], %{{.*}}[3, 0]
  // CHECK: %[[T1:.*]] = llvm.extractvalue %{{.*}}[4, 1]
  // CHECK: llvm.insertvalue %[[T1]], %{{.*}}[4, 0]
  %0 = memref.transpose %m (i, j) -> (j, i) : memref<?x?xf32> to memref<?x?xf32, strided<[1, ?]>>
  return %0 : memref<?x?xf32, strided<[1, ?]>>
}

// CHECK-LABEL: func.func @atomic
func.func @atomic(%m: memref<4xf32>, %i: index, %v: f32) -> f32 {
  // CHECK: %[[ADDR:.*]] = llvm.getelementptr inbounds|nuw %{{.*}}[%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f32
  // CHECK: llvm.atomicrmw fadd %[[ADDR]], %{{.*}} acq_rel : !llvm.ptr, f32
  %0 = memref.atomic_rmw addf %v, %m[%i] : (f32, memref<4xf32>) -> f32
  return %0 : f32
}

// A view shares the buffer from a byte shift, with contiguous strides.
// CHECK-LABEL: func.func @view
func.func @view(%buf: memref<64xi8>, %shift: index, %n: index) -> memref<?x4xf32> {
  // CHECK: %[[BUF:.*]] = llvm.extractvalue %{{.*}}[1]
  // CHECK: llvm.getelementptr %[[BUF]][%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, i8
  // CHECK: llvm.mlir.constant(4 : index) : i64
  %0 = memref.view %buf[%shift][%n] : memref<64xi8> to memref<?x4xf32>
  return %0 : memref<?x4xf32>
}
