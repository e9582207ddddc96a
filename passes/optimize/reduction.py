"""Reductions that are not contractions (row max and sums as in softmax).

A reduction along the innermost loop is split (on tensors, before
bufferization): one step along each parallel loop, and the reduction loop
accumulates into a partial result a few vectors wide, merged once at the
end. Reducing each chunk into one scalar would be a chain of dependent
additions, since the lowering of a floating-point vector.reduction keeps
its order; the partial vectors are independent accumulators.
Other reductions: a few vectors along each reduction loop, one step along
the others, accumulated into the output in place (after bufferization).
"""

from __future__ import annotations

from xdsl.ir import Operation

from mlopt.passes.optimize.loops import element_bits, static_extents
from mlopt.passes.optimize.target import Target
from mlopt.passes.optimize.tiles import Kernel, TilePlan, masked_vectorize_steps, shape_suffix, tile_using_for, tiling_steps

VECTORS_PER_CHUNK = 16
"""Vectors reduced per step of a reduction loop."""

SPLIT_CREATES = ("linalg.fill", "linalg.generic", "linalg.reduce")
"""The partial result's fill, the partial reduction, the merge."""

ACCUMULATORS = 4
"""Vectors of the partial result of a split reduction: independent chains
of additions, enough to hide an addition's latency."""


def plan(op: Operation, target: Target) -> Kernel | None:
    from mlopt.dialects.linalg import iterator_types

    kinds = iterator_types(op)
    extents = static_extents(op)
    if extents is None or "reduction" not in kinds:
        return None
    family = op.name.removeprefix("linalg.")
    lanes = target.lanes(element_bits(op))
    partial = _partial_width(kinds, extents, lanes)
    if partial:
        return Kernel(
            f"{family}_split_reduction",
            f"{family}_split_reduction_{shape_suffix(extents)}",
            tuple(_split_steps(extents, partial)),
            on_tensors=True,
            creates=SPLIT_CREATES,
        )
    chunk = VECTORS_PER_CHUNK * lanes
    registers = [chunk if kind == "reduction" else 1 for kind in kinds]
    tiles = TilePlan.choose(extents, [0] * len(extents), registers, [lanes if r > 1 else 1 for r in registers])
    steps, handle = tiling_steps(tiles)
    steps += masked_vectorize_steps(tiles, handle)
    return Kernel(f"{family}_reduction", f"{family}_reduction_{shape_suffix(extents)}", tuple(steps))


def _partial_width(kinds: list[str], extents: list[int], lanes: int) -> int:
    """The width of the partial result when the reduction is split (only the
    innermost loop reduces, and whole vectors of it divide its extent and
    leave more than one chunk), else 0."""
    if kinds[-1] != "reduction" or kinds.count("reduction") != 1:
        return 0
    for vectors in range(ACCUMULATORS, 0, -1):
        width = vectors * lanes
        if extents[-1] % width == 0 and extents[-1] > width:
            return width
    return 0


def _split_steps(extents: list[int], partial: int) -> list[str]:
    rows, handle = tile_using_for("%op", "row", [1 if extent > 1 else 0 for extent in extents[:-1]] + [0])
    steps = [rows] if rows else []
    tiles = ", ".join(["0"] * (len(extents) - 1) + [str(partial)])
    any_op = "!transform.any_op"
    steps.append(
        f"%partial_init, %partial, %merge, %chunks = transform.structured.tile_reduction_using_for {handle} "
        f"by tile_sizes = [{tiles}] : ({any_op}) -> ({any_op}, {any_op}, {any_op}, {any_op})"
    )
    return steps
