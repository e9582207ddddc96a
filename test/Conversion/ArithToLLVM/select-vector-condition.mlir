// RUN: mlopt %s --convert-arith-to-llvm | FileCheck %s
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s --check-prefix=OUT

// A vector<Nxi1> condition selects lane by lane (llvm.select takes it as is);
// an i1 condition selects whole vectors.

// CHECK-LABEL: func.func @lanes
// CHECK: llvm.select %{{.*}}, %{{.*}}, %{{.*}} : vector<4xi1>, vector<4xf32>
func.func @lanes(%c: vector<4xi1>, %a: vector<4xf32>, %b: vector<4xf32>) -> vector<4xf32> {
  %0 = arith.select %c, %a, %b : vector<4xi1>, vector<4xf32>
  return %0 : vector<4xf32>
}

// CHECK-LABEL: func.func @whole
// CHECK: llvm.select %{{.*}}, %{{.*}}, %{{.*}} : i1, vector<4xf32>
func.func @whole(%c: i1, %a: vector<4xf32>, %b: vector<4xf32>) -> vector<4xf32> {
  %0 = arith.select %c, %a, %b : vector<4xf32>
  return %0 : vector<4xf32>
}

func.func private @printF32(f32)
func.func private @printComma()
func.func private @printNewline()

func.func @main() {
  %c = arith.constant dense<[true, false, false, true]> : vector<4xi1>
  %a = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : vector<4xf32>
  %b = arith.constant dense<[-1.0, -2.0, -3.0, -4.0]> : vector<4xf32>
  %r = call @lanes(%c, %a, %b) : (vector<4xi1>, vector<4xf32>, vector<4xf32>) -> vector<4xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %x = vector.extract %r[%i] : f32 from vector<4xf32>
    func.call @printF32(%x) : (f32) -> ()
    func.call @printComma() : () -> ()
  }
  func.call @printNewline() : () -> ()
  return
}
// OUT: 1, -2, -3, 4,
