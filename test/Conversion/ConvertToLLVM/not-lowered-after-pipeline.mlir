// RUN: mlopt %s --lower-to-llvm --verify-diagnostics -o /dev/null
// RUN: not mlopt %s --convert-func-to-llvm --check-llvm-legality -o /dev/null 2>&1 | FileCheck %s --check-prefix=ALONE

// After a lowering pipeline that already ran the pass lowering an op, the
// op left behind is one that pass does not support: suggesting the pass again
// would send the user in a circle. Checked on its own, the pass is suggested.

// ALONE: error: 'math.erf' op was not lowered to the llvm dialect; run convert-math-to-libm (or the lower-to-llvm pipeline)
func.func @erf_on_f16(%a: f16) -> f16 {
  // expected-error@+1 {{'math.erf' op was not lowered to the llvm dialect; the lower-to-llvm pipeline ran convert-math-to-libm, which does not support it}}
  %r = math.erf %a : f16
  return %r : f16
}
