// RUN: mlopt %s --split-input-file --verify-diagnostics --convert-func-to-llvm='use-bare-ptr-memref-call-conv=1' | FileCheck %s

// With bare pointers, a static memref is one pointer: the aligned one as an
// argument, the allocated one as a result; the callee rebuilds a descriptor
// of the static shape. No C wrapper is emitted.
// CHECK-LABEL: llvm.func @callee(
// CHECK-SAME: %[[P:[^:]*]]: !llvm.ptr, %{{.*}}: i64) -> !llvm.ptr
// CHECK: llvm.insertvalue %[[P]], %{{.*}}[0]
// CHECK: llvm.insertvalue %[[P]], %{{.*}}[1]
// CHECK: llvm.mlir.constant(8 : index) : i64
// CHECK: %[[D:.*]] = llvm.insertvalue %{{.*}}, %{{.*}}[4, 1]
// CHECK: %[[A:.*]] = llvm.extractvalue %[[D]][0]
// CHECK: llvm.return %[[A]] : !llvm.ptr
func.func @callee(%a: memref<4x8xf32>, %i: index) -> memref<4x8xf32> attributes {llvm.emit_c_interface} {
  return %a : memref<4x8xf32>
}
// CHECK-NOT: _mlir_ciface

// CHECK-LABEL: llvm.func @caller
// CHECK: %[[ALIGNED:.*]] = llvm.extractvalue %{{.*}}[1]
// CHECK: llvm.call @callee(%[[ALIGNED]], %{{.*}}) : (!llvm.ptr, i64) -> !llvm.ptr
func.func @caller(%a: memref<4x8xf32>) -> memref<4x8xf32> {
  %c = arith.constant 1 : index
  %r = call @callee(%a, %c) : (memref<4x8xf32>, index) -> memref<4x8xf32>
  return %r : memref<4x8xf32>
}

// -----

// expected-error@+1 {{cannot use the bare pointer calling convention for memref<?xf32>}}
func.func @dynamic(%a: memref<?xf32>) {
  return
}
