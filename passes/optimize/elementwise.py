"""Elementwise ops (fused linalg.generic with only parallel loops, fills,
copies, transposes, named elementwise ops): register tiles of several vectors
along the innermost loop, one step along the others."""

from __future__ import annotations

import math

from xdsl.ir import Operation

from mlopt.passes.optimize.loops import element_bits, static_extents
from mlopt.passes.optimize.target import Target
from mlopt.passes.optimize.tiles import ANY, Kernel, TilePlan, masked_vectorize_steps, shape_suffix, tiling_steps

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

STREAMED_BYTES = 4 << 20
"""Outputs this large are stored nontemporally: written once and too large to
stay in a core's L2 for their reader, they are not read into the cache
before being overwritten (the read-for-ownership of a plain store). Measured
at 4 MiB (a 5-op chain on 1M f32: 16-20% faster); smaller outputs keep
plain stores, which leave them in cache for the next op."""


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
    if steps and not tiles.partial and math.prod(extents) * element_bits(op) >= 8 * STREAMED_BYTES:
        steps += _streaming_store_steps(handle, sum(1 for size in tiles.registers if size))
    family = op.name.removeprefix("linalg.")
    return Kernel(family, f"{family}_{shape_suffix(extents)}", tuple(steps))


def _streaming_store_steps(register_tile: str, loops: int) -> list[str]:
    """The register tile vectorized here, its transfers made plain loads and
    stores, and the stores marked nontemporal. A tile of several loops is a
    vector with leading unit dimensions, cast away first: the transfers are
    then 1-D, which is what lower_transfer makes plain."""
    loop = f"{register_tile}_loops" + ("#0" if loops > 1 else "")
    return [
        f"transform.structured.vectorize {register_tile} : {ANY}",
        f"transform.apply_patterns to {loop} {{",
        "  transform.apply_patterns.vector.cast_away_vector_leading_one_dim",
        "  transform.apply_patterns.vector.lower_transfer max_transfer_rank = 1",
        "  transform.apply_patterns.canonicalization",
        f"}} : {ANY}",
        f'%stores = transform.structured.match ops{{["vector.store"]}} in {loop} : ({ANY}) -> {ANY}',
        "%nontemporal = transform.param.constant true -> !transform.any_param",
        f'transform.annotate %stores "nontemporal" = %nontemporal : {ANY}, !transform.any_param',
    ]
