"""cf canonicalizations: xDSL's, keeping what mlopt's cf ops add (upstream's
branch weights survive SimplifyPassThroughCondBranch, as in ControlFlowOps.cpp)."""

from __future__ import annotations

from xdsl.dialects import cf as xcf
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern
from xdsl.transforms.canonicalization_patterns.cf import SimplifyPassThroughCondBranch

from mlopt.dialects.cf import ConditionalBranchOp

_PASS_THROUGH = SimplifyPassThroughCondBranch()


class PassThroughCondBranchKeepingWeights(RewritePattern):
    """xDSL's SimplifyPassThroughCondBranch, whose new branch is xDSL's op
    without the weights: the branch it leaves is rebuilt as mlopt's, with them."""

    def match_and_rewrite(self, op: xcf.ConditionalBranchOp, rewriter: PatternRewriter, /) -> None:
        weights = op.properties.get("branch_weights")
        block = op.parent_block()
        _PASS_THROUGH.match_and_rewrite(op, rewriter)
        rebuilt = block.last_op
        if rebuilt is op or weights is None or isinstance(rebuilt, ConditionalBranchOp):
            return
        rewriter.replace(
            rebuilt,
            ConditionalBranchOp.create(
                operands=list(rebuilt.operands),
                successors=list(rebuilt.successors),
                properties={**rebuilt.properties, "branch_weights": weights},
                attributes=dict(rebuilt.attributes),
            ),
        )


COND_BR_PATTERNS = (PassThroughCondBranchKeepingWeights(),)
