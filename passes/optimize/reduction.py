"""Reductions that are not contractions (row max and sums as in softmax):
one step along each parallel loop, a few vectors along each reduction loop,
accumulated into the output in place."""

from __future__ import annotations

from xdsl.ir import Operation

from mlopt.passes.optimize.loops import element_bits, static_extents
from mlopt.passes.optimize.target import Target
from mlopt.passes.optimize.tiles import Kernel, TilePlan, masked_vectorize_steps, shape_suffix, tiling_steps

VECTORS_PER_CHUNK = 16
"""Vectors reduced per step of a reduction loop."""


def plan(op: Operation, target: Target) -> Kernel | None:
    from mlopt.dialects.linalg import iterator_types

    kinds = iterator_types(op)
    extents = static_extents(op)
    if extents is None or "reduction" not in kinds:
        return None
    chunk = VECTORS_PER_CHUNK * target.lanes(element_bits(op))
    registers = [chunk if kind == "reduction" else 1 for kind in kinds]
    lanes = target.lanes(element_bits(op))
    tiles = TilePlan.choose(extents, [0] * len(extents), registers, [lanes if r > 1 else 1 for r in registers])
    steps, handle = tiling_steps(tiles)
    steps += masked_vectorize_steps(tiles, handle)
    family = op.name.removeprefix("linalg.")
    return Kernel(f"{family}_reduction", f"{family}_reduction_{shape_suffix(extents)}", tuple(steps))
