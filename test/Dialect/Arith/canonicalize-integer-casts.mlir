// RUN: mlopt %s --canonicalize | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --canonicalize | FileCheck %s %}

// Integer casts of constants fold, scalars and vectors alike: the sign is
// extended by extsi and index_cast, zeros by extui and index_castui; trunci
// and narrowing index casts keep the low bits (301 is 0x12D: 45 in i8, true in i1).
// CHECK-LABEL: func.func @integer_casts_of_constants
// CHECK-DAG: %[[SEXT:.*]] = arith.constant -3 : i16
// CHECK-DAG: %[[ZEXT:.*]] = arith.constant 5 : i16
// CHECK-DAG: %[[LOW:.*]] = arith.constant 45 : i8
// CHECK-DAG: %[[ODD:.*]] = arith.constant true
// CHECK-DAG: %[[SIDX:.*]] = arith.constant -3 : index
// CHECK-DAG: %[[UIDX:.*]] = arith.constant 5 : index
// CHECK-DAG: %[[NARROW:.*]] = arith.constant -56 : i8
// CHECK-DAG: %[[VEC:.*]] = arith.constant dense<[1, -2, -1]> : vector<3xi5>
// CHECK-DAG: %[[VECU:.*]] = arith.constant dense<[1, 6, 7]> : vector<3xindex>
// CHECK-NOT: arith.ext
// CHECK-NOT: arith.trunci
// CHECK-NOT: arith.index_cast
// CHECK: return %[[SEXT]], %[[ZEXT]], %[[LOW]], %[[ODD]], %[[SIDX]], %[[UIDX]], %[[NARROW]], %[[VEC]], %[[VECU]]
func.func @integer_casts_of_constants() -> (i16, i16, i8, i1, index, index, i8, vector<3xi5>, vector<3xindex>) {
  %minus3 = arith.constant -3 : i3
  %sext = arith.extsi %minus3 : i3 to i16
  %zext = arith.extui %minus3 : i3 to i16
  %wide = arith.constant 301 : i16
  %low = arith.trunci %wide : i16 to i8
  %odd = arith.trunci %wide : i16 to i1
  %sidx = arith.index_cast %minus3 : i3 to index
  %uidx = arith.index_castui %minus3 : i3 to index
  %c200 = arith.constant 200 : index
  %narrow = arith.index_cast %c200 : index to i8
  %v = arith.constant dense<[1, -2, -1]> : vector<3xi3>
  %vec = arith.extsi %v : vector<3xi3> to vector<3xi5>
  %vecu = arith.index_castui %v : vector<3xi3> to vector<3xindex>
  return %sext, %zext, %low, %odd, %sidx, %uidx, %narrow, %vec, %vecu : i16, i16, i8, i1, index, index, i8, vector<3xi5>, vector<3xindex>
}
