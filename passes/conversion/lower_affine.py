"""lower-affine: affine ops → arith, scf and memref ops, as upstream's
AffineToStandard. Affine expressions become the same arith sequences upstream
emits (``mod`` is never negative, ``floordiv``/``ceildiv`` round towards minus
and plus infinity); loop bounds are the max of the lower and the min of the
upper bound map's results.

This replaces xDSL's pass, which maps ``mod`` to a plain remainder and lacks
affine.if, affine.max, affine.parallel and multi-result bounds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith, memref, scf
from xdsl.dialects.builtin import AffineMapAttr, IndexType, IntegerAttr, i1
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.ir.affine import (
    AffineBinaryOpExpr,
    AffineBinaryOpKind,
    AffineConstantExpr,
    AffineDimExpr,
    AffineExpr,
    AffineMap,
    AffineSymExpr,
)
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

from mlopt.diagnostics import DiagnosticError
from mlopt.passes.conversion.llvm_common import apply_conversion


@dataclass
class ExprLowering:
    """Emits arith ops computing affine expressions at the rewriter's insertion point."""

    rewriter: PatternRewriter
    op: Operation

    def insert(self, op: Operation) -> SSAValue:
        return self.rewriter.insert(op).results[0]

    def constant(self, value: int) -> SSAValue:
        return self.insert(arith.ConstantOp(IntegerAttr(value, IndexType())))

    def select(self, condition: SSAValue, true_value: SSAValue, false_value: SSAValue) -> SSAValue:
        return self.insert(arith.SelectOp(condition, true_value, false_value))

    def cmp(self, predicate: str, lhs: SSAValue, rhs: SSAValue) -> SSAValue:
        return self.insert(arith.CmpiOp(lhs, rhs, predicate))

    def expr(self, expr: AffineExpr, dims: Sequence[SSAValue], symbols: Sequence[SSAValue]) -> SSAValue:
        match expr:
            case AffineDimExpr():
                return dims[expr.position]
            case AffineSymExpr():
                return symbols[expr.position]
            case AffineConstantExpr():
                return self.constant(expr.value)
            case AffineBinaryOpExpr():
                lhs = self.expr(expr.lhs, dims, symbols)
                rhs = self.expr(expr.rhs, dims, symbols)
                return self.binary(expr.kind, lhs, rhs, expr.rhs)
        raise DiagnosticError.at(self.op, f"'{self.op.name}' op: cannot lower the affine expression {expr}")

    def binary(self, kind: AffineBinaryOpKind, lhs: SSAValue, rhs: SSAValue, rhs_expr: AffineExpr) -> SSAValue:
        if kind is AffineBinaryOpKind.Add:
            return self.insert(arith.AddiOp(lhs, rhs))
        if kind is AffineBinaryOpKind.Mul:
            return self.insert(arith.MuliOp(lhs, rhs))
        if isinstance(rhs_expr, AffineConstantExpr) and rhs_expr.value <= 0:
            raise DiagnosticError.at(
                self.op, f"'{self.op.name}' op: {kind.get_token()} by a non-positive constant ({rhs_expr.value})"
            )
        if kind is AffineBinaryOpKind.Mod:
            # rem = a % b; rem < 0 ? rem + b : rem
            remainder = self.insert(arith.RemSIOp(lhs, rhs))
            negative = self.cmp("slt", remainder, self.constant(0))
            return self.select(negative, self.insert(arith.AddiOp(remainder, rhs)), remainder)
        if kind is AffineBinaryOpKind.FloorDiv:
            # a < 0 ? -1 - ((-1 - a) / b) : a / b
            minus_one = self.constant(-1)
            negative = self.cmp("slt", lhs, self.constant(0))
            dividend = self.select(negative, self.insert(arith.SubiOp(minus_one, lhs)), lhs)
            quotient = self.insert(arith.DivSIOp(dividend, rhs))
            return self.select(negative, self.insert(arith.SubiOp(minus_one, quotient)), quotient)
        # CeilDiv: a <= 0 ? -((-a) / b) : ((a - 1) / b) + 1
        zero = self.constant(0)
        one = self.constant(1)
        non_positive = self.cmp("sle", lhs, zero)
        dividend = self.select(
            non_positive, self.insert(arith.SubiOp(zero, lhs)), self.insert(arith.SubiOp(lhs, one))
        )
        quotient = self.insert(arith.DivSIOp(dividend, rhs))
        return self.select(
            non_positive, self.insert(arith.SubiOp(zero, quotient)), self.insert(arith.AddiOp(quotient, one))
        )

    def map(self, affine_map: AffineMap, operands: Sequence[SSAValue]) -> list[SSAValue]:
        dims, symbols = operands[: affine_map.num_dims], operands[affine_map.num_dims :]
        return [self.expr(result, dims, symbols) for result in affine_map.results]

    def reduce(self, values: list[SSAValue], predicate: str) -> SSAValue:
        """The max (``sgt``) or min (``slt``) of values, with cmpi + select as upstream."""
        result = values[0]
        for value in values[1:]:
            result = self.select(self.cmp(predicate, result, value), result, value)
        return result


def affine_map(op: Operation, name: str = "map") -> AffineMap:
    attr = op.properties[name]
    assert isinstance(attr, AffineMapAttr)
    return attr.data


class AffineLowering(RewritePattern):
    source_name: ClassVar[str]

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name == self.source_name:
            self.lower(op, rewriter, ExprLowering(rewriter, op))

    def lower(self, op: Operation, rewriter: PatternRewriter, lowering: ExprLowering) -> None:
        raise NotImplementedError


class ApplyLowering(AffineLowering):
    source_name = "affine.apply"

    def lower(self, op: Operation, rewriter: PatternRewriter, lowering: ExprLowering) -> None:
        rewriter.replace(op, [], lowering.map(affine_map(op), op.operands))


class MinMaxLowering(AffineLowering):
    def __init__(self, source_name: str, predicate: str):
        self.source_name = source_name  # type: ignore[misc]
        self.predicate = predicate

    def lower(self, op: Operation, rewriter: PatternRewriter, lowering: ExprLowering) -> None:
        values = lowering.map(affine_map(op), op.operands)
        rewriter.replace(op, [], [lowering.reduce(values, self.predicate)])


class MemoryAccessLowering(AffineLowering):
    """affine.load/store (and the vector forms) → memref/vector ops on the map's results."""

    def __init__(self, source_name: str, build: Callable[[Operation, list[SSAValue]], Operation]):
        self.source_name = source_name  # type: ignore[misc]
        self.build = build

    def lower(self, op: Operation, rewriter: PatternRewriter, lowering: ExprLowering) -> None:
        memref_index = 1 if op.name.endswith("store") else 0
        indices = lowering.map(affine_map(op), op.operands[memref_index + 1 :])
        rewriter.replace(op, [self.build(op, indices)])


def _load(op: Operation, indices: list[SSAValue]) -> Operation:
    return memref.LoadOp.get(op.operands[0], indices)


def _store(op: Operation, indices: list[SSAValue]) -> Operation:
    return memref.StoreOp.get(op.operands[0], op.operands[1], indices)


def _vector_access(op_class: type[Operation]) -> Callable[[Operation, list[SSAValue]], Operation]:
    def build(op: Operation, indices: list[SSAValue]) -> Operation:
        base = list(op.operands[:2] if op_class.name == "vector.store" else op.operands[:1])
        return op_class.create(operands=[*base, *indices], result_types=list(op.result_types))

    return build


def move_region_with_yield(rewriter: PatternRewriter, source: Region, target: Region) -> None:
    """Move ``source``'s blocks into ``target``, turning affine.yield into scf.yield."""
    source.move_blocks(target)
    for block in target.blocks:
        terminator = block.last_op
        if terminator is not None and terminator.name == "affine.yield":
            rewriter.replace(terminator, [scf.YieldOp(*terminator.operands)])


class ForLowering(AffineLowering):
    source_name = "affine.for"

    def lower(self, op: Operation, rewriter: PatternRewriter, lowering: ExprLowering) -> None:
        lower_map, upper_map = affine_map(op, "lowerBoundMap"), affine_map(op, "upperBoundMap")
        lower_operands = list(op.lowerBoundOperands)  # type: ignore[attr-defined]
        upper_operands = list(op.upperBoundOperands)  # type: ignore[attr-defined]
        lower = lowering.reduce(lowering.map(lower_map, lower_operands), "sgt")
        upper = lowering.reduce(lowering.map(upper_map, upper_operands), "slt")
        step = lowering.constant(op.properties["step"].value.data)  # type: ignore[attr-defined]
        inits = list(op.inits)  # type: ignore[attr-defined]
        loop = scf.ForOp(lower, upper, step, inits, Region())
        move_region_with_yield(rewriter, op.regions[0], loop.body)
        body = loop.body.block
        if body.last_op is None or body.last_op.name != "scf.yield":
            body.add_op(scf.YieldOp())
        rewriter.replace(op, [loop])


class IfLowering(AffineLowering):
    """affine.if → scf.if on the conjunction of the set's constraints (expr >= 0 or expr == 0)."""

    source_name = "affine.if"

    def lower(self, op: Operation, rewriter: PatternRewriter, lowering: ExprLowering) -> None:
        integer_set = op.properties["condition"].data  # type: ignore[attr-defined]
        dims = list(op.operands[: integer_set.num_dims])
        symbols = list(op.operands[integer_set.num_dims :])
        condition: SSAValue | None = None
        for constraint in integer_set.constraints:
            value = lowering.expr(constraint.lhs - constraint.rhs, dims, symbols)
            predicate = {"==": "eq", ">=": "sge", "<=": "sle"}[constraint.kind.value]
            check = lowering.cmp(predicate, value, lowering.constant(0))
            condition = check if condition is None else lowering.insert(arith.AndIOp(condition, check))
        if condition is None:
            condition = lowering.insert(arith.ConstantOp(IntegerAttr(1, i1)))
        new = scf.IfOp(condition, list(op.result_types), Region(), Region())
        move_region_with_yield(rewriter, op.regions[0], new.true_region)
        move_region_with_yield(rewriter, op.regions[1], new.false_region)
        for region in new.regions:
            if region.blocks and (region.block.last_op is None or region.block.last_op.name != "scf.yield"):
                region.block.add_op(scf.YieldOp())
        rewriter.replace(op, [new])


class ParallelLowering(AffineLowering):
    """affine.parallel without reductions → scf.parallel."""

    source_name = "affine.parallel"

    def lower(self, op: Operation, rewriter: PatternRewriter, lowering: ExprLowering) -> None:
        if op.results:
            return
        operands = list(op.operands)
        lowers = self.bounds(lowering, op, "lowerBoundsMap", "lowerBoundsGroups", operands, "sgt")
        uppers = self.bounds(lowering, op, "upperBoundsMap", "upperBoundsGroups", operands, "slt")
        steps = [lowering.constant(step.value.data) for step in op.properties["steps"]]  # type: ignore[attr-defined]
        body = op.regions[0].block
        new_body = Block(arg_types=[arg.type for arg in body.args])
        for old, new in zip(body.args, new_body.args):
            old.replace_all_uses_with(new)
        for inner in list(body.ops):
            inner.detach()
            if inner.name == "affine.yield":
                inner.erase()
                continue
            new_body.add_op(inner)
        new_body.add_op(scf.ReduceOp())
        rewriter.replace(op, [scf.ParallelOp(lowers, uppers, steps, Region(new_body))])

    @staticmethod
    def bounds(
        lowering: ExprLowering, op: Operation, map_name: str, groups_name: str, operands: list[SSAValue], predicate: str
    ) -> list[SSAValue]:
        bound_map = affine_map(op, map_name)
        groups = [int(g) for g in op.properties[groups_name].get_values()]  # type: ignore[attr-defined]
        dims_count = bound_map.num_dims
        # Lower and upper bound maps share the operand list: dims, then symbols.
        values = lowering.map(bound_map, operands[:dims_count] + operands[dims_count:])
        result, start = [], 0
        for size in groups:
            result.append(lowering.reduce(values[start : start + size], predicate))
            start += size
        return result


def lower_affine_patterns(ctx: Context) -> list[RewritePattern]:
    return [
        ApplyLowering(),
        MinMaxLowering("affine.min", "slt"),
        MinMaxLowering("affine.max", "sgt"),
        MemoryAccessLowering("affine.load", _load),
        MemoryAccessLowering("affine.store", _store),
        MemoryAccessLowering("affine.vector_load", _vector_access(ctx.get_op("vector.load"))),
        MemoryAccessLowering("affine.vector_store", _vector_access(ctx.get_op("vector.store"))),
        ForLowering(),
        IfLowering(),
        ParallelLowering(),
    ]


class LowerAffinePass(ModulePass):
    """Lower Affine operations to a combination of Arith and SCF operations"""

    name = "lower-affine"
    display_name: ClassVar[str] = "LowerAffinePass"

    def apply(self, ctx: Context, op: Operation) -> None:
        apply_conversion(op, lower_affine_patterns(ctx), fold_casts=False)
