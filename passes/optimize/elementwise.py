"""Elementwise ops (fused linalg.generic with only parallel loops, fills,
copies, transposes, named elementwise ops): register tiles of several vectors
along the innermost loop, one step along the others."""

from __future__ import annotations

from xdsl.ir import Operation

from mlopt.passes.optimize.loops import element_bits, static_extents
from mlopt.passes.optimize.target import Target
from mlopt.passes.optimize.tiles import Kernel, TilePlan, masked_vectorize_steps, shape_suffix, tiling_steps

GENERALIZED = (
    "linalg.fill", "linalg.broadcast", "linalg.map",
    "linalg.add", "linalg.sub", "linalg.mul", "linalg.div", "linalg.max", "linalg.min", "linalg.powf",
    "linalg.exp", "linalg.log", "linalg.abs", "linalg.negf", "linalg.sqrt", "linalg.rsqrt", "linalg.tanh",
    "linalg.erf", "linalg.floor", "linalg.ceil", "linalg.square", "linalg.reciprocal",
)  # fmt: skip
"""Named elementwise ops (and fills and broadcasts, which feed them) made
linalg.generic so that elementwise fusion, which fuses generics, sees them."""

VECTORS_PER_TILE = 8
"""Independent vector ops per register tile, to hide each op's latency."""


def plan(op: Operation, target: Target, extents: list[int] | None = None) -> Kernel | None:
    """``op``'s register tiles; ``extents``: those of the tile of it to
    schedule (a row of it), when not the whole op."""
    from mlopt.dialects.linalg import iterator_types

    if any(kind != "parallel" for kind in iterator_types(op)):
        return None
    extents = static_extents(op) if extents is None else extents
    if extents is None or not extents:
        return None
    elements = VECTORS_PER_TILE * target.lanes(element_bits(op))
    registers = [1] * len(extents)
    registers[-1] = elements
    if len(extents) > 1 and extents[-1] < elements:
        # a short innermost loop: the tile spans the next loop too
        registers[-2] = max(1, elements // extents[-1])
    quanta = [1] * len(extents)
    quanta[-1] = target.lanes(element_bits(op))
    tiles = TilePlan.choose(extents, [0] * len(extents), registers, quanta)
    steps, handle = tiling_steps(tiles)
    steps += masked_vectorize_steps(tiles, handle)
    family = op.name.removeprefix("linalg.")
    return Kernel(family, f"{family}_{shape_suffix(extents)}", tuple(steps))
