"""buffer-loop-hoisting: allocations whose sizes do not change inside a loop
are made once, before the loop, as upstream's BufferLoopHoisting.

An allocation moves out of every enclosing loop (scf.for, scf.while,
scf.parallel, scf.forall, affine.for, affine.parallel) its operands are
defined outside of. Allocations freed in the loop stay: each iteration needs
its own buffer then.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import affine, memref, scf
from xdsl.dialects.func import FuncOp
from xdsl.ir import Operation
from xdsl.passes import ModulePass
from xdsl.rewriter import InsertPoint, Rewriter

_LOOPS = (scf.ForOp, scf.WhileOp, scf.ParallelOp, affine.ForOp, affine.ParallelOp)


def _is_loop(op: Operation) -> bool:
    return isinstance(op, _LOOPS) or op.name == "scf.forall"


def _defined_outside(alloc: Operation, loop: Operation) -> bool:
    for operand in alloc.operands:
        definer = operand.owner if isinstance(operand.owner, Operation) else operand.owner.parent_op()
        if definer is not None and loop.is_ancestor(definer):
            return False
    return True


def _outermost_loop(alloc: Operation) -> Operation | None:
    """The outermost enclosing loop the allocation can leave, stopping at the function."""
    target = None
    parent = alloc.parent_op()
    while parent is not None and not isinstance(parent, FuncOp):
        if _is_loop(parent):
            if not _defined_outside(alloc, parent):
                break
            target = parent
        parent = parent.parent_op()
    return target


@dataclass(frozen=True)
class BufferLoopHoistingPass(ModulePass):
    """Optimizes placement of allocation operations by moving them out of loop nests"""

    name = "buffer-loop-hoisting"
    display_name: ClassVar[str] = "BufferLoopHoistingPass"

    def apply(self, ctx: Context, op: Operation) -> None:
        for alloc in [o for o in op.walk() if isinstance(o, memref.AllocOp)]:
            if any(isinstance(use.operation, memref.DeallocOp) for use in alloc.memref.uses):
                continue
            if (loop := _outermost_loop(alloc)) is not None:
                alloc.detach()
                Rewriter.insert_op(alloc, InsertPoint.before(loop))
