"""Upstream's scf canonicalizations that xDSL lacks (SCF.cpp): loop-carried
values that do not change, empty loops that run, trivial ifs that become
selects, unused if results, empty else branches and nested ifs, and the
values scf.while carries or passes on for nothing."""

from __future__ import annotations

from xdsl.dialects import arith as xarith
from xdsl.dialects import scf as xscf
from xdsl.dialects import tensor as xtensor
from xdsl.dialects.builtin import IntegerAttr, IntegerType
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern
from xdsl.rewriter import InsertPoint
from xdsl.transforms.canonicalization_patterns.scf import SimplifyTrivialLoops
from xdsl.transforms.canonicalization_patterns.utils import const_evaluate_operand

from mlopt.dialects.arith import SelectOp
from mlopt.dialects.arith_canonicalization import INVERTED, cmpi_predicate, negated
from mlopt.dialects.tensor_canonicalization import cast_folds_into_consumer


def _defined_in(value: SSAValue, region: Region) -> bool:
    """Whether ``value`` is defined directly in a block of ``region``."""
    block = value.owner if not isinstance(value.owner, Operation) else value.owner.parent_block()
    return block is not None and block.parent is region


def _rebuilt(op: Operation, operands: list[SSAValue], result_types: list, regions: list[Region]) -> Operation:
    """``op`` with other operands, results and regions, keeping its properties and attributes."""
    return type(op).create(
        operands=operands,
        result_types=result_types,
        properties=dict(op.properties),
        attributes=dict(op.attributes),
        regions=regions,
    )


def _take_regions(op: Operation) -> list[Region]:
    """All of ``op``'s regions, detached (for the op that replaces it)."""
    regions = list(op.regions)
    for region in regions:
        op.detach_region(region)
    return regions


def _replace_yield(block, values: list[SSAValue], rewriter: PatternRewriter) -> None:
    rewriter.replace(block.last_op, xscf.YieldOp(*values))


class ForForwardedIterArgs(RewritePattern):
    """An iter_arg the body yields unchanged (or yields its init) is that init
    throughout, and one with the init and yielded value of an earlier one is
    that one: they leave the loop (upstream's ForOpIterArgsFolder)."""

    def match_and_rewrite(self, op: xscf.ForOp, rewriter: PatternRewriter, /) -> None:
        block = op.body.block
        yielded = list(block.last_op.operands)
        inits, args = list(op.iter_args), list(block.args[1:])
        forwarded: list[int] = []
        duplicate_of: dict[int, int] = {}
        first_with: dict[tuple[SSAValue, SSAValue], int] = {}
        for index, (init, arg, result) in enumerate(zip(inits, args, op.results)):
            if yielded[index] in (arg, init) or (not arg.uses and not result.uses):
                forwarded.append(index)
            elif (init, yielded[index]) in first_with:
                duplicate_of[index] = first_with[(init, yielded[index])]
            else:
                first_with[(init, yielded[index])] = index
        if not forwarded and not duplicate_of:
            return
        for index in forwarded:
            rewriter.replace_all_uses_with(args[index], inits[index])
        for index, first in duplicate_of.items():
            rewriter.replace_all_uses_with(args[index], args[first])
        kept = [index for index in range(len(inits)) if index not in forwarded and index not in duplicate_of]
        _replace_yield(block, [yielded[index] for index in kept], rewriter)
        for index in sorted([*forwarded, *duplicate_of], reverse=True):
            rewriter.erase_block_argument(args[index])
        new = _rebuilt(
            op, [op.lb, op.ub, op.step, *(inits[i] for i in kept)], [op.results[i].type for i in kept],
            [op.detach_region(op.body)],
        )  # fmt: skip
        rewriter.insert(new, InsertPoint.before(op))
        values = list(inits)
        for position, index in enumerate(kept):
            values[index] = new.results[position]
        for index, first in duplicate_of.items():
            values[index] = values[first]
        rewriter.replace(op, [], values)


_XDSL_TRIVIAL_LOOPS = SimplifyTrivialLoops()


class TrivialSignedLoops(RewritePattern):
    """xDSL's SimplifyTrivialLoops, which compares constant bounds as signed
    integers: a loop with ``unsigned`` comparison is left to patterns that know."""

    def match_and_rewrite(self, op: xscf.ForOp, rewriter: PatternRewriter, /) -> None:
        if "unsignedCmp" not in op.properties:
            _XDSL_TRIVIAL_LOOPS.match_and_rewrite(op, rewriter)


def _bound_difference(lb: SSAValue, ub: SSAValue) -> int | None:
    """``ub - lb`` when ``ub`` is ``arith.addi lb, constant`` without signed wrap
    (upstream's computeConstDiff)."""
    add = ub.owner
    if not isinstance(add, xarith.AddiOp) or xarith.IntegerOverflowFlag.NSW not in add.overflow_flags.data:
        return None
    for base, offset in ((add.lhs, add.rhs), (add.rhs, add.lhs)):
        if base == lb and (value := const_evaluate_operand(offset)) is not None:
            return value
    return None


class ForIterArgOfCast(RewritePattern):
    """An iter_arg initialised by a tensor.cast that only forgets static sizes
    is carried with the more static type: the body casts it to the old type and
    casts what it yields back, the one use of the result reads it cast
    (upstream's ForOpTensorCastFolder)."""

    def match_and_rewrite(self, op: xscf.ForOp, rewriter: PatternRewriter, /) -> None:
        for index, (init, result) in enumerate(zip(op.iter_args, op.results)):
            cast = init.owner
            if cast_folds_into_consumer(cast) and cast.source.type != cast.dest.type and result.has_one_use():
                _carry_uncast(op, index, cast.source, rewriter)
                return


def _carry_uncast(op: xscf.ForOp, index: int, source: SSAValue, rewriter: PatternRewriter) -> None:
    """``op`` with iter_arg ``index`` carried as ``source`` (of a more static type)."""
    old_type, new_type = op.results[index].type, source.type
    block = op.body.block
    arg = block.args[1 + index]
    inside = xtensor.CastOp(arg, old_type)
    rewriter.insert(inside, InsertPoint.at_start(block))
    rewriter.replace_all_uses_with(arg, inside.dest)
    inside.operands[0] = arg
    rewriter.replace_value_with_new_type(arg, new_type)
    yielded = xtensor.CastOp(block.last_op.operands[index], new_type)
    rewriter.insert(yielded, InsertPoint.before(block.last_op))
    block.last_op.operands[index] = yielded.dest
    inits = [source if position == index else init for position, init in enumerate(op.iter_args)]
    result_types = [new_type if position == index else r.type for position, r in enumerate(op.results)]
    new = _rebuilt(op, [op.lb, op.ub, op.step, *inits], result_types, _take_regions(op))
    rewriter.insert(new, InsertPoint.before(op))
    outside = xtensor.CastOp(new.results[index], old_type)
    rewriter.insert(outside, InsertPoint.after(new))
    values = [outside.dest if position == index else r for position, r in enumerate(new.results)]
    rewriter.replace(op, [], values)


class ForSingleIterationPastItsBound(RewritePattern):
    """A loop to its lower bound plus a constant no larger than its step runs
    once: it is its body, at the lower bound (upstream's SimplifyTrivialLoops)."""

    def match_and_rewrite(self, op: xscf.ForOp, rewriter: PatternRewriter, /) -> None:
        difference, step = _bound_difference(op.lb, op.ub), const_evaluate_operand(op.step)
        if difference is None or step is None or not 0 < difference <= step or "unsignedCmp" in op.properties:
            return
        block = op.body.block
        rewriter.replace_all_uses_with(block.args[0], op.lb)
        for arg, init in zip(block.args[1:], op.iter_args):
            rewriter.replace_all_uses_with(arg, init)
        results = list(block.last_op.operands)
        _inline_before(block, op, rewriter)
        rewriter.replace(op, [], results)


class ForWithoutIterations(RewritePattern):
    """A loop from a bound to the same value never runs: it is its inits
    (upstream's SimplifyTrivialLoops, for bounds that are one SSA value)."""

    def match_and_rewrite(self, op: xscf.ForOp, rewriter: PatternRewriter, /) -> None:
        if op.lb == op.ub:
            rewriter.replace(op, [], list(op.iter_args))


class ForEmptyBodyThatRuns(RewritePattern):
    """A loop that runs at least once and only yields values from outside is
    those values (upstream's SimplifyTrivialLoops, last case)."""

    def match_and_rewrite(self, op: xscf.ForOp, rewriter: PatternRewriter, /) -> None:
        block = op.body.block
        if block.first_op is not block.last_op or not op.results:
            return
        lb, ub, step = (const_evaluate_operand(v) for v in (op.lb, op.ub, op.step))
        if lb is None or ub is None or step is None or ub <= lb or "unsignedCmp" in op.properties:
            return
        yielded = list(block.last_op.operands)
        # The body holds nothing but its yield: only its arguments are from inside.
        if any(value.owner is block for value in yielded):
            return
        rewriter.replace(op, [], yielded)


class IfOfNegatedCondition(RewritePattern):
    """``scf.if (xori %c, true)`` with both branches is ``scf.if %c`` with them
    swapped (upstream's ConditionSwap)."""

    def match_and_rewrite(self, op: xscf.IfOp, rewriter: PatternRewriter, /) -> None:
        condition = negated(op.cond)
        if condition is None or not op.false_region.blocks:
            return
        then_region, else_region = _take_regions(op)
        rewriter.replace(op, _rebuilt(op, [condition], [r.type for r in op.results], [else_region, then_region]))


class IfConditionInBranches(RewritePattern):
    """Inside its branches the condition of an scf.if is known: true in the then
    branch, false in the else branch (upstream's ConditionPropagation)."""

    def match_and_rewrite(self, op: xscf.IfOp, rewriter: PatternRewriter, /) -> None:
        if const_evaluate_operand(op.cond) is not None:
            return
        known: dict[bool, SSAValue] = {}
        for use in list(op.cond.uses):
            branch = next(
                (value for region, value in ((op.true_region, True), (op.false_region, False))
                 if region.blocks and region.is_ancestor(use.operation)),
                None,
            )  # fmt: skip
            if branch is None:
                continue
            if branch not in known:
                constant = xarith.ConstantOp(IntegerAttr(int(branch), IntegerType(1)))
                rewriter.insert(constant, InsertPoint.before(op))
                known[branch] = constant.result
            use.operation.operands[use.index] = known[branch]
            rewriter.notify_op_modified(use.operation)


class IfRemoveEmptyElse(RewritePattern):
    """``scf.if`` without results whose else branch does nothing has no else."""

    def match_and_rewrite(self, op: xscf.IfOp, rewriter: PatternRewriter, /) -> None:
        else_region = op.false_region
        if op.results or not else_region.blocks or else_region.block.first_op is not else_region.block.last_op:
            return
        then_region, _ = _take_regions(op)
        rewriter.replace(op, _rebuilt(op, [op.cond], [], [then_region, Region()]))


class IfToSelect(RewritePattern):
    """Results both branches yield from outside the if become ``arith.select``
    (or the value itself when both are the same); the if keeps the rest
    (upstream's ConvertTrivialIfToSelect)."""

    def match_and_rewrite(self, op: xscf.IfOp, rewriter: PatternRewriter, /) -> None:
        if not op.results:
            return
        then_yield, else_yield = op.true_region.block.last_op, op.false_region.block.last_op
        pairs = list(zip(then_yield.operands, else_yield.operands))
        inside = [_defined_in(t, op.true_region) or _defined_in(f, op.false_region) for t, f in pairs]
        if all(inside):
            return
        kept = [pair for pair, stays in zip(pairs, inside) if stays]
        _replace_yield(op.true_region.block, [t for t, _ in kept], rewriter)
        _replace_yield(op.false_region.block, [f for _, f in kept], rewriter)
        new = _rebuilt(op, [op.cond], [t.type for t, _ in kept], _take_regions(op))
        rewriter.insert(new, InsertPoint.before(op))
        values: list[SSAValue] = []
        position = 0
        for (true_value, false_value), stays in zip(pairs, inside):
            if stays:
                values.append(new.results[position])
                position += 1
            elif true_value == false_value:
                values.append(true_value)
            else:
                select = SelectOp(op.cond, true_value, false_value)
                rewriter.insert(select, InsertPoint.before(new))
                values.append(select.result)
        rewriter.replace(op, [], values)


class IfRemoveUnusedResults(RewritePattern):
    """Results nobody uses are no longer yielded (upstream's RemoveUnusedResults)."""

    def match_and_rewrite(self, op: xscf.IfOp, rewriter: PatternRewriter, /) -> None:
        used = [index for index, result in enumerate(op.results) if result.uses]
        if len(used) == len(op.results):
            return
        for region in (op.true_region, op.false_region):
            yielded = region.block.last_op.operands
            _replace_yield(region.block, [yielded[index] for index in used], rewriter)
        new = _rebuilt(op, [op.cond], [op.results[i].type for i in used], _take_regions(op))
        rewriter.insert(new, InsertPoint.before(op))
        values: list[SSAValue | None] = [None] * len(op.results)
        for position, index in enumerate(used):
            values[index] = new.results[position]
        rewriter.replace(op, [], values)


class IfCombineNested(RewritePattern):
    """``scf.if %a { scf.if %b { ... } }``, where the outer else (if any) and
    the inner else only yield, is ``scf.if (%a and %b)``: an outer result the
    inner if yields must be what both else branches yield, and one from outside
    becomes ``arith.select %a`` (upstream's CombineNestedIfs)."""

    def match_and_rewrite(self, op: xscf.IfOp, rewriter: PatternRewriter, /) -> None:
        then_block = op.true_region.block
        inner = then_block.first_op
        if not isinstance(inner, xscf.IfOp) or inner.next_op is not then_block.last_op:
            return
        if not all(_only_yields(region) for region in (op.false_region, inner.false_region)):
            return
        else_yield = list(op.false_region.block.last_op.operands) if op.false_region.blocks else []
        then_yield = list(then_block.last_op.operands)
        inner_then_yield = inner.true_region.block.last_op.operands
        selected: list[int] = []
        for index, value in enumerate(then_yield):
            if value.owner is inner:
                if inner.false_region.block.last_op.operands[value.index] != else_yield[index]:
                    return
                then_yield[index] = inner_then_yield[value.index]
            elif _defined_in(value, op.true_region):
                return
            else:
                selected.append(index)
        both = xarith.AndIOp(op.cond, inner.cond)
        rewriter.insert(both, InsertPoint.before(op))
        then_region = inner.detach_region(inner.true_region)
        _replace_yield(then_region.block, then_yield, rewriter)
        else_region = op.detach_region(op.false_region)
        new = _rebuilt(op, [both.result], [r.type for r in op.results], [then_region, else_region])
        rewriter.insert(new, InsertPoint.before(op))
        results: list[SSAValue] = list(new.results)
        for index in selected:
            select = SelectOp(op.cond, then_yield[index], else_yield[index])
            rewriter.insert(select, InsertPoint.before(new))
            results[index] = select.result
        rewriter.replace(op, [], results)


def _only_yields(region: Region) -> bool:
    """Whether ``region`` is absent or its block only yields."""
    return not region.blocks or region.block.first_op is region.block.last_op


def _single_iteration(lb: SSAValue, ub: SSAValue, step: SSAValue) -> bool:
    bounds = [const_evaluate_operand(v) for v in (lb, ub, step)]
    return None not in bounds and 0 < bounds[1] - bounds[0] <= bounds[2]


def _inline_before(block, op: Operation, rewriter: PatternRewriter) -> None:
    """Move the ops of ``block`` but its terminator before ``op``."""
    for inner in list(block.ops)[:-1]:
        inner.detach()
        rewriter.insert(inner, InsertPoint.before(op))


class ParallelSingleIterationDims(RewritePattern):
    """Dimensions of scf.parallel that run once are their lower bound; when all
    do, the body and its reductions run once in place (upstream's
    CollapseSingleIterationLoops)."""

    def match_and_rewrite(self, op: xscf.ParallelOp, rewriter: PatternRewriter, /) -> None:
        block = op.body.block
        dims = list(zip(op.lowerBound, op.upperBound, op.step, block.args))
        single = [_single_iteration(lb, ub, step) for lb, ub, step, _ in dims]
        if not any(single):
            return
        for (lb, _, _, iv), once in zip(dims, single):
            if once:
                rewriter.replace_all_uses_with(iv, lb)
        if all(single):
            self._run_once(op, rewriter)
            return
        for (_, _, _, iv), once in reversed(list(zip(dims, single))):
            if once:
                rewriter.erase_block_argument(iv)
        kept = [dim for dim, once in zip(dims, single) if not once]
        new = type(op).build(
            operands=[[d[0] for d in kept], [d[1] for d in kept], [d[2] for d in kept], list(op.initVals)],
            result_types=[[r.type for r in op.results]],
            attributes=dict(op.attributes),
            regions=_take_regions(op),
        )
        rewriter.replace(op, new)

    @staticmethod
    def _run_once(op: xscf.ParallelOp, rewriter: PatternRewriter) -> None:
        block = op.body.block
        reduce = block.last_op
        _inline_before(block, op, rewriter)
        results: list[SSAValue] = []
        for init, operand, region in zip(op.initVals, reduce.args, reduce.reductions):
            combine = region.block
            rewriter.replace_all_uses_with(combine.args[0], init)
            rewriter.replace_all_uses_with(combine.args[1], operand)
            _inline_before(combine, op, rewriter)
            results.append(combine.last_op.result)
        rewriter.replace(op, [], results)


FOR_PATTERNS = (
    TrivialSignedLoops(),
    ForForwardedIterArgs(),
    ForIterArgOfCast(),
    ForWithoutIterations(),
    ForSingleIterationPastItsBound(),
    ForEmptyBodyThatRuns(),
)
class ParallelWithoutIterations(RewritePattern):
    """An scf.parallel with a dimension that never runs is its inits (upstream's
    RemoveEmptyParallelLoops)."""

    def match_and_rewrite(self, op: xscf.ParallelOp, rewriter: PatternRewriter, /) -> None:
        for lb, ub in zip(op.lowerBound, op.upperBound):
            bounds = const_evaluate_operand(lb), const_evaluate_operand(ub)
            if lb == ub or (None not in bounds and bounds[1] <= bounds[0]):
                rewriter.replace(op, [], list(op.initVals))
                return


class ParallelOfParallel(RewritePattern):
    """An scf.parallel whose body is only another, with bounds independent of the
    outer loop and no reductions, is one loop over both sets of dimensions
    (upstream's MergeNestedParallelLoops)."""

    def match_and_rewrite(self, op: xscf.ParallelOp, rewriter: PatternRewriter, /) -> None:
        outer = op.body.block
        inner = outer.first_op
        if not isinstance(inner, xscf.ParallelOp) or inner.next_op is not outer.last_op:
            return
        if op.initVals or inner.initVals:
            return
        bounds = [*inner.lowerBound, *inner.upperBound, *inner.step]
        if any(arg in bounds for arg in outer.args):
            return
        body = inner.body.block
        for position, arg in enumerate(outer.args):
            rewriter.replace_all_uses_with(arg, body.insert_arg(arg.type, position))
        new = type(op).build(
            operands=[
                [*op.lowerBound, *inner.lowerBound], [*op.upperBound, *inner.upperBound], [*op.step, *inner.step], []
            ],
            result_types=[[]],
            attributes=dict(op.attributes),
            regions=_take_regions(inner),
        )
        rewriter.replace(op, new)


def _without_carried(op: xscf.WhileOp, dropped: dict[int, SSAValue | None], rewriter: PatternRewriter) -> None:
    """``op`` without the loop-carried values in ``dropped``: their init, their
    before-block argument (its uses become the given value) and the value the
    after region yields for them."""
    before, after = op.before_region.block, op.after_region.block
    kept = [index for index in range(len(op.arguments)) if index not in dropped]
    for index in sorted(dropped, reverse=True):
        if dropped[index] is not None:
            rewriter.replace_all_uses_with(before.args[index], dropped[index])
        rewriter.erase_block_argument(before.args[index])
    _replace_yield(after, [after.last_op.operands[index] for index in kept], rewriter)
    new = _rebuilt(op, [op.arguments[index] for index in kept], [r.type for r in op.results], _take_regions(op))
    rewriter.replace(op, new)


def _without_passed_on(op: xscf.WhileOp, dropped: dict[int, SSAValue | int | None], rewriter: PatternRewriter) -> None:
    """``op`` without the condition arguments in ``dropped``: the after-block
    argument and the result of each become the given value, or those of the
    kept argument at the given position (None: they have no uses)."""
    condition, after = op.before_region.block.last_op, op.after_region.block
    kept = [index for index in range(len(op.results)) if index not in dropped]
    for index in sorted(dropped, reverse=True):
        by = dropped[index]
        if by is not None:
            rewriter.replace_all_uses_with(after.args[index], by if isinstance(by, SSAValue) else after.args[by])
        rewriter.erase_block_argument(after.args[index])
    rewriter.replace(condition, xscf.ConditionOp(condition.condition, *[condition.args[index] for index in kept]))
    new = _rebuilt(op, list(op.arguments), [op.results[index].type for index in kept], _take_regions(op))
    rewriter.insert(new, InsertPoint.before(op))
    position = {index: new.results[place] for place, index in enumerate(kept)}
    values = [
        position[index] if index in position else position[by] if isinstance(by := dropped[index], int) else by
        for index in range(len(op.results))
    ]
    rewriter.replace(op, [], values)


class WhileInvariantCarried(RewritePattern):
    """A value the loop carries back unchanged (its init, or the before-block
    argument passed through the after region) is its init throughout
    (upstream's RemoveLoopInvariantArgsFromBeforeBlock)."""

    def match_and_rewrite(self, op: xscf.WhileOp, rewriter: PatternRewriter, /) -> None:
        before, after = op.before_region.block, op.after_region.block
        passed_on = op.before_region.block.last_op.args
        invariant: dict[int, SSAValue | None] = {}
        for index, (init, yielded) in enumerate(zip(op.arguments, after.last_op.operands)):
            if yielded == init or (
                yielded.owner is after and passed_on[yielded.index] in (before.args[index], init)
            ):
                invariant[index] = init
        if invariant:
            _without_carried(op, invariant, rewriter)


class WhileInvariantPassedOn(RewritePattern):
    """A value from outside the loop that the condition passes on is that value
    in the after region and as a result (upstream's RemoveLoopInvariantValueYielded)."""

    def match_and_rewrite(self, op: xscf.WhileOp, rewriter: PatternRewriter, /) -> None:
        before = op.before_region.block
        outside = {index: value for index, value in enumerate(before.last_op.args) if _block_of(value) is not before}
        if outside:
            _without_passed_on(op, outside, rewriter)


def _block_of(value: SSAValue) -> Block | None:
    return value.owner if isinstance(value.owner, Block) else value.owner.parent_block()


class WhileConditionTruth(RewritePattern):
    """The condition, passed on to the after region, is true there (upstream's
    WhileConditionTruth)."""

    def match_and_rewrite(self, op: xscf.WhileOp, rewriter: PatternRewriter, /) -> None:
        condition = op.before_region.block.last_op
        known = [
            arg for value, arg in zip(condition.args, op.after_region.block.args) if value == condition.condition and arg.uses
        ]
        if not known:
            return
        true = xarith.ConstantOp(IntegerAttr(1, IntegerType(1)))
        rewriter.insert(true, InsertPoint.before(op))
        for arg in known:
            rewriter.replace_all_uses_with(arg, true.result)


class WhileComparisonInAfter(RewritePattern):
    """When the condition is ``arith.cmpi`` of a value passed on, the same
    comparison of that value in the after region is true, its inverse false
    (upstream's WhileCmpCond)."""

    def match_and_rewrite(self, op: xscf.WhileOp, rewriter: PatternRewriter, /) -> None:
        condition = op.before_region.block.last_op
        compare = condition.condition.owner
        if not isinstance(compare, xarith.CmpiOp):
            return
        predicate = cmpi_predicate(compare)
        for value, arg in zip(condition.args, op.after_region.block.args):
            for side in (0, 1):
                if value != compare.operands[side]:
                    continue
                for use in list(arg.uses):
                    other = use.operation
                    if not isinstance(other, xarith.CmpiOp) or other.operands[1 - side] != compare.operands[1 - side]:
                        continue
                    if cmpi_predicate(other) in (predicate, INVERTED[predicate]):
                        holds = cmpi_predicate(other) == predicate
                        rewriter.replace(other, xarith.ConstantOp(IntegerAttr(int(holds), IntegerType(1))))


class WhileUnusedResults(RewritePattern):
    """A value passed on that neither the after region nor anyone after the loop
    uses is no longer passed on (upstream's WhileUnusedResult)."""

    def match_and_rewrite(self, op: xscf.WhileOp, rewriter: PatternRewriter, /) -> None:
        unused = {
            index: None
            for index, (result, arg) in enumerate(zip(op.results, op.after_region.block.args))
            if not result.uses and not arg.uses
        }
        if unused:
            _without_passed_on(op, unused, rewriter)


class WhileDuplicatedResults(RewritePattern):
    """A value the condition passes on twice is passed on once (upstream's
    WhileRemoveDuplicatedResults)."""

    def match_and_rewrite(self, op: xscf.WhileOp, rewriter: PatternRewriter, /) -> None:
        first: dict[SSAValue, int] = {}
        duplicates: dict[int, SSAValue | int | None] = {}
        for index, value in enumerate(op.before_region.block.last_op.args):
            if value in first:
                duplicates[index] = first[value]
            else:
                first[value] = index
        if duplicates:
            _without_passed_on(op, duplicates, rewriter)


class WhileDuplicatedCarried(RewritePattern):
    """Two carried values with the same init and the same yielded value are one
    (upstream's RemoveDuplicateSuccessorInputUses, on the before region)."""

    def match_and_rewrite(self, op: xscf.WhileOp, rewriter: PatternRewriter, /) -> None:
        before = op.before_region.block
        first: dict[tuple[SSAValue, SSAValue], int] = {}
        duplicates: dict[int, SSAValue | None] = {}
        for index, pair in enumerate(zip(op.arguments, op.after_region.block.last_op.operands)):
            if pair in first:
                duplicates[index] = before.args[first[pair]]
            else:
                first[pair] = index
        if duplicates:
            _without_carried(op, duplicates, rewriter)


class WhileUnusedCarried(RewritePattern):
    """A carried value the before region does not use is no longer carried
    (upstream's WhileRemoveUnusedArgs)."""

    def match_and_rewrite(self, op: xscf.WhileOp, rewriter: PatternRewriter, /) -> None:
        unused = {index: None for index, arg in enumerate(op.before_region.block.args) if not arg.uses}
        if unused:
            _without_carried(op, unused, rewriter)


def _used_from(block: Block, region: Region) -> list[SSAValue]:
    """The values of ``block`` that ops nested in ``region`` use, in first-use order."""
    used: dict[SSAValue, None] = {}
    for nested in region.walk():
        for value in nested.operands:
            if _block_of(value) is block:
                used[value] = None
    return list(used)


class WhileIfDown(RewritePattern):
    """An scf.if on the loop condition, right before scf.condition, whose else
    branch only yields: the loop exits with the else values, so the then branch
    moves to the start of the after region, the before-region values it uses
    passed on to it (upstream's WhileMoveIfDown)."""

    def match_and_rewrite(self, op: xscf.WhileOp, rewriter: PatternRewriter, /) -> None:
        condition, after = op.before_region.block.last_op, op.after_region.block
        branch = condition.prev_op
        if not isinstance(branch, xscf.IfOp) or branch.cond != condition.condition:
            return
        if branch.false_region.blocks and branch.false_region.block.first_op is not branch.false_region.block.last_op:
            return
        then_block = branch.true_region.block
        for index, value in enumerate(condition.args):
            if value.owner is branch:
                rewriter.replace_all_uses_with(after.args[index], then_block.last_op.operands[value.index])
        for result in branch.results:
            rewriter.replace_all_uses_with(result, branch.false_region.block.last_op.operands[result.index])
        captured = _used_from(op.before_region.block, branch.true_region)
        for value in captured:
            arg = rewriter.insert_block_argument(after, len(after.args), value.type)
            for use in list(value.uses):
                if branch.true_region.is_ancestor(use.operation):
                    use.operation.operands[use.index] = arg
        rewriter.replace(condition, xscf.ConditionOp(condition.condition, *condition.args, *captured))
        rewriter.erase(then_block.last_op)
        rewriter.inline_block(then_block, InsertPoint.at_start(after))
        rewriter.erase(branch)
        new = _rebuilt(op, list(op.arguments), [*op.result_types, *(value.type for value in captured)], _take_regions(op))
        rewriter.insert(new, InsertPoint.before(op))
        rewriter.replace(op, [], list(new.results[: len(op.results)]))


WHILE_PATTERNS = (
    WhileInvariantCarried(),
    WhileInvariantPassedOn(),
    WhileConditionTruth(),
    WhileComparisonInAfter(),
    WhileUnusedResults(),
    WhileDuplicatedResults(),
    WhileDuplicatedCarried(),
    WhileUnusedCarried(),
    WhileIfDown(),
)
PARALLEL_PATTERNS = (ParallelWithoutIterations(), ParallelSingleIterationDims(), ParallelOfParallel())
IF_PATTERNS = (
    IfCombineNested(),
    IfOfNegatedCondition(),
    IfConditionInBranches(),
    IfRemoveEmptyElse(),
    IfToSelect(),
    IfRemoveUnusedResults(),
)
