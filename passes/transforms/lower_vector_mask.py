"""lower-vector-mask: vector.mask around a side-effecting op → the op's own
mask operand, as upstream's populateVectorMaskLoweringPatternsForSideEffectingOps
(transfer_read, transfer_write, gather). Other masked ops are left to the
lowerings that know their masked form (e.g. lower-vector-multi-reduction)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import DenseArrayBase, i32
from xdsl.ir import Operation
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

from mlopt.passes.conversion.llvm_common import apply_conversion
from mlopt.passes.transforms import vector_ir


@dataclass
class MaskedTransfer(RewritePattern):
    """vector.mask %m { transfer_read/transfer_write } → the transfer with mask %m."""

    transfer_name: str
    source_name: ClassVar[str] = "vector.mask"

    def match_and_rewrite(self, root: Operation, rewriter: PatternRewriter, /) -> None:
        found = vector_ir.masked_op(root, self.transfer_name)
        if found is None:
            return
        op, mask, _ = found
        segments = list(op.properties["operandSegmentSizes"].get_values())  # type: ignore[attr-defined]
        if segments[-1]:
            return
        properties = dict(op.properties)
        properties["operandSegmentSizes"] = DenseArrayBase.from_list(i32, [*segments[:-1], 1])
        transfer = type(op).create(
            operands=[*op.operands, mask],
            result_types=list(op.result_types),
            properties=properties,
            attributes=dict(op.attributes),
        )
        rewriter.replace(root, transfer)


@dataclass
class MaskedGather(RewritePattern):
    """vector.mask %m[, %pass] { gather ... } → the gather with mask %m (and pass-through %pass)."""

    source_name: ClassVar[str] = "vector.mask"

    def match_and_rewrite(self, root: Operation, rewriter: PatternRewriter, /) -> None:
        inner = root.regions[0].block.first_op
        if inner is None or inner.name != "vector.gather":
            return
        mask, passthru = root.operands[0], root.operands[1] if len(root.operands) > 1 else inner.operands[-1]
        operands = list(inner.operands)
        operands[-2:] = [mask, passthru]
        gather = type(inner).create(
            operands=operands,
            result_types=list(inner.result_types),
            properties=dict(inner.properties),
            attributes=dict(inner.attributes),
        )
        rewriter.replace(root, gather)


def mask_lowering_patterns() -> list[RewritePattern]:
    return [MaskedTransfer("vector.transfer_read"), MaskedTransfer("vector.transfer_write"), MaskedGather()]


@dataclass(frozen=True)
class LowerVectorMaskPass(ModulePass):
    """Lower 'vector.mask' operations"""

    name = "lower-vector-mask"
    display_name: ClassVar[str] = "LowerVectorMaskPass"
    anchor: ClassVar[str] = "func.func"

    def apply(self, ctx: Context, op: Operation) -> None:
        apply_conversion(op, mask_lowering_patterns(), fold_casts=False)
