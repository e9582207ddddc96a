"""convert-linalg-to-affine-loops: linalg ops on memrefs → affine.for nests
with affine.load/affine.store, as upstream's LinalgToAffineLoops.

The loop nest builder is convert-linalg-to-loops' (softmax, pack and unpack,
which upstream's pass does not lower, become scf.for loops there too)."""

from __future__ import annotations

from typing import ClassVar

from xdsl.context import Context
from xdsl.ir import Operation
from xdsl.passes import ModulePass

from mlopt.passes.conversion.linalg_to_loops import LoopKind, lower_linalg


class ConvertLinalgToAffineLoopsPass(ModulePass):
    """Lower the operations from the linalg dialect into affine loops"""

    name = "convert-linalg-to-affine-loops"
    display_name: ClassVar[str] = "ConvertLinalgToAffineLoopsPass"

    def apply(self, ctx: Context, op: Operation) -> None:
        lower_linalg(op, LoopKind.AFFINE)
