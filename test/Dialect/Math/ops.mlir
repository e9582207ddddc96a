// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @absf
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.absf %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.absf %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.absf %[[T]] : tensor<?xf16>
// CHECK: return
func.func @absf(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.absf %a : f32
  %1 = math.absf %v fastmath<fast> : vector<4xf64>
  %2 = math.absf %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @acos
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.acos %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.acos %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.acos %[[T]] : tensor<?xf16>
// CHECK: return
func.func @acos(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.acos %a : f32
  %1 = math.acos %v fastmath<fast> : vector<4xf64>
  %2 = math.acos %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @acosh
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.acosh %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.acosh %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.acosh %[[T]] : tensor<?xf16>
// CHECK: return
func.func @acosh(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.acosh %a : f32
  %1 = math.acosh %v fastmath<fast> : vector<4xf64>
  %2 = math.acosh %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @asin
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.asin %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.asin %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.asin %[[T]] : tensor<?xf16>
// CHECK: return
func.func @asin(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.asin %a : f32
  %1 = math.asin %v fastmath<fast> : vector<4xf64>
  %2 = math.asin %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @asinh
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.asinh %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.asinh %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.asinh %[[T]] : tensor<?xf16>
// CHECK: return
func.func @asinh(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.asinh %a : f32
  %1 = math.asinh %v fastmath<fast> : vector<4xf64>
  %2 = math.asinh %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @atan
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.atan %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.atan %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.atan %[[T]] : tensor<?xf16>
// CHECK: return
func.func @atan(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.atan %a : f32
  %1 = math.atan %v fastmath<fast> : vector<4xf64>
  %2 = math.atan %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @atanh
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.atanh %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.atanh %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.atanh %[[T]] : tensor<?xf16>
// CHECK: return
func.func @atanh(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.atanh %a : f32
  %1 = math.atanh %v fastmath<fast> : vector<4xf64>
  %2 = math.atanh %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @cbrt
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.cbrt %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.cbrt %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.cbrt %[[T]] : tensor<?xf16>
// CHECK: return
func.func @cbrt(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.cbrt %a : f32
  %1 = math.cbrt %v fastmath<fast> : vector<4xf64>
  %2 = math.cbrt %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @ceil
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.ceil %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.ceil %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.ceil %[[T]] : tensor<?xf16>
// CHECK: return
func.func @ceil(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.ceil %a : f32
  %1 = math.ceil %v fastmath<fast> : vector<4xf64>
  %2 = math.ceil %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @cos
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.cos %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.cos %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.cos %[[T]] : tensor<?xf16>
// CHECK: return
func.func @cos(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.cos %a : f32
  %1 = math.cos %v fastmath<fast> : vector<4xf64>
  %2 = math.cos %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @cosh
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.cosh %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.cosh %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.cosh %[[T]] : tensor<?xf16>
// CHECK: return
func.func @cosh(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.cosh %a : f32
  %1 = math.cosh %v fastmath<fast> : vector<4xf64>
  %2 = math.cosh %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @erf
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.erf %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.erf %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.erf %[[T]] : tensor<?xf16>
// CHECK: return
func.func @erf(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.erf %a : f32
  %1 = math.erf %v fastmath<fast> : vector<4xf64>
  %2 = math.erf %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @erfc
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.erfc %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.erfc %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.erfc %[[T]] : tensor<?xf16>
// CHECK: return
func.func @erfc(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.erfc %a : f32
  %1 = math.erfc %v fastmath<fast> : vector<4xf64>
  %2 = math.erfc %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @exp
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.exp %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.exp %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.exp %[[T]] : tensor<?xf16>
// CHECK: return
func.func @exp(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.exp %a : f32
  %1 = math.exp %v fastmath<fast> : vector<4xf64>
  %2 = math.exp %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @exp2
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.exp2 %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.exp2 %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.exp2 %[[T]] : tensor<?xf16>
// CHECK: return
func.func @exp2(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.exp2 %a : f32
  %1 = math.exp2 %v fastmath<fast> : vector<4xf64>
  %2 = math.exp2 %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @expm1
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.expm1 %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.expm1 %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.expm1 %[[T]] : tensor<?xf16>
// CHECK: return
func.func @expm1(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.expm1 %a : f32
  %1 = math.expm1 %v fastmath<fast> : vector<4xf64>
  %2 = math.expm1 %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @floor
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.floor %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.floor %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.floor %[[T]] : tensor<?xf16>
// CHECK: return
func.func @floor(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.floor %a : f32
  %1 = math.floor %v fastmath<fast> : vector<4xf64>
  %2 = math.floor %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @log
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.log %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.log %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.log %[[T]] : tensor<?xf16>
// CHECK: return
func.func @log(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.log %a : f32
  %1 = math.log %v fastmath<fast> : vector<4xf64>
  %2 = math.log %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @log10
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.log10 %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.log10 %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.log10 %[[T]] : tensor<?xf16>
// CHECK: return
func.func @log10(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.log10 %a : f32
  %1 = math.log10 %v fastmath<fast> : vector<4xf64>
  %2 = math.log10 %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @log1p
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.log1p %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.log1p %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.log1p %[[T]] : tensor<?xf16>
// CHECK: return
func.func @log1p(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.log1p %a : f32
  %1 = math.log1p %v fastmath<fast> : vector<4xf64>
  %2 = math.log1p %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @log2
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.log2 %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.log2 %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.log2 %[[T]] : tensor<?xf16>
// CHECK: return
func.func @log2(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.log2 %a : f32
  %1 = math.log2 %v fastmath<fast> : vector<4xf64>
  %2 = math.log2 %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @round
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.round %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.round %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.round %[[T]] : tensor<?xf16>
// CHECK: return
func.func @round(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.round %a : f32
  %1 = math.round %v fastmath<fast> : vector<4xf64>
  %2 = math.round %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @roundeven
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.roundeven %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.roundeven %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.roundeven %[[T]] : tensor<?xf16>
// CHECK: return
func.func @roundeven(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.roundeven %a : f32
  %1 = math.roundeven %v fastmath<fast> : vector<4xf64>
  %2 = math.roundeven %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @rsqrt
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.rsqrt %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.rsqrt %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.rsqrt %[[T]] : tensor<?xf16>
// CHECK: return
func.func @rsqrt(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.rsqrt %a : f32
  %1 = math.rsqrt %v fastmath<fast> : vector<4xf64>
  %2 = math.rsqrt %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @sin
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.sin %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.sin %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.sin %[[T]] : tensor<?xf16>
// CHECK: return
func.func @sin(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.sin %a : f32
  %1 = math.sin %v fastmath<fast> : vector<4xf64>
  %2 = math.sin %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @sinh
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.sinh %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.sinh %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.sinh %[[T]] : tensor<?xf16>
// CHECK: return
func.func @sinh(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.sinh %a : f32
  %1 = math.sinh %v fastmath<fast> : vector<4xf64>
  %2 = math.sinh %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @sqrt
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.sqrt %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.sqrt %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.sqrt %[[T]] : tensor<?xf16>
// CHECK: return
func.func @sqrt(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.sqrt %a : f32
  %1 = math.sqrt %v fastmath<fast> : vector<4xf64>
  %2 = math.sqrt %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @tan
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.tan %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.tan %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.tan %[[T]] : tensor<?xf16>
// CHECK: return
func.func @tan(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.tan %a : f32
  %1 = math.tan %v fastmath<fast> : vector<4xf64>
  %2 = math.tan %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @tanh
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.tanh %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.tanh %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.tanh %[[T]] : tensor<?xf16>
// CHECK: return
func.func @tanh(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.tanh %a : f32
  %1 = math.tanh %v fastmath<fast> : vector<4xf64>
  %2 = math.tanh %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @trunc
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>, %[[T:[^ ,:]+]]: tensor<?xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = math.trunc %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.trunc %[[V]] fastmath<fast> : vector<4xf64>
// CHECK: %[[N2:[^ ,:]+]] = math.trunc %[[T]] : tensor<?xf16>
// CHECK: return
func.func @trunc(%a: f32, %v: vector<4xf64>, %t: tensor<?xf16>) {
  %0 = math.trunc %a : f32
  %1 = math.trunc %v fastmath<fast> : vector<4xf64>
  %2 = math.trunc %t : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @atan2
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>) {
// CHECK: %[[N0:[^ ,:]+]] = math.atan2 %[[A]], %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.atan2 %[[V]], %[[V]] fastmath<afn> : vector<4xf64>
// CHECK: return
func.func @atan2(%a: f32, %v: vector<4xf64>) {
  %0 = math.atan2 %a, %a : f32
  %1 = math.atan2 %v, %v fastmath<afn> : vector<4xf64>
  return
}

// -----

// CHECK-LABEL: func.func @copysign
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>) {
// CHECK: %[[N0:[^ ,:]+]] = math.copysign %[[A]], %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.copysign %[[V]], %[[V]] fastmath<afn> : vector<4xf64>
// CHECK: return
func.func @copysign(%a: f32, %v: vector<4xf64>) {
  %0 = math.copysign %a, %a : f32
  %1 = math.copysign %v, %v fastmath<afn> : vector<4xf64>
  return
}

// -----

// CHECK-LABEL: func.func @powf
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf64>) {
// CHECK: %[[N0:[^ ,:]+]] = math.powf %[[A]], %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.powf %[[V]], %[[V]] fastmath<afn> : vector<4xf64>
// CHECK: return
func.func @powf(%a: f32, %v: vector<4xf64>) {
  %0 = math.powf %a, %a : f32
  %1 = math.powf %v, %v fastmath<afn> : vector<4xf64>
  return
}

// -----

// CHECK-LABEL: func.func @absi
// CHECK-SAME: (%[[A:[^ ,:]+]]: i32, %[[V:[^ ,:]+]]: vector<4xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = math.absi %[[A]] : i32
// CHECK: %[[N1:[^ ,:]+]] = math.absi %[[V]] : vector<4xi8>
// CHECK: return
func.func @absi(%a: i32, %v: vector<4xi8>) {
  %0 = math.absi %a : i32
  %1 = math.absi %v : vector<4xi8>
  return
}

// -----

// CHECK-LABEL: func.func @ctlz
// CHECK-SAME: (%[[A:[^ ,:]+]]: i32, %[[V:[^ ,:]+]]: vector<4xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = math.ctlz %[[A]] : i32
// CHECK: %[[N1:[^ ,:]+]] = math.ctlz %[[V]] : vector<4xi8>
// CHECK: return
func.func @ctlz(%a: i32, %v: vector<4xi8>) {
  %0 = math.ctlz %a : i32
  %1 = math.ctlz %v : vector<4xi8>
  return
}

// -----

// CHECK-LABEL: func.func @ctpop
// CHECK-SAME: (%[[A:[^ ,:]+]]: i32, %[[V:[^ ,:]+]]: vector<4xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = math.ctpop %[[A]] : i32
// CHECK: %[[N1:[^ ,:]+]] = math.ctpop %[[V]] : vector<4xi8>
// CHECK: return
func.func @ctpop(%a: i32, %v: vector<4xi8>) {
  %0 = math.ctpop %a : i32
  %1 = math.ctpop %v : vector<4xi8>
  return
}

// -----

// CHECK-LABEL: func.func @cttz
// CHECK-SAME: (%[[A:[^ ,:]+]]: i32, %[[V:[^ ,:]+]]: vector<4xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = math.cttz %[[A]] : i32
// CHECK: %[[N1:[^ ,:]+]] = math.cttz %[[V]] : vector<4xi8>
// CHECK: return
func.func @cttz(%a: i32, %v: vector<4xi8>) {
  %0 = math.cttz %a : i32
  %1 = math.cttz %v : vector<4xi8>
  return
}

// -----

// CHECK-LABEL: func.func @misc
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[B:[^ ,:]+]]: f32, %[[I:[^ ,:]+]]: i32, %[[V:[^ ,:]+]]: vector<4xf32>, %[[VI:[^ ,:]+]]: vector<4xi32>) {
// CHECK: %[[N0:[^ ,:]+]] = math.fma %[[A]], %[[B]], %[[A]] : f32
// CHECK: %[[N1:[^ ,:]+]] = math.fma %[[V]], %[[V]], %[[V]] fastmath<fast> : vector<4xf32>
// CHECK: %[[N2:[^ ,:]+]] = math.fpowi %[[A]], %[[I]] : f32, i32
// CHECK: %[[N3:[^ ,:]+]] = math.fpowi %[[V]], %[[VI]] fastmath<fast> : vector<4xf32>, vector<4xi32>
// CHECK: %[[N4:[^ ,:]+]] = math.ipowi %[[I]], %[[I]] : i32
// CHECK: %[[N5:[^ ,:]+]] = math.isnan %[[A]] : f32
// CHECK: %[[N6:[^ ,:]+]] = math.isinf %[[A]] : f32
// CHECK: %[[N7:[^ ,:]+]] = math.isfinite %[[V]] : vector<4xf32>
// CHECK: %[[N8:[^ ,:]+]] = math.isnormal %[[A]] : f32
// CHECK: %[[N9:[^ ,:]+]], %[[N10:[^ ,:]+]] = math.sincos %[[A]] : f32
// CHECK: %[[N11:[^ ,:]+]] = math.clampf %[[A]] to [%[[B]], %[[B]]] : f32
// CHECK: return
func.func @misc(%a: f32, %b: f32, %i: i32, %v: vector<4xf32>, %vi: vector<4xi32>) {
  %0 = math.fma %a, %b, %a : f32
  %1 = math.fma %v, %v, %v fastmath<fast> : vector<4xf32>
  %2 = math.fpowi %a, %i : f32, i32
  %3 = math.fpowi %v, %vi fastmath<fast> : vector<4xf32>, vector<4xi32>
  %4 = math.ipowi %i, %i : i32
  %5 = math.isnan %a : f32
  %6 = math.isinf %a : f32
  %7 = math.isfinite %v : vector<4xf32>
  %8 = math.isnormal %a : f32
  %9, %10 = math.sincos %a : f32
  %11 = math.clampf %a to [%b, %b] : f32
  return
}
