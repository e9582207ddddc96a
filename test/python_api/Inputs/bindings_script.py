"""A script written against MLIR's Python bindings: parse, verify, run a pipeline,
print, walk, and report errors. test_bindings_script.py runs it with its imports
pointed at mlopt and, where they are installed, at upstream's bindings."""

import sys

from mlir.ir import Context, Location, MLIRError, Module, WalkOrder, WalkResult
from mlir.passmanager import PassManager

PROGRAM = """
func.func @axpy(%a: f32, %x: memref<8xf32>, %y: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0.0 : f32
  scf.for %i = %c0 to %c8 step %c1 {
    %xi = memref.load %x[%i] : memref<8xf32>
    %yi = memref.load %y[%i] : memref<8xf32>
    %ax = arith.mulf %a, %xi : f32
    %s = arith.addf %ax, %yi : f32
    %t = arith.addf %s, %zero : f32
    memref.store %t, %y[%i] : memref<8xf32>
  }
  return
}
"""

BROKEN = """
func.func @f() -> i32 {
  %0 = arith.constant 1 : i64
  return %0 : i64
}
"""

with Context():
    module = Module.parse(PROGRAM)
    print(module)
    print(module.operation.verify())

    pm = PassManager.parse("builtin.module(func.func(canonicalize,cse))")
    pm.run(module.operation)
    print(module)

    names = []

    def visit(op):
        names.append(op.name)
        return WalkResult.ADVANCE

    module.operation.walk(visit, WalkOrder.PRE_ORDER)
    print(names)

    try:
        Module.parse(BROKEN)
    except MLIRError as error:
        diagnostic = error.error_diagnostics[0]
        print(diagnostic.severity, "doesn't match function result type" in diagnostic.message)

    try:
        PassManager.parse("builtin.module(no-such-pass)")
    except ValueError:
        print("invalid pipeline rejected")

    print(Location.file("made.mlir", 7, 3))
    sys.stdout.flush()
