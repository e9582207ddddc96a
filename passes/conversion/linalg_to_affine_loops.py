"""convert-linalg-to-affine-loops: linalg ops on memrefs → affine.for nests
with affine.load/affine.store, as upstream's LinalgToAffineLoops.

The loop nest builder is convert-linalg-to-loops' (softmax, pack and unpack,
which upstream's pass does not lower, become scf.for loops there too)."""

from __future__ import annotations

from typing import ClassVar

from mlopt.passes.conversion.linalg_to_loops import LinalgToLoopsPass, LoopKind


class ConvertLinalgToAffineLoopsPass(LinalgToLoopsPass):
    """Lower the operations from the linalg dialect into affine loops"""

    name = "convert-linalg-to-affine-loops"
    display_name: ClassVar[str] = "ConvertLinalgToAffineLoopsPass"
    loops: ClassVar[LoopKind] = LoopKind.AFFINE
