// RUN: not mltranslate %s 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: not mltranslate --mlir-to-llvmir --mlir-to-asm %s 2>&1 | FileCheck %s --check-prefix=TWO
// RUN: not mltranslate --mlir-to-llvmr %s 2>&1 | FileCheck %s --check-prefix=TYPO
// RUN: not mltranslate --mlir-to-asm --target-triple=nonsense-cpu-os %s 2>&1 | FileCheck %s --check-prefix=TRIPLE
// RUN: mltranslate --help | FileCheck %s --check-prefix=HELP
// RUN: echo "keep me" > %t.out
// RUN: not mltranslate --mlir-to-llvmir %S/../Target/LLVMIR/errors.mlir -o %t.out
// RUN: FileCheck %s --check-prefix=KEPT --input-file %t.out

// NONE: mltranslate: error: no translation selected; choose one of --mlir-to-asm, --mlir-to-llvmir, --mlir-to-obj
// TWO: mltranslate: error: more than one translation selected
// TYPO: mltranslate: error: unknown command line argument '--mlir-to-llvmr'; did you mean '--mlir-to-llvmir'?
// TRIPLE: mltranslate: error: unknown target triple 'nonsense-cpu-os'
// HELP: Translations to perform (exactly one):
// HELP: --mlir-to-asm
// HELP: --mlir-to-llvmir
// HELP: --mlir-to-obj
// KEPT: keep me
llvm.func @f() {
  llvm.return
}
