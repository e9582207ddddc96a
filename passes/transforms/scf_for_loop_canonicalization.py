"""scf-for-loop-canonicalization (upstream's SCF/Transforms/LoopCanonicalization.cpp):

- an affine.min / affine.max in an scf.for whose value the loop bounds
  decide (the usual ``min(ub - iv, step)`` tile size, when the step divides
  the range) becomes the bound that always wins: a constant, or an
  affine.apply of that bound;
- ``tensor.dim`` / ``memref.dim`` of an iter_arg, or of a loop result, whose
  shape the body only passes on (inserting slices into it) asks the loop's
  init instead.

The bounds are decided by trying every iteration of loops with constant
bounds (up to :data:`MAX_ITERATIONS_TRIED`), the other operands constant.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith
from xdsl.dialects.builtin import AffineMapAttr, IndexType, IntegerAttr, ModuleOp
from xdsl.ir import BlockArgument, Operation, OpResult, SSAValue
from xdsl.ir.affine import AffineConstantExpr, AffineDimExpr, AffineMap, AffineSymExpr
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import GreedyRewritePatternApplier, PatternRewriter, PatternRewriteWalker, RewritePattern

from mlopt.passes.transforms.loop_utils import constant_int

MAX_ITERATIONS_TRIED = 4096


def _iteration_values(value: SSAValue) -> list[int] | None:
    """Every value ``value`` takes: a constant, or the iterations of an scf.for."""
    constant = constant_int(value)
    if constant is not None:
        return [constant]
    if isinstance(value, BlockArgument) and value.index == 0:
        loop = value.block.parent_op()
        if loop is not None and loop.name == "scf.for":
            bounds = [constant_int(v) for v in (loop.lb, loop.ub, loop.step)]  # type: ignore[attr-defined]
            if None not in bounds and bounds[2] > 0 and (bounds[1] - bounds[0]) // bounds[2] <= MAX_ITERATIONS_TRIED:  # type: ignore[operator]
                return list(range(*bounds))  # type: ignore[arg-type]
    return None


class MinMaxInLoop(RewritePattern):
    """affine.min / affine.max whose winning bound the enclosing loops decide."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        import itertools

        from mlopt.dialects import affine

        if op.name not in ("affine.min", "affine.max") or not any(
            isinstance(v, BlockArgument) and v.index == 0 and v.block.parent_op().name == "scf.for"  # type: ignore[union-attr]
            for v in op.operands
        ):
            return
        ranges = [_iteration_values(v) for v in op.operands]
        if any(r is None for r in ranges) or not all(ranges):
            return
        map: AffineMap = op.map.data  # type: ignore[attr-defined]
        pick = min if op.name == "affine.min" else max
        winners: set[int] | None = None
        for point in itertools.product(*ranges):  # type: ignore[arg-type]
            values = map.eval(list(point[: map.num_dims]), list(point[map.num_dims :]))
            best = pick(values)
            always = {i for i, v in enumerate(values) if v == best}
            winners = always if winners is None else winners & always
            if not winners:
                return
        assert winners
        chosen = map.results[min(winners)]
        if isinstance(chosen, AffineConstantExpr):
            rewriter.replace(op, [], [_entry_constant(op, chosen.value)])
        elif isinstance(chosen, AffineDimExpr | AffineSymExpr):
            position = chosen.position + (map.num_dims if isinstance(chosen, AffineSymExpr) else 0)
            rewriter.replace(op, [], [op.operands[position]])
        else:
            kept = AffineMap(map.num_dims, map.num_symbols, (chosen,))
            rewriter.replace(op, affine.ApplyOp(list(op.operands), AffineMapAttr(kept)))


def _entry_constant(op: Operation, value: int) -> SSAValue:
    """An index constant ``value`` at the start of the region isolating
    ``op`` (an existing one when there is), where upstream's folder puts it."""
    from xdsl.rewriter import InsertPoint, Rewriter
    from xdsl.traits import IsolatedFromAbove

    scope = op.parent_op()
    while scope is not None and not scope.has_trait(IsolatedFromAbove):
        scope = scope.parent_op()
    assert scope is not None
    entry = scope.regions[0].blocks.first
    assert entry is not None
    for existing in entry.ops:
        if isinstance(existing, arith.ConstantOp) and existing.value == IntegerAttr(value, IndexType()):
            return existing.result
    constant = arith.ConstantOp(IntegerAttr(value, IndexType()))
    Rewriter.insert_op(constant, InsertPoint.at_start(entry))
    return constant.result


def _passes_shape_through(loop: Operation, position: int) -> bool:
    """Whether the body yields, for iter_arg ``position``, the iter_arg
    itself, inserted into (tensor.insert_slice) or carried through inner loops
    that keep its shape (upstream's isShapePreserving)."""
    iter_arg = loop.body.block.args[1 + position]  # type: ignore[attr-defined]
    value: SSAValue | None = loop.body.block.last_op.operands[position]  # type: ignore[attr-defined, union-attr]
    while isinstance(value, OpResult):
        owner = value.op
        if owner.name == "tensor.insert_slice":
            value = owner.operands[1]
        elif owner.name == "scf.for" and _passes_shape_through(owner, value.index):
            value = owner.operands[3 + value.index]
        else:
            return False
    return value is iter_arg


class DimOfLoopValue(RewritePattern):
    """tensor.dim / memref.dim of an scf.for iter_arg or result whose shape
    the loop keeps → the dim of the loop's init."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name not in ("tensor.dim", "memref.dim"):
            return
        source = op.operands[0]
        if isinstance(source, BlockArgument) and source.index > 0:
            loop, position = source.block.parent_op(), source.index - 1
        elif isinstance(source, OpResult):
            loop, position = source.op, source.index
        else:
            return
        if loop is None or loop.name != "scf.for" or not _passes_shape_through(loop, position):
            return
        init = loop.operands[3 + position]
        rewriter.replace(op, type(op).create(operands=[init, op.operands[1]], result_types=[op.results[0].type],
                                                properties=dict(op.properties), attributes=dict(op.attributes)))  # fmt: skip


def for_loop_canonicalization_patterns() -> list[RewritePattern]:
    return [MinMaxInLoop(), DimOfLoopValue()]


@dataclass(frozen=True)
class SCFForLoopCanonicalizationPass(ModulePass):
    """Canonicalize operations within scf.for loop bodies"""

    name = "scf-for-loop-canonicalization"
    display_name: ClassVar[str] = "SCFForLoopCanonicalization"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        PatternRewriteWalker(GreedyRewritePatternApplier(for_loop_canonicalization_patterns())).rewrite_module(op)
