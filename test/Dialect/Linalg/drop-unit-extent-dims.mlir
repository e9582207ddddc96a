// RUN: mlopt %s --linalg-fold-unit-extent-dims --split-input-file | FileCheck %s --check-prefix=RESHAPE
// RUN: mlopt %s --linalg-fold-unit-extent-dims=use-rank-reducing-slices --split-input-file | FileCheck %s --check-prefix=SLICE

// The unit loop goes; operands collapse the unit dimension into the
// dimension before it (or take a rank-reducing slice), the result expands
// back (or is inserted into the original init).

//  RESHAPE-DAG: #[[$ID:.+]] = affine_map<(d0, d1) -> (d0, d1)>
//  RESHAPE-DAG: #[[$ROW:.+]] = affine_map<(d0, d1) -> (d0)>
// RESHAPE-LABEL: func.func @reduce
//  RESHAPE-SAME: (%[[A:.*]]: tensor<4x1x8xf32>, %[[INIT:.*]]: tensor<4x1xf32>)
//       RESHAPE: %[[CA:.*]] = tensor.collapse_shape %[[A]] {{\[\[}}0, 1], [2]] : tensor<4x1x8xf32> into tensor<4x8xf32>
//       RESHAPE: %[[CI:.*]] = tensor.collapse_shape %[[INIT]] {{\[\[}}0, 1]] : tensor<4x1xf32> into tensor<4xf32>
//       RESHAPE: %[[R:.*]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$ROW]]], iterator_types = ["parallel", "reduction"]} ins(%[[CA]] : tensor<4x8xf32>) outs(%[[CI]] : tensor<4xf32>)
//       RESHAPE: %[[E:.*]] = tensor.expand_shape %[[R]] {{\[\[}}0, 1]] output_shape [4, 1] : tensor<4xf32> into tensor<4x1xf32>
//       RESHAPE: return %[[E]]

// SLICE-LABEL: func.func @reduce
//  SLICE-SAME: (%[[A:.*]]: tensor<4x1x8xf32>, %[[INIT:.*]]: tensor<4x1xf32>)
//       SLICE: %[[SA:.*]] = tensor.extract_slice %[[A]][0, 0, 0] [4, 1, 8] [1, 1, 1] : tensor<4x1x8xf32> to tensor<4x8xf32>
//       SLICE: %[[SI:.*]] = tensor.extract_slice %[[INIT]][0, 0] [4, 1] [1, 1] : tensor<4x1xf32> to tensor<4xf32>
//       SLICE: %[[R:.*]] = linalg.generic {{.*}} ins(%[[SA]] : tensor<4x8xf32>) outs(%[[SI]] : tensor<4xf32>)
//       SLICE: %[[I:.*]] = tensor.insert_slice %[[R]] into %[[INIT]][0, 0] [4, 1] [1, 1] : tensor<4xf32> into tensor<4x1xf32>
//       SLICE: return %[[I]]
func.func @reduce(%a: tensor<4x1x8xf32>, %init: tensor<4x1xf32>) -> tensor<4x1xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%a : tensor<4x1x8xf32>) outs(%init : tensor<4x1xf32>) {
  ^bb0(%x: f32, %o: f32):
    %s = arith.addf %x, %o : f32
    linalg.yield %s : f32
  } -> tensor<4x1xf32>
  return %r : tensor<4x1xf32>
}

// -----

// Broadcast operands indexed by a constant 0 lose that dimension too.

// RESHAPE-LABEL: func.func @broadcast
//       RESHAPE: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1]] : tensor<8x1xf32> into tensor<8xf32>
//       RESHAPE: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1]] : tensor<1x5xf32> into tensor<5xf32>
//       RESHAPE: tensor.collapse_shape %{{.*}} {{\[\[}}0], [1, 2]] : tensor<8x5x1xf32> into tensor<8x5xf32>
//       RESHAPE: linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]
//       RESHAPE: tensor.expand_shape %{{.*}} {{\[\[}}0], [1, 2]] output_shape [8, 5, 1] : tensor<8x5xf32> into tensor<8x5x1xf32>

// SLICE-LABEL: func.func @broadcast
//       SLICE: linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]
func.func @broadcast(%a: tensor<8x1xf32>, %b: tensor<1x5xf32>, %init: tensor<8x5x1xf32>) -> tensor<8x5x1xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, 0)>, affine_map<(d0, d1, d2) -> (0, d1)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%a, %b : tensor<8x1xf32>, tensor<1x5xf32>) outs(%init : tensor<8x5x1xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.mulf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<8x5x1xf32>
  return %r : tensor<8x5x1xf32>
}
