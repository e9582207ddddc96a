"""The Toy tutorial's canonicalization patterns, applied by ``canonicalize``.

Each op lists its patterns in ``get_canonicalization_patterns``, which is how
mlopt's ``canonicalize`` pass finds them (xDSL's canonicalization interface).
The classes have upstream's pattern names, for ``canonicalize{disable-patterns=...}``.
"""

from __future__ import annotations

from xdsl.dialects.builtin import DenseIntOrFPElementsAttr
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern, op_type_rewrite_pattern

from mlopt_toy.dialect import CastOp, ConstantOp, ReshapeOp, TransposeOp


class SimplifyRedundantTranspose(RewritePattern):
    """transpose(transpose(x)) -> x"""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: TransposeOp, rewriter: PatternRewriter) -> None:
        inner = op.input.owner
        if isinstance(inner, TransposeOp) and inner.input.type == op.output.type:
            rewriter.replace(op, [], [inner.input])


class ReshapeReshapeOptPattern(RewritePattern):
    """reshape(reshape(x)) -> reshape(x)"""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: ReshapeOp, rewriter: PatternRewriter) -> None:
        inner = op.input.owner
        if isinstance(inner, ReshapeOp):
            rewriter.replace(op, ReshapeOp(inner.input, op.output.type.get_shape()))


class RedundantReshapeOptPattern(RewritePattern):
    """reshape(x) -> x when x already has the result type"""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: ReshapeOp, rewriter: PatternRewriter) -> None:
        if op.input.type == op.output.type:
            rewriter.replace(op, [], [op.input])


class FoldConstantReshapeOptPattern(RewritePattern):
    """reshape(constant) -> constant of the new shape"""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: ReshapeOp, rewriter: PatternRewriter) -> None:
        constant = op.input.owner
        if not isinstance(constant, ConstantOp):
            return
        # A single value fills the new shape (a splat); otherwise the element
        # counts agree, as ReshapeOp's verifier ensures.
        value = DenseIntOrFPElementsAttr.from_list(op.output.type, list(constant.value.get_values()))
        rewriter.replace(op, ConstantOp(value))


class FoldIdentityCast(RewritePattern):
    """cast(x) -> x when the cast changes nothing (as upstream's CastOpInterface folds)"""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: CastOp, rewriter: PatternRewriter) -> None:
        if op.input.type == op.output.type:
            rewriter.replace(op, [], [op.input])

