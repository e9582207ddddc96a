"""2-D convolutions (NHWC/HWCF): register tiles of one output row segment by
two vectors of filters, one filter tap at a time, so that each tile
decomposes into a 1-D convolution whose vectorized form is a contraction
over the channels."""

from __future__ import annotations

from xdsl.ir import Operation

from mlopt.passes.optimize.loops import element_bits, static_extents
from mlopt.passes.optimize.target import Target
from mlopt.passes.optimize.tiles import Kernel, TilePlan, masked_vectorize_steps, shape_suffix, tiling_steps

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
    registers = (1, 1, OUTPUT_COLUMNS, 2 * lanes, 1, 1, 0)
    tiles = TilePlan.choose(extents, (0,) * 7, registers)
    if tiles.registers[1] == 0 and extents[1] != 1 or tiles.registers[4] == 0 and extents[4] != 1:
        return None
    steps, handle = tiling_steps(tiles)
    steps.append(f"%decomposed = transform.structured.decompose {handle} : (!transform.any_op) -> !transform.any_op")
    # the 1-D convolution's loops: batch, output column, filter, tap column, channel
    sizes = tiles.vector_sizes
    steps += masked_vectorize_steps(tiles, "%decomposed", (sizes[0], sizes[2], sizes[3], sizes[5], sizes[6]))
    return Kernel("conv_2d_nhwc_hwcf", f"conv_2d_nhwc_hwcf_{shape_suffix(extents)}", tuple(steps))
