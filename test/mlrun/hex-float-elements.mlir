// Hexadecimal elements of float constants are bit patterns, as upstream's
// vectorizer writes -inf: not integers converted to floats.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s

func.func @main() {
  %ninf = arith.constant dense<0xFF800000> : vector<2xf32>
  %mixed = arith.constant dense<[0x3C00, 0xFC00, 2.5]> : vector<3xf16>
  %one = arith.constant dense<0x3FF0000000000000> : vector<2xf64>
  // CHECK: ( -inf, -inf )
  vector.print %ninf : vector<2xf32>
  %wide = arith.extf %mixed : vector<3xf16> to vector<3xf32>
  // CHECK: ( 1, -inf, 2.5 )
  vector.print %wide : vector<3xf32>
  // CHECK: ( 1, 1 )
  vector.print %one : vector<2xf64>
  return
}
