// RUN: mlopt %s --split-input-file --lower-vector-multi-reduction | FileCheck %s --check-prefix=PARALLEL
// RUN: mlopt %s --split-input-file --lower-vector-multi-reduction=lowering-strategy=inner-reduction | FileCheck %s --check-prefix=REDUCTION

// inner-parallel: the reduced dimension goes in front and the rows are added
// to the accumulator; inner-reduction: one vector.reduction per row.
// PARALLEL-LABEL: func.func @rows
// PARALLEL: %[[T:.*]] = vector.transpose %{{.*}}, [1, 0] : vector<2x3xf32> to vector<3x2xf32>
// PARALLEL: %[[R0:.*]] = vector.extract %[[T]][0] : vector<2xf32> from vector<3x2xf32>
// PARALLEL: %[[A0:.*]] = arith.addf %[[R0]], %{{.*}} : vector<2xf32>
// PARALLEL: %[[R1:.*]] = vector.extract %[[T]][1] : vector<2xf32> from vector<3x2xf32>
// PARALLEL: %[[A1:.*]] = arith.addf %[[R1]], %[[A0]] : vector<2xf32>
// PARALLEL: %[[R2:.*]] = vector.extract %[[T]][2] : vector<2xf32> from vector<3x2xf32>
// PARALLEL: %[[A2:.*]] = arith.addf %[[R2]], %[[A1]] : vector<2xf32>
// PARALLEL: return %[[A2]]
// REDUCTION-LABEL: func.func @rows
// REDUCTION-NOT: vector.transpose
// REDUCTION: %[[Z:.*]] = arith.constant dense<0.000000e+00> : vector<2xf32>
// REDUCTION: %[[X0:.*]] = vector.extract %{{.*}}[0] : vector<3xf32> from vector<2x3xf32>
// REDUCTION: %[[C0:.*]] = vector.extract %{{.*}}[0] : f32 from vector<2xf32>
// REDUCTION: %[[S0:.*]] = vector.reduction <add>, %[[X0]], %[[C0]] : vector<3xf32> into f32
// REDUCTION: %[[V0:.*]] = vector.insert %[[S0]], %[[Z]] [0] : f32 into vector<2xf32>
// REDUCTION: vector.reduction <add>, %{{.*}}, %{{.*}} : vector<3xf32> into f32
// REDUCTION: vector.insert %{{.*}}, %[[V0]] [1] : f32 into vector<2xf32>
func.func @rows(%v: vector<2x3xf32>, %acc: vector<2xf32>) -> vector<2xf32> {
  %0 = vector.multi_reduction <add>, %v, %acc [1] : vector<2x3xf32> to vector<2xf32>
  return %0 : vector<2xf32>
}

// -----

// Several reduced dimensions, not adjacent: a transpose gathers them, and
// inner-reduction flattens them into one row per parallel element.
// PARALLEL-LABEL: func.func @outer_and_inner
// PARALLEL: vector.transpose %{{.*}}, [0, 2, 1] : vector<2x3x4xi32> to vector<2x4x3xi32>
// PARALLEL: vector.extract %{{.*}}[1, 3] : vector<3xi32> from vector<2x4x3xi32>
// PARALLEL: arith.maxsi
// REDUCTION-LABEL: func.func @outer_and_inner
// REDUCTION: %[[T:.*]] = vector.transpose %{{.*}}, [1, 0, 2] : vector<2x3x4xi32> to vector<3x2x4xi32>
// REDUCTION: vector.shape_cast %[[T]] : vector<3x2x4xi32> to vector<3x8xi32>
// REDUCTION-COUNT-3: vector.reduction <maxsi>
func.func @outer_and_inner(%v: vector<2x3x4xi32>, %acc: vector<3xi32>) -> vector<3xi32> {
  %0 = vector.multi_reduction <maxsi>, %v, %acc [0, 2] : vector<2x3x4xi32> to vector<3xi32>
  return %0 : vector<3xi32>
}

// -----

// A reduction to a scalar: inner-reduction is one vector.reduction; upstream's
// inner-parallel goes through a 1xN reduction into vector<1>.
// PARALLEL-LABEL: func.func @to_scalar
// PARALLEL: %[[FLAT:.*]] = vector.shape_cast %{{.*}} : vector<2x2xf32> to vector<1x4xf32>
// PARALLEL: %[[ACC:.*]] = vector.broadcast %{{.*}} : f32 to vector<1xf32>
// PARALLEL: vector.transpose %[[FLAT]], [1, 0] : vector<1x4xf32> to vector<4x1xf32>
// PARALLEL-COUNT-4: arith.mulf
// PARALLEL: vector.extract %{{.*}}[0] : f32 from vector<1xf32>
// REDUCTION-LABEL: func.func @to_scalar
// REDUCTION: %[[FLAT:.*]] = vector.shape_cast %{{.*}} : vector<2x2xf32> to vector<4xf32>
// REDUCTION: vector.reduction <mul>, %[[FLAT]], %{{.*}} : vector<4xf32> into f32
func.func @to_scalar(%v: vector<2x2xf32>, %acc: f32) -> f32 {
  %0 = vector.multi_reduction <mul>, %v, %acc [0, 1] : vector<2x2xf32> to f32
  return %0 : f32
}

// -----

// Under a mask, inner-parallel selects the combined rows only in the masked
// lanes; inner-reduction masks each row's reduction.
// PARALLEL-LABEL: func.func @masked
// PARALLEL: %[[TM:.*]] = vector.transpose %{{.*}}, [1, 0] : vector<2x4xi1> to vector<4x2xi1>
// PARALLEL: %[[COMBINED:.*]] = arith.maxnumf %{{.*}}, %{{.*}} : vector<2xf32>
// PARALLEL: %[[LANES:.*]] = vector.extract %[[TM]][0] : vector<2xi1> from vector<4x2xi1>
// PARALLEL: arith.select %[[LANES]], %[[COMBINED]], %{{.*}} : vector<2xi1>, vector<2xf32>
// PARALLEL-NOT: vector.mask
// REDUCTION-LABEL: func.func @masked
// REDUCTION: %[[ROWMASK:.*]] = vector.extract %{{.*}}[0] : vector<4xi1> from vector<2x4xi1>
// REDUCTION: vector.mask %[[ROWMASK]] {
// REDUCTION: vector.reduction <maxnumf>, %{{.*}}, %{{.*}} : vector<4xf32> into f32
func.func @masked(%v: vector<2x4xf32>, %acc: vector<2xf32>, %m: vector<2x4xi1>) -> vector<2xf32> {
  %0 = vector.mask %m { vector.multi_reduction <maxnumf>, %v, %acc [1] : vector<2x4xf32> to vector<2xf32> } : vector<2x4xi1> -> vector<2xf32>
  return %0 : vector<2xf32>
}

// -----

// Several parallel dimensions are flattened into one row (what a vectorized
// matmul's reduction becomes), in both strategies.
// PARALLEL-LABEL: func.func @flattened
// PARALLEL: %[[T:.*]] = vector.transpose %{{.*}}, [2, 0, 1] : vector<2x3x4xf32> to vector<4x2x3xf32>
// PARALLEL: %[[FLAT:.*]] = vector.shape_cast %[[T]] : vector<4x2x3xf32> to vector<4x6xf32>
// PARALLEL: %[[ACC:.*]] = vector.shape_cast %{{.*}} : vector<2x3xf32> to vector<6xf32>
// PARALLEL: %[[R0:.*]] = vector.extract %[[FLAT]][0] : vector<6xf32> from vector<4x6xf32>
// PARALLEL: arith.addf %[[R0]], %[[ACC]] : vector<6xf32>
// PARALLEL-COUNT-3: arith.addf %{{.*}}, %{{.*}} : vector<6xf32>
// PARALLEL: vector.shape_cast %{{.*}} : vector<6xf32> to vector<2x3xf32>
// REDUCTION-LABEL: func.func @flattened
// REDUCTION: vector.shape_cast %{{.*}} : vector<2x3x4xf32> to vector<6x4xf32>
// REDUCTION-COUNT-6: vector.reduction <add>, %{{.*}}, %{{.*}} : vector<4xf32> into f32
// REDUCTION: vector.shape_cast %{{.*}} : vector<6xf32> to vector<2x3xf32>
func.func @flattened(%v: vector<2x3x4xf32>, %acc: vector<2x3xf32>) -> vector<2x3xf32> {
  %0 = vector.multi_reduction <add>, %v, %acc [2] : vector<2x3x4xf32> to vector<2x3xf32>
  return %0 : vector<2x3xf32>
}
