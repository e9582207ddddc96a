"""example-lower-answer: replace example.answer with arith.constant 42."""

from dataclasses import dataclass

from xdsl.dialects import arith
from xdsl.dialects.builtin import IntegerAttr
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, PatternRewriteWalker, RewritePattern, op_type_rewrite_pattern

from mlopt_example_plugin.dialect import AnswerOp


class AnswerToConstant(RewritePattern):
    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: AnswerOp, rewriter: PatternRewriter):
        rewriter.replace(op, arith.ConstantOp(IntegerAttr(42, op.result.type)))


@dataclass(frozen=True)
class LowerAnswer(ModulePass):
    """Replace example.answer with the constant 42"""

    name = "example-lower-answer"

    def apply(self, ctx, op):
        for region in op.regions:
            PatternRewriteWalker(AnswerToConstant()).rewrite_region(region)
