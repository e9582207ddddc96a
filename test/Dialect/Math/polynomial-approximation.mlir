// RUN: mlopt %s --test-math-polynomial-approximation | FileCheck %s
// RUN: mlopt %s --test-math-polynomial-approximation='enable-avx2=true' --lower-to-llvm | FileCheck %s --check-prefix=LLVM

// Every approximated function lowers to straight-line arithmetic: no
// intrinsic or libm call is left before the f64 one, which stays.
// LLVM-LABEL: llvm.func @exp_scalar
// LLVM-NOT: llvm.intr.{{exp|log|tanh|erf}}
// LLVM-NOT: llvm.call
// LLVM-LABEL: llvm.func @exp_f64
// LLVM: llvm.intr.exp

// CHECK-LABEL: func.func @exp_scalar
// CHECK-SAME: (%[[X:[^ ,:)]+]]: f32)
// CHECK-NOT: math.exp
// CHECK: %[[LO:.+]] = arith.constant -8.780000e+01 : f32
// CHECK: %[[GE:.+]] = arith.cmpf uge, %[[X]], %[[LO]] : f32
// CHECK: %[[CLAMP_LO:.+]] = arith.select %[[GE]], %[[X]], %[[LO]] : f32
// CHECK: %[[HI:.+]] = arith.constant 8.880000e+01 : f32
// CHECK: %[[LE:.+]] = arith.cmpf ule, %[[CLAMP_LO]], %[[HI]] : f32
// CHECK: %[[CLAMPED:.+]] = arith.select %[[LE]], %[[CLAMP_LO]], %[[HI]] : f32
// CHECK: math.fma %[[CLAMPED]]
// CHECK: math.floor
// CHECK: arith.shli
// CHECK: %[[POW2:.+]] = arith.bitcast %{{.+}} : i32 to f32
// CHECK: %[[R:.+]] = arith.mulf %{{.+}}, %[[POW2]] : f32
// CHECK: return %[[R]] : f32
func.func @exp_scalar(%x: f32) -> f32 {
  %0 = math.exp %x : f32
  return %0 : f32
}

// The same expansion on vectors, with splat constants.
// CHECK-LABEL: func.func @exp_vector
// CHECK-NOT: math.exp
// CHECK: arith.constant dense<-8.780000e+01> : vector<4x16xf32>
// CHECK: arith.cmpf uge, %{{.+}}, %{{.+}} : vector<4x16xf32>
// CHECK: arith.select %{{.+}}, %{{.+}}, %{{.+}} : vector<4x16xi1>, vector<4x16xf32>
// CHECK: math.fma %{{.+}}, %{{.+}}, %{{.+}} : vector<4x16xf32>
// CHECK: arith.bitcast %{{.+}} : vector<4x16xi32> to vector<4x16xf32>
// CHECK: return %{{.+}} : vector<4x16xf32>
func.func @exp_vector(%x: vector<4x16xf32>) -> vector<4x16xf32> {
  %0 = math.exp %x : vector<4x16xf32>
  return %0 : vector<4x16xf32>
}

// log: frexp by bit masks, a degree-8 polynomial, then 0 → -inf,
// negative → NaN, +inf → +inf.
// CHECK-LABEL: func.func @log
// CHECK-SAME: (%[[X:[^ ,:)]+]]: vector<8xf32>)
// CHECK-NOT: math.log
// CHECK: arith.andi %{{.+}}, %{{.+}} : vector<8xi32>
// CHECK: arith.shrui %{{.+}}, %{{.+}} : vector<8xi32>
// CHECK: %[[IS_INF:.+]] = arith.cmpf oeq, %[[X]], %{{.+}} : vector<8xf32>
// CHECK: %[[IS_NEG:.+]] = arith.cmpf ult, %[[X]], %{{.+}} : vector<8xf32>
// CHECK: %[[IS_ZERO:.+]] = arith.cmpf oeq, %[[X]], %{{.+}} : vector<8xf32>
// CHECK: %[[R:.+]] = arith.select %[[IS_ZERO]], %{{.+}}, %{{.+}} : vector<8xi1>, vector<8xf32>
// CHECK: return %[[R]]
func.func @log(%x: vector<8xf32>) -> vector<8xf32> {
  %0 = math.log %x : vector<8xf32>
  return %0 : vector<8xf32>
}

// CHECK-LABEL: func.func @log2
// CHECK-NOT: math.log2
// CHECK: arith.constant 1.44269502 : f32
// CHECK: return
func.func @log2(%x: f32) -> f32 {
  %0 = math.log2 %x : f32
  return %0 : f32
}

// tanh: clamped to ±7.99881172, x itself below 4e-4, else p(x)/q(x).
// CHECK-LABEL: func.func @tanh
// CHECK-SAME: (%[[X:[^ ,:)]+]]: f32)
// CHECK-NOT: math.tanh
// CHECK: arith.cmpf ult, %[[X]], %{{.+}} : f32
// CHECK: %[[ABS:.+]] = math.absf %[[X]] : f32
// CHECK: %[[TINY:.+]] = arith.cmpf olt, %[[ABS]], %{{.+}} : f32
// CHECK: %[[RATIO:.+]] = arith.divf
// CHECK: %[[R:.+]] = arith.select %[[TINY]], %{{.+}}, %[[RATIO]] : f32
// CHECK: return %[[R]]
func.func @tanh(%x: f32) -> f32 {
  %0 = math.tanh %x : f32
  return %0 : f32
}

// erf: per-interval rational approximation of |x|, sign restored.
// CHECK-LABEL: func.func @erf
// CHECK-SAME: (%[[X:[^ ,:)]+]]: vector<16xf32>)
// CHECK-NOT: math.erf
// CHECK: %[[NEG:.+]] = arith.cmpf olt, %[[X]], %{{.+}} : vector<16xf32>
// CHECK: arith.negf %[[X]] : vector<16xf32>
// CHECK: arith.divf
// CHECK: %[[RESULT:.+]] = arith.select %{{.+}}, %{{.+}}, %{{.+}} : vector<16xi1>, vector<16xf32>
// CHECK: %[[FLIPPED:.+]] = arith.negf %[[RESULT]] : vector<16xf32>
// CHECK: %[[R:.+]] = arith.select %[[NEG]], %[[FLIPPED]], %[[RESULT]] : vector<16xi1>, vector<16xf32>
// CHECK: return %[[R]]
func.func @erf(%x: vector<16xf32>) -> vector<16xf32> {
  %0 = math.erf %x : vector<16xf32>
  return %0 : vector<16xf32>
}

// f16 and bf16 are computed in f32.
// CHECK-LABEL: func.func @exp_f16
// CHECK-SAME: (%[[X:[^ ,:)]+]]: vector<8xf16>)
// CHECK-NOT: math.exp
// CHECK: %[[WIDE:.+]] = arith.extf %[[X]] : vector<8xf16> to vector<8xf32>
// CHECK: arith.cmpf uge, %[[WIDE]]
// CHECK: %[[NARROW:.+]] = arith.truncf %{{.+}} : vector<8xf32> to vector<8xf16>
// CHECK: return %[[NARROW]]
func.func @exp_f16(%x: vector<8xf16>) -> vector<8xf16> {
  %0 = math.exp %x : vector<8xf16>
  return %0 : vector<8xf16>
}

// f64 has no approximation: it stays.
// CHECK-LABEL: func.func @exp_f64
// CHECK: math.exp %{{.+}} : f64
func.func @exp_f64(%x: f64) -> f64 {
  %0 = math.exp %x : f64
  return %0 : f64
}

// log1p and expm1 are built on log and exp, which are approximated in turn.
// CHECK-LABEL: func.func @log1p_expm1
// CHECK-SAME: (%[[X:[^ ,:)]+]]: vector<8xf32>)
// CHECK-NOT: math.log
// CHECK-NOT: math.exp
// CHECK: %[[U:.+]] = arith.addf %[[X]], %{{.+}} : vector<8xf32>
// CHECK: arith.cmpf oeq, %[[U]], %{{.+}} : vector<8xf32>
// CHECK: arith.ori %{{.+}}, %{{.+}} : vector<8xi1>
// CHECK: arith.cmpf ueq
// CHECK: return
func.func @log1p_expm1(%x: vector<8xf32>) -> (vector<8xf32>, vector<8xf32>) {
  %0 = math.log1p %x : vector<8xf32>
  %1 = math.expm1 %x : vector<8xf32>
  return %0, %1 : vector<8xf32>, vector<8xf32>
}

// sin and cos: the quadrant from k = floor(x·2/π), polynomials on y.
// CHECK-LABEL: func.func @sin_cos
// CHECK-NOT: math.sin
// CHECK-NOT: math.cos
// CHECK: arith.constant 0.63661974{{[0-9]*}} : f32
// CHECK: math.floor
// CHECK: arith.cmpf uno
// CHECK: arith.ori %{{.+}}, %{{.+}} : i1
// CHECK: return
func.func @sin_cos(%x: f32) -> (f32, f32) {
  %0 = math.sin %x : f32
  %1 = math.cos %x : f32
  return %0, %1 : f32, f32
}

// atan2 goes through atan; both end in math.copysign for the sign.
// CHECK-LABEL: func.func @atan2
// CHECK-SAME: (%[[Y:[^ ,:)]+]]: f32, %[[X:[^ ,:)]+]]: f32)
// CHECK-NOT: math.atan
// CHECK: %[[RATIO:.+]] = arith.divf %[[Y]], %[[X]] : f32
// CHECK: math.absf %[[RATIO]] : f32
// CHECK: math.copysign %{{.+}}, %[[RATIO]] : f32
// CHECK: arith.cmpf oeq, %[[X]], %{{.+}} : f32
// CHECK: arith.andi %{{.+}}, %{{.+}} : i1
// CHECK: return
func.func @atan2(%y: f32, %x: f32) -> f32 {
  %0 = math.atan2 %y, %x : f32
  return %0 : f32
}

// CHECK-LABEL: func.func @erfc_cbrt_asin_acos
// CHECK-NOT: math.erfc
// CHECK-NOT: math.cbrt
// CHECK-NOT: math.asin
// CHECK-NOT: math.acos
// CHECK: arith.shrsi
// CHECK: math.sqrt
// CHECK: return
func.func @erfc_cbrt_asin_acos(%x: f32) -> (f32, f32, f32, f32) {
  %0 = math.erfc %x : f32
  %1 = math.cbrt %x : f32
  %2 = math.asin %x : f32
  %3 = math.acos %x : f32
  return %0, %1, %2, %3 : f32, f32, f32, f32
}
