// RUN: mlopt %s --transform-interpreter | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --transform-interpreter | FileCheck %s %}

// apply_patterns.vector.lower_transfer: 1-D transfers in bounds along the
// contiguous innermost dimension, unmasked, become vector.load and
// vector.store; the others stay (masked ones too, unlike upstream, which
// makes them vector.maskedload/maskedstore). transform.annotate then sets the stores'
// nontemporal flag (a name the op defines is its property, as upstream).

// CHECK-LABEL: func.func @lowered
// CHECK-SAME: (%[[M:[^:]*]]: memref<8x128xf32>, %[[I:[^:]*]]: index, %[[V:[^:]*]]: vector<16xf32>)
// CHECK: %[[LOADED:.*]] = vector.load %[[M]][%[[I]], %[[I]]] : memref<8x128xf32>, vector<16xf32>
// CHECK: vector.store %[[V]], %[[M]][%[[I]], %[[I]]] {nontemporal = true} : memref<8x128xf32>, vector<16xf32>
// CHECK: return %[[LOADED]]
func.func @lowered(%m: memref<8x128xf32>, %i: index, %v: vector<16xf32>) -> vector<16xf32> {
  %pad = arith.constant 0.0 : f32
  %r = vector.transfer_read %m[%i, %i], %pad {in_bounds = [true]} : memref<8x128xf32>, vector<16xf32>
  vector.transfer_write %v, %m[%i, %i] {in_bounds = [true]} : vector<16xf32>, memref<8x128xf32>
  return %r : vector<16xf32>
}

// CHECK-LABEL: func.func @kept
// CHECK-COUNT-2: vector.transfer_read
// CHECK-NOT: vector.load
func.func @kept(%m: memref<8x128xf32>, %i: index) -> (vector<16xf32>, vector<8xf32>) {
  %pad = arith.constant 0.0 : f32
  // may run past the end of the row
  %r = vector.transfer_read %m[%i, %i], %pad : memref<8x128xf32>, vector<16xf32>
  // along the outer dimension
  %c = vector.transfer_read %m[%i, %i], %pad {in_bounds = [true], permutation_map = affine_map<(d0, d1) -> (d0)>} : memref<8x128xf32>, vector<8xf32>
  return %r, %c : vector<16xf32>, vector<8xf32>
}

// A transfer inside vector.mask is masked by it: a plain load or store
// would read or write the masked-off lanes too.
// CHECK-LABEL: func.func @inside_mask
// CHECK-NOT: vector.load
// CHECK: vector.mask %{{.*}} { vector.transfer_read
// CHECK-NOT: vector.store
// CHECK: vector.mask %{{.*}} { vector.transfer_write
// CHECK-NOT: vector.store
// CHECK: return
func.func @inside_mask(%m: memref<8x128xf32>, %i: index, %mask: vector<16xi1>) -> vector<16xf32> {
  %pad = arith.constant 0.0 : f32
  %r = vector.mask %mask { vector.transfer_read %m[%i, %i], %pad {in_bounds = [true]} : memref<8x128xf32>, vector<16xf32> } : vector<16xi1> -> vector<16xf32>
  vector.mask %mask { vector.transfer_write %r, %m[%i, %i] {in_bounds = [true]} : vector<16xf32>, memref<8x128xf32> } : vector<16xi1>
  return %r : vector<16xf32>
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%module: !transform.any_op {transform.readonly}) {
    %functions = transform.structured.match ops{["func.func"]} in %module : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %functions {
      transform.apply_patterns.vector.lower_transfer max_transfer_rank = 1
    } : !transform.any_op
    %stores = transform.structured.match ops{["vector.store"]} in %module : (!transform.any_op) -> !transform.any_op
    %nontemporal = transform.param.constant true -> !transform.any_param
    transform.annotate %stores "nontemporal" = %nontemporal : !transform.any_op, !transform.any_param
    transform.yield
  }
}
