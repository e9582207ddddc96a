// RUN: mlopt %s --split-input-file --convert-vector-to-llvm | FileCheck %s --check-prefix=DOT
// RUN: mlopt %s --split-input-file --convert-vector-to-llvm=vector-contract-lowering=outerproduct | FileCheck %s --check-prefix=OUTER

#mk = affine_map<(m, n, k) -> (m, k)>
#kn = affine_map<(m, n, k) -> (k, n)>
#mn = affine_map<(m, n, k) -> (m, n)>

// dot (the default): one fadd reduction per result element, starting from
// the accumulator's element. outerproduct: one fmuladd per reduction index
// and result row, on whole rows.
// DOT-LABEL: func.func @matmul
// DOT-COUNT-4: llvm.intr.vector.reduce.fadd
// DOT-NOT: llvm.intr.vector.reduce.fadd
// OUTER-LABEL: func.func @matmul
// OUTER-NOT: llvm.intr.vector.reduce
// OUTER: %[[A00:.*]] = llvm.extractelement
// OUTER: %[[SPLAT:.*]] = llvm.shufflevector %{{.*}}, %{{.*}} [0, 0] : vector<2xf32>
// OUTER: %[[ACC0:.*]] = llvm.extractvalue %{{.*}}[0] : !llvm.array<2 x vector<2xf32>>
// OUTER: llvm.intr.fmuladd(%[[SPLAT]], %{{.*}}, %[[ACC0]]) : (vector<2xf32>, vector<2xf32>, vector<2xf32>) -> vector<2xf32>
// OUTER-COUNT-5: llvm.intr.fmuladd
// OUTER-NOT: llvm.intr.fmuladd
func.func @matmul(%a: vector<2x3xf32>, %b: vector<3x2xf32>, %c: vector<2x2xf32>) -> vector<2x2xf32> {
  %0 = vector.contract {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %a, %b, %c : vector<2x3xf32>, vector<3x2xf32> into vector<2x2xf32>
  return %0 : vector<2x2xf32>
}

// -----

// A matrix-vector product: the outerproduct strategy scales the columns of
// the matrix by the vector's elements (AXPY).
// OUTER-LABEL: func.func @matvec
// OUTER-COUNT-2: llvm.intr.fmuladd(%{{.*}}, %{{.*}}, %{{.*}}) : (vector<3xf32>, vector<3xf32>, vector<3xf32>) -> vector<3xf32>
// OUTER-NOT: llvm.intr.fmuladd
// DOT-LABEL: func.func @matvec
// DOT-COUNT-3: llvm.intr.vector.reduce.fadd
func.func @matvec(%a: vector<3x2xf32>, %x: vector<2xf32>, %y: vector<3xf32>) -> vector<3xf32> {
  %0 = vector.contract {indexing_maps = [affine_map<(m, k) -> (m, k)>, affine_map<(m, k) -> (k)>, affine_map<(m, k) -> (m)>], iterator_types = ["parallel", "reduction"], kind = #vector.kind<add>} %a, %x, %y : vector<3x2xf32>, vector<2xf32> into vector<3xf32>
  return %0 : vector<3xf32>
}

// -----

// Integer outer products multiply and add (arith ops, for convert-arith-to-llvm).
// DOT-LABEL: func.func @outerproduct_int
// DOT: %[[SPLAT:.*]] = llvm.shufflevector %{{.*}}, %{{.*}} [0, 0, 0, 0] : vector<4xi32>
// DOT: %[[P:.*]] = arith.muli %[[SPLAT]], %{{.*}} : vector<4xi32>
// DOT: arith.addi %[[P]], %{{.*}} : vector<4xi32>
func.func @outerproduct_int(%a: vector<2xi32>, %b: vector<4xi32>, %c: vector<2x4xi32>) -> vector<2x4xi32> {
  %0 = vector.outerproduct %a, %b, %c : vector<2xi32>, vector<4xi32>
  return %0 : vector<2x4xi32>
}
