"""convert-linalg-to-parallel-loops: linalg ops on memrefs → scf.parallel over
the leading parallel iterators and scf.for for reductions, as upstream's
LinalgToParallelLoops.

The loop nest builder is convert-linalg-to-loops' (softmax, pack and unpack,
which upstream's pass does not lower, become scf.for loops there too)."""

from __future__ import annotations

from typing import ClassVar

from xdsl.context import Context
from xdsl.ir import Operation
from xdsl.passes import ModulePass

from mlopt.passes.conversion.linalg_to_loops import LoopKind, lower_linalg


class ConvertLinalgToParallelLoopsPass(ModulePass):
    """Lower the operations from the linalg dialect into parallel loops"""

    name = "convert-linalg-to-parallel-loops"
    display_name: ClassVar[str] = "ConvertLinalgToParallelLoopsPass"

    def apply(self, ctx: Context, op: Operation) -> None:
        lower_linalg(op, LoopKind.PARALLEL)
