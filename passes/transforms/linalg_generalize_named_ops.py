"""linalg-generalize-named-ops: every structured named op (matmul, convolutions,
poolings, elementwise ops, fill, copy, map, reduce, transpose, broadcast, ...)
becomes the linalg.generic with its indexing maps, iterator types and body, as
upstream's LinalgGeneralizationPattern. softmax, pack and unpack are not
structured ops and stay."""

from __future__ import annotations

from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import AffineMapAttr, ArrayAttr
from xdsl.dialects.linalg.attrs import IteratorType, IteratorTypeAttr
from xdsl.ir import Operation
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

from mlopt.passes.conversion.llvm_common import apply_conversion

NOT_GENERALIZABLE = ("linalg.generic", "linalg.softmax", "linalg.pack", "linalg.unpack", "linalg.index", "linalg.yield")


def generalize(op: Operation) -> Operation:
    """The linalg.generic equivalent to the named op ``op`` (not inserted)."""
    from mlopt.dialects.linalg import GenericOp, indexing_maps, iterator_types

    return GenericOp(
        list(op.inputs),  # type: ignore[attr-defined]
        list(op.outputs),  # type: ignore[attr-defined]
        op.regions[0].clone(),
        ArrayAttr([AffineMapAttr(m) for m in indexing_maps(op)]),
        ArrayAttr([IteratorTypeAttr(IteratorType(t)) for t in iterator_types(op)]),
        op.result_types,
    )


class GeneralizeNamedOp(RewritePattern):
    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name.startswith("linalg.") and op.name not in NOT_GENERALIZABLE and op.regions:
            rewriter.replace(op, generalize(op))


class LinalgGeneralizeNamedOpsPass(ModulePass):
    """Convert named ops into generic ops"""

    name = "linalg-generalize-named-ops"
    display_name: ClassVar[str] = "LinalgGeneralizeNamedOpsPass"

    def apply(self, ctx: Context, op: Operation) -> None:
        apply_conversion(op, [GeneralizeNamedOp()], fold_casts=False)
