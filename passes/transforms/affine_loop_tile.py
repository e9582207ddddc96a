"""affine-loop-tile: upstream's LoopTiling of each function's perfectly nested
affine.for bands.

Every loop of a band becomes a tile-space loop (its step times the tile size)
and, innermost, an intra-tile loop from the tile's start to the next tile's,
capped by the original upper bound (``min``) where the tile size does not
divide a constant trip count. Tile sizes come from ``tile-size`` (all loops),
``tile-sizes`` (padded with 4), or upstream's model: the band's memory
footprint against ``cache-size`` KiB (tile size 1 when it fits; otherwise the
n-th root of the excess, made divisors of constant trip counts; 4 when the
footprint is unknown). Bands whose inner bounds depend on outer loops are left
alone, as upstream's hyper-rectangular check does.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import affine
from xdsl.dialects.builtin import AffineMapAttr, IndexType, MemRefType
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.ir.affine import AffineConstantExpr, AffineDimExpr, AffineMap, AffineSymExpr
from xdsl.passes import ModulePass

from mlopt.diagnostics import DiagnosticError

DEFAULT_TILE_SIZE = 4


def perfect_band(loop: affine.ForOp) -> list[affine.ForOp]:
    """``loop`` and the loops perfectly nested in it (each body: one affine.for and the yield)."""
    band = [loop]
    while True:
        ops = list(band[-1].body.block.ops)
        if len(ops) != 2 or not isinstance(ops[0], affine.ForOp) or ops[0].results:
            return band
        band.append(ops[0])


def constant_bound(map: AffineMap) -> int | None:
    if map.num_dims or map.num_symbols or len(map.results) != 1:
        return None
    expr = map.results[0]
    return expr.value if isinstance(expr, AffineConstantExpr) else None


def constant_trip_count(loop: affine.ForOp) -> int | None:
    lower = constant_bound(loop.lowerBoundMap.data)
    upper = constant_bound(loop.upperBoundMap.data)
    if lower is None or upper is None:
        return None
    step = loop.step.value.data
    return max(0, -(-(upper - lower) // step))


def _adjust_to_divisors(band: Sequence[affine.ForOp], sizes: list[int]) -> None:
    for index, loop in enumerate(band):
        trips = constant_trip_count(loop)
        if trips is None:
            continue
        if trips > 1 and sizes[index] > trips // 2:
            sizes[index] = trips // 2
        sizes[index] = max(sizes[index], 1)
        while trips % sizes[index]:
            sizes[index] -= 1


def _access_box(op: Operation, ranges: dict[SSAValue, tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The index ranges one affine.load/store touches, with loop IVs over ``ranges``."""
    map = op.properties["map"].data  # type: ignore[attr-defined]
    operands = list(op.operands[1:] if op.name == "affine.load" else op.operands[2:])
    if map.num_symbols:
        return None
    box = []
    for expr in map.results:
        corners = []
        bounds = [ranges.get(v) for v in operands]
        if any(b is None for b in bounds):
            return None
        for choice in range(1 << len(operands)):
            dims = [bounds[i][(choice >> i) & 1] for i in range(len(operands))]  # type: ignore[index]
            corners.append(AffineMap(map.num_dims, 0, (expr,)).eval(dims, [])[0])
        box.append((min(corners), max(corners)))
    return box


def memory_footprint(loop: affine.ForOp) -> int | None:
    """Bytes of memref data the loop nest touches (the bounding box of its
    accesses per memref), or None when a bound or access is not constant."""
    ranges: dict[SSAValue, tuple[int, int]] = {}
    boxes: dict[SSAValue, list[tuple[int, int]]] = {}
    for op in loop.walk():
        if isinstance(op, affine.ForOp):
            trips = constant_trip_count(op)
            lower = constant_bound(op.lowerBoundMap.data)
            if trips is None or lower is None or trips == 0:
                return None
            ranges[op.body.block.args[0]] = (lower, lower + (trips - 1) * op.step.value.data)
        elif op.name in ("affine.load", "affine.store"):
            memref = op.operands[0] if op.name == "affine.load" else op.operands[1]
            box = _access_box(op, ranges)
            if box is None or not isinstance(memref.type, MemRefType):
                return None
            old = boxes.get(memref)
            boxes[memref] = box if old is None else [(min(a[0], b[0]), max(a[1], b[1])) for a, b in zip(old, box)]
    total = 0
    for memref, box in boxes.items():
        element = memref.type.element_type  # type: ignore[attr-defined]
        width = getattr(element, "bitwidth", None) or getattr(getattr(element, "width", None), "data", None)
        if width is None:
            return None
        total += math.prod(high - low + 1 for low, high in box) * max(1, width // 8)
    return total


def _hyper_rectangular(band: Sequence[affine.ForOp]) -> bool:
    ivs = {loop.body.block.args[0] for loop in band}
    return not any(v in ivs for loop in band for v in loop.operands)


def tile_band(band: Sequence[affine.ForOp], sizes: Sequence[int]) -> None:
    """Tiles a perfect band in place: tile-space loops around intra-tile loops."""
    outer = band[0]
    innermost_body = band[-1].body.block
    tile_loops: list[affine.ForOp] = []
    intra_loops: list[affine.ForOp] = []
    for loop, size in zip(band, sizes):
        step = loop.step.value.data
        tile_loops.append(
            affine.ForOp.from_region(
                list(loop.lowerBoundOperands), list(loop.upperBoundOperands), [], [],
                loop.lowerBoundMap, loop.upperBoundMap, Region(Block(arg_types=[IndexType()])), step * size,
            )  # fmt: skip
        )
    for loop, size, tile in zip(band, sizes, tile_loops):
        step = loop.step.value.data
        tile_iv = tile.body.block.args[0]
        span = AffineDimExpr(0) + size * step
        trips = constant_trip_count(loop)
        upper = loop.upperBoundMap.data
        if trips is not None and trips % size == 0:
            upper_map, upper_operands = AffineMap(1, 0, (span,)), [tile_iv]
        else:
            shifted = upper.replace_dims_and_symbols(
                [AffineDimExpr(i + 1) for i in range(upper.num_dims)],
                [AffineSymExpr(i) for i in range(upper.num_symbols)],
                upper.num_dims + 1,
                upper.num_symbols,
            )
            upper_map = AffineMap(upper.num_dims + 1, upper.num_symbols, (span, *shifted.results))
            operands = list(loop.upperBoundOperands)
            upper_operands = [tile_iv, *operands[: upper.num_dims], *operands[upper.num_dims :]]
        intra_loops.append(
            affine.ForOp.from_region(
                [tile_iv], upper_operands, [], [], AffineMapAttr(AffineMap(1, 0, (AffineDimExpr(0),))),
                AffineMapAttr(upper_map), Region(Block(arg_types=[IndexType()])), step,
            )  # fmt: skip
        )
    nest = [*tile_loops, *intra_loops]
    for parent, child in zip(nest, nest[1:]):
        parent.body.block.add_ops([child, affine.YieldOp.get()])
    body = nest[-1].body.block
    for loop, intra in zip(band, intra_loops):
        loop.body.block.args[0].replace_all_uses_with(intra.body.block.args[0])
    for op in list(innermost_body.ops):
        op.detach()
        body.add_op(op)
    block = outer.parent_block()
    assert block is not None
    block.insert_op_before(nest[0], outer)
    outer.detach()
    outer.erase()


@dataclass(frozen=True)
class LoopTiling(ModulePass):
    """Tile affine loop nests"""

    name = "affine-loop-tile"
    display_name: ClassVar[str] = "LoopTiling"
    anchor: ClassVar[str] = "func.func"

    cache_size: int = field(default=512, metadata={"help": "Set size of cache to tile for in KiB (default: 512)"})
    separate: bool = field(default=False, metadata={"help": "Separate full and partial tiles (default: false)"})
    tile_size: int = field(default=0, metadata={"help": "Use this tile size for all loops"})
    tile_sizes: tuple[int, ...] = field(default=(), metadata={"help": "List of tile sizes for each perfect nest (overridden by -tile-size)"})

    def sizes(self, band: Sequence[affine.ForOp]) -> list[int]:
        """upstream's getTileSizes."""
        if self.tile_size:
            return [self.tile_size] * len(band)
        if self.tile_sizes:
            return [*self.tile_sizes[: len(band)], *[DEFAULT_TILE_SIZE] * (len(band) - len(self.tile_sizes))]
        footprint = memory_footprint(band[0])
        if footprint is None:
            sizes = [DEFAULT_TILE_SIZE] * len(band)
            _adjust_to_divisors(band, sizes)
            return sizes
        excess = -(-footprint // (self.cache_size * 1024))
        if excess <= 1:
            return [1] * len(band)
        size = max(1, math.floor(excess ** (1.0 / len(band)) + 1e-12))
        sizes = [size] * (len(band) - 1)
        sizes.append(max(1, excess // (size ** (len(band) - 1))))
        _adjust_to_divisors(band, sizes)
        return sizes

    def apply(self, ctx: Context, op: Operation) -> None:
        if self.separate:
            raise DiagnosticError.at(op, "affine-loop-tile: 'separate' (full/partial tile separation) is not supported yet")
        functions = [f for f in op.walk() if f.name == "func.func"] if op.name != "func.func" else [op]
        for function in functions:
            for region in function.regions:
                for block in region.blocks:
                    for loop in [o for o in block.ops if isinstance(o, affine.ForOp)]:
                        band = perfect_band(loop)
                        if not _hyper_rectangular(band) or any(l.results for l in band):
                            continue
                        tile_band(band, self.sizes(band))
