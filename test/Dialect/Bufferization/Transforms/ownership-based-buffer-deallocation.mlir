// RUN: mlopt %s --ownership-based-buffer-deallocation --split-input-file | FileCheck %s
// RUN: mlopt %s --ownership-based-buffer-deallocation=private-function-dynamic-ownership --split-input-file | FileCheck %s --check-prefix=DYNAMIC

// An allocation in a loop body is owned by the body and freed at its end.

// CHECK-LABEL: func.func @alloc_in_loop
// CHECK: scf.for
// CHECK: %[[TRUE:[^ ]+]] = arith.constant true
// CHECK-NEXT: %[[A:[^ ]+]] = memref.alloc() : memref<4xf32>
// CHECK: %[[BASE:[^ ,]+]], %{{.*}} = memref.extract_strided_metadata %[[A]]
// CHECK-NEXT: bufferization.dealloc (%[[BASE]] : memref<f32>) if (%[[TRUE]]){{$}}
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @alloc_in_loop(%n: index, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %a = memref.alloc() : memref<4xf32>
    memref.store %v, %a[%c0] : memref<4xf32>
  }
  return
}

// -----

// Region results carry their ownership as extra i1 results; what is returned
// is owned by the caller, so a value not owned here is cloned.

// CHECK-LABEL: func.func @select
// CHECK: %[[A:[^ ]+]] = memref.alloc()
// CHECK: %[[B:[^ ]+]] = memref.alloc()
// CHECK: %[[R:[^ ,]+]]:2 = scf.if %{{.*}} -> (memref<4xf32>, i1) {
// CHECK:   %[[U0:[^ ]+]] = bufferization.dealloc retain (%[[A]] : memref<4xf32>)
// CHECK:   scf.yield %[[A]], %[[U0]] : memref<4xf32>, i1
// CHECK: } else {
// CHECK:   %[[U1:[^ ]+]] = bufferization.dealloc retain (%[[B]] : memref<4xf32>)
// CHECK:   scf.yield %[[B]], %[[U1]] : memref<4xf32>, i1
// CHECK: %[[RET:[^ ]+]] = scf.if %[[R]]#1 -> (memref<4xf32>) {
// CHECK:   scf.yield %[[R]]#0
// CHECK: } else {
// CHECK:   %[[CLONE:[^ ]+]] = bufferization.clone %[[R]]#0
// CHECK:   scf.yield %[[CLONE]]
// CHECK: bufferization.dealloc ({{.*}}) if (%{{[^,]+}}, %{{[^,]+}}, %[[R]]#1, %{{[^,]+}}) retain (%[[RET]] : memref<4xf32>)
// CHECK: return %[[RET]]
func.func @select(%c: i1) -> memref<4xf32> {
  %a = memref.alloc() : memref<4xf32>
  %b = memref.alloc() : memref<4xf32>
  %r = scf.if %c -> memref<4xf32> {
    scf.yield %a : memref<4xf32>
  } else {
    scf.yield %b : memref<4xf32>
  }
  return %r : memref<4xf32>
}

// -----

// Loop-carried buffers: the init value stays owned outside (false inside);
// the body frees the previous iteration's buffer when it owns it.

// CHECK-LABEL: func.func @carried
// CHECK: %[[INIT:[^ ]+]] = memref.alloc()
// CHECK: %[[FALSE:[^ ]+]] = arith.constant false
// CHECK: %[[R:[^ ,]+]]:2 = scf.for {{.*}} iter_args(%[[ACC:[^ ]+]] = %[[INIT]], %[[ACC_OWN:[^ ]+]] = %[[FALSE]]) -> (memref<4xf32>, i1) {
// CHECK:   %[[T:[^ ]+]] = arith.constant true
// CHECK:   %[[NEW:[^ ]+]] = memref.alloc()
// CHECK:   %[[U:[^ ]+]] = bufferization.dealloc (%{{[^,]+}}, %{{[^ ]+}} : memref<f32>, memref<f32>) if (%[[ACC_OWN]], %[[T]]) retain (%[[NEW]] : memref<4xf32>)
// CHECK:   scf.yield %[[NEW]], %[[U]] : memref<4xf32>, i1
// CHECK: bufferization.dealloc (%{{[^,]+}}, %{{[^ ]+}} : memref<f32>, memref<f32>) if (%{{[^,]+}}, %[[R]]#1){{$}}
func.func @carried(%n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %init = memref.alloc() : memref<4xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %init) -> memref<4xf32> {
    %a = memref.alloc() : memref<4xf32>
    memref.copy %acc, %a : memref<4xf32> to memref<4xf32>
    scf.yield %a : memref<4xf32>
  }
  %v = memref.load %r[%c0] : memref<4xf32>
  return %v : f32
}

// -----

// scf.while threads ownership through both regions.

// CHECK-LABEL: func.func @while_loop
// CHECK: scf.while (%{{[^ ]+}} = %{{[^,]+}}, %{{[^ ]+}} = %{{[^)]+}}) : (memref<4xf32>, i1) -> (memref<4xf32>, i1) {
// CHECK: scf.condition(%{{[^)]+}}) %{{[^,]+}}, %{{[^ ]+}} : memref<4xf32>, i1
// CHECK: ^bb0(%{{[^:]+}}: memref<4xf32>, %{{[^:]+}}: i1):
// CHECK: scf.yield %{{[^,]+}}, %{{[^ ]+}} : memref<4xf32>, i1
func.func @while_loop(%c: i1) {
  %init = memref.alloc() : memref<4xf32>
  %r = scf.while (%acc = %init) : (memref<4xf32>) -> memref<4xf32> {
    scf.condition(%c) %acc : memref<4xf32>
  } do {
  ^bb0(%x: memref<4xf32>):
    %a = memref.alloc() : memref<4xf32>
    scf.yield %a : memref<4xf32>
  }
  return
}

// -----

// Arguments are not owned; call results are. With dynamic ownership a
// private function reports the ownership of what it returns.

// CHECK-LABEL: func.func private @callee
// CHECK-SAME: (%{{[^:]+}}: memref<4xf32>) -> memref<4xf32>
// CHECK: bufferization.clone
// DYNAMIC-LABEL: func.func private @callee
// DYNAMIC-SAME: (%{{[^:]+}}: memref<4xf32>) -> (memref<4xf32>, i1)
// DYNAMIC-NOT: bufferization.clone
// DYNAMIC: %[[U:[^ ]+]] = bufferization.dealloc ({{.*}}) retain (%[[M:[^ ]+]] : memref<4xf32>)
// DYNAMIC: return %[[M]], %[[U]] : memref<4xf32>, i1
func.func private @callee(%m: memref<4xf32>) -> memref<4xf32> {
  return %m : memref<4xf32>
}

// CHECK-LABEL: func.func @caller
// CHECK: memref.alloc()
// CHECK-NEXT: %[[TRUE:[^ ]+]] = arith.constant true
// CHECK-NEXT: %[[R:[^ ]+]] = call @callee
// CHECK: bufferization.dealloc (%{{[^,]+}}, %{{[^ ]+}} : memref<f32>, memref<f32>) if (%{{[^,]+}}, %[[TRUE]]){{$}}
// DYNAMIC-LABEL: func.func @caller
// DYNAMIC: %[[R:[^ ,]+]]:2 = call @callee(%{{[^)]+}}) : (memref<4xf32>) -> (memref<4xf32>, i1)
// DYNAMIC: bufferization.dealloc (%{{[^,]+}}, %{{[^ ]+}} : memref<f32>, memref<f32>) if (%{{[^,]+}}, %[[R]]#1){{$}}
func.func @caller() -> f32 {
  %c0 = arith.constant 0 : index
  %m = memref.alloc() : memref<4xf32>
  %r = call @callee(%m) : (memref<4xf32>) -> memref<4xf32>
  %v = memref.load %r[%c0] : memref<4xf32>
  return %v : f32
}

// -----

// Stack allocations and globals are never freed; a view takes the ownership
// of its source.

// CHECK-LABEL: func.func @not_owned
// CHECK: %[[FALSE:[^ ]+]] = arith.constant false
// CHECK: memref.alloca
// CHECK: memref.get_global
// CHECK: %[[TRUE:[^ ]+]] = arith.constant true
// CHECK: %[[A:[^ ]+]] = memref.alloc()
// CHECK: %[[V:[^ ]+]] = memref.subview %[[A]]
// CHECK: bufferization.dealloc (%{{[^ ]+}} : memref<f32>) if (%[[TRUE]]) retain (%[[V]] : memref<2xf32, strided<[1], offset: 1>>)
memref.global "private" constant @g : memref<4xf32> = dense<1.0>
func.func @not_owned() -> memref<2xf32, strided<[1], offset: 1>> {
  %s = memref.alloca() : memref<4xf32>
  %g = memref.get_global @g : memref<4xf32>
  %a = memref.alloc() : memref<4xf32>
  %v = memref.subview %a[1] [2] [1] : memref<4xf32> to memref<2xf32, strided<[1], offset: 1>>
  return %v : memref<2xf32, strided<[1], offset: 1>>
}

// -----

// Branches: one dealloc per edge, each freeing only when that edge is taken;
// ownership of forwarded memrefs travels as extra i1 block arguments.

// CHECK-LABEL: func.func @branches
// CHECK-SAME: (%[[C:[^:]+]]: i1)
// CHECK: %[[A:[^ ]+]] = memref.alloc()
// CHECK: %[[NOT_C:[^ ]+]] = arith.xori %[[C]], %{{[^ ]+}} : i1
// CHECK: %[[THEN_COND:[^ ]+]] = arith.andi %{{[^,]+}}, %[[C]] : i1
// CHECK: %[[THEN:[^ ]+]] = bufferization.dealloc (%{{[^ ]+}} : memref<f32>) if (%[[THEN_COND]]) retain (%[[A]] : memref<2xf32>)
// CHECK: %[[ELSE_COND:[^ ]+]] = arith.andi %{{[^,]+}}, %[[NOT_C]] : i1
// CHECK: %[[ELSE:[^ ]+]] = bufferization.dealloc (%{{[^ ]+}} : memref<f32>) if (%[[ELSE_COND]]) retain (%[[A]] : memref<2xf32>)
// CHECK: %[[LIVE:[^ ]+]] = arith.select %[[C]], %[[THEN]], %{{[^ ]+}} : i1
// CHECK: cf.cond_br %[[C]], ^bb1, ^bb2(%[[A]], %[[ELSE]] : memref<2xf32>, i1)
// CHECK: ^bb1:
// CHECK: %[[B:[^ ]+]] = memref.alloc()
// CHECK: %[[OWN_B:[^ ]+]] = bufferization.dealloc (%{{[^,]+}}, %{{[^ ]+}} : memref<f32>, memref<f32>) if (%[[LIVE]], %{{[^)]+}}) retain (%[[B]] : memref<2xf32>)
// CHECK: cf.br ^bb2(%[[B]], %[[OWN_B]] : memref<2xf32>, i1)
// CHECK: ^bb2(%[[R:[^:]+]]: memref<2xf32>, %[[OWN_R:[^:]+]]: i1):
// CHECK: scf.if %[[OWN_R]] -> (memref<2xf32>)
func.func @branches(%c: i1) -> memref<2xf32> {
  %a = memref.alloc() : memref<2xf32>
  cf.cond_br %c, ^bb1, ^bb2(%a : memref<2xf32>)
^bb1:
  %b = memref.alloc() : memref<2xf32>
  memref.copy %a, %b : memref<2xf32> to memref<2xf32>
  cf.br ^bb2(%b : memref<2xf32>)
^bb2(%r: memref<2xf32>):
  return %r : memref<2xf32>
}
