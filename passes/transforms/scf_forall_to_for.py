"""scf-forall-to-for: scf.forall → a nest of scf.for loops, one per dimension,
as upstream's ForallToFor.

A forall with shared outputs (on tensors) becomes a nest carrying each shared
tensor through ``iter_args``: each ``tensor.parallel_insert_slice`` of the
terminator becomes a ``tensor.insert_slice`` into the innermost loop's carried
tensor, and the body's reads of a shared output read the carried tensor (the
threads of a forall write disjoint slices, so running them in order is one of
their schedules). MLIR 22's pass crashes on such foralls; later upstream
handles them this way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith
from xdsl.dialects.builtin import IndexType, IntegerAttr
from xdsl.dialects.scf import YieldOp
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, PatternRewriteWalker, RewritePattern, op_type_rewrite_pattern
from xdsl.rewriter import InsertPoint

from mlopt.diagnostics import DiagnosticError
from mlopt.dialects import scf, tensor


def mixed_bounds(op: scf.ForallOp, rewriter: PatternRewriter) -> list[list[SSAValue]]:
    """The forall's lower bounds, upper bounds and steps as values: its dynamic
    operands, and one new index constant per static entry (as upstream's
    getValueOrCreateConstantIndexOp, all lower bounds first)."""
    from mlopt.dialects.syntax import DYNAMIC

    lists = []
    for static, dynamic in (
        (op.staticLowerBound, op.dynamicLowerBound),
        (op.staticUpperBound, op.dynamicUpperBound),
        (op.staticStep, op.dynamicStep),
    ):
        operands = iter(dynamic)
        values = []
        for value in static.get_values():
            if value == DYNAMIC:
                values.append(next(operands))
                continue
            constant = arith.ConstantOp(IntegerAttr(value, IndexType()))
            rewriter.insert(constant, InsertPoint.before(op))
            values.append(constant.result)
        lists.append(values)
    return lists


def parallel_inserts(op: scf.ForallOp) -> list[tensor.ParallelInsertSliceOp]:
    """The terminator's parallel inserts, one per shared output, in order;
    anything else in the terminator is a located error."""
    terminator = op.region.block.last_op
    assert isinstance(terminator, scf.InParallelOp)
    inserts = list(terminator.region.block.ops)
    for insert in inserts:
        if not isinstance(insert, tensor.ParallelInsertSliceOp):
            raise DiagnosticError.at(insert, f"'{insert.name}' op expected parallel insert slice op")
    shared = op.region.block.args[len(op.staticUpperBound.get_values()) :]
    if [insert.dest for insert in inserts] != list(shared):
        raise DiagnosticError.at(op, "'scf.forall' op expected one parallel insert into each shared output, in order")
    return inserts  # type: ignore[return-value]


def move_body(body: Block, into: Block) -> None:
    """Moves the ops of a forall's body, all but its terminator, to the end of ``into``."""
    terminator = body.last_op
    for inner_op in list(body.ops):
        if inner_op is terminator:
            break
        inner_op.detach()
        into.add_op(inner_op)


class ForallToFor(RewritePattern):
    """One scf.forall → nested scf.for loops (carrying its shared outputs)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: scf.ForallOp, rewriter: PatternRewriter, /) -> None:
        inserts = parallel_inserts(op)
        lowers, uppers, steps = mixed_bounds(op, rewriter)
        loops: list[scf.ForOp] = []
        carried: Sequence[SSAValue] = list(op.outputs)
        for lower, upper, step in zip(lowers, uppers, steps, strict=True):
            block = Block(arg_types=[IndexType(), *(value.type for value in carried)])
            loop = scf.ForOp(lower, upper, step, carried, Region(block))
            if loops:
                loops[-1].body.block.add_op(loop)
            else:
                rewriter.insert(loop, InsertPoint.before(op))
            loops.append(loop)
            carried = block.args[1:]
        for outer, inner in zip(loops, loops[1:]):
            outer.body.block.add_op(YieldOp(*inner.results))
        innermost = loops[-1].body.block
        body = op.region.block
        rank = len(loops)
        for index, arg in enumerate(body.args):
            arg.replace_all_uses_with(loops[index].body.block.args[0] if index < rank else carried[index - rank])
        move_body(body, innermost)
        yielded = []
        for insert in inserts:
            update = tensor.InsertSliceOp.create(
                operands=list(insert.operands),
                result_types=[insert.dest.type],
                properties=dict(insert.properties),
                attributes=dict(insert.attributes),
            )
            innermost.add_op(update)
            rewriter.erase(insert)
            yielded.append(update.results[0])
        innermost.add_op(YieldOp(*yielded))
        rewriter.replace(op, [], list(loops[0].results))


class SCFForallToForLoop(ModulePass):
    """Convert SCF forall loops to SCF for loops"""

    name = "scf-forall-to-for"
    display_name: ClassVar[str] = "SCFForallToForLoop"

    def apply(self, ctx: Context, op: Operation) -> None:
        PatternRewriteWalker(ForallToFor()).rewrite_module(op)
