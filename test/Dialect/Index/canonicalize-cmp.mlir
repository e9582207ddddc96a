// RUN: mlopt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --split-input-file --canonicalize | FileCheck %s %}

// CHECK-LABEL: func.func @difference_against_zero
// CHECK-SAME: (%[[A:[^:]*]]: index, %[[B:[^:]*]]: index)
// CHECK-DAG: %[[LT:.*]] = index.cmp ult(%[[A]], %[[B]])
// CHECK-DAG: %[[GE:.*]] = index.cmp sge(%[[B]], %[[A]])
// CHECK: return %[[LT]], %[[GE]]
func.func @difference_against_zero(%a: index, %b: index) -> (i1, i1) {
  %zero = index.constant 0
  %d = index.sub %a, %b
  %0 = index.cmp ult(%d, %zero)
  %1 = index.cmp sge(%zero, %d)
  return %0, %1 : i1, i1
}

// -----

// The range of a max or min with a constant decides some comparisons.

// CHECK-LABEL: func.func @bounded_by_max_or_min
// CHECK-SAME: (%[[X:[^:]*]]: index)
// CHECK-DAG: %[[TRUE:.*]] = index.bool.constant true
// CHECK-DAG: %[[FALSE:.*]] = index.bool.constant false
// CHECK-DAG: %[[MIN:.*]] = index.mins %[[X]], %{{.*}}
// CHECK-DAG: %[[OPEN:.*]] = index.cmp sgt(%[[MIN]], %{{.*}})
// CHECK: return %[[TRUE]], %[[FALSE]], %[[TRUE]], %[[OPEN]]
func.func @bounded_by_max_or_min(%x: index) -> (i1, i1, i1, i1) {
  %c2 = index.constant 2
  %c3 = index.constant 3
  %c9 = index.constant 9
  %max = index.maxs %x, %c3
  %0 = index.cmp sge(%max, %c2)
  %1 = index.cmp eq(%max, %c2)
  %minu = index.minu %x, %c3
  %2 = index.cmp ule(%minu, %c9)
  %min = index.mins %x, %c3
  %3 = index.cmp sgt(%min, %c2)
  return %0, %1, %2, %3 : i1, i1, i1, i1
}
