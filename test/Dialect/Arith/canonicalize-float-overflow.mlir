// RUN: mlopt %s --canonicalize --split-input-file | FileCheck %s

// Float folds that overflow give ±inf, as upstream's APFloat rounds; float
// constants out of range are infinities too (they used to be errors and
// crashes of --canonicalize).

// CHECK-LABEL: func.func @fold_overflow
func.func @fold_overflow() -> (f32, f16, f16, bf16) {
  %f32_big = arith.constant 3.0e38 : f32
  %f32_sum = arith.addf %f32_big, %f32_big : f32
  %f16_max = arith.constant 65504.0 : f16
  %f16_sum = arith.addf %f16_max, %f16_max : f16
  %f16_low = arith.constant -60000.0 : f16
  %f16_low_sum = arith.addf %f16_low, %f16_low : f16
  %bf16_big = arith.constant 3.0e38 : bf16
  %bf16_product = arith.mulf %bf16_big, %bf16_big : bf16
  // CHECK-DAG: arith.constant {{0x7[fF]800000}} : f32
  // CHECK-DAG: arith.constant {{0x7[cC]00}} : f16
  // CHECK-DAG: arith.constant {{0x[fF][cC]00}} : f16
  // CHECK-DAG: arith.constant {{0x7[fF]80}} : bf16
  return %f32_sum, %f16_sum, %f16_low_sum, %bf16_product : f32, f16, f16, bf16
}

// -----

// CHECK-LABEL: func.func @no_overflow_below_half_an_ulp_past_the_largest
func.func @no_overflow_below_half_an_ulp_past_the_largest() -> (f16, f16) {
  %f16_max = arith.constant 65504.0 : f16
  %f16_eight = arith.constant 8.0 : f16
  %f16_sixteen = arith.constant 16.0 : f16
  // 65512 is a tie between 65504 (even) and 65536 (infinity): stays finite.
  %finite = arith.addf %f16_max, %f16_eight : f16
  // 65520 rounds to infinity.
  %infinite = arith.addf %f16_max, %f16_sixteen : f16
  // CHECK-DAG: arith.constant 6.550400e+04 : f16
  // CHECK-DAG: arith.constant {{0x7[cC]00}} : f16
  return %finite, %infinite : f16, f16
}

// -----

// CHECK-LABEL: func.func @constants_out_of_range
func.func @constants_out_of_range() -> (f32, f32, f16, tensor<2xf16>) {
  // CHECK-DAG: arith.constant {{0x7[fF]800000}} : f32
  // CHECK-DAG: arith.constant {{0x[fF][fF]800000}} : f32
  // CHECK-DAG: arith.constant {{0x7[cC]00}} : f16
  // CHECK-DAG: arith.constant dense<[{{0x7[cC]00}}, {{0x[fF][cC]00}}]> : tensor<2xf16>
  %big = arith.constant 1.0e39 : f32
  %small = arith.constant -1.0e39 : f32
  %half = arith.constant 70000.0 : f16
  %dense = arith.constant dense<[1.0e6, -7.0e4]> : tensor<2xf16>
  return %big, %small, %half, %dense : f32, f32, f16, tensor<2xf16>
}
