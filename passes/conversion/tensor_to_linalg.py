"""convert-tensor-to-linalg: tensor.pad → tensor.empty + linalg.fill (or
tensor.generate) + tensor.insert_slice, as upstream's GeneralizePadOpPattern."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith
from xdsl.dialects.builtin import DYNAMIC_INDEX, DenseArrayBase, IndexType, IntegerAttr, TensorType, i64
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import (
    GreedyRewritePatternApplier,
    PatternRewriter,
    PatternRewriteWalker,
    RewritePattern,
    op_type_rewrite_pattern,
)
from xdsl.rewriter import InsertPoint

from mlopt.dialects import tensor
from mlopt.dialects.tensor_canonicalization import constant_int, mixed_padding


def _constant_index(rewriter: PatternRewriter, value: int) -> SSAValue:
    return rewriter.insert(arith.ConstantOp(IntegerAttr(value, IndexType()))).result


def _add_or_fold(rewriter: PatternRewriter, lhs: SSAValue, rhs: SSAValue) -> SSAValue:
    """``lhs + rhs`` as a new constant when both are constants, else an
    arith.addi with a constant operand on the right (as upstream's createOrFold)."""
    left, right = constant_int(lhs), constant_int(rhs)
    if left is not None and right is not None:
        return _constant_index(rewriter, left + right)
    if left is not None:
        lhs, rhs = rhs, lhs
    return rewriter.insert(arith.AddiOp(lhs, rhs)).result


def _as_value(rewriter: PatternRewriter, entry: int | SSAValue) -> SSAValue:
    return _constant_index(rewriter, entry) if isinstance(entry, int) else entry


def _source_size(rewriter: PatternRewriter, source: SSAValue, dim: int) -> int | SSAValue:
    """The size of dimension ``dim`` of ``source``: static, or a tensor.dim."""
    size = source.type.get_shape()[dim]
    if size != DYNAMIC_INDEX:
        return size
    index = _constant_index(rewriter, dim)
    return rewriter.insert(tensor.DimOp(source, index)).result


def constant_padding_value(pad: tensor.PadOp) -> SSAValue | None:
    """The value every padded element gets, when the body yields one (upstream's
    PadOp::getConstantPaddingValue)."""
    terminator = pad.region.block.last_op
    if not isinstance(terminator, tensor.YieldOp) or len(terminator.operands) != 1:
        return None
    value = terminator.operands[0]
    if isinstance(value.owner, Operation) and value.owner.name == "arith.constant":
        return value
    block = value.owner if isinstance(value.owner, Block) else value.owner.parent_block()
    return None if block is pad.region.block else value


@dataclass
class GeneralizePadOpPattern(RewritePattern):
    """tensor.pad as a filled (or generated) tensor with the source inserted."""

    ctx: Context

    @op_type_rewrite_pattern
    def match_and_rewrite(self, pad: tensor.PadOp, rewriter: PatternRewriter) -> None:
        result_type: TensorType = pad.result.type
        source = pad.source
        low = mixed_padding(pad, "low")
        high = mixed_padding(pad, "high")
        dynamic_sizes: list[SSAValue] = []
        for dim, size in enumerate(result_type.get_shape()):
            if size != DYNAMIC_INDEX:
                continue
            extent = _as_value(rewriter, _source_size(rewriter, source, dim))
            plus_low = _add_or_fold(rewriter, extent, _as_value(rewriter, low[dim]))
            dynamic_sizes.append(_add_or_fold(rewriter, plus_low, _as_value(rewriter, high[dim])))
        empty = rewriter.insert(tensor.EmptyOp(dynamic_sizes, result_type)).tensor
        filled = self._fill_or_generate(pad, empty, dynamic_sizes, rewriter)
        sizes = [_source_size(rewriter, source, dim) for dim in range(result_type.get_num_dims())]
        insert = tensor.InsertSliceOp.build(
            operands=[source, filled, pad.low, [s for s in sizes if isinstance(s, SSAValue)], []],
            result_types=[result_type],
            properties={
                "static_offsets": pad.static_low,
                "static_sizes": DenseArrayBase.from_list(i64, [DYNAMIC_INDEX if isinstance(s, SSAValue) else s for s in sizes]),
                "static_strides": DenseArrayBase.from_list(i64, [1] * len(sizes)),
            },
        )
        rewriter.replace(pad, insert)

    def _fill_or_generate(self, pad: xtensor.PadOp, empty: SSAValue, dynamic_sizes: list[SSAValue],
                          rewriter: PatternRewriter) -> SSAValue:  # fmt: skip
        padding = constant_padding_value(pad)
        if padding is not None:
            if padding.owner.parent_block() is pad.region.block:
                constant = padding.owner
                constant.detach()
                rewriter.insert(constant, InsertPoint.before(pad))
            fill = self.ctx.get_op("linalg.fill")
            return rewriter.insert(fill([padding], [empty], [empty.type])).results[0]
        generate = tensor.GenerateOp.build(
            operands=[dynamic_sizes], result_types=[pad.result.type], regions=[Region()]
        )
        pad.region.clone_into(generate.regions[0])
        return rewriter.insert(generate).results[0]


@dataclass(frozen=True)
class ConvertTensorToLinalgPass(ModulePass):
    """Convert some Tensor dialect ops to Linalg dialect"""

    name = "convert-tensor-to-linalg"
    display_name: ClassVar[str] = "ConvertTensorToLinalgPass"

    def apply(self, ctx: Context, op: Operation) -> None:
        PatternRewriteWalker(
            GreedyRewritePatternApplier([GeneralizePadOpPattern(ctx)]), apply_recursively=False
        ).rewrite_module(op)
