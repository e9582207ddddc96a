"""Upstream's index canonicalizations (IndexOps.cpp) beyond the folders in
index_folding: comparisons of a difference with zero."""

from __future__ import annotations

from xdsl.ir import Operation
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

from mlopt.dialects.index_folding import constant_integer


class CmpOfDifferenceWithZero(RewritePattern):
    """cmp(x - y, 0) → cmp(x, y);  cmp(0, x - y) → cmp(y, x)  (upstream's CmpOp::canonicalize)"""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if constant_integer(op.rhs) == 0:
            difference, swapped = op.lhs.owner, False
        elif constant_integer(op.lhs) == 0:
            difference, swapped = op.rhs.owner, True
        else:
            return
        if not isinstance(difference, Operation) or difference.name != "index.sub":
            return
        lhs, rhs = difference.operands
        rewriter.replace(
            op,
            type(op).create(
                operands=[rhs, lhs] if swapped else [lhs, rhs],
                result_types=[op.result.type],
                properties=dict(op.properties),
                attributes=dict(op.attributes),
            ),
        )


CMP_PATTERNS = (CmpOfDifferenceWithZero(),)
