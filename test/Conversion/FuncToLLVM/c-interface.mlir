// RUN: mlopt %s --convert-func-to-llvm | FileCheck %s

// A definition gets a wrapper loading the descriptors from pointers; a
// memref result becomes a leading out-pointer.
// CHECK-LABEL: llvm.func @defined(
// CHECK-SAME: -> !llvm.struct<({{.*}}array<1 x i64>{{.*}})> attributes {llvm.emit_c_interface}
// CHECK-LABEL: llvm.func @_mlir_ciface_defined(
// CHECK-SAME: %[[OUT:[^:]*]]: !llvm.ptr, %[[IN:[^:]*]]: !llvm.ptr, %[[N:[^:]*]]: i64) attributes {llvm.emit_c_interface}
// CHECK: %[[D:.*]] = llvm.load %[[IN]] : !llvm.ptr -> !llvm.struct<({{.*}}array<2 x i64>{{.*}})>
// CHECK: llvm.extractvalue %[[D]][0]
// CHECK: %[[R:.*]] = llvm.call @defined(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[N]])
// CHECK: llvm.store %[[R]], %[[OUT]] : !llvm.struct<({{.*}}array<1 x i64>{{.*}})>, !llvm.ptr
// CHECK: llvm.return
func.func @defined(%m: memref<?x?xf32>, %n: i64) -> memref<4xf32> attributes {llvm.emit_c_interface} {
  %r = memref.alloc() : memref<4xf32>
  return %r : memref<4xf32>
}

// A scalar result is returned directly.
// CHECK-LABEL: llvm.func @_mlir_ciface_scalar(%{{.*}}: !llvm.ptr) -> f32
func.func @scalar(%m: memref<*xf32>) -> f32 attributes {llvm.emit_c_interface} {
  %c = arith.constant 1.0 : f32
  return %c : f32
}

// A declaration gets a body calling the external wrapper with descriptors
// stored on the stack.
// CHECK-LABEL: llvm.func private @external(
// CHECK-SAME: %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: i64, %{{.*}}: i64, %{{.*}}: i64) -> !llvm.struct<(i32, f32)>
// CHECK: %[[RES:.*]] = llvm.alloca %{{.*}} x !llvm.struct<(i32, f32)> : (i64) -> !llvm.ptr
// CHECK: %[[SLOT:.*]] = llvm.alloca %{{.*}} x !llvm.struct<({{.*}}array<1 x i64>{{.*}})>
// CHECK: llvm.store %{{.*}}, %[[SLOT]]
// CHECK: llvm.call @_mlir_ciface_external(%[[RES]], %[[SLOT]]) : (!llvm.ptr, !llvm.ptr) -> ()
// CHECK: %[[V:.*]] = llvm.load %[[RES]] : !llvm.ptr -> !llvm.struct<(i32, f32)>
// CHECK: llvm.return %[[V]]
// CHECK: llvm.func @_mlir_ciface_external(!llvm.ptr, !llvm.ptr)
func.func private @external(memref<?xf32>) -> (i32, f32) attributes {llvm.emit_c_interface}
