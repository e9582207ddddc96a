"""Upstream's memref folders and canonicalizations that xDSL lacks
(MemRefOps.cpp): dims of what is known, dims of memref.reshape, subviews of
the whole memref or of a cast, casts of casts, reshapes that change nothing
(shared with tensor)."""

from __future__ import annotations

from collections import Counter

from xdsl.dialects import memref as xmemref
from xdsl.dialects.builtin import DYNAMIC_INDEX, IndexType, MemRefType, NoneAttr, StridedLayoutAttr, TensorType
from xdsl.ir import Block, Operation, SSAValue
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern, op_type_rewrite_pattern
from xdsl.rewriter import InsertPoint

from mlopt.dialects.arith import IndexCastOp
from mlopt.dialects.memref import CastOp, LoadOp, SubviewOp, cast_compatible
from mlopt.dialects import tensor
from mlopt.dialects.linalg_canonicalization import is_linalg_destination_style
from mlopt.dialects.tensor_canonicalization import (
    ComposeReshapes,
    FoldDimOfKnownSize,
    FoldIdentityCast,
    FoldRankOfRanked,
    FoldReshapeOfInverseReshape,
    _constant_slice_lists,
    _mixed,
    _slice_operands_and_properties,
    constant_int,
)


def _defined_before(value: SSAValue, op: Operation) -> bool:
    """Whether ``value`` is a block argument around ``op`` or comes from an op
    before it (in its block or in a block around it)."""
    block = value.owner if isinstance(value.owner, Block) else value.owner.parent_block()
    around = op
    while around is not None and around.parent_block() is not block:
        around = around.parent_op()
    if around is None:
        return False
    return isinstance(value.owner, Block) or value.owner.is_before_in_block(around)


class FoldDimOfReshape(RewritePattern):
    """``memref.dim`` of ``memref.reshape %m(%shape)`` is ``%shape[index]``, read
    right after the reshape, before anything can store to the shape
    (upstream's DimOfMemRefReshape)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xmemref.DimOp, rewriter: PatternRewriter) -> None:
        reshape = op.source.owner
        if not isinstance(reshape, Operation) or reshape.name != "memref.reshape":
            return
        # The load moves up to the reshape: the index must be there already.
        if not _defined_before(op.index, reshape):
            return
        load = LoadOp.get(reshape.shape, [op.index])
        rewriter.insert(load, InsertPoint.after(reshape))
        if isinstance(load.res.type, IndexType):
            rewriter.replace(op, [], [load.res])
            return
        cast = IndexCastOp(load.res, IndexType())
        rewriter.insert(cast, InsertPoint.after(load))
        rewriter.replace(op, [], [cast.result])


def _has_static_layout(type: MemRefType) -> bool:
    layout = type.layout
    if isinstance(layout, NoneAttr):
        return True
    return (
        isinstance(layout, StridedLayoutAttr)
        and not isinstance(layout.offset, NoneAttr)
        and not any(isinstance(stride, NoneAttr) for stride in layout.strides.data)
    )


def _dropped_unit_dims(source: MemRefType, result: MemRefType, sizes: list[int | SSAValue]) -> set[int] | None:
    """The dimensions a rank-reducing subview drops, among its static unit sizes;
    when there are more of those than lost ranks, the ones whose stride the
    result no longer has (upstream's computeMemRefRankReductionMask)."""
    lost = source.get_num_dims() - result.get_num_dims()
    if lost == 0:
        return set()
    units = [position for position, size in enumerate(sizes) if size == 1]
    if len(units) == lost:
        return set(units)
    source_strides, result_strides = source.get_strides(), result.get_strides()
    if source_strides is None or result_strides is None:
        return None
    unaccounted, kept = Counter(source_strides), Counter(result_strides)
    dropped = set()
    for position in units:
        stride = source_strides[position]
        if unaccounted[stride] < kept[stride]:
            return None
        if unaccounted[stride] > kept[stride]:
            unaccounted[stride] -= 1
            dropped.add(position)
    return dropped if len(dropped) == lost else None


def _subview_type(source: MemRefType, lists: dict[str, list[int | SSAValue]], dropped: set[int]) -> MemRefType | None:
    """The subview type inferred from ``source``, without the ``dropped``
    dimensions (upstream's SubViewReturnTypeCanonicalizer)."""
    try:
        full = xmemref.SubviewOp.infer_result_type(source, lists["offset"], lists["size"], lists["stride"])
    except ValueError:
        return None
    if not dropped:
        return full
    layout = full.layout
    kept = [position for position in range(full.get_num_dims()) if position not in dropped]
    shape = [full.get_shape()[position] for position in kept]
    strides = [layout.strides.data[position] for position in kept]
    return MemRefType(full.element_type, shape, StridedLayoutAttr(strides, layout.offset), full.memory_space)


def _replace_by_cast_subview(
    op: xmemref.SubviewOp, source: SSAValue, lists: dict[str, list[int | SSAValue]], rewriter: PatternRewriter
) -> None:
    """Replace ``op`` by a subview of ``source`` with the inferred type, cast back
    to the type ``op`` had."""
    dropped = _dropped_unit_dims(op.source.type, op.result.type, _mixed(op, "size"))
    if dropped is None or (inferred := _subview_type(source.type, lists, dropped)) is None:
        return
    operands, properties = _slice_operands_and_properties(lists)
    new = SubviewOp.build(operands=[source, *operands], result_types=[inferred], properties=properties)
    if inferred == op.result.type:
        rewriter.replace(op, new)
        return
    rewriter.insert(new, InsertPoint.before(op))
    rewriter.replace(op, CastOp.build(operands=[new.result], result_types=[op.result.type]))


class SubviewConstantArguments(RewritePattern):
    """Constant offsets, sizes and strides of a subview become static; its more
    static result is cast back to the old type (upstream's
    OpWithOffsetSizesAndStridesConstantArgumentFolder)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xmemref.SubviewOp, rewriter: PatternRewriter) -> None:
        if (lists := _constant_slice_lists(op)) is not None:
            _replace_by_cast_subview(op, op.source, lists, rewriter)


def cast_folds_into_consumer(cast: Operation) -> bool:
    """Whether a consumer of a memref.cast may read the cast's source instead:
    the cast only forgets static sizes, strides or offset (upstream's
    CastOp::canFoldIntoConsumerOp)."""
    source, result = cast.source.type, cast.dest.type
    if not isinstance(source, MemRefType) or not isinstance(result, MemRefType):
        return False
    if source.element_type != result.element_type or source.get_num_dims() != result.get_num_dims():
        return False
    source_strides, result_strides = source.get_strides(), result.get_strides()
    if source_strides is None or result_strides is None:
        return False
    sizes = [(None if a == DYNAMIC_INDEX else a, None if b == DYNAMIC_INDEX else b) for a, b in zip(source.get_shape(), result.get_shape())]
    pairs = [*sizes, (source.get_offset(), result.get_offset()), *zip(source_strides, result_strides)]
    return all(known is not None or forgotten is None for known, forgotten in pairs)


class SubviewOfCast(RewritePattern):
    """A subview of a cast that only forgets static facts views the cast's source
    (upstream's SubViewOpMemRefCastFolder)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xmemref.SubviewOp, rewriter: PatternRewriter) -> None:
        cast = op.source.owner
        if not isinstance(cast, xmemref.CastOp) or not cast_folds_into_consumer(cast):
            return
        # Constant operands are folded first, by SubviewConstantArguments.
        if any(constant_int(value) is not None for value in op.operands[1:]):
            return
        _replace_by_cast_subview(op, cast.source, {kind: _mixed(op, kind) for kind in tensor.SLICE_LISTS}, rewriter)


class CollapseOfCast(RewritePattern):
    """A collapse_shape of a cast that only forgets static facts collapses the
    cast's source, cast back to the old result type when that one is less
    static (upstream's CollapseShapeOpMemRefCastFolder). Only for sources
    without a layout: the collapsed layout of a strided source is not computed."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xmemref.CollapseShapeOp, rewriter: PatternRewriter) -> None:
        cast = op.src.owner
        if not isinstance(cast, xmemref.CastOp) or not cast_folds_into_consumer(cast):
            return
        source = cast.source.type
        if not isinstance(source.layout, NoneAttr):
            return
        groups = tensor.reassociation_indices(op.reassociation)
        shape = tensor.inferred_collapsed_type(TensorType(source.element_type, source.get_shape()), groups).get_shape()
        collapsed_type = MemRefType(source.element_type, shape, NoneAttr(), source.memory_space)
        if collapsed_type == op.result.type:
            op.operands[0] = cast.source
            rewriter.notify_op_modified(op)
            return
        collapsed = type(op).build(
            operands=[cast.source], result_types=[collapsed_type], properties={"reassociation": op.reassociation}
        )
        rewriter.insert(collapsed, InsertPoint.before(op))
        rewriter.replace(op, CastOp.build(operands=[collapsed.result], result_types=[op.result.type]))


def _reads_through_cast(user: Operation, index: int, cast: Operation) -> bool:
    """Whether operand ``index`` of ``user``, a memref.cast, may be the cast's
    source: the ops whose upstream folder is foldMemRefCast (linalg ops, loads,
    stores of their memref, atomic updates, deallocs, prefetches, vector
    transfers, loads and stores), and copies
    when the cast only forgets static facts (CopyOp::fold)."""
    if user.name == "memref.copy":
        return cast_folds_into_consumer(cast)
    if user.name == "memref.store":
        return index == 1
    return user.name in _FOLDING_MEMREF_CAST or is_linalg_destination_style(user)


_FOLDING_MEMREF_CAST = frozenset(
    {
        "memref.load",
        "memref.atomic_rmw",
        "memref.dealloc",
        "memref.prefetch",
        "vector.transfer_read",
        "vector.transfer_write",
        "vector.load",
        "vector.store",
        "vector.maskedload",
        "vector.maskedstore",
    }
)


class FoldCastIntoUsers(RewritePattern):
    """The users that may read a memref.cast's ranked source read it instead
    (upstream's foldMemRefCast, run by each user's folder; rooted at the cast,
    so ops of other dialects need no patterns of their own)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xmemref.CastOp, rewriter: PatternRewriter) -> None:
        if not isinstance(op.source.type, MemRefType):
            return
        for use in list(op.dest.uses):
            if _reads_through_cast(use.operation, use.index, op):
                use.operation.operands[use.index] = op.source
                rewriter.notify_op_modified(use.operation)


class FoldCastOfCast(RewritePattern):
    """A cast of a cast of a ranked memref casts that memref, when the two
    types are compatible (upstream's foldMemRefCast on memref.cast)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xmemref.CastOp, rewriter: PatternRewriter) -> None:
        inner = op.source.owner
        if not isinstance(inner, xmemref.CastOp) or not isinstance(inner.source.type, MemRefType):
            return
        if cast_compatible(inner.source.type, op.dest.type):
            rewriter.replace(op, CastOp.build(operands=[inner.source], result_types=[op.dest.type]))


class FoldSubviewOfSameType(RewritePattern):
    """A subview whose type is its source's, static in shape and layout, views
    all of it (upstream's SubViewOp::fold)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xmemref.SubviewOp, rewriter: PatternRewriter) -> None:
        type = op.result.type
        if type == op.source.type and DYNAMIC_INDEX not in type.get_shape() and _has_static_layout(type):
            rewriter.replace(op, [], [op.source])


class SubviewOfAll(RewritePattern):
    """A subview at offset zero with unit strides and the static sizes of its
    source views all of it: it is the source, cast to the subview's type
    (upstream's TrivialSubViewOpFolder)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xmemref.SubviewOp, rewriter: PatternRewriter) -> None:
        source = op.source.type
        if DYNAMIC_INDEX in source.get_shape() or op.operands[1:]:
            return
        if (
            any(_mixed(op, "offset"))
            or any(stride != 1 for stride in _mixed(op, "stride"))
            or _mixed(op, "size") != list(source.get_shape())
            or not cast_compatible(source, op.result.type)
        ):
            return
        if source == op.result.type:
            rewriter.replace(op, [], [op.source])
        else:
            rewriter.replace(op, CastOp.build(operands=[op.source], result_types=[op.result.type]))


class EraseEmptyCopy(RewritePattern):
    """A copy of a memref without elements copies nothing (upstream's FoldEmptyCopy)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xmemref.CopyOp, rewriter: PatternRewriter) -> None:
        if any(isinstance(value.type, MemRefType) and 0 in value.type.get_shape() for value in op.operands):
            rewriter.erase(op)


class AllocConstantSizes(RewritePattern):
    """Constant non-negative sizes of an allocation become static; the more
    static memref is cast back to the old type (upstream's SimplifyAllocConst)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xmemref.AllocOp | xmemref.AllocaOp, rewriter: PatternRewriter) -> None:
        known = [constant_int(size) for size in op.dynamic_sizes]
        if all(size is None or size < 0 for size in known):
            return
        dynamic = iter(zip(op.dynamic_sizes, known))
        shape: list[int] = []
        kept: list[SSAValue] = []
        for size in op.memref.type.get_shape():
            if size != DYNAMIC_INDEX:
                shape.append(size)
                continue
            value, constant = next(dynamic)
            if constant is None or constant < 0:
                shape.append(DYNAMIC_INDEX)
                kept.append(value)
            else:
                shape.append(constant)
        old = op.memref.type
        static = MemRefType(old.element_type, shape, old.layout, old.memory_space)
        properties = {name: value for name, value in op.properties.items() if name != "operandSegmentSizes"}
        new = type(op).build(
            operands=[kept, list(op.symbol_operands)], result_types=[static], properties=properties, attributes=dict(op.attributes)
        )
        rewriter.insert(new, InsertPoint.before(op))
        rewriter.replace(op, CastOp.build(operands=[new.memref], result_types=[old]))


class EraseDeadAlloc(RewritePattern):
    """An allocation only stored into (and deallocated) is never read: it goes,
    with those stores (upstream's SimplifyDeadAlloc)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xmemref.AllocOp | xmemref.AllocaOp, rewriter: PatternRewriter) -> None:
        users = [use.operation for use in op.memref.uses]
        if any(
            user.value == op.memref if isinstance(user, xmemref.StoreOp) else not isinstance(user, xmemref.DeallocOp)
            for user in users
        ):
            return
        for user in dict.fromkeys(users):
            rewriter.erase(user)
        rewriter.erase(op)


ALLOC_PATTERNS = (EraseDeadAlloc(), AllocConstantSizes())
DIM_PATTERNS = (FoldDimOfKnownSize(), FoldDimOfReshape())
RESHAPE_PATTERNS = (FoldReshapeOfInverseReshape(), ComposeReshapes(), CollapseOfCast())
SUBVIEW_PATTERNS = (FoldSubviewOfSameType(), SubviewConstantArguments(), SubviewOfCast(), SubviewOfAll())
CAST_PATTERNS = (FoldIdentityCast(), FoldCastOfCast(), FoldCastIntoUsers())
COPY_PATTERNS = (EraseEmptyCopy(),)
RANK_PATTERNS = (FoldRankOfRanked(),)
