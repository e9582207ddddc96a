"""convert-linalg-to-parallel-loops: linalg ops on memrefs → scf.parallel over
the leading parallel iterators and scf.for for reductions, as upstream's
LinalgToParallelLoops.

The loop nest builder is convert-linalg-to-loops' (softmax, pack and unpack,
which upstream's pass does not lower, become scf.for loops there too)."""

from __future__ import annotations

from typing import ClassVar

from mlopt.passes.conversion.linalg_to_loops import LinalgToLoopsPass, LoopKind


class ConvertLinalgToParallelLoopsPass(LinalgToLoopsPass):
    """Lower the operations from the linalg dialect into parallel loops"""

    name = "convert-linalg-to-parallel-loops"
    display_name: ClassVar[str] = "ConvertLinalgToParallelLoopsPass"
    loops: ClassVar[LoopKind] = LoopKind.PARALLEL
