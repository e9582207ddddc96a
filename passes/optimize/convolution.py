"""2-D convolutions (NHWC/HWCF): register tiles of one output row segment by
two vectors of filters, one filter tap at a time, so that each tile
decomposes into a 1-D convolution whose vectorized form is a contraction
over the channels. Decomposition needs tensors: these tiles are made before
bufferization."""

from __future__ import annotations

from xdsl.ir import Operation

from mlopt.passes.optimize.loops import element_bits, static_extents
from mlopt.passes.optimize.target import Target
from mlopt.passes.optimize.tiles import ANY, Kernel, TilePlan, shape_suffix, tiling_steps

OUTPUT_COLUMNS = 8

OPS = ("linalg.conv_2d_nhwc_hwcf",)


def plan(op: Operation, target: Target) -> Kernel | None:
    if op.name not in OPS:
        return None
    extents = static_extents(op)
    if extents is None:
        return None
    # loops: batch, output row, output column, filter, tap row, tap column, channel
    lanes = target.lanes(element_bits(op))
    preferred = (1, 1, OUTPUT_COLUMNS, 2 * lanes, 1, 1, 0)
    # the 1-D convolution vectorizes unmasked only: tiles divide the loops
    tiles = TilePlan(tuple(extents), (0,) * 7, tuple(_dividing_tile(e, p) for e, p in zip(extents, preferred)))
    steps, handle = tiling_steps(tiles)
    steps.append(f"%decomposed = transform.structured.decompose {handle} : ({ANY}) -> {ANY}")
    return Kernel("conv_2d_nhwc_hwcf", f"conv_2d_nhwc_hwcf_{shape_suffix(extents)}", tuple(steps), on_tensors=True)


def _dividing_tile(extent: int, preferred: int) -> int:
    """The largest divisor of ``extent`` up to ``preferred``; 0 (untiled) when ``extent`` fits."""
    if preferred <= 0 or extent <= preferred:
        return 0
    return next(size for size in range(preferred, 0, -1) if extent % size == 0)
