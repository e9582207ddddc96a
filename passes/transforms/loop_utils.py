"""Helpers over scf.for loops shared by the hoisting, unrolling, peeling and
outlining transforms (upstream's SCF/Utils and LoopLikeOpInterface methods)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from xdsl.ir import Block, BlockArgument, Operation, Region, SSAValue
from xdsl.ir.affine import AffineBinaryOpExpr, AffineBinaryOpKind, AffineConstantExpr, AffineDimExpr, AffineExpr, AffineSymExpr


def defined_outside(value: SSAValue, loop: Operation) -> bool:
    """Whether ``value`` is defined outside ``loop`` (LoopLikeOpInterface's isDefinedOutsideOfLoop)."""
    owner = value.owner if isinstance(value.owner, Operation) else value.owner.parent_op()  # type: ignore[union-attr]
    return owner is None or not loop.is_ancestor(owner)


def constant_int(value: SSAValue) -> int | None:
    """The value of an integer ``arith.constant``, else None."""
    from mlopt.dialects.tensor_canonicalization import constant_int as arith_constant

    return arith_constant(value)


def static_trip_count(loop: Operation) -> int | None:
    """The number of iterations of an scf.for with constant bounds, else None."""
    bounds = [constant_int(v) for v in (loop.lb, loop.ub, loop.step)]  # type: ignore[attr-defined]
    if None in bounds or bounds[2] <= 0:  # type: ignore[operator]
        return None
    lower, upper, step = bounds
    return max(0, -(-(upper - lower) // step))  # type: ignore[operator]


def add_iter_args(
    loop: Operation,
    inits: Sequence[SSAValue],
    new_yields: Callable[[Sequence[BlockArgument]], Sequence[SSAValue]],
    *,
    replace_init_uses_in_loop: bool,
) -> Operation:
    """``loop`` (an scf.for) replaced by a loop with ``inits`` as extra
    iter_args, yielding ``new_yields(new block arguments)`` for them, as
    upstream's replaceWithAdditionalYields. The old results are replaced by
    the new loop's first results; the new loop is returned."""
    from xdsl.rewriter import InsertPoint, Rewriter

    block: Block = loop.body.block  # type: ignore[attr-defined]
    new_args = [block.insert_arg(init.type, len(block.args)) for init in inits]
    if replace_init_uses_in_loop:
        for init, argument in zip(inits, new_args):
            for use in list(init.uses):
                if loop.is_ancestor(use.operation):
                    use.operation.operands[use.index] = argument
    terminator = block.last_op
    assert terminator is not None
    yielded = list(new_yields(new_args))
    terminator.operands = [*terminator.operands, *yielded]
    body = Region()
    loop.body.move_blocks(body)  # type: ignore[attr-defined]
    new_loop = type(loop).create(
        operands=[*loop.operands, *inits],
        result_types=[*loop.result_types, *(v.type for v in inits)],
        properties=dict(loop.properties),
        attributes=dict(loop.attributes),
        regions=[body],
    )
    new_loop.location = loop.location  # type: ignore[attr-defined]
    Rewriter.insert_op(new_loop, InsertPoint.before(loop))
    for old, new in zip(loop.results, new_loop.results):
        old.replace_all_uses_with(new)
    loop.detach()
    loop.erase()
    return new_loop


def linear_form(expr: AffineExpr, operands: Sequence[SSAValue], num_dims: int) -> dict[object, int] | None:
    """``expr`` as coefficients of its operands (keys: SSA values, 1 for the constant)."""
    if isinstance(expr, AffineConstantExpr):
        return {1: expr.value}
    if isinstance(expr, AffineDimExpr):
        return {operands[expr.position]: 1}
    if isinstance(expr, AffineSymExpr):
        return {operands[num_dims + expr.position]: 1}
    if isinstance(expr, AffineBinaryOpExpr):
        lhs, rhs = linear_form(expr.lhs, operands, num_dims), linear_form(expr.rhs, operands, num_dims)
        if lhs is None or rhs is None:
            return None
        if expr.kind == AffineBinaryOpKind.Add:
            total = dict(lhs)
            for key, value in rhs.items():
                total[key] = total.get(key, 0) + value
            return {k: v for k, v in total.items() if v}
        if expr.kind == AffineBinaryOpKind.Mul and set(rhs) <= {1}:
            return {k: v * rhs.get(1, 0) for k, v in lhs.items() if v * rhs.get(1, 0)}
    return None
