"""scf-forall-to-parallel: scf.forall without shared outputs (on buffers, as
after bufferization) → one scf.parallel, as upstream's ForallToParallel. A
forall with shared outputs is a located error, as upstream refuses it."""

from __future__ import annotations

from typing import ClassVar

from xdsl.context import Context
from xdsl.ir import Block, Operation, Region
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, PatternRewriteWalker, RewritePattern, op_type_rewrite_pattern
from xdsl.rewriter import InsertPoint

from mlopt.diagnostics import DiagnosticError
from mlopt.dialects import scf
from mlopt.passes.transforms.scf_forall_to_for import mixed_bounds, move_body


class ForallToParallel(RewritePattern):
    """One scf.forall without outputs → scf.parallel over the same bounds."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: scf.ForallOp, rewriter: PatternRewriter, /) -> None:
        if op.outputs:
            raise DiagnosticError.at(
                op, "'scf.forall' op only fully bufferized scf.forall ops can be lowered to scf.parallel"
            )
        lowers, uppers, steps = mixed_bounds(op, rewriter)
        body = Block(arg_types=[arg.type for arg in op.region.block.args])
        for old, new in zip(op.region.block.args, body.args):
            old.replace_all_uses_with(new)
        move_body(op.region.block, body)
        body.add_op(scf.ReduceOp())
        rewriter.insert(scf.ParallelOp(lowers, uppers, steps, Region(body)), InsertPoint.before(op))
        rewriter.erase(op)


class SCFForallToParallelLoop(ModulePass):
    """Convert SCF forall loops to SCF parallel loops"""

    name = "scf-forall-to-parallel"
    display_name: ClassVar[str] = "SCFForallToParallelLoop"

    def apply(self, ctx: Context, op: Operation) -> None:
        PatternRewriteWalker(ForallToParallel()).rewrite_module(op)
