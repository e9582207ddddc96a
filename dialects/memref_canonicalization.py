"""Upstream's memref folders and canonicalizations that xDSL lacks
(MemRefOps.cpp): dims of what is known, dims of memref.reshape, subviews of
the whole memref, reshapes that change nothing (shared with tensor)."""

from __future__ import annotations

from xdsl.dialects import memref as xmemref
from xdsl.dialects.builtin import DYNAMIC_INDEX, IndexType, MemRefType, NoneAttr, StridedLayoutAttr
from xdsl.ir import Block, Operation, SSAValue
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern, op_type_rewrite_pattern
from xdsl.rewriter import InsertPoint

from mlopt.dialects.arith import IndexCastOp
from mlopt.dialects.memref import CastOp, LoadOp, SubviewOp
from mlopt.dialects.tensor_canonicalization import (
    FoldDimOfKnownSize,
    FoldReshapeOfInverseReshape,
    _constant_slice_lists,
    _slice_operands_and_properties,
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
        rewriter.insert_op(load, InsertPoint.after(reshape))
        if isinstance(load.res.type, IndexType):
            rewriter.replace_op(op, [], [load.res])
            return
        cast = IndexCastOp(load.res, IndexType())
        rewriter.insert_op(cast, InsertPoint.after(load))
        rewriter.replace_op(op, [], [cast.result])


def _has_static_layout(type: MemRefType) -> bool:
    layout = type.layout
    if isinstance(layout, NoneAttr):
        return True
    return (
        isinstance(layout, StridedLayoutAttr)
        and not isinstance(layout.offset, NoneAttr)
        and not any(isinstance(stride, NoneAttr) for stride in layout.strides.data)
    )


class SubviewConstantArguments(RewritePattern):
    """Constant offsets, sizes and strides of a subview become static; its more
    static result is cast back to the old type (upstream's
    OpWithOffsetSizesAndStridesConstantArgumentFolder; rank-reducing subviews are
    left alone)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xmemref.SubviewOp, rewriter: PatternRewriter) -> None:
        source = op.source.type
        if op.result.type.get_num_dims() != source.get_num_dims() or (lists := _constant_slice_lists(op)) is None:
            return
        try:
            inferred = xmemref.SubviewOp.infer_result_type(source, lists["offset"], lists["size"], lists["stride"])
        except ValueError:
            return
        operands, properties = _slice_operands_and_properties(lists)
        new = SubviewOp.build(operands=[op.source, *operands], result_types=[inferred], properties=properties)
        if inferred == op.result.type:
            rewriter.replace_op(op, new)
            return
        rewriter.insert_op(new, InsertPoint.before(op))
        rewriter.replace_op(op, CastOp.build(operands=[new.result], result_types=[op.result.type]))


class FoldSubviewOfSameType(RewritePattern):
    """A subview whose type is its source's, static in shape and layout, views
    all of it (upstream's SubViewOp::fold)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xmemref.SubviewOp, rewriter: PatternRewriter) -> None:
        type = op.result.type
        if type == op.source.type and DYNAMIC_INDEX not in type.get_shape() and _has_static_layout(type):
            rewriter.replace_op(op, [], [op.source])


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
            rewriter.erase_op(user)
        rewriter.erase_op(op)


ALLOC_PATTERNS = (EraseDeadAlloc(),)
DIM_PATTERNS = (FoldDimOfKnownSize(), FoldDimOfReshape())
RESHAPE_PATTERNS = (FoldReshapeOfInverseReshape(),)
SUBVIEW_PATTERNS = (FoldSubviewOfSameType(), SubviewConstantArguments())
