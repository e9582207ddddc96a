// RUN: mlopt %s --scf-for-loop-canonicalization --split-input-file | FileCheck %s

func.func private @use(index)

// 4 divides the range: min(16 - iv, 4) is always 4.

// CHECK-LABEL: func.func @min_divisible
//       CHECK: %[[C4:.*]] = arith.constant 4 : index
//       CHECK: scf.for
//  CHECK-NEXT:   func.call @use(%[[C4]])
func.func @min_divisible() {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  scf.for %i = %c0 to %c16 step %c4 {
    %s = affine.min affine_map<(d0) -> (-d0 + 16, 4)>(%i)
    func.call @use(%s) : (index) -> ()
  }
  return
}

// It does not divide 10: the last tile is smaller, the min stays.

// CHECK-LABEL: func.func @min_not_divisible
//       CHECK: scf.for
//  CHECK-NEXT:   %[[M:.*]] = affine.min
//  CHECK-NEXT:   func.call @use(%[[M]])
func.func @min_not_divisible() {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c10 = arith.constant 10 : index
  scf.for %i = %c0 to %c10 step %c4 {
    %s = affine.min affine_map<(d0) -> (-d0 + 10, 4)>(%i)
    func.call @use(%s) : (index) -> ()
  }
  return
}

// iv >= 4 > 2 in every iteration: max(iv, 2) is iv.

// CHECK-LABEL: func.func @max_iv
//       CHECK: scf.for %[[IV:[^ ]+]] =
//  CHECK-NEXT:   func.call @use(%[[IV]])
func.func @max_iv() {
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %c16 = arith.constant 16 : index
  scf.for %i = %c4 to %c16 step %c4 {
    %s = affine.max affine_map<(d0) -> (d0, 2)>(%i)
    func.call @use(%s) : (index) -> ()
  }
  return
}

// -----

// The loop only inserts slices into its tensor: its size is the init's,
// inside the loop and after it.

// CHECK-LABEL: func.func @dim_of_iter_arg
//  CHECK-SAME: (%[[T:.*]]: tensor<?x8xf32>,
//       CHECK: scf.for
//       CHECK:   %[[D:.*]] = tensor.dim %[[T]], %{{.*}} : tensor<?x8xf32>
//       CHECK:   func.call @use(%[[D]])
//       CHECK: %[[D2:.*]] = tensor.dim %[[T]], %{{.*}} : tensor<?x8xf32>
//       CHECK: return %[[D2]]
func.func private @use(index)

func.func @dim_of_iter_arg(%t: tensor<?x8xf32>, %n: index) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %t) -> (tensor<?x8xf32>) {
    %d = tensor.dim %a, %c0 : tensor<?x8xf32>
    func.call @use(%d) : (index) -> ()
    %e = tensor.empty() : tensor<2x8xf32>
    %u = tensor.insert_slice %e into %a[0, 0] [2, 8] [1, 1] : tensor<2x8xf32> into tensor<?x8xf32>
    scf.yield %u : tensor<?x8xf32>
  }
  %d2 = tensor.dim %r, %c0 : tensor<?x8xf32>
  return %d2 : index
}
