// RUN: mlopt %s --affine-super-vectorize="virtual-vector-size=8 vectorize-reductions" --split-input-file | FileCheck %s

// An elementwise loop: transfers at the induction variable, vector arith,
// a splat for the constant, the value from outside broadcast before the loop.

// CHECK-LABEL: func.func @elementwise
//  CHECK-SAME: (%[[A:.*]]: memref<128xf32>, %[[B:.*]]: memref<128xf32>, %[[F:.*]]: f32)
//       CHECK: %[[FV:.*]] = vector.broadcast %[[F]] : f32 to vector<8xf32>
//       CHECK: affine.for %[[I:[^ ]+]] = 0 to 128 step 8 {
//       CHECK:   %[[X:.*]] = vector.transfer_read %[[A]][%[[I]]], %{{.*}} : memref<128xf32>, vector<8xf32>
//       CHECK:   %[[S:.*]] = arith.addf %[[X]], %[[FV]] : vector<8xf32>
//       CHECK:   %[[TWO:.*]] = arith.constant dense<2.000000e+00> : vector<8xf32>
//       CHECK:   %[[P:.*]] = arith.mulf %[[S]], %[[TWO]] : vector<8xf32>
//       CHECK:   vector.transfer_write %[[P]], %[[B]][%[[I]]] {{.*}}: vector<8xf32>, memref<128xf32>
func.func @elementwise(%a: memref<128xf32>, %b: memref<128xf32>, %f: f32) {
  affine.for %i = 0 to 128 {
    %x = affine.load %a[%i] : memref<128xf32>
    %s = arith.addf %x, %f : f32
    %two = arith.constant 2.0 : f32
    %p = arith.mulf %s, %two : f32
    affine.store %p, %b[%i] : memref<128xf32>
  }
  return
}

// Only the innermost loop, whose induction variable indexes the fastest
// varying dimension.

// CHECK-LABEL: func.func @rows
//       CHECK: affine.for %[[I:[^ ]+]] = 0 to 16 {
//       CHECK:   affine.for %[[J:[^ ]+]] = 0 to 64 step 8 {
//       CHECK:     %[[V:.*]] = vector.transfer_read %{{.*}}[%[[I]], %[[J]]], %{{.*}} : memref<16x64xf32>, vector<8xf32>
//       CHECK:     vector.transfer_write %[[V]], %{{.*}}[%[[I]], %[[J]]] {{.*}}: vector<8xf32>, memref<16x64xf32>
func.func @rows(%a: memref<16x64xf32>, %b: memref<16x64xf32>) {
  affine.for %i = 0 to 16 {
    affine.for %j = 0 to 64 {
      %x = affine.load %a[%i, %j] : memref<16x64xf32>
      affine.store %x, %b[%i, %j] : memref<16x64xf32>
    }
  }
  return
}

// -----

// A sum: the vector accumulator starts at zero, is reduced after the loop
// and added to the initial value.

// CHECK-LABEL: func.func @sum
//  CHECK-SAME: (%[[A:.*]]: memref<256xf32>, %[[INIT:.*]]: f32)
//       CHECK: %[[Z:.*]] = arith.constant dense<0.000000e+00> : vector<8xf32>
//       CHECK: %[[R:.*]] = affine.for %{{.*}} = 0 to 256 step 8 iter_args(%[[ACC:.*]] = %[[Z]]) -> (vector<8xf32>) {
//       CHECK:   %[[X:.*]] = vector.transfer_read %[[A]]
//       CHECK:   %[[S:.*]] = arith.addf %[[ACC]], %[[X]] : vector<8xf32>
//       CHECK:   affine.yield %[[S]] : vector<8xf32>
//       CHECK: %[[RED:.*]] = vector.reduction <add>, %[[R]] : vector<8xf32> into f32
//       CHECK: %[[TOTAL:.*]] = arith.addf %[[INIT]], %[[RED]] : f32
//       CHECK: return %[[TOTAL]]
func.func @sum(%a: memref<256xf32>, %init: f32) -> f32 {
  %r = affine.for %i = 0 to 256 iter_args(%acc = %init) -> f32 {
    %x = affine.load %a[%i] : memref<256xf32>
    %s = arith.addf %acc, %x : f32
    affine.yield %s : f32
  }
  return %r : f32
}

// -----

// Left scalar: a trip count 8 does not divide (mlopt never reads or writes
// past the loop's range), a column access (stride 16), and a use of the
// induction variable as a value.

// CHECK-LABEL: func.func @left_alone
//   CHECK-NOT: vector.
//       CHECK: return
func.func @left_alone(%a: memref<100xf32>, %m: memref<16x16xf32>, %o: memref<16xindex>) {
  affine.for %i = 0 to 100 {
    %x = affine.load %a[%i] : memref<100xf32>
    affine.store %x, %a[%i] : memref<100xf32>
  }
  affine.for %i = 0 to 16 {
    %x = affine.load %m[%i, 0] : memref<16x16xf32>
    affine.store %x, %m[%i, 1] : memref<16x16xf32>
  }
  affine.for %i = 0 to 16 {
    affine.store %i, %o[%i] : memref<16xindex>
  }
  return
}

// -----

// Each iteration reads what the previous one wrote: not parallel, left alone.

// CHECK-LABEL: func.func @carried
//   CHECK-NOT: vector.
//       CHECK: return
func.func @carried(%a: memref<65xf32>) {
  affine.for %i = 0 to 64 {
    %x = affine.load %a[%i] : memref<65xf32>
    affine.store %x, %a[%i + 1] : memref<65xf32>
  }
  return
}
