// RUN: mlopt %s --test-lower-to-llvm --dump-pass-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=UPSTREAM
// RUN: mlopt %s --lower-to-llvm='index-bitwidth=32 use-bare-ptr-memref-call-conv=1' --dump-pass-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=OPTIONS

// Upstream's order, pass for pass, then mlopt's check.
// UPSTREAM: func.func(
// UPSTREAM-NEXT: convert-vector-to-scf
// UPSTREAM: convert-linalg-to-loops
// UPSTREAM: lower-affine,
// UPSTREAM-NEXT: convert-scf-to-cf
// UPSTREAM-NEXT: canonicalize
// UPSTREAM-NEXT: cse,
// UPSTREAM-NEXT: convert-vector-to-llvm
// UPSTREAM-NEXT: func.func(
// UPSTREAM-NEXT: convert-math-to-llvm
// UPSTREAM: expand-strided-metadata,
// UPSTREAM-NEXT: lower-affine,
// UPSTREAM-NEXT: finalize-memref-to-llvm
// UPSTREAM-NEXT: convert-func-to-llvm
// UPSTREAM-NEXT: convert-arith-to-llvm
// UPSTREAM-NEXT: convert-cf-to-llvm
// UPSTREAM-NEXT: convert-index-to-llvm
// UPSTREAM-NEXT: convert-ub-to-llvm
// UPSTREAM-NEXT: reconcile-unrealized-casts,
// UPSTREAM-NEXT: check-llvm-legality

// OPTIONS: finalize-memref-to-llvm{index-bitwidth=32
// OPTIONS: convert-func-to-llvm{index-bitwidth=32 use-bare-ptr-memref-call-conv=true}
// OPTIONS: convert-arith-to-llvm{index-bitwidth=32}
func.func @f() {
  return
}
