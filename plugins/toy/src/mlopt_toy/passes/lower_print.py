"""toy-lower-print: ``toy.print`` of a memref -> affine loops calling the Toy runtime.

As toyc's ``printf`` lowering (chapter 6), each element is printed as
``"%f "`` and a newline follows each innermost row; the calls go to two
functions the plugin registers as JIT runtime symbols (see
:mod:`mlopt_toy.runtime`), so the program runs under ``mlrun``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import affine, func
from xdsl.dialects.builtin import MemRefType, ModuleOp, f64
from xdsl.ir import SSAValue
from xdsl.passes import ModulePass

from mlopt.diagnostics import DiagnosticError
from mlopt_toy.dialect import PrintOp
from mlopt_toy.passes.building import affine_loop, emitter
from mlopt_toy.runtime import PRINT_F64, PRINT_NEWLINE


@dataclass(frozen=True)
class ToyLowerPrint(ModulePass):
    """Lower toy.print of memrefs to loops calling the Toy runtime's print functions"""

    name = "toy-lower-print"
    display_name: ClassVar[str] = "ToyLowerPrintPass"
    anchor: ClassVar[str] = "builtin.module"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        prints = [inner for inner in op.walk() if isinstance(inner, PrintOp)]
        if not prints:
            return
        for print_op in prints:
            if not isinstance(print_op.input.type, MemRefType):
                raise DiagnosticError.at(
                    print_op, "'toy.print' op prints a tensor; lower it to a memref first (--toy-to-affine)"
                )
            _lower(print_op)
        _declare_runtime(op)


def _declare_runtime(module: ModuleOp) -> None:
    declared = {f.sym_name.data for f in module.body.block.ops if isinstance(f, func.FuncOp)}
    for name, inputs in ((PRINT_F64, [f64]), (PRINT_NEWLINE, [])):
        if name not in declared:
            module.body.block.add_op(func.FuncOp.external(name, inputs, []))


def _lower(print_op: PrintOp) -> None:
    """A nest of affine loops: the innermost prints the elements of a row, each
    outer one ends its iterations with a newline."""
    shape = print_op.input.type.get_shape()
    emit = emitter(print_op.parent_block(), print_op, print_op)
    indices: list[SSAValue] = []
    for depth, size in enumerate(shape):
        emit, index = affine_loop(emit, size, print_op)
        indices.append(index)
        if depth < len(shape) - 1:
            newline = emit(func.CallOp(PRINT_NEWLINE, [], []))
            emit = emitter(newline.parent_block(), newline, print_op)
    element = emit(affine.LoadOp(print_op.input, indices)).results[0]
    emit(func.CallOp(PRINT_F64, [element], []))
    print_op.detach()
    print_op.erase()
