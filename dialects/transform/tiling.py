"""Tiling of structured linalg ops into scf.for / scf.forall loops, as
upstream's ``scf::tileUsingSCF`` with linalg's TilingInterface: operand slices
are computed from the indexing maps, so every structured op (generic, named,
convolutions) tiles the same way; partial tiles get ``affine.min`` sizes.

A size or offset is an ``int`` (static) or an ``SSAValue`` (dynamic), as
upstream's OpFoldResult.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xdsl.dialects import arith, scf as xscf
from xdsl.dialects.builtin import (
    AffineMapAttr,
    ArrayAttr,
    DenseArrayBase,
    IndexType,
    IntegerAttr,
    LocationAttr,
    MemRefType,
    ShapedType,
    StridedLayoutAttr,
    TensorType,
    i64,
)
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.ir.affine import AffineConstantExpr, AffineDimExpr, AffineExpr, AffineMap, AffineSymExpr

from mlopt.diagnostics import DiagnosticError
from mlopt.dialects.syntax import DYNAMIC

Mixed = int | SSAValue


@dataclass
class Emitter:
    """Inserts ops before ``anchor`` (or at the end of ``block``)."""

    block: Block
    anchor: Operation | None = None
    location: LocationAttr | None = None
    """The location of the new ops: the op being transformed, as upstream."""

    def add(self, op: Operation) -> Operation:
        if self.location is not None:
            op.location = self.location
        if self.anchor is None:
            self.block.add_op(op)
        else:
            self.block.insert_op_before(op, self.anchor)
        return op

    def index(self, value: int) -> SSAValue:
        return self.add(arith.ConstantOp(IntegerAttr(value, IndexType()))).results[0]

    def value(self, mixed: Mixed) -> SSAValue:
        return self.index(mixed) if isinstance(mixed, int) else mixed

    def affine(self, kind: str, map: AffineMap, operands: Sequence[Mixed]) -> Mixed:
        """``affine.apply/min/max`` of ``map`` on ``operands`` (dims, then
        symbols), folded where the operands are static: static operands
        become constants in the map."""
        from mlopt.dialects.affine import ApplyOp, MaxOp, MinOp

        replacements: list[AffineExpr] = []
        dims: list[SSAValue] = []
        symbols: list[SSAValue] = []
        for index, operand in enumerate(operands):
            is_dim = index < map.num_dims
            if isinstance(operand, int):
                replacements.append(AffineConstantExpr(operand))
            elif is_dim:
                replacements.append(AffineDimExpr(len(dims)))
                dims.append(operand)
            else:
                replacements.append(AffineSymExpr(len(symbols)))
                symbols.append(operand)
        new_dims, new_symbols = replacements[: map.num_dims], replacements[map.num_dims :]
        results = tuple(
            e.replace_dims_and_symbols(new_dims, new_symbols).simplify(len(dims), len(symbols)) for e in map.results
        )
        folded = AffineMap(len(dims), len(symbols), results)
        constants = [e.value for e in folded.results if isinstance(e, AffineConstantExpr)]
        if len(constants) == len(folded.results):
            return max(constants) if kind == "max" else min(constants)
        if kind == "apply" and isinstance(folded.results[0], AffineDimExpr) and not symbols:
            return dims[folded.results[0].position]
        op_class = {"apply": ApplyOp, "min": MinOp, "max": MaxOp}[kind]
        op = op_class.build(operands=[[*dims, *symbols]], properties={"map": AffineMapAttr(folded)}, result_types=[IndexType()])
        return self.add(op).results[0]


def _shape(value: SSAValue) -> tuple[int, ...]:
    type = value.type
    return tuple(type.get_shape()) if isinstance(type, ShapedType) else ()


def dim_of(emit: Emitter, value: SSAValue, dim: int) -> Mixed:
    """The size of ``value`` along ``dim``: static, or a tensor/memref.dim."""
    size = _shape(value)[dim]
    if size != DYNAMIC:
        return size
    from xdsl.dialects.memref import DimOp as MemRefDimOp

    from mlopt.dialects.tensor import DimOp as TensorDimOp

    index = emit.index(dim)
    if isinstance(value.type, TensorType):
        return emit.add(TensorDimOp(value, index)).results[0]
    return emit.add(MemRefDimOp(value, index)).results[0]


def loop_ranges(emit: Emitter, op: Operation) -> list[Mixed]:
    """The trip count of each loop of a structured op, read off the operand
    shapes through the indexing maps (upstream's getStaticLoopRanges)."""
    from mlopt.dialects.linalg import indexing_maps

    maps = indexing_maps(op)
    ranges: list[Mixed | None] = [None] * maps[0].num_dims
    candidates: list[list[tuple[SSAValue, int]]] = [[] for _ in ranges]
    for operand, map in zip(op.operands, maps):
        for position, expr in enumerate(map.results):
            if isinstance(expr, AffineDimExpr):
                candidates[expr.position].append((operand, position))
    for loop, options in enumerate(candidates):
        static = [_shape(v)[p] for v, p in options if _shape(v)[p] != DYNAMIC]
        if static:
            ranges[loop] = static[0]
        elif options:
            ranges[loop] = dim_of(emit, *options[0])
        else:
            raise ValueError(f"loop {loop} of {op.name} has no operand dimension giving its range")
    return ranges  # type: ignore[return-value]


# --------------------------------------------------------------------------- slices


def _slice_of_expr(emit: Emitter, expr: AffineExpr, offsets: Sequence[Mixed], sizes: Sequence[Mixed]) -> tuple[Mixed, Mixed]:
    """The offset and size along one operand dimension indexed by ``expr``."""
    if isinstance(expr, AffineDimExpr):
        return offsets[expr.position], sizes[expr.position]
    if isinstance(expr, AffineConstantExpr):
        return expr.value, 1
    count = len(offsets)
    offset = emit.affine("apply", AffineMap(count, 0, (expr,)), offsets)
    # The last index accessed, plus one: expr(sizes - 1) + 1.
    last = expr.replace_dims_and_symbols([AffineDimExpr(d) - 1 for d in range(count)], [])
    size = emit.affine("apply", AffineMap(count, 0, (last + 1,)), sizes)
    return offset, size


def _split(values: Sequence[Mixed]) -> tuple[list[int], list[SSAValue]]:
    return [v if isinstance(v, int) else DYNAMIC for v in values], [v for v in values if not isinstance(v, int)]


def _dense(values: Sequence[int]) -> DenseArrayBase:
    return DenseArrayBase.from_list(i64, list(values))


def subview_type(source: MemRefType, offsets: Sequence[Mixed], sizes: Sequence[Mixed]) -> MemRefType:
    """The strided result type of a unit-stride memref.subview (upstream's inferResultType)."""
    strides = source.get_strides()
    base = source.get_offset()
    offset: int | None = base
    for off, stride in zip(offsets, strides):
        if offset is None or not isinstance(off, int) or stride is None:
            offset = None
            break
        offset += off * stride
    shape = [s if isinstance(s, int) else DYNAMIC for s in sizes]
    layout = StridedLayoutAttr(list(strides), offset)
    return MemRefType(source.element_type, shape, layout, source.memory_space)


def extract_slice(emit: Emitter, source: SSAValue, offsets: Sequence[Mixed], sizes: Sequence[Mixed]) -> SSAValue:
    """tensor.extract_slice or memref.subview of ``source``, unit strides."""
    from mlopt.dialects.memref import SubviewOp
    from mlopt.dialects.tensor import ExtractSliceOp

    static_offsets, dynamic_offsets = _split(offsets)
    static_sizes, dynamic_sizes = _split(sizes)
    properties = {
        "static_offsets": _dense(static_offsets),
        "static_sizes": _dense(static_sizes),
        "static_strides": _dense([1] * len(offsets)),
    }
    operands = [[source], dynamic_offsets, dynamic_sizes, []]
    if isinstance(source.type, MemRefType):
        result = subview_type(source.type, offsets, sizes)
        op = SubviewOp.build(operands=operands, result_types=[result], properties=properties)
    else:
        result = TensorType(source.type.element_type, static_sizes, source.type.encoding)  # type: ignore[attr-defined]
        op = ExtractSliceOp.build(operands=operands, result_types=[result], properties=properties)
    return emit.add(op).results[0]


def insert_slice(emit: Emitter, source: SSAValue, dest: SSAValue, offsets: Sequence[Mixed], sizes: Sequence[Mixed], *, parallel: bool = False) -> Operation:
    """tensor.insert_slice (or parallel_insert_slice) of ``source`` into ``dest``."""
    from mlopt.dialects.tensor import InsertSliceOp, ParallelInsertSliceOp

    static_offsets, dynamic_offsets = _split(offsets)
    static_sizes, dynamic_sizes = _split(sizes)
    op_class = ParallelInsertSliceOp if parallel else InsertSliceOp
    op = op_class.build(
        operands=[source, dest, dynamic_offsets, dynamic_sizes, []],
        result_types=[] if parallel else [dest.type],
        properties={
            "static_offsets": _dense(static_offsets),
            "static_sizes": _dense(static_sizes),
            "static_strides": _dense([1] * len(offsets)),
        },
    )
    return emit.add(op)


@dataclass
class OperandSlice:
    offsets: list[Mixed]
    sizes: list[Mixed]


def operand_slices(
    emit: Emitter, op: Operation, offsets: Sequence[Mixed], sizes: Sequence[Mixed]
) -> list[OperandSlice | None]:
    """Per operand of ``op``, the slice that the iteration sub-space
    ``offsets``/``sizes`` accesses (None for scalars and 0-d operands, used
    whole). As upstream, every other operand is sliced, tiled or not."""
    from mlopt.dialects.linalg import indexing_maps

    slices: list[OperandSlice | None] = []
    for operand, map in zip(op.operands, indexing_maps(op)):
        if not isinstance(operand.type, ShapedType) or not map.results:
            slices.append(None)
            continue
        pairs = [_slice_of_expr(emit, e, offsets, sizes) for e in map.results]
        slices.append(OperandSlice([p[0] for p in pairs], [p[1] for p in pairs]))
    return slices


def clone_with_operands(op: Operation, operands: Sequence[SSAValue]) -> Operation:
    """``op`` on new operands; tensor results take the types of the new outputs."""
    outputs = list(operands)[len(operands) - len(op.results) :] if op.results else []
    result_types = [v.type for v in outputs] if op.results else []
    return op.create(
        operands=list(operands),
        result_types=result_types,
        properties=dict(op.properties),
        attributes=dict(op.attributes),
        regions=[r.clone() for r in op.regions],
    )


def tile_op_at(
    emit: Emitter, op: Operation, operands: Sequence[SSAValue], offsets: Sequence[Mixed], sizes: Sequence[Mixed]
) -> tuple[Operation, list[OperandSlice | None]]:
    """The tile of ``op`` on ``operands`` (its operands or loop-carried
    replacements) at the iteration sub-space ``offsets``/``sizes``; also the
    slices taken of each operand."""
    slices = operand_slices(emit, op, offsets, sizes)
    sliced = [v if s is None else extract_slice(emit, v, s.offsets, s.sizes) for v, s in zip(operands, slices)]
    tiled = emit.add(clone_with_operands(op, sliced))
    _offset_indices(tiled, offsets)
    return tiled, slices


def _offset_indices(op: Operation, offsets: Sequence[Mixed]) -> None:
    """In the tile's body, ``linalg.index d`` is relative to the tile: add the
    tile's offset along d (upstream's offsetIndices)."""
    d0, s0 = AffineDimExpr(0), AffineSymExpr(0)
    for index_op in [o for o in op.regions[0].walk() if o.name == "linalg.index"] if op.regions else []:
        if index_op.parent_op() is not op:
            continue
        offset = offsets[index_op.properties["dim"].value.data]  # type: ignore[attr-defined]
        if offset == 0:
            continue
        block = index_op.parent_block()
        assert block is not None
        after = index_op.next_op
        emit = Emitter(block, after, index_op.location)
        uses = list(index_op.results[0].uses)
        shifted = emit.affine("apply", AffineMap(1, 1, (d0 + s0,)), [offset, index_op.results[0]])
        for use in uses:
            use.operation.operands[use.index] = shifted  # type: ignore[index]


# --------------------------------------------------------------------------- loops


class TilingError(Exception):
    """The op cannot be tiled as asked (a silenceable failure)."""


def _check_tileable(op: Operation, count: int) -> int:
    from mlopt.dialects.linalg import indexing_maps

    if not op.name.startswith("linalg.") or op.name in ("linalg.yield", "linalg.index", "linalg.softmax", "linalg.pack", "linalg.unpack"):
        raise TilingError("only ops implementing TilingInterface are supported")
    loops = indexing_maps(op)[0].num_dims
    if count > loops:
        raise TilingError(f"too many tiles provided, expected at most {loops} found {count}")
    return loops


def _num_outputs(op: Operation) -> int:
    return len(op.outputs)  # type: ignore[attr-defined]


def _size_in_tile(emit: Emitter, offset: Mixed, tile: int, bound: Mixed) -> Mixed:
    """The size of the tile at ``offset``: ``min(tile, bound - offset)``,
    static when the tile divides the bound."""
    if isinstance(bound, int) and bound % tile == 0:
        return tile
    d0 = AffineDimExpr(0)
    if isinstance(bound, int):
        return emit.affine("min", AffineMap(1, 0, (-d0 + bound, AffineConstantExpr(tile))), [offset])
    return emit.affine("min", AffineMap(1, 1, (-d0 + AffineSymExpr(0), AffineConstantExpr(tile))), [offset, bound])


def _thread_tile_size(emit: Emitter, thread: SSAValue, threads: int, step: int, bound: int) -> Mixed:
    """The size of the tile of thread ``thread`` among ``threads`` each taking
    ``step`` of ``bound``: ``min(step, bound - thread * step)``, at least 0."""
    if bound % threads == 0:
        return step
    d0 = AffineDimExpr(0)
    size = emit.affine("min", AffineMap(1, 0, (d0 * -step + bound, AffineConstantExpr(step))), [thread])
    if (threads - 1) * step > bound:
        size = emit.affine("max", AffineMap(1, 0, (AffineConstantExpr(0), d0)), [size])
    return size


def tile_using_for(op: Operation, tile_sizes: Sequence[int], interchange: Sequence[int]) -> tuple[Operation, list[Operation]]:
    """Tile ``op`` with one scf.for per non-zero tile size, outermost first in
    ``interchange`` order; the tiled op and the loops."""
    from mlopt.dialects.scf import ForOp

    loops_count = _check_tileable(op, len(tile_sizes))
    sizes = list(tile_sizes) + [0] * (loops_count - len(tile_sizes))
    order = list(interchange) + [d for d in range(loops_count) if d not in interchange]
    tiled_dims = [d for d in order if sizes[d]]
    block = op.parent_block()
    assert block is not None
    emit = Emitter(block, op, op.location)
    ranges = loop_ranges(emit, op)
    if not tiled_dims:
        return op, []
    lower = [emit.index(0) for _ in tiled_dims]
    upper = [emit.value(ranges[d]) for d in tiled_dims]
    steps = [emit.index(sizes[d]) for d in tiled_dims]
    on_tensors = bool(op.results)
    outputs = list(op.operands[len(op.operands) - _num_outputs(op) :])
    carried = outputs if on_tensors else []
    loops: list[Operation] = []
    ivs: dict[int, SSAValue] = {}
    for position, dim in enumerate(tiled_dims):
        body = Block(arg_types=[IndexType(), *(v.type for v in carried)])
        loop = ForOp(lower[position], upper[position], steps[position], carried, Region(body))
        if loops:
            loops[-1].body.block.add_op(loop)
            Emitter(loops[-1].body.block, None, op.location).add(xscf.YieldOp(*loop.results))
        else:
            block.insert_op_before(loop, op)
        loop.location = op.location
        loops.append(loop)
        ivs[dim] = body.args[0]
        carried = list(body.args[1:])
    inner = Emitter(loops[-1].body.block, None, op.location)
    offsets: list[Mixed] = [0] * loops_count
    tile_extent: list[Mixed] = list(ranges)
    for dim in tiled_dims:
        offsets[dim] = ivs[dim]
        tile_extent[dim] = _size_in_tile(inner, ivs[dim], sizes[dim], ranges[dim])
    operands = list(op.operands)
    if on_tensors:
        operands[len(operands) - len(carried) :] = carried
    tiled_op, slices = tile_op_at(inner, op, operands, offsets, tile_extent)
    yielded: list[SSAValue] = []
    for result, dest, slice_ in zip(tiled_op.results, carried, slices[len(slices) - len(carried) :]):
        if slice_ is None:
            yielded.append(result)
        else:
            yielded.append(insert_slice(inner, result, dest, slice_.offsets, slice_.sizes).results[0])
    inner.add(xscf.YieldOp(*yielded))
    for old, new in zip(op.results, loops[0].results):
        old.replace_all_uses_with(new)
    op.detach()
    op.erase()
    return tiled_op, loops


def tile_using_forall(
    op: Operation,
    *,
    tile_sizes: Sequence[int] | None = None,
    num_threads: Sequence[int] | None = None,
    mapping: ArrayAttr | None = None,
) -> tuple[Operation, Operation]:
    """Tile ``op`` into one scf.forall over the non-zero entries of
    ``tile_sizes`` (or ``num_threads``); the tiled op and the forall."""
    from mlopt.dialects.scf import ForallOp, InParallelOp

    given = list(tile_sizes if tile_sizes is not None else num_threads or [])
    loops_count = _check_tileable(op, len(given))
    given += [0] * (loops_count - len(given))
    dims = [d for d in range(loops_count) if given[d]]
    if mapping is not None and len(mapping.data) != len(dims):
        # Upstream builds the loop, whose verifier then fails at the op.
        raise DiagnosticError.at(op, "'scf.forall' op mapping attribute size must match op rank")
    block = op.parent_block()
    assert block is not None
    emit = Emitter(block, op, op.location)
    ranges = loop_ranges(emit, op)
    d0 = AffineDimExpr(0)
    steps: dict[int, int] = {}
    bounds: list[Mixed] = []
    for dim in dims:
        if num_threads is not None:
            if not isinstance(ranges[dim], int):
                raise TilingError("num_threads on a dynamic dimension is not supported")
            steps[dim] = -(-ranges[dim] // given[dim])  # type: ignore[operator]
            bounds.append(given[dim])
        else:
            steps[dim] = given[dim]
            bounds.append(emit.affine("apply", AffineMap(0, 1, (AffineSymExpr(0).ceil_div(given[dim]),)), [ranges[dim]]))
    on_tensors = bool(op.results)
    outputs = list(op.operands[len(op.operands) - _num_outputs(op) :]) if on_tensors else []
    static_ub, dynamic_ub = _split(bounds)
    body = Block(arg_types=[IndexType()] * len(dims) + [v.type for v in outputs])
    forall = ForallOp.build(
        operands=[[], dynamic_ub, [], outputs],
        result_types=[[v.type for v in outputs]],
        properties={
            "staticLowerBound": _dense([0] * len(dims)),
            "staticUpperBound": _dense(static_ub),
            "staticStep": _dense([1] * len(dims)),
            **({"mapping": mapping} if mapping is not None else {}),
        },
        regions=[Region(body)],
    )
    forall.location = op.location
    block.insert_op_before(forall, op)
    inner = Emitter(body, None, op.location)
    offsets: list[Mixed] = [0] * loops_count
    extents: list[Mixed] = list(ranges)
    def set_offsets() -> None:
        for iv, dim in zip(body.args, dims):
            offsets[dim] = inner.affine("apply", AffineMap(1, 0, (d0 * steps[dim],)), [iv])

    if num_threads is None:
        set_offsets()
        for dim in dims:
            extents[dim] = _size_in_tile(inner, offsets[dim], steps[dim], ranges[dim])
    else:
        # As upstream: the sizes from the thread index first, then the offsets.
        for iv, dim in zip(body.args, dims):
            extents[dim] = _thread_tile_size(inner, iv, given[dim], steps[dim], ranges[dim])  # type: ignore[arg-type]
        set_offsets()
    operands = list(op.operands)
    shared = list(body.args[len(dims) :])
    if on_tensors:
        operands[len(operands) - len(shared) :] = shared
    tiled_op, slices = tile_op_at(inner, op, operands, offsets, extents)
    terminator = InParallelOp.build(regions=[Region(Block())])
    inner.add(terminator)
    in_parallel = Emitter(terminator.region.block, None, op.location)
    for result, dest, slice_ in zip(tiled_op.results, shared, slices[len(slices) - len(shared) :]):
        full = slice_ or OperandSlice([0] * len(_shape(dest)), list(_shape(dest)))
        insert_slice(in_parallel, result, dest, full.offsets, full.sizes, parallel=True)
    for old, new in zip(op.results, forall.results):
        old.replace_all_uses_with(new)
    op.detach()
    op.erase()
    return tiled_op, forall

