"""affine-loop-unroll: upstream's LoopUnroll of the innermost affine.for loops.

Each innermost loop is unrolled by ``unroll-factor`` (-1: fully): the body is
repeated with the induction variable shifted by an ``affine.apply`` (values
carried through ``iter_args`` chain from copy to copy), the step is
multiplied, and a cleanup loop runs the iterations left over when the factor
does not divide the trip count (its start is an affine map of the bounds when
they are not constant). A loop left with one iteration is replaced by its body,
as upstream's promoteIfSingleIteration; a constant trip count below the factor
leaves the loop alone unless ``unroll-up-to-factor``. ``unroll-num-reps``
repeats the whole; ``cleanup-unroll`` fully unrolls the cleanup loop.
First, loops with at most ``unroll-full-threshold`` iterations unroll fully.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith
from xdsl.dialects.builtin import AffineMapAttr, IndexType, IntegerAttr
from xdsl.ir import Operation, SSAValue
from xdsl.ir.affine import AffineDimExpr, AffineExpr, AffineMap, AffineSymExpr
from xdsl.passes import ModulePass

from xdsl.dialects.affine import ForOp

from mlopt.dialects import affine
from mlopt.passes.transforms.affine_loop_tile import constant_bound, constant_trip_count


def _apply(map: AffineMap, operands: list[SSAValue], before: Operation) -> SSAValue:
    op = affine.ApplyOp(operands, AffineMapAttr(map))
    before.parent_block().insert_op_before(op, before)  # type: ignore[union-attr]
    return op.result


def _entry_constant(loop: Operation, value: int) -> SSAValue:
    """An index constant at the start of the enclosing function (where upstream's promotion puts it)."""
    function = loop
    while function.parent_op() is not None and function.name != "func.func":
        function = function.parent_op()  # type: ignore[assignment]
    entry = function.regions[0].blocks.first
    assert entry is not None
    constant = arith.ConstantOp(IntegerAttr(value, IndexType()))
    if entry.first_op is None:
        entry.add_op(constant)
    else:
        entry.insert_op_before(constant, entry.first_op)
    return constant.result


def promote_if_single_iteration(loop: ForOp) -> bool:
    """Replaces a loop with one iteration by its body (upstream's promoteIfSingleIteration)."""
    if constant_trip_count(loop) != 1:
        return False
    lower = constant_bound(loop.lowerBoundMap.data)
    block = loop.body.block
    iv = block.args[0]
    if iv.uses:
        if lower is not None:
            iv.replace_all_uses_with(_entry_constant(loop, lower))
        else:
            iv.replace_all_uses_with(_apply(loop.lowerBoundMap.data, list(loop.lowerBoundOperands), loop))
    for arg, init in zip(block.args[1:], loop.inits, strict=True):
        arg.replace_all_uses_with(init)
    terminator = block.last_op
    assert terminator is not None
    for result, value in zip(loop.results, terminator.operands, strict=True):
        result.replace_all_uses_with(value)
    parent = loop.parent_block()
    assert parent is not None
    for op in list(block.ops):
        if op is terminator:
            break
        op.detach()
        parent.insert_op_before(op, loop)
    loop.detach()
    loop.erase()
    return True


def _cleanup_start(loop: ForOp, factor: int) -> tuple[AffineMap, list[SSAValue]] | None:
    """Where the cleanup loop starts: lb + ((ub - lb) ceildiv step) floordiv factor * factor * step."""
    lower, upper = loop.lowerBoundMap.data, loop.upperBoundMap.data
    if len(lower.results) != 1 or len(upper.results) != 1:
        return None
    step = loop.step.value.data
    lower_ops, upper_ops = list(loop.lowerBoundOperands), list(loop.upperBoundOperands)
    # One map over the dims of both bounds, then the symbols of both.
    dims = lower.num_dims + upper.num_dims
    lb = lower.results[0].replace_dims_and_symbols(
        [AffineDimExpr(i) for i in range(lower.num_dims)], [AffineSymExpr(i) for i in range(lower.num_symbols)]
    )
    ub = upper.results[0].replace_dims_and_symbols(
        [AffineDimExpr(lower.num_dims + i) for i in range(upper.num_dims)],
        [AffineSymExpr(lower.num_symbols + i) for i in range(upper.num_symbols)],
    )
    trips: AffineExpr = (ub - lb).ceil_div(step) if step != 1 else ub - lb
    start = lb + (trips // factor) * (factor * step)
    operands = [*lower_ops[: lower.num_dims], *upper_ops[: upper.num_dims], *lower_ops[lower.num_dims :], *upper_ops[upper.num_dims :]]
    return AffineMap(dims, lower.num_symbols + upper.num_symbols, (start,)), operands


def unroll_by_factor(loop: ForOp, factor: int, *, up_to: bool = False, cleanup_unroll: bool = False) -> bool:
    """upstream's loopUnrollByFactor (loopUnrollUpToFactor with ``up_to``)."""
    trips = constant_trip_count(loop)
    if factor == 1:
        return promote_if_single_iteration(loop)
    if trips is not None and trips < factor:
        if not up_to or trips == 0:
            return False
        factor = trips
    step = loop.step.value.data
    if cleanup_unroll and trips is None:
        return False  # the cleanup loop could not be unrolled fully
    if trips is None or trips % factor:
        start = _cleanup_start(loop, factor)
        if start is None:
            return False
        cleanup = loop.clone()
        parent = loop.parent_block()
        assert parent is not None
        parent.insert_op_after(cleanup, loop)
        map, operands = start
        if trips is not None:
            lower = constant_bound(loop.lowerBoundMap.data)
            assert lower is not None
            map, operands = AffineMap(0, 0, (AffineExpr.constant(lower + (trips - trips % factor) * step),)), []
        cleanup.properties["lowerBoundMap"] = AffineMapAttr(map)
        loop.properties["upperBoundMap"] = AffineMapAttr(map)
        _set_bound_operands(cleanup, operands, list(cleanup.upperBoundOperands))
        _set_bound_operands(loop, list(loop.lowerBoundOperands), operands)
        for result, cleanup_result in zip(loop.results, cleanup.results, strict=True):
            result.replace_all_uses_with(cleanup_result)
        cleanup.operands = [*cleanup.operands[: len(cleanup.operands) - len(loop.results)], *loop.results]
        if not (cleanup_unroll and unroll_full(cleanup)):
            promote_if_single_iteration(cleanup)
    _repeat_body(loop, factor)
    loop.properties["step"] = IntegerAttr(step * factor, IndexType())
    promote_if_single_iteration(loop)
    return True


def _set_bound_operands(loop: ForOp, lower: list[SSAValue], upper: list[SSAValue]) -> None:
    from xdsl.dialects.builtin import DenseArrayBase, i32

    inits = list(loop.inits)
    loop.operands = [*lower, *upper, *inits]
    loop.properties["operandSegmentSizes"] = DenseArrayBase.from_list(i32, [len(lower), len(upper), len(inits)])


def _repeat_body(loop: ForOp, factor: int) -> None:
    """The body ``factor`` times, the i-th copy at iv + i * step, carried values chained."""
    block = loop.body.block
    iv = block.args[0]
    step = loop.step.value.data
    terminator = block.last_op
    assert terminator is not None
    body = [op for op in block.ops if op is not terminator]
    yielded = list(terminator.operands)
    carried = yielded
    for copy in range(1, factor):
        shifted = affine.ApplyOp([iv], AffineMapAttr(AffineMap(1, 0, (AffineDimExpr(0) + copy * step,))))
        block.insert_op_before(shifted, terminator)
        mapper: dict[SSAValue, SSAValue] = {iv: shifted.result}
        mapper.update(zip(block.args[1:], carried))
        for op in body:
            block.insert_op_before(op.clone(value_mapper=mapper), terminator)
        carried = [mapper.get(v, v) for v in yielded]
    terminator.operands = carried


def unroll_full(loop: ForOp) -> bool:
    """upstream's loopUnrollFull: by the constant trip count."""
    trips = constant_trip_count(loop)
    if trips is None:
        return False
    if trips <= 1:
        return promote_if_single_iteration(loop)
    return unroll_by_factor(loop, trips)


def innermost_loops(root: Operation) -> list[ForOp]:
    return [
        op for op in root.walk(region_first=True)
        if isinstance(op, ForOp) and not any(isinstance(inner, ForOp) for inner in op.body.walk())
    ]  # fmt: skip


@dataclass(frozen=True)
class LoopUnroll(ModulePass):
    """Unroll affine loops"""

    name = "affine-loop-unroll"
    display_name: ClassVar[str] = "LoopUnroll"
    anchor: ClassVar[str] = "func.func"

    cleanup_unroll: bool = field(default=False, metadata={"help": "Fully unroll the cleanup loop when possible."})
    unroll_factor: int = field(
        default=4,
        metadata={"help": "Use this unroll factor for all loops being unrolled, set it to -1, and it will fully unroll."},
    )
    unroll_full_threshold: int = field(
        default=1, metadata={"help": "Unroll all loops with trip count less than or equal to this"}
    )
    unroll_num_reps: int = field(default=1, metadata={"help": "Unroll innermost loops repeatedly this many times"})
    unroll_up_to_factor: bool = field(default=False, metadata={"help": "Allow unrolling up to the factor specified"})

    def apply(self, ctx: Context, op: Operation) -> None:
        for loop in [l for l in op.walk(region_first=True) if isinstance(l, ForOp)]:
            trips = constant_trip_count(loop)
            if trips is not None and trips <= self.unroll_full_threshold:
                unroll_full(loop)
        for _ in range(self.unroll_num_reps):
            unrolled = False
            for loop in innermost_loops(op):
                if self.unroll_factor == -1:
                    unrolled |= unroll_full(loop)
                else:
                    unrolled |= unroll_by_factor(
                        loop, self.unroll_factor, up_to=self.unroll_up_to_factor, cleanup_unroll=self.cleanup_unroll
                    )
            if not unrolled:
                break
