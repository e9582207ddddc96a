// RUN: mlopt %s --verify-diagnostics --convert-to-llvm

// convert-to-llvm needs structured control flow lowered first, as upstream;
// it says so instead of leaving scf behind.
func.func @loop(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error@+1 {{'scf.for' op was not lowered to the llvm dialect; run convert-scf-to-cf (or the lower-to-llvm pipeline)}}
  scf.for %i = %c0 to %n step %c1 {
  }
  return
}
