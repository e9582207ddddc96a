// RUN: mltranslate --mlir-to-asm --target-triple=x86_64-unknown-linux-gnu -O2 %s | FileCheck %s --check-prefix=X86
// RUN: mltranslate --mlir-to-asm --target-triple=aarch64-unknown-linux-gnu --mcpu=neoverse-v1 -O3 %s | FileCheck %s --check-prefix=ARM
// RUN: mltranslate --mlir-to-asm --target-triple=x86_64-unknown-linux-gnu -O0 %s | FileCheck %s --check-prefix=O0
// RUN: mltranslate --mlir-to-obj --target-triple=x86_64-unknown-linux-gnu %s -o %t.o
// RUN: %python -c "import sys; d = open(sys.argv[1], 'rb').read(); assert d[:4] == b'\x7fELF' and d[18] == 62, d[:20]; print('elf-x86-64')" %t.o | FileCheck %s --check-prefix=OBJ
// RUN: mltranslate --mlir-to-obj --target-triple=aarch64-unknown-linux-gnu %s -o %t.arm.o
// RUN: %python -c "import sys; d = open(sys.argv[1], 'rb').read(); assert d[:4] == b'\x7fELF' and d[18] == 183, d[:20]; print('elf-aarch64')" %t.arm.o | FileCheck %s --check-prefix=ARMOBJ
// RUN: mltranslate --mlir-to-llvmir --target-triple=x86_64-unknown-linux-gnu -O2 %s | FileCheck %s --check-prefix=OPT

// X86: .globl add_one
// X86: add_one:
// X86: ret
// ARM: .globl add_one
// ARM: add_one:
// ARM: ret
// O0: add_one:
// OBJ: elf-x86-64
// ARMOBJ: elf-aarch64
// OPT: target triple = "x86_64-unknown-linux-gnu"
// OPT: define i64 @add_one(i64 %0)
// OPT-NEXT: %[[R:[0-9]+]] = add i64 %0, 1
// OPT-NEXT: ret i64 %[[R]]
llvm.func @add_one(%x: i64) -> i64 {
  %one = llvm.mlir.constant(1 : i64) : i64
  %unused = llvm.mul %x, %x : i64
  %r = llvm.add %x, %one : i64
  llvm.return %r : i64
}
