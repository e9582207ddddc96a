"""convert-scf-to-cf: structured control flow → cf branches, as upstream's
SCFToControlFlow: scf.for, scf.if and scf.index_switch (xDSL's patterns),
plus scf.while, scf.execute_region and scf.parallel (through scf.for loops,
reductions carried as loop arguments), which xDSL's pass leaves behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import cf, scf
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern, op_type_rewrite_pattern
from xdsl.rewriter import InsertPoint
from xdsl.dialects.builtin import IntegerAttr, i64
from xdsl.transforms import convert_scf_to_cf as xdsl_scf_to_cf
from xdsl.transforms.convert_scf_to_cf import IfLowering, SwitchLowering

from mlopt.passes.conversion.llvm_common import OpPattern, apply_conversion


class ForLowering(xdsl_scf_to_cf.ForLowering):
    """xDSL's scf.for lowering, comparing unsigned for ``scf.for unsigned``."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if not isinstance(op, scf.ForOp):
            return
        unsigned = op.properties.get("unsignedCmp") is not None
        condition_block = op.body.first_block
        super().match_and_rewrite(op, rewriter)
        if unsigned and condition_block is not None:
            comparison = condition_block.last_op.prev_op  # type: ignore[union-attr]
            assert comparison is not None and comparison.name == "arith.cmpi"
            comparison.properties["predicate"] = IntegerAttr(ULT_PREDICATE, i64)


ULT_PREDICATE = 6
"""arith.cmpi's number for ``ult``."""


def split_for_results(op: Operation) -> Block:
    """Split ``op``'s block before it; the new block receives ``op``'s results as arguments."""
    block = op.parent_block()
    assert block is not None
    continuation = block.split_before(op)
    for result in op.results:
        continuation.insert_arg(result.type, len(continuation.args))
    return continuation


def replace_terminators(rewriter: PatternRewriter, blocks: list[Block], name: str, build) -> None:
    """Replace each terminator named ``name`` in the blocks with ``build(terminator)``."""
    for block in blocks:
        terminator = block.last_op
        if terminator is not None and terminator.name == name:
            rewriter.replace(terminator, build(terminator))


class WhileLowering(RewritePattern):
    """scf.while → a "before" block ending in cond_br to the "after" block
    (which branches back) or to the continuation."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: scf.WhileOp, rewriter: PatternRewriter, /) -> None:
        block = op.parent_block()
        assert block is not None
        continuation = split_for_results(op)
        before = op.before_region.block
        after = op.after_region.block
        before_blocks = list(op.before_region.blocks)
        after_blocks = list(op.after_region.blocks)
        op.before_region.move_blocks_before(continuation)
        op.after_region.move_blocks_before(continuation)
        replace_terminators(
            rewriter,
            before_blocks,
            "scf.condition",
            lambda t: cf.ConditionalBranchOp(t.operands[0], after, t.operands[1:], continuation, t.operands[1:]),
        )
        replace_terminators(rewriter, after_blocks, "scf.yield", lambda t: cf.BranchOp(before, *t.operands))
        rewriter.insert(cf.BranchOp(before, *op.arguments), InsertPoint.at_end(block))
        rewriter.replace(op, [], continuation.args)


class ExecuteRegionLowering(RewritePattern):
    """scf.execute_region → its blocks inlined, scf.yield branching to the continuation."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: scf.ExecuteRegionOp, rewriter: PatternRewriter, /) -> None:
        block = op.parent_block()
        assert block is not None
        continuation = split_for_results(op)
        blocks = list(op.region.blocks)
        entry = blocks[0]
        op.region.move_blocks_before(continuation)
        replace_terminators(rewriter, blocks, "scf.yield", lambda t: cf.BranchOp(continuation, *t.operands))
        rewriter.insert(cf.BranchOp(entry), InsertPoint.at_end(block))
        rewriter.replace(op, [], continuation.args)


class ParallelLowering(RewritePattern):
    """scf.parallel → nested scf.for loops; each reduction is carried through
    the loops and combined by its scf.reduce region in the innermost body."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: scf.ParallelOp, rewriter: PatternRewriter, /) -> None:
        body = op.body.block
        reduce = body.last_op
        assert reduce is not None and reduce.name == "scf.reduce"
        loops: list[scf.ForOp] = []
        carried: list[SSAValue] = list(op.initVals)
        for lower, upper, step in zip(op.lowerBound, op.upperBound, op.step):
            loop_block = Block(arg_types=[lower.type, *(v.type for v in carried)])
            loop = scf.ForOp(lower, upper, step, carried, Region(loop_block))
            if loops:
                loops[-1].body.block.add_op(loop)
            else:
                rewriter.insert(loop, InsertPoint.before(op))
            loops.append(loop)
            carried = list(loop_block.args[1:])
        innermost = loops[-1].body.block
        for index, arg in enumerate(list(body.args)):
            arg.replace_all_uses_with(loops[index].body.block.args[0])
        for inner_op in list(body.ops):
            if inner_op is reduce:
                break
            inner_op.detach()
            innermost.add_op(inner_op)
        combined = [
            self.combine(region, accumulator, value, innermost)
            for region, accumulator, value in zip(reduce.regions, carried, reduce.operands)
        ]
        innermost.add_op(scf.YieldOp(*combined))
        for outer, inner in zip(loops[:-1], loops[1:]):
            outer.body.block.add_op(scf.YieldOp(*inner.results))
        rewriter.replace(op, [], loops[0].results)

    @staticmethod
    def combine(region: Region, accumulator: SSAValue, value: SSAValue, into: Block) -> SSAValue:
        """Inline the reduction region on (accumulator, value); its scf.reduce.return value."""
        reduction = region.block
        reduction.args[0].replace_all_uses_with(accumulator)
        reduction.args[1].replace_all_uses_with(value)
        result: SSAValue | None = None
        for reduction_op in list(reduction.ops):
            reduction_op.detach()
            if reduction_op.name == "scf.reduce.return":
                result = reduction_op.operands[0]
                reduction_op.erase()
                continue
            into.add_op(reduction_op)
        assert result is not None
        return result


@dataclass(frozen=True)
class SCFToControlFlowPass(ModulePass):
    """Convert SCF dialect to ControlFlow dialect, replacing structured control flow with a CFG"""

    name = "convert-scf-to-cf"
    display_name: ClassVar[str] = "SCFToControlFlowPass"

    allow_pattern_rollback: bool = field(
        default=True, metadata={"help": "Experimental performance flag to disallow pattern rollback"}
    )

    def apply(self, ctx: Context, op: Operation) -> None:
        patterns = [
            OpPattern("scf.parallel", ParallelLowering()),
            OpPattern("scf.index_switch", SwitchLowering()),
            OpPattern("scf.if", IfLowering()),
            OpPattern("scf.for", ForLowering()),
            OpPattern("scf.while", WhileLowering()),
            OpPattern("scf.execute_region", ExecuteRegionLowering()),
        ]
        apply_conversion(op, patterns, fold_casts=False)
