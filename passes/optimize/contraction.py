"""Contractions (matmul, batch_matmul, matvec): cache tiles, then a register
tile of ``rows`` x two vectors, stepping ``depth`` along the reduction, whose
accumulators stay in vector registers; the contraction becomes outer
products, then FMAs."""

from __future__ import annotations

from xdsl.ir import Operation

from mlopt.passes.optimize.loops import element_bits, static_extents
from mlopt.passes.optimize.target import Target
from mlopt.passes.optimize.tiles import Kernel, TilePlan, masked_vectorize_steps, shape_suffix, tiling_steps

REGISTER_ROWS = 8
REDUCTION_DEPTH = 8
"""Outer products per register tile: enough to amortize reading and writing
the accumulators where they cannot be kept across the reduction loop."""
CACHE_TILE = (128, 256, 128)
"""(rows, columns, depth): an A panel of 64 KiB and a B panel of 128 KiB (f32)
stay in L2; a short depth keeps the B rows a register tile walks (a row
stride apart, unpacked) from evicting each other in L1."""

OPS = ("linalg.matmul", "linalg.batch_matmul", "linalg.matvec")


def plan(op: Operation, target: Target) -> Kernel | None:
    if op.name not in OPS:
        return None
    extents = static_extents(op)
    if extents is None:
        return None
    lanes = target.lanes(element_bits(op))
    rows, columns, depth = CACHE_TILE
    if op.name == "linalg.matvec":
        tiles = TilePlan.choose(extents, (rows, columns), (REGISTER_ROWS, 4 * lanes))
    else:
        registers = (REGISTER_ROWS, 2 * lanes, REDUCTION_DEPTH)
        batch = (1,) if op.name == "linalg.batch_matmul" else ()
        tiles = TilePlan.choose(extents, batch + CACHE_TILE, batch + registers)
    steps, handle = tiling_steps(tiles)
    steps += masked_vectorize_steps(tiles, handle)
    family = op.name.removeprefix("linalg.")
    return Kernel(family, f"{family}_{shape_suffix(extents)}", tuple(steps))
