// RUN: mlrun %s -e main --entry-point-result=void -O0 | FileCheck %s
// RUN: mlrun %s -e main --entry-point-result=void -O3 | FileCheck %s

// Truncations to f16 and bf16 are calls to compiler-rt helpers
// (__truncdfhf2, __truncsfbf2, __truncdfbf2, ...) that mlrun provides:
// rounded to nearest, ties to even, with overflow to infinity.

func.func private @printF32(f32)
func.func private @printNewline()

func.func @show(%a: f64, %b: f32) {
  %h = arith.truncf %a : f64 to f16
  %he = arith.extf %h : f16 to f32
  call @printF32(%he) : (f32) -> ()
  call @printNewline() : () -> ()
  %bf = arith.truncf %b : f32 to bf16
  %bfe = arith.extf %bf : bf16 to f32
  call @printF32(%bfe) : (f32) -> ()
  call @printNewline() : () -> ()
  %dbf = arith.truncf %a : f64 to bf16
  %dbfe = arith.extf %dbf : bf16 to f32
  call @printF32(%dbfe) : (f32) -> ()
  call @printNewline() : () -> ()
  return
}

func.func @main() {
  // Just above the f16 tie between 1 and 1 + 2^-10: rounds up.
  %above_tie = arith.constant 1.00048828126 : f64
  // 1 + 2^-8 + 2^-9 in f32: between bf16's 1 + 2^-7 neighbours, above the tie.
  %bf_up = arith.constant 1.005859375 : f32
  call @show(%above_tie, %bf_up) : (f64, f32) -> ()
  // Ties go to even: 1 + 2^-11 to 1 (f16), 1 + 3 * 2^-8 to 1 + 2^-6 (bf16).
  %tie = arith.constant 1.00048828125 : f64
  %bf_tie = arith.constant 1.01171875 : f32
  call @show(%tie, %bf_tie) : (f64, f32) -> ()
  // 65520 overflows f16; the largest f32 overflows bf16.
  %overflow = arith.constant 65520.0 : f64
  %bf_overflow = arith.constant 3.4028234e38 : f32
  call @show(%overflow, %bf_overflow) : (f64, f32) -> ()
  return
}

// CHECK:      1.00098
// CHECK-NEXT: 1.00781
// CHECK-NEXT: 1
// CHECK-NEXT: 1
// CHECK-NEXT: 1.01562
// CHECK-NEXT: 1
// CHECK-NEXT: inf
// CHECK-NEXT: inf
// CHECK-NEXT: 65536
