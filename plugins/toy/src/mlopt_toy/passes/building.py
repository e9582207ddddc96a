"""IR building shared by the Toy lowerings: inserting ops where code goes."""

from __future__ import annotations

from collections.abc import Callable

from xdsl.dialects import affine
from xdsl.dialects.builtin import IndexType
from xdsl.ir import Block, Operation, Region, SSAValue

Emit = Callable[[Operation], Operation]
"""Inserts an op where code goes, with the location of the op being lowered."""


def emitter(block: Block, before: Operation | None, origin: Operation) -> Emit:
    """Inserts into ``block`` before ``before`` (at the end for None), located at ``origin``."""

    def emit(op: Operation) -> Operation:
        op.location = origin.location
        if before is None:
            block.add_op(op)
        else:
            block.insert_op_before(op, before)
        return op

    return emit


def affine_loop(emit: Emit, size: int, origin: Operation) -> tuple[Emit, SSAValue]:
    """Emits ``affine.for %i = 0 to size``; an emitter into its body, and ``%i``."""
    terminator = affine.YieldOp.get()
    terminator.location = origin.location
    body = Block([terminator], arg_types=[IndexType()])
    emit(affine.ForOp.from_region([], [], [], [], 0, size, Region(body)))
    return emitter(body, terminator, origin), body.args[0]
