// Affine expressions are simplified as they are built, in upstream's order:
// a term with a dimension before a symbolic one, constants on the right,
// like terms merged, e - (e floordiv c) * c as e mod c; products of sums kept.
// RUN: mlopt %s | FileCheck %s
// RUN: mlopt %s | mlopt | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s | FileCheck %s %}

// CHECK-DAG: #[[ORDER:.+]] = affine_map<(d0, d1)[s0] -> (d1 * 4 + s0 + d0 * 2 + 3)>
// CHECK-DAG: #[[PRODUCT:.+]] = affine_map<(d0, d1) -> ((d0 + d1) * 2)>
// CHECK-DAG: #[[MOD:.+]] = affine_map<(d0) -> (d0 mod 4)>
// CHECK-DAG: #[[LIKE:.+]] = affine_map<(d0, d1) -> (d0 * 5 + d1)>
// CHECK-DAG: #[[CONSTANT:.+]] = affine_map<(d0, d1) -> (d0 + d1 + 2)>
// CHECK-DAG: #[[SYMBOLIC:.+]] = affine_map<(d0)[s0] -> (d0 * 3 + s0 * 2)>
// CHECK-DAG: #[[ZERO:.+]] = affine_map<(d0, d1) -> (0)>
// CHECK-DAG: #[[SCALED:.+]] = affine_map<(d0) -> (d0 * 6)>
// CHECK-DAG: #[[SET:.+]] = affine_set<(d0)[s0] : (-d0 + s0 >= 0)>

// CHECK-LABEL: func.func @expressions
func.func @expressions(%i: index, %j: index, %s: index) {
  // CHECK-NEXT: affine.apply #[[ORDER]](%arg0, %arg1)[%arg2]
  // CHECK-NEXT: affine.apply #[[PRODUCT]](%arg0, %arg1)
  // CHECK-NEXT: affine.apply #[[MOD]](%arg0)
  // CHECK-NEXT: affine.apply #[[LIKE]](%arg0, %arg1)
  // CHECK-NEXT: affine.apply #[[CONSTANT]](%arg0, %arg1)
  // CHECK-NEXT: affine.apply #[[SYMBOLIC]](%arg0)[%arg2]
  // CHECK-NEXT: affine.apply #[[ZERO]](%arg0, %arg1)
  // CHECK-NEXT: affine.apply #[[SCALED]](%arg0)
  // CHECK-NEXT: affine.if #[[SET]](%arg0)[%arg2]
  %0 = affine.apply affine_map<(d0, d1)[s0] -> (s0 + d1 * 4 + d0 * 2 + 3)>(%i, %j)[%s]
  %1 = affine.apply affine_map<(d0, d1) -> ((d0 + d1) * 2)>(%i, %j)
  %2 = affine.apply affine_map<(d0) -> (d0 - (d0 floordiv 4) * 4)>(%i)
  %3 = affine.apply affine_map<(d0, d1) -> (d0 * 2 + d0 * 3 + d1)>(%i, %j)
  %4 = affine.apply affine_map<(d0, d1) -> (d0 + 2 + d1)>(%i, %j)
  %5 = affine.apply affine_map<(d0)[s0] -> (2 * s0 + 3 * d0)>(%i)[%s]
  %6 = affine.apply affine_map<(d0, d1) -> (d0 * 0 + d1 - d1)>(%i, %j)
  %7 = affine.apply affine_map<(d0) -> (3 * (d0 * 2))>(%i)
  affine.if affine_set<(d0)[s0] : (s0 - d0 >= 0)>(%i)[%s] {
  }
  return
}
