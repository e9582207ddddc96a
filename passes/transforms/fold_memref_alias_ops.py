"""fold-memref-alias-ops: ``memref.load``/``memref.store`` through a
``memref.subview`` access the subview's source directly, at indices computed
with ``affine.apply`` (offset + stride * index per dimension; dimensions the
subview dropped are read at their offset), as upstream's FoldMemRefAliasOps
does for loads and stores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith, memref
from xdsl.dialects.builtin import DYNAMIC_INDEX, AffineMapAttr, IndexType, ModuleOp
from xdsl.ir import Operation, SSAValue
from xdsl.ir.affine import AffineExpr, AffineMap
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, PatternRewriteWalker, RewritePattern

from mlopt.dialects.affine import ApplyOp

Mixed = int | SSAValue


def _mixed(static: Sequence[int], dynamic: Sequence[SSAValue]) -> list[Mixed]:
    values = iter(dynamic)
    return [next(values) if value == DYNAMIC_INDEX else value for value in static]


def _dropped_dims(sizes: Sequence[Mixed], result_rank: int) -> set[int]:
    """The unit dimensions a rank-reducing subview drops, first ones first."""
    dropped: set[int] = set()
    surplus = len(sizes) - result_rank
    for dim, size in enumerate(sizes):
        if surplus and size == 1:
            dropped.add(dim)
            surplus -= 1
    return dropped


def _source_index(rewriter: PatternRewriter, offset: Mixed, stride: Mixed, index: SSAValue | None) -> SSAValue:
    """``offset + stride * index`` (``offset`` alone for a dropped dimension)."""
    if index is None and isinstance(offset, SSAValue):
        return offset
    if index is None or (offset == 0 and stride == 1):
        if index is not None:
            return index
        constant = arith.ConstantOp.from_int_and_width(offset, IndexType())
        rewriter.insert(constant)
        return constant.result
    symbols: list[SSAValue] = []

    def term(value: Mixed) -> AffineExpr:
        if isinstance(value, int):
            return AffineExpr.constant(value)
        symbols.append(value)
        return AffineExpr.symbol(len(symbols) - 1)

    offset_expr = term(offset)
    index_expr = term(index)
    expr = offset_expr + index_expr * stride if isinstance(stride, int) else offset_expr + index_expr * term(stride)
    apply = ApplyOp(symbols, AffineMapAttr(AffineMap(0, len(symbols), (expr,))))
    rewriter.insert(apply)
    return apply.result


def _source_indices(rewriter: PatternRewriter, subview: memref.SubviewOp, indices: Sequence[SSAValue]) -> list[SSAValue]:
    offsets = _mixed(subview.static_offsets.get_values(), subview.offsets)
    sizes = _mixed(subview.static_sizes.get_values(), subview.sizes)
    strides = _mixed(subview.static_strides.get_values(), subview.strides)
    dropped = _dropped_dims(sizes, len(indices))
    remaining = iter(indices)
    return [
        _source_index(rewriter, offset, stride, None if dim in dropped else next(remaining))
        for dim, (offset, stride) in enumerate(zip(offsets, strides))
    ]


class FoldAccessThroughSubview(RewritePattern):
    """``memref.load``/``memref.store`` of a subview → of its source."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> None:
        if not isinstance(op, memref.LoadOp | memref.StoreOp) or not isinstance(op.memref.owner, memref.SubviewOp):
            return
        subview = op.memref.owner
        indices = _source_indices(rewriter, subview, op.indices)
        stored = [op.value] if isinstance(op, memref.StoreOp) else []
        folded = type(op).create(
            operands=[*stored, subview.source, *indices],
            result_types=[result.type for result in op.results],
            properties=dict(op.properties),
            attributes=dict(op.attributes),
        )
        rewriter.replace(op, folded)
        if not subview.result.uses:
            rewriter.erase(subview)


@dataclass(frozen=True)
class FoldMemRefAliasOpsPass(ModulePass):
    """Fold memref alias ops into consumer load/store ops"""

    name = "fold-memref-alias-ops"
    display_name: ClassVar[str] = "FoldMemRefAliasOpsPass"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        PatternRewriteWalker(FoldAccessThroughSubview()).rewrite_module(op)
