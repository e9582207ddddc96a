// The approximations give the very bits upstream's give: each result is
// printed as its i32 bit pattern, for ordinary values and the edges (±0,
// ±inf, NaN, denormals, overflow, the interval bounds of erf and tanh).
// CHECK lines: mlir-opt 22 --test-math-polynomial-approximation
// --test-lower-to-llvm | mlir-runner.
// RUN: mlopt %s --test-math-polynomial-approximation | mlrun - -e main --entry-point-result=void | FileCheck %s

// exp, log, log2, tanh, erf of the ordinary values; exp and tanh of 1.5; then
// the same for the edges and -0.25.
// CHECK: ( 1070795084, 1058751896, 1076754516, 1089237798, 1028386182, 1185682670, 822977587, 1065361609, 1109510667, 1110625794, 1074594931, 1089083610, 1160287366, 1572935979, 1065348184, 1065353216 )
// CHECK-NEXT: ( -1087278568, 2143289344, 0, 1060205080, 2143289344, 1075010958, 2143289344, -1059255211, 1067939699, 1068163409, -1099865808, 1060120984, 1074022267, 1081030139, 2143289344, -1031133259 )
// CHECK-NEXT: ( -1082130432, 2143289344, 0, 1065353216, 2143289344, 1079286392, 2143289344, -1054903334, 1072798318, 1073121062, -1095885219, 1065231891, 1077860013, 1085050333, 2143289344, -1027125039 )
// CHECK-NEXT: ( 1055693471, -1091790177, 1061353430, 1064749699, -1082213400, 1065353216, -1082130432, 981668459, 1065332718, 1065336431, 1059622271, 1064737729, 1065353212, 1065353216, -1180874414, 228737632 )
// CHECK-NEXT: ( 1057308538, -1090175110, 1062714173, 1065274736, -1082130803, 1065353216, -1082130432, 982771228, 1065353213, 1065353216, 1060925766, 1065271198, 1065353216, 1065353216, -1179551092, 230102793 )
// CHECK-NEXT: 1083140607
// CHECK-NEXT: 1063761867
// CHECK-NEXT: ( 1065353216, 1065353216, 2139095040, 0, 2143289344, 1065353216, 1065353216, 1065353216, 2138716152, 2139095040, 2139095040, 8700811, 0, 0, 2139095040, 0 )
// CHECK-NEXT: ( -8388608, -8388608, 2139095040, 2143289344, 2143289344, -1028740016, 2143289344, -1028740016, 1083148096, 1083150459, 1083155177, 2143289344, 2143289344, 2143289344, 1118908822, 2143289344 )
// CHECK-NEXT: ( -8388608, -8388608, 2139095040, 2143289344, 2143289344, -1023672320, 2143289344, -1023672320, 1087312205, 1087315615, 1087322421, 2143289344, 2143289344, 2143289344, 1124049647, 2143289344 )
// CHECK-NEXT: ( 0, -2147483648, 1065353216, -1082130432, 2143289344, 71362, -2147412286, 8388608, 1065353216, 1065353216, 1065353216, -1082130432, -1082130432, -1082130432, 1065353216, -1082130432 )
// CHECK-NEXT: ( 0, 0, 1065353216, -1082130432, 2143289344, 80523, -2147403125, 9465530, 1065353216, 1065353216, 1065353216, -1082130432, -1082130432, -1082130432, 1065353216, -1082130432 )
// CHECK-NEXT: 1061642109
// CHECK-NEXT: -1099248651

func.func @approximate(%x: vector<16xf32>, %s: f32) {
  %exp = math.exp %x : vector<16xf32>
  %log = math.log %x : vector<16xf32>
  %log2 = math.log2 %x : vector<16xf32>
  %tanh = math.tanh %x : vector<16xf32>
  %erf = math.erf %x : vector<16xf32>
  %exp_bits = arith.bitcast %exp : vector<16xf32> to vector<16xi32>
  %log_bits = arith.bitcast %log : vector<16xf32> to vector<16xi32>
  %log2_bits = arith.bitcast %log2 : vector<16xf32> to vector<16xi32>
  %tanh_bits = arith.bitcast %tanh : vector<16xf32> to vector<16xi32>
  %erf_bits = arith.bitcast %erf : vector<16xf32> to vector<16xi32>
  vector.print %exp_bits : vector<16xi32>
  vector.print %log_bits : vector<16xi32>
  vector.print %log2_bits : vector<16xi32>
  vector.print %tanh_bits : vector<16xi32>
  vector.print %erf_bits : vector<16xi32>
  %scalar_exp = math.exp %s : f32
  %scalar_tanh = math.tanh %s : f32
  %scalar_exp_bits = arith.bitcast %scalar_exp : f32 to i32
  %scalar_tanh_bits = arith.bitcast %scalar_tanh : f32 to i32
  vector.print %scalar_exp_bits : i32
  vector.print %scalar_tanh_bits : i32
  return
}

func.func @main() {
  %ordinary = arith.constant dense<[0.5, -0.5, 1.0, 2.0, -3.0, 10.0, -20.0, 0.001, 3.7, 3.8, 0.79, 1.99, 7.9, 42.0, -0.0003, 1.0e-30]> : vector<16xf32>
  %edges = arith.constant dense<[0.0, -0.0, 0x7F800000, 0xFF800000, 0x7FC00000, 1.0e-40, -1.0e-40, 1.17549435E-38, 88.7, 88.8, 89.0, -87.3, -88.0, -104.0, 3.0e38, -3.0e38]> : vector<16xf32>
  %a = arith.constant 1.5 : f32
  %b = arith.constant -0.25 : f32
  call @approximate(%ordinary, %a) : (vector<16xf32>, f32) -> ()
  call @approximate(%edges, %b) : (vector<16xf32>, f32) -> ()
  return
}
