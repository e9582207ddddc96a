"""loop-invariant-code-motion: upstream's LICM over every loop-like op.

Each region of a loop (the body of scf.for, scf.parallel, scf.forall,
affine.for and affine.parallel; both regions of scf.while) gives up the ops
that use no value defined in the loop and are free of memory effects and
speculatable, as MLIR 22 decides: they move before the loop. Loops are visited
inner first, so an invariant of an inner loop can move out of the whole nest.
The hoisting itself is xDSL's (``xdsl.transforms.loop_invariant_code_motion``),
applied here to every loop kind rather than scf.for alone.
"""

from __future__ import annotations

from typing import ClassVar

from xdsl.builder import Builder
from xdsl.context import Context
from xdsl.ir import Operation
from xdsl.passes import ModulePass
from xdsl.rewriter import InsertPoint

LOOP_LIKE_OPS = frozenset(
    {"scf.for", "scf.while", "scf.parallel", "scf.forall", "affine.for", "affine.parallel"}
)
"""Ops implementing upstream's LoopLikeOpInterface among mlopt's dialects."""


def move_loop_invariant_code(loop: Operation) -> None:
    """Hoists the invariant, effect-free, speculatable ops of each of the loop's regions before it."""
    from xdsl.transforms.loop_invariant_code_motion import _move_loop_invariant_code

    for region in loop.regions:
        _move_loop_invariant_code(region, Builder(InsertPoint.before(loop)))


class LoopInvariantCodeMotion(ModulePass):
    """Hoist loop invariant instructions outside of the loop"""

    name = "loop-invariant-code-motion"
    display_name: ClassVar[str] = "LoopInvariantCodeMotion"

    def apply(self, ctx: Context, op: Operation) -> None:
        loops = [inner for inner in op.walk(region_first=True) if inner.name in LOOP_LIKE_OPS]
        for loop in loops:
            move_loop_invariant_code(loop)
