// RUN: mlopt %s --canonicalize --split-input-file | FileCheck %s

// index ops fold only when the result is the same on 32-bit and 64-bit targets.

// CHECK-LABEL: func.func @folds
// CHECK-DAG: %[[SUM:.*]] = index.constant 7000002101
// CHECK-DAG: %[[QUOTIENT:.*]] = index.constant -3
// CHECK-DAG: %[[CEIL:.*]] = index.constant 2147483648
// CHECK-DAG: %[[SHIFTED:.*]] = index.constant 512
// CHECK: return %[[SUM]], %[[QUOTIENT]], %[[CEIL]], %[[SHIFTED]]
func.func @folds() -> (index, index, index, index) {
  %a = index.constant 3000000001
  %b = index.constant 4000002100
  %sum = index.add %a, %b
  %m5 = index.constant -5
  %two = index.constant 2
  %floor = index.floordivs %m5, %two
  %int_min = index.constant -2147483648
  %m1 = index.constant -1
  %ceil = index.ceildivs %int_min, %m1
  %c128 = index.constant 128
  %shifted = index.shl %c128, %two
  return %sum, %floor, %ceil, %shifted : index, index, index, index
}

// -----

// CHECK-LABEL: func.func @width_dependent_results_stay
// CHECK: index.divs
// CHECK: index.divu
// CHECK: index.shl
// CHECK: index.cmp slt
func.func @width_dependent_results_stay() -> (index, index, index, i1) {
  %big = index.constant 0x100000000
  %zero = index.constant 0
  %two = index.constant 2
  %one = index.constant 1
  %c32 = index.constant 32
  %halved = index.divs %big, %two
  %by_zero = index.divu %two, %zero
  %wide_shift = index.shl %one, %c32
  %less = index.cmp slt(%one, %big)
  return %halved, %by_zero, %wide_shift, %less : index, index, index, i1
}

// -----

// CHECK-LABEL: func.func @comparisons_and_identities
// CHECK-SAME: (%[[X:.*]]: index)
// CHECK-DAG: %[[TRUE:.*]] = index.bool.constant true
// CHECK-DAG: %[[FALSE:.*]] = index.bool.constant false
// CHECK-DAG: %[[ZERO:.*]] = index.constant 0
// CHECK: return %[[TRUE]], %[[FALSE]], %[[TRUE]], %[[X]], %[[X]], %[[ZERO]]
func.func @comparisons_and_identities(%x: index) -> (i1, i1, i1, index, index, index) {
  %zero = index.constant 0
  %one = index.constant 1
  %m1 = index.constant -1
  %ugt = index.cmp ugt(%m1, %zero)
  %slt = index.cmp slt(%zero, %m1)
  %same = index.cmp sge(%x, %x)
  %plus0 = index.add %x, %zero
  %times1 = index.mul %x, %one
  %times0 = index.mul %x, %zero
  return %ugt, %slt, %same, %plus0, %times1, %times0 : i1, i1, i1, index, index, index
}

// -----

// CHECK-LABEL: func.func @casts
// CHECK-DAG: %[[S:.*]] = index.constant -1000
// CHECK-DAG: %[[U:.*]] = index.constant 255
// CHECK: return %[[S]], %[[U]]
func.func @casts() -> (index, index) {
  %a = arith.constant -1000 : i48
  %b = arith.constant -1 : i8
  %s = index.casts %a : i48 to index
  %u = index.castu %b : i8 to index
  return %s, %u : index, index
}
