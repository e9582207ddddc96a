"""Reductions split into partial ones: transform.structured.tile_reduction_using_for
(upstream's ``scf::tileReductionUsingScf``: a loop over tiles of the
reduction dims accumulating into a partial tensor, merged by a
linalg.reduce after the loop) and transform.structured.split_reduction
(upstream's ``splitReduction``: the reduction dim split in two, one of them
parallel, the partials reduced by a second linalg.generic); and
transform.structured.split, which splits any dim of the iteration domain.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from xdsl.dialects.builtin import I64, ArrayAttr, DenseArrayBase, IntegerAttr, UnitAttr, i64
from xdsl.dialects.transform import TransformHandleType
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue
from xdsl.irdl import (
    IRDLOperation,
    ParsePropInAttrDict,
    irdl_op_definition,
    operand_def,
    opt_operand_def,
    opt_prop_def,
    prop_def,
    result_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from mlopt.diagnostics import Diagnostic, DiagnosticError, location_of
from mlopt.dialects.transform.state import SilenceableFailure, TransformOp, TransformState, apply_each
from mlopt.dialects.transform.structured import _parse_int_list, _print_int_list

_ONES = {"arith.addf": 0.0, "arith.mulf": 1.0, "arith.addi": 0, "arith.ori": 0, "arith.xori": 0, "arith.muli": 1,
         "arith.andi": -1, "arith.maxui": 0, "arith.minui": -1}  # fmt: skip
_FLOAT_BOUNDS = {"arith.maximumf": float("-inf"), "arith.maxnumf": float("-inf"), "arith.minimumf": float("inf"),
                 "arith.minnumf": float("inf")}  # fmt: skip


class ReductionError(Exception):
    """The op cannot be split as asked; the message is reported at the op."""


def combiner(op: Operation) -> Operation:
    """The op of the body of the single-output structured op ``op`` that
    combines a value into the accumulator (upstream's matchReduction)."""
    block = op.regions[0].block
    terminator = block.last_op
    if len(op.outputs) != 1 or terminator is None or len(terminator.operands) != 1:  # type: ignore[attr-defined]
        raise ReductionError("Failed to anaysis the reduction operation.")
    combining = terminator.operands[0].owner
    if not isinstance(combining, Operation) or block.args[-1] not in combining.operands or len(combining.operands) != 2:
        raise ReductionError("Failed to anaysis the reduction operation.")
    return combining


def neutral_element(combining: Operation) -> Attribute:
    """The identity of the combining op (upstream's getNeutralElement)."""
    from xdsl.dialects.builtin import FloatAttr, IntegerAttr, IntegerType

    element_type = combining.results[0].type
    if combining.name in _FLOAT_BOUNDS:
        return FloatAttr(_FLOAT_BOUNDS[combining.name], element_type)  # type: ignore[arg-type]
    if combining.name in ("arith.maxsi", "arith.minsi") and isinstance(element_type, IntegerType):
        width = element_type.width.data
        return IntegerAttr(-(2 ** (width - 1)) if combining.name == "arith.maxsi" else 2 ** (width - 1) - 1, element_type)
    if combining.name not in _ONES:
        raise ReductionError("Failed to get an identity value for the reduction operation.")
    value = _ONES[combining.name]
    if isinstance(value, float):
        return FloatAttr(value, element_type)  # type: ignore[arg-type]
    if value == -1 and isinstance(element_type, IntegerType):
        return IntegerAttr(-1 if element_type.width.data > 1 else 1, element_type, truncate_bits=True)
    return IntegerAttr(value, element_type)  # type: ignore[arg-type]


def merge_reduce(emit, partial: SSAValue, init: SSAValue, dimensions: Sequence[int], combining: Operation) -> Operation:
    """``linalg.reduce ins(partial) outs(init) dimensions = ...`` merging with ``combining``."""
    from xdsl.dialects.builtin import DenseArrayBase

    from mlopt.dialects.linalg import ReduceOp

    return emit.add(
        ReduceOp.build(
            operands=[[partial], [init]],
            result_types=[[init.type]],
            properties={"dimensions": DenseArrayBase.from_list(i64, list(dimensions))},
            regions=[combiner_body(combining, init.type.element_type)],  # type: ignore[attr-defined]
        )
    )


def combiner_body(combining: Operation, element_type: Attribute) -> Region:
    """``^bb0(%in, %acc): yield combining(%in, %acc)``: the body merging
    partial results, in this operand order whatever the original body's, as
    upstream builds it."""
    from mlopt.dialects.linalg import YieldOp

    body = Block(arg_types=[element_type, element_type])
    merged = combining.clone()
    merged.operands = list(body.args)
    body.add_op(merged)
    body.add_op(YieldOp(merged.results[0]))
    return Region(body)


def _check_tileable(op: Operation, sizes: Sequence[int], dims: Sequence[int]) -> None:
    from mlopt.dialects.linalg import iterator_types

    iterators = iterator_types(op)
    if any(size and iterators[d] != "reduction" for d, size in enumerate(sizes)):
        raise ReductionError("tiling parallel dimensions is not supported with partial reduction tiling strategies")
    if not dims:
        raise ReductionError("no reduction dimension to tile")
    if not op.results:
        raise ReductionError("expected operation to have tensor semantics")


def tile_reduction_using_for(op: Operation, sizes: Sequence[int]) -> tuple[list[Operation], Operation, Operation, Operation]:
    """Tile the reduction dims of ``op`` with a non-zero size into scf.for
    loops accumulating into a partial tensor (the init with one trailing dim
    per tiled reduction dim, of the tile's size), filled with the
    combiner's identity, then merged into the init by linalg.reduce;
    (fills, tiled op, merging reduce, outermost loop)."""
    from xdsl.dialects import scf as xscf
    from xdsl.dialects.builtin import AffineMapAttr, IndexType
    from xdsl.dialects.linalg.attrs import IteratorType, IteratorTypeAttr
    from xdsl.ir.affine import AffineDimExpr, AffineMap

    from mlopt.dialects.linalg import GenericOp, indexing_maps, iterator_types
    from mlopt.dialects.scf import ForOp
    from mlopt.dialects.transform.tiling import Emitter, _size_in_tile, extract_slice, insert_slice, loop_ranges, operand_slices

    sizes = list(sizes) + [0] * (len(iterator_types(op)) - len(sizes))
    dims = [d for d, size in enumerate(sizes) if size]
    emit, combining, fill = _partial_accumulator(op, sizes, dims)
    maps = indexing_maps(op)
    init = op.outputs[0]  # type: ignore[attr-defined]
    init_shape = list(init.type.get_shape())
    partial_map = AffineMap(maps[-1].num_dims, 0, (*maps[-1].results, *(AffineDimExpr(d) for d in dims)))
    ranges = loop_ranges(emit, op)
    loops: list[Operation] = []
    carried = fill.results[0]
    offsets: list = [0] * len(sizes)
    extents: list = list(ranges)
    inner = emit
    for dim in dims:
        body = Block(arg_types=[IndexType(), carried.type])
        loop = ForOp(inner.index(0), inner.value(ranges[dim]), inner.index(sizes[dim]), [carried], Region(body))
        inner.add(loop)
        if loops:
            inner.add(xscf.YieldOp(loop.results[0]))
        loops.append(loop)
        inner = Emitter(body, None, op.location)
        carried = body.args[1]
        offsets[dim] = body.args[0]
    for dim in dims:
        extents[dim] = _size_in_tile(inner, offsets[dim], sizes[dim], ranges[dim])
    slices = operand_slices(inner, op, offsets, extents)
    inputs = [
        v if s is None else extract_slice(inner, v, s.offsets, s.sizes)
        for v, s in zip(op.inputs, slices)  # type: ignore[attr-defined]
    ]
    init_slice = slices[-1]
    partial_sizes = (list(init_slice.sizes) if init_slice is not None else []) + [extents[d] for d in dims]
    partial_offsets = [0] * len(partial_sizes)
    partial = extract_slice(inner, carried, partial_offsets, partial_sizes)
    tiled = inner.add(
        GenericOp(
            inputs,
            [partial],
            op.regions[0].clone(),
            ArrayAttr([AffineMapAttr(m) for m in [*maps[:-1], partial_map]]),
            ArrayAttr([IteratorTypeAttr(IteratorType.PARALLEL if d in dims else IteratorType(t)) for d, t in enumerate(iterator_types(op))]),
            [partial.type],
        )
    )
    inserted = insert_slice(inner, tiled.results[0], carried, partial_offsets, partial_sizes)
    inner.add(xscf.YieldOp(inserted.results[0]))
    merged = _merge_partials(emit, op, loops[0].results[0], len(dims), combining)
    return [fill], tiled, merged, loops[0]


def _partial_accumulator(op: Operation, sizes: Sequence[int], dims: Sequence[int]):
    """Check ``op`` can be tiled along the reduction ``dims``; an emitter
    before it, its combiner, and the linalg.fill of a partial tensor (the
    init with a trailing dim of ``sizes[d]`` per dim d) with the identity."""
    from mlopt.dialects.linalg import NAMED_OP_CLASSES
    from mlopt.dialects.transform.packing import _constant, _empty
    from mlopt.dialects.transform.tiling import Emitter
    from mlopt.passes.transforms.linalg_specialize_generic_ops import _build_named

    _check_tileable(op, sizes, dims)
    combining = combiner(op)
    identity = neutral_element(combining)
    init = op.outputs[0]  # type: ignore[attr-defined]
    block = op.parent_block()
    assert block is not None
    emit = Emitter(block, op, op.location)
    empty = _empty(emit, list(init.type.get_shape()) + [sizes[d] for d in dims], init.type.element_type)
    fill = emit.add(_build_named(NAMED_OP_CLASSES["linalg.fill"], [_constant(emit, identity)], [empty], [[empty.type]]))
    return emit, combining, fill


def _merge_partials(emit, op: Operation, partials: SSAValue, count: int, combining: Operation) -> Operation:
    """Reduce the ``count`` trailing dims of ``partials`` into the init of
    ``op``, which the result replaces."""
    init = op.outputs[0]  # type: ignore[attr-defined]
    rank = len(init.type.get_shape())
    merged = merge_reduce(emit, partials, init, list(range(rank, rank + count)), combining)
    op.results[0].replace_all_uses_with(merged.results[0])
    op.detach()
    op.erase()
    return merged


def tile_reduction_using_forall(
    op: Operation, num_threads: Sequence[int], mapping: ArrayAttr | None
) -> tuple[list[Operation], Operation, Operation, Operation]:
    """Split the reduction dims of ``op`` with a non-zero thread count among
    that many threads of one scf.forall, each reducing its chunk into its
    own slot of a partial tensor (the init with one trailing dim per split
    dim, of the thread count), merged by linalg.reduce after the loop;
    (fills, tiled op, merging reduce, forall)."""
    from xdsl.dialects.builtin import IndexType, TensorType

    from mlopt.dialects.linalg import iterator_types
    from mlopt.dialects.scf import ForallOp, InParallelOp
    from mlopt.dialects.transform.packing import extract_slice_as
    from mlopt.dialects.transform.tiling import (
        Emitter,
        _dense,
        _thread_tile_size,
        clone_with_operands,
        extract_slice,
        insert_slice,
        loop_ranges,
        operand_slices,
    )
    from xdsl.ir.affine import AffineDimExpr, AffineMap

    threads = list(num_threads) + [0] * (len(iterator_types(op)) - len(num_threads))
    dims = [d for d, count in enumerate(threads) if count]
    emit, combining, fill = _partial_accumulator(op, threads, dims)
    ranges = loop_ranges(emit, op)
    init = op.outputs[0]  # type: ignore[attr-defined]
    init_shape = list(init.type.get_shape())
    if any(not isinstance(ranges[d], int) for d in dims) or any(s < 0 for s in init_shape):
        raise ReductionError("num_threads on dynamic shapes is not supported")
    if mapping is not None and len(mapping.data) != len(dims):
        raise ReductionError("mapping attribute size must match op rank")
    body = Block(arg_types=[IndexType()] * len(dims) + [fill.results[0].type])
    forall = ForallOp.build(
        operands=[[], [], [], [fill.results[0]]],
        result_types=[[fill.results[0].type]],
        properties={
            "staticLowerBound": _dense([0] * len(dims)),
            "staticUpperBound": _dense([threads[d] for d in dims]),
            "staticStep": _dense([1] * len(dims)),
            **({"mapping": mapping} if mapping is not None else {}),
        },
        regions=[Region(body)],
    )
    emit.add(forall)
    inner = Emitter(body, None, op.location)
    offsets: list = [0] * len(ranges)
    extents: list = list(ranges)
    for iv, dim in zip(body.args, dims):
        step = -(-ranges[dim] // threads[dim])  # type: ignore[operator]
        offsets[dim] = inner.affine("apply", AffineMap(1, 0, (AffineDimExpr(0) * step,)), [iv])
        extents[dim] = _thread_tile_size(inner, iv, threads[dim], step, ranges[dim])  # type: ignore[arg-type]
    slices = operand_slices(inner, op, offsets, extents)
    inputs = [v if s is None else extract_slice(inner, v, s.offsets, s.sizes) for v, s in zip(op.inputs, slices)]  # type: ignore[attr-defined]
    slot_offsets = [0] * len(init_shape) + list(body.args[: len(dims)])
    slot_sizes = init_shape + [1] * len(dims)
    slot = extract_slice_as(inner, body.args[-1], slot_offsets, slot_sizes, TensorType(init.type.element_type, init_shape))
    tiled = inner.add(clone_with_operands(op, [*inputs, slot]))
    terminator = InParallelOp.build(regions=[Region(Block())])
    inner.add(terminator)
    insert_slice(Emitter(terminator.region.block, None, op.location), tiled.results[0], body.args[-1], slot_offsets, slot_sizes, parallel=True)
    merged = _merge_partials(emit, op, forall.results[0], len(dims), combining)
    return [fill], tiled, merged, forall


def split_reduction(
    op: Operation, ratio: int, index: int, *, inner_parallel: bool = False
) -> tuple[Operation, Operation, Operation, Operation]:
    """Split the single reduction dim r of ``op`` into a parallel dim of size
    ``ratio`` (inserted at loop and output position ``index``; right after
    r when ``inner_parallel``) and a reduction of size ``|r| / ratio``: the
    inputs are expanded along r, the op reduces into a partial output filled
    with the combiner's identity, and a linalg.generic reduces the partials
    into the original init (upstream's ``splitReduction``);
    (tensor.empty, fill, split op, combining op)."""
    from xdsl.dialects.builtin import AffineMapAttr, TensorType
    from xdsl.dialects.linalg.attrs import IteratorType, IteratorTypeAttr
    from xdsl.ir.affine import AffineDimExpr, AffineMap

    from mlopt.dialects.linalg import NAMED_OP_CLASSES, GenericOp, indexing_maps, iterator_types
    from mlopt.dialects.tensor import ExpandShapeOp
    from mlopt.dialects.transform.packing import _constant, _empty, _reassociation
    from mlopt.dialects.transform.tiling import Emitter
    from mlopt.passes.transforms.linalg_specialize_generic_ops import _build_named

    iterators = iterator_types(op)
    reductions = [d for d, t in enumerate(iterators) if t == "reduction"]
    if len(reductions) != 1 or ratio <= 1 or not op.results:
        raise ReductionError("needs a single reduction dimension and a split ratio above 1")
    reduction = reductions[0]
    combining = combiner(op)
    identity = neutral_element(combining)
    split_dim = reduction + 1 if inner_parallel else index

    def shifted(dim: int) -> AffineDimExpr:
        return AffineDimExpr(dim if dim < split_dim else dim + 1)

    maps = indexing_maps(op)
    block = op.parent_block()
    assert block is not None
    emit = Emitter(block, op, op.location)
    new_maps: list[AffineMap] = []
    inputs: list[SSAValue] = []
    for operand, affine_map in zip(op.inputs, maps):  # type: ignore[attr-defined]
        if not all(isinstance(e, AffineDimExpr) for e in affine_map.results) or not isinstance(operand.type, TensorType):
            raise ReductionError("needs projected permutation maps on tensors")
        shape, exprs, groups = [], [], []
        for size, expr in zip(operand.type.get_shape(), affine_map.results):
            if expr.position == reduction:  # type: ignore[attr-defined]
                if size < 0 or size % ratio:
                    raise ReductionError("the split ratio does not divide the reduction size")
                pair = [(size // ratio, shifted(reduction)), (ratio, AffineDimExpr(split_dim))]
                for extent, new_expr in pair if inner_parallel else reversed(pair):
                    shape.append(extent)
                    exprs.append(new_expr)
                groups.append([len(shape) - 2, len(shape) - 1])
                continue
            shape.append(size)
            exprs.append(shifted(expr.position))  # type: ignore[attr-defined]
            groups.append([len(shape) - 1])
        new_maps.append(AffineMap(affine_map.num_dims + 1, 0, tuple(exprs)))
        if len(shape) == len(operand.type.get_shape()):
            inputs.append(operand)
            continue
        expanded_type = TensorType(operand.type.element_type, shape)
        inputs.append(emit.add(ExpandShapeOp(operand, [], _reassociation(groups), shape, expanded_type)).results[0])
    init = op.outputs[0]  # type: ignore[attr-defined]
    init_shape = list(init.type.get_shape())
    output_exprs = [shifted(e.position) for e in maps[-1].results]  # type: ignore[attr-defined]
    output_exprs.insert(index, AffineDimExpr(split_dim))
    new_maps.append(AffineMap(maps[-1].num_dims + 1, 0, tuple(output_exprs)))
    partial_shape = init_shape[:index] + [ratio] + init_shape[index:]
    empty = _empty(emit, partial_shape, init.type.element_type)
    fill = emit.add(_build_named(NAMED_OP_CLASSES["linalg.fill"], [_constant(emit, identity)], [empty], [[empty.type]]))
    new_iterators = list(iterators)
    new_iterators.insert(split_dim, "parallel")
    split_op = emit.add(
        GenericOp(
            inputs,
            [fill.results[0]],
            op.regions[0].clone(),
            ArrayAttr([AffineMapAttr(m) for m in new_maps]),
            ArrayAttr([IteratorTypeAttr(IteratorType(t)) for t in new_iterators]),
            [empty.type],
        )
    )
    rank = len(partial_shape)
    identity_map = AffineMap.identity(rank)
    output_map = AffineMap(rank, 0, tuple(AffineDimExpr(d) for d in range(rank) if d != index))
    combining_op = emit.add(
        GenericOp(
            [split_op.results[0]],
            [init],
            combiner_body(combining, init.type.element_type),
            ArrayAttr([AffineMapAttr(identity_map), AffineMapAttr(output_map)]),
            ArrayAttr([IteratorTypeAttr(IteratorType.REDUCTION if d == index else IteratorType.PARALLEL) for d in range(rank)]),
            [init.type],
        )
    )
    op.results[0].replace_all_uses_with(combining_op.results[0])
    op.detach()
    op.erase()
    return empty.owner, fill, split_op, combining_op  # type: ignore[return-value]


def split_at(op: Operation, dimension: int, point: int) -> list[Operation]:
    """Split the iteration domain of the structured op ``op`` along
    ``dimension`` at ``point``: the op on [0, point), then the op on
    [point, size) writing into the first's result (upstream's
    ``linalg::splitOp``); just ``op`` when the point is past the end."""
    from mlopt.dialects.transform.tiling import Emitter, insert_slice, loop_ranges, tile_op_at

    block = op.parent_block()
    assert block is not None
    emit = Emitter(block, op, op.location)
    ranges = loop_ranges(emit, op)
    size = ranges[dimension]
    if isinstance(size, int) and point >= size:
        return [op]
    from xdsl.ir.affine import AffineConstantExpr, AffineDimExpr, AffineMap

    d0 = AffineDimExpr(0)
    first_size = emit.affine("min", AffineMap(1, 0, (AffineConstantExpr(point), d0)), [size])
    second_size = emit.affine("apply", AffineMap(2, 0, (d0 - AffineDimExpr(1),)), [size, first_size])
    parts: list[Operation] = []
    operands = list(op.operands)
    count = len(op.results)
    for offset, extent in ((0, first_size), (point, second_size)):
        offsets: list = [0] * len(ranges)
        extents: list = list(ranges)
        offsets[dimension], extents[dimension] = offset, extent
        part, slices = tile_op_at(emit, op, operands, offsets, extents)
        outputs = operands[len(operands) - count :]
        for index, (result, dest, slice_) in enumerate(zip(part.results, outputs, slices[len(slices) - count :])):
            inserted = result if slice_ is None else insert_slice(emit, result, dest, slice_.offsets, slice_.sizes).results[0]
            operands[len(operands) - count + index] = inserted
        parts.append(part)
    for old, new in zip(op.results, operands[len(operands) - count :]):
        old.replace_all_uses_with(new)
    op.detach()
    op.erase()
    return parts


def _parse_int_array(parser: Parser) -> ArrayAttr:
    return ArrayAttr(IntegerAttr(v, i64) for v in _parse_int_list(parser))


def _ints(array: ArrayAttr) -> list[int]:
    return [a.value.data for a in array.data]  # type: ignore[attr-defined]


def _report(transform: Operation, target: Operation, error: ReductionError, failure: str) -> DiagnosticError:
    """Upstream reports the reason at the payload op, then the failure at the transform op."""
    return DiagnosticError(
        Diagnostic("error", f"'{target.name}' op {error}", location_of(target), op=target),
        Diagnostic("error", failure, location_of(transform), op=transform),
    )


class _PartialReductionTiling(TransformOp):
    """The two tile_reduction ops: ``%op by <clauses> attr-dict : type``,
    (fills, tiled op, merging op, loop); each payload op is tiled by
    ``tile``, a failure reported at the payload op, then as ``FAILURE``."""

    FAILURE: ClassVar[str]

    @classmethod
    def parse_clauses(cls, parser: Parser) -> dict[str, Attribute]:
        raise NotImplementedError

    def print_clauses(self, printer: Printer) -> None:
        raise NotImplementedError

    def tile(self, target: Operation, sizes: list[int]) -> tuple[list[Operation], Operation, Operation, Operation]:
        raise NotImplementedError

    def sizes(self) -> list[int]:
        raise NotImplementedError

    @classmethod
    def parse(cls, parser: Parser):
        from mlopt.dialects.syntax import build_op, parse_attr_dict
        from mlopt.dialects.transform.core import parse_functional_type

        target = parser.parse_unresolved_operand()
        parser.parse_keyword("by")
        properties: dict[str, Attribute] = {}
        if parser.parse_optional_keyword("reduction_dims"):
            parser.parse_punctuation("=")
            properties["reduction_dims"] = _parse_int_array(parser)
        properties.update(cls.parse_clauses(parser))
        attributes = parse_attr_dict(parser)
        function_type = parse_functional_type(parser)
        outputs = list(function_type.outputs)
        return build_op(
            cls,  # type: ignore[arg-type]
            operands=[parser.resolve_operand(target, function_type.inputs.data[0])],
            result_types=[outputs[:-3], *outputs[-3:]],
            properties=properties,
            attributes=attributes,
        )

    def print(self, printer: Printer) -> None:
        from mlopt.dialects.syntax import print_attr_dict
        from mlopt.dialects.transform.core import print_functional_type

        printer.print_string(" ")
        printer.print_operand(self.target)  # type: ignore[attr-defined]
        printer.print_string(" by")
        if self.reduction_dims.data:  # type: ignore[attr-defined]
            printer.print_string(" reduction_dims = ")
            _print_int_list(printer, _ints(self.reduction_dims))  # type: ignore[attr-defined]
        self.print_clauses(printer)
        print_attr_dict(printer, self, ("reduction_dims", "tile_sizes", "num_threads", "mapping"))  # type: ignore[arg-type]
        print_functional_type(printer, self)  # type: ignore[arg-type]

    def apply(self, state: TransformState) -> None:
        sizes = self.sizes()
        chosen = _ints(self.reduction_dims)  # type: ignore[attr-defined]
        if chosen:
            sizes = [size if d in chosen else 0 for d, size in enumerate(sizes)]
        results: list[list[Operation]] = [[] for _ in range(4)]
        for target in state.payload_ops(self.target):  # type: ignore[attr-defined]
            try:
                fills, tiled, merged, loop = self.tile(target, sizes)
            except ReductionError as error:
                raise _report(self, target, error, self.FAILURE) from None  # type: ignore[arg-type]
            for into, payload in zip(results, (fills, [tiled], [merged], [loop])):
                into.extend(payload)
        for handle in self.fill_op:  # type: ignore[attr-defined]
            state.set_payload(handle, results[0])
        for handle, payload in zip(self.results[len(self.results) - 3 :], results[1:]):  # type: ignore[attr-defined]
            state.set_payload(handle, payload)


@irdl_op_definition
class TileReductionUsingForOp(_PartialReductionTiling, IRDLOperation):
    """transform.structured.tile_reduction_using_for: tile the reduction dims
    into scf.for loops over a partial accumulator merged after the loop;
    (fill, tiled op, merging op, loop)."""

    name = "transform.structured.tile_reduction_using_for"
    target = operand_def(TransformHandleType)
    reduction_dims = prop_def(ArrayAttr, default_value=ArrayAttr([]))
    tile_sizes = prop_def(ArrayAttr, default_value=ArrayAttr([]))
    fill_op = var_result_def(TransformHandleType)
    split_op = result_def(TransformHandleType)
    combining_op = result_def(TransformHandleType)
    for_op = result_def(TransformHandleType)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)
    FAILURE: ClassVar[str] = "failed to tile using partial reduction"

    @classmethod
    def parse_clauses(cls, parser: Parser) -> dict[str, Attribute]:
        parser.parse_keyword("tile_sizes")
        parser.parse_punctuation("=")
        return {"tile_sizes": _parse_int_array(parser)}

    def print_clauses(self, printer: Printer) -> None:
        printer.print_string(" tile_sizes = ")
        _print_int_list(printer, _ints(self.tile_sizes))

    def sizes(self) -> list[int]:
        return _ints(self.tile_sizes)

    def tile(self, target: Operation, sizes: list[int]) -> tuple[list[Operation], Operation, Operation, Operation]:
        return tile_reduction_using_for(target, sizes)


@irdl_op_definition
class TileReductionUsingForallOp(_PartialReductionTiling, IRDLOperation):
    """transform.structured.tile_reduction_using_forall: split the reduction
    dims among the threads of an scf.forall, each into its own slot of a
    partial accumulator merged after the loop; (fill, tiled op, merging op, forall)."""

    name = "transform.structured.tile_reduction_using_forall"
    target = operand_def(TransformHandleType)
    reduction_dims = prop_def(ArrayAttr, default_value=ArrayAttr([]))
    num_threads = prop_def(DenseArrayBase.constr(i64), default_value=DenseArrayBase.from_list(i64, []))
    tile_sizes = prop_def(DenseArrayBase.constr(i64), default_value=DenseArrayBase.from_list(i64, []))
    mapping = opt_prop_def(ArrayAttr)
    fill_op = var_result_def(TransformHandleType)
    split_op = result_def(TransformHandleType)
    combining_op = result_def(TransformHandleType)
    forall_op = result_def(TransformHandleType)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)
    FAILURE: ClassVar[str] = "could not tile reduction"

    @classmethod
    def parse_clauses(cls, parser: Parser) -> dict[str, Attribute]:
        properties: dict[str, Attribute] = {}
        for keyword in ("num_threads", "tile_sizes"):
            if parser.parse_optional_keyword(keyword):
                parser.parse_punctuation("=")
                values = _parse_int_list(parser)
                properties[keyword] = DenseArrayBase.from_list(i64, values)
        if parser.parse_optional_keyword("mapping"):
            parser.parse_punctuation("=")
            properties["mapping"] = parser.parse_attribute()
        return properties

    def print_clauses(self, printer: Printer) -> None:
        for keyword in ("num_threads", "tile_sizes"):
            values = list(self.properties[keyword].get_values())  # type: ignore[attr-defined]
            if values:
                printer.print_string(f" {keyword} = ")
                _print_int_list(printer, values)
        if self.mapping is not None:
            printer.print_string(" mapping = ")
            printer.print_attribute(self.mapping)

    def verify_(self) -> None:
        if self.tile_sizes.get_values():
            raise VerifyException("tile_sizes is not supported; use num_threads")

    def sizes(self) -> list[int]:
        return list(self.num_threads.get_values())

    def tile(self, target: Operation, sizes: list[int]) -> tuple[list[Operation], Operation, Operation, Operation]:
        return tile_reduction_using_forall(target, sizes, self.mapping)


@irdl_op_definition
class SplitReductionOp(TransformOp, IRDLOperation):
    """transform.structured.split_reduction: split the reduction dim in two,
    one of them parallel, and reduce the partial results with a second op;
    (init, fill, split op, combining op)."""

    name = "transform.structured.split_reduction"
    target = operand_def(TransformHandleType)
    split_factor = prop_def(IntegerAttr[I64], default_value=IntegerAttr(0, i64))
    insert_split_dimension = prop_def(IntegerAttr[I64], default_value=IntegerAttr(0, i64))
    inner_parallel = opt_prop_def(UnitAttr)
    use_scaling_algorithm = opt_prop_def(UnitAttr)
    use_alloc = opt_prop_def(UnitAttr)
    init_or_alloc_op = result_def(TransformHandleType)
    fill_op = result_def(TransformHandleType)
    split_linalg_op = result_def(TransformHandleType)
    combining_linalg_op = result_def(TransformHandleType)
    assembly_format = "$target attr-dict `:` functional-type(operands, results)"
    irdl_options = (ParsePropInAttrDict(),)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    def verify_(self) -> None:
        for unsupported in ("use_scaling_algorithm", "use_alloc"):
            if self.properties.get(unsupported) is not None:
                raise VerifyException(f"{unsupported} is not supported")

    def apply(self, state: TransformState) -> None:
        def split(target: Operation) -> list[list[Operation]]:
            try:
                new = split_reduction(
                    target,
                    self.split_factor.value.data,
                    self.insert_split_dimension.value.data,
                    inner_parallel=self.inner_parallel is not None,
                )
            except ReductionError:
                raise SilenceableFailure(self, "failed to apply", [(target, "attempted to apply to this op")]) from None
            return [[o] for o in new]

        apply_each(state, self, state.payload_ops(self.target), split)


@irdl_op_definition
class SplitOp(TransformOp, IRDLOperation):
    """transform.structured.split: split a structured op's iteration domain
    along ``dimension`` after ``chunk`` iterations into two ops; one handle
    to both parts."""

    name = "transform.structured.split"
    target = operand_def(TransformHandleType)
    dynamic_chunk_sizes = opt_operand_def(TransformHandleType)
    dimension = prop_def(IntegerAttr[I64])
    static_chunk_sizes = prop_def(IntegerAttr[I64])
    multiway = opt_prop_def(UnitAttr)
    split_list = result_def(TransformHandleType)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    @classmethod
    def parse(cls, parser: Parser) -> SplitOp:
        from mlopt.dialects.syntax import DYNAMIC, build_op, parse_attr_dict

        target = parser.parse_unresolved_operand()
        parser.parse_keyword("after")
        handle = parser.parse_optional_unresolved_operand()
        chunk = DYNAMIC if handle is not None else parser.parse_integer()
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        target_type = parser.parse_type()
        handle_type = parser.parse_type() if handle is not None and parser.parse_optional_punctuation(",") else None
        dynamic = [parser.resolve_operand(handle, handle_type or target_type)] if handle is not None else []
        return build_op(
            cls,
            operands=[parser.resolve_operand(target, target_type), dynamic],
            result_types=[target_type],
            properties={"static_chunk_sizes": IntegerAttr(chunk, i64)},
            attributes=attributes,
        )

    def print(self, printer: Printer) -> None:
        from mlopt.dialects.syntax import print_attr_dict

        printer.print_string(" ")
        printer.print_operand(self.target)
        printer.print_string(" after ")
        if self.dynamic_chunk_sizes is not None:
            printer.print_operand(self.dynamic_chunk_sizes)
        else:
            printer.print_string(str(self.static_chunk_sizes.value.data))
        print_attr_dict(printer, self, ("static_chunk_sizes",))
        printer.print_string(" : ")
        printer.print_attribute(self.target.type)
        if self.dynamic_chunk_sizes is not None:
            printer.print_string(", ")
            printer.print_attribute(self.dynamic_chunk_sizes.type)

    def verify_(self) -> None:
        if self.multiway is not None:
            raise VerifyException("multiway splitting is not supported")

    def apply(self, state: TransformState) -> None:
        from mlopt.dialects.linalg import iterator_types
        from mlopt.dialects.transform.structured import _implements, _resolve_sizes

        chunk = self.static_chunk_sizes.value.data
        dynamic = [self.dynamic_chunk_sizes] if self.dynamic_chunk_sizes is not None else []
        (point,) = _resolve_sizes(state, self, [chunk], dynamic)
        dimension = self.dimension.value.data
        parts: list[Operation] = []
        for target in state.payload_ops(self.target):
            if not _implements(target, "LinalgOp"):
                state.set_results(self, [[]])
                raise SilenceableFailure(self, "only applies to structured ops", [(target, "target op")])
            if dimension >= len(iterator_types(target)):
                state.set_results(self, [[]])
                raise SilenceableFailure(self, f"dimension {dimension} does not exist in target op", [(target, "target op")])
            parts.extend(split_at(target, dimension, point))
        state.set_results(self, [parts])


OPS: tuple[type[Operation], ...] = (TileReductionUsingForOp, TileReductionUsingForallOp, SplitReductionOp, SplitOp)
