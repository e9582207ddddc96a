// --output-differs: interesting while what mlrun prints after the passes
// differs from what it prints without them. The planted pass turns the first
// arith.addi into arith.subi; the reduced program keeps an addition whose
// result is printed.

// RUN: mlopt-reduce %s --output-differs --entry-point-result=void --load-plugin=%S/../mlopt/Inputs/planted_bugs.py --planted-addi-to-subi -o %t.mlir 2>/dev/null
// RUN: FileCheck %s < %t.mlir
// RUN: mlrun %t.mlir --entry-point-result=void | FileCheck %s --check-prefix=OUTPUT

// CHECK: func.func @main()
// CHECK-NOT: arith.muli
// CHECK: arith.addi
// CHECK-NEXT: call @printI64
// CHECK-NEXT: return

// OUTPUT: 42

func.func private @printI64(i64)

func.func @main() {
  %a = arith.constant 40 : i64
  %b = arith.constant 2 : i64
  %m = arith.muli %a, %b : i64
  %s = arith.addi %a, %b : i64
  call @printI64(%m) : (i64) -> ()
  call @printI64(%s) : (i64) -> ()
  return
}
