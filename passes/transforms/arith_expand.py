"""arith-expand: arith ops that have no direct LLVM counterpart become simpler
arith ops, as upstream's populateArithExpandOpsPatterns:

- ``ceildivsi``, ``ceildivui`` and ``floordivsi`` → division, a correction
  and a select;
- ``maxsi``/``maxui``/``minsi``/``minui`` → ``cmpi`` and ``select``;
- ``maximumf``/``minimumf`` (NaN if either operand is NaN) and
  ``maxnumf``/``minnumf`` (the other operand if one is NaN) → ``cmpf`` and
  ``select``;
- with ``include-bf16``: ``extf`` from bf16 to f32 and ``truncf`` from f32 to
  bf16 (round to nearest even, NaN kept quiet) → integer bit manipulation.

Scalars, vectors and tensors alike: constants are splats of the operand's
shape. ``include-f4e2m1`` and ``include-f8e8m0`` are accepted; their
conversions are left alone (mlopt's LLVM lowering has no such types).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith as xarith
from xdsl.dialects.builtin import (
    BFloat16Type,
    DenseIntOrFPElementsAttr,
    Float32Type,
    IntegerAttr,
    IntegerType,
    ShapedType,
    i16,
    i32,
)
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, PatternRewriteWalker, RewritePattern
from xdsl.utils.type import get_element_type_or_self

CMPI_PREDICATES = ("eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge")
CMPF_PREDICATES = ("false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult", "ule", "une", "uno")


class _Builder:
    """Inserts ops before the op being rewritten, shaped like ``like``."""

    def __init__(self, rewriter: PatternRewriter, like: Attribute):
        self.rewriter = rewriter
        self.like = like

    def shaped(self, element: Attribute) -> Attribute:
        if isinstance(self.like, ShapedType):
            return type(self.like)(element, self.like.get_shape())
        return element

    def emit(self, op: Operation) -> SSAValue:
        self.rewriter.insert(op)
        return op.results[0]

    def constant(self, value: int, element: Attribute) -> SSAValue:
        type_ = self.shaped(element)
        if isinstance(type_, ShapedType):
            attr = DenseIntOrFPElementsAttr.from_list(type_, [value])
        else:
            attr = IntegerAttr(value, element)
        return self.emit(xarith.ConstantOp(attr, type_))

    def cmpi(self, predicate: str, a: SSAValue, b: SSAValue) -> SSAValue:
        from mlopt.dialects.arith import CmpiOp, i1_like

        return self.emit(
            CmpiOp.create(
                operands=[a, b],
                result_types=[i1_like(a.type)],
                properties={"predicate": IntegerAttr(CMPI_PREDICATES.index(predicate), 64)},
            )
        )

    def cmpf(self, predicate: str, a: SSAValue, b: SSAValue) -> SSAValue:
        from mlopt.dialects.arith import CmpfOp, i1_like

        return self.emit(
            CmpfOp.create(
                operands=[a, b],
                result_types=[i1_like(a.type)],
                properties={
                    "predicate": IntegerAttr(CMPF_PREDICATES.index(predicate), 64),
                    "fastmath": xarith.FastMathFlagsAttr("none"),
                },
            )
        )

    def select(self, condition: SSAValue, if_true: SSAValue, if_false: SSAValue) -> SSAValue:
        from mlopt.dialects.arith import SelectOp

        return self.emit(SelectOp(condition, if_true, if_false))

    def binary(self, op_class: type[Operation], a: SSAValue, b: SSAValue) -> SSAValue:
        return self.emit(op_class(a, b))

    def cast(self, op_class: type[Operation], value: SSAValue, element: Attribute) -> SSAValue:
        return self.emit(op_class(value, self.shaped(element)))


def _integer_element(value: SSAValue) -> IntegerType:
    return get_element_type_or_self(value.type)


class RoundedSignedDivision(RewritePattern):
    """``ceildivsi``/``floordivsi``: the truncating quotient, moved one up
    (ceil) when the exact quotient is positive, one down (floor) when it is
    negative, and the division was not exact."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name not in ("arith.ceildivsi", "arith.floordivsi"):
            return
        ceil = op.name == "arith.ceildivsi"
        a, b = op.operands
        build = _Builder(rewriter, a.type)
        element = _integer_element(a)
        zero = build.constant(0, element)
        step = build.constant(1 if ceil else -1, element)
        quotient = build.binary(xarith.DivSIOp, a, b)
        inexact = build.cmpi("ne", a, build.binary(xarith.MuliOp, quotient, b))
        a_negative = build.cmpi("slt", a, zero)
        b_negative = build.cmpi("slt", b, zero)
        sign_matches = build.cmpi("eq" if ceil else "ne", a_negative, b_negative)
        adjust = build.binary(xarith.AndIOp, inexact, sign_matches)
        rewriter.replace(op, [], [build.select(adjust, build.binary(xarith.AddiOp, quotient, step), quotient)])


class CeilUnsignedDivision(RewritePattern):
    """``ceildivui(a, b) = a == 0 ? 0 : (a - 1) / b + 1``."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name != "arith.ceildivui":
            return
        a, b = op.operands
        build = _Builder(rewriter, a.type)
        element = _integer_element(a)
        zero = build.constant(0, element)
        is_zero = build.cmpi("eq", a, zero)
        one = build.constant(1, element)
        quotient = build.binary(xarith.DivUIOp, build.binary(xarith.SubiOp, a, one), b)
        rewriter.replace(op, [], [build.select(is_zero, zero, build.binary(xarith.AddiOp, quotient, one))])


INTEGER_MIN_MAX = {"arith.maxsi": "sgt", "arith.maxui": "ugt", "arith.minsi": "slt", "arith.minui": "ult"}


class IntegerMinMax(RewritePattern):
    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        predicate = INTEGER_MIN_MAX.get(op.name)
        if predicate is None:
            return
        a, b = op.operands
        build = _Builder(rewriter, a.type)
        rewriter.replace(op, [], [build.select(build.cmpi(predicate, a, b), a, b)])


FLOAT_MIN_MAX = {
    # op: (unordered comparison choosing the first operand, operand whose NaN-ness is checked)
    "arith.maximumf": ("ugt", 1),
    "arith.minimumf": ("ult", 1),
    "arith.maxnumf": ("ugt", 0),
    "arith.minnumf": ("ult", 0),
}


class FloatMinMax(RewritePattern):
    """The unordered comparison picks ``a`` when ``a`` is NaN; checking ``b``
    for NaN then gives ``maximumf``'s NaN propagation, checking ``a`` (and
    picking ``b``) gives ``maxnumf``'s NaN avoidance."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name not in FLOAT_MIN_MAX:
            return
        predicate, checked = FLOAT_MIN_MAX[op.name]
        a, b = op.operands
        build = _Builder(rewriter, a.type)
        chosen = build.select(build.cmpf(predicate, a, b), a, b)
        nan_operand = op.operands[checked]
        is_nan = build.cmpf("uno", nan_operand, nan_operand)
        rewriter.replace(op, [], [build.select(is_nan, b, chosen)])


_BF16_QUIET_NAN = 0x7FC0
_BF16_SHIFT = 16
_ROUNDING_BIAS = 0x7FFF


class BFloat16Extension(RewritePattern):
    """``extf`` bf16 → f32: the bf16 bits become the high half of the f32."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if not isinstance(op, xarith.ExtFOp):
            return
        source = op.operands[0]
        if not isinstance(get_element_type_or_self(source.type), BFloat16Type) or not isinstance(
            get_element_type_or_self(op.results[0].type), Float32Type
        ):
            return
        from mlopt.dialects.arith import ExtUIOp

        build = _Builder(rewriter, source.type)
        bits = build.cast(ExtUIOp, build.cast(xarith.BitcastOp, source, i16), i32)
        shifted = build.binary(xarith.ShLIOp, bits, build.constant(_BF16_SHIFT, i32))
        rewriter.replace(op, [], [build.cast(xarith.BitcastOp, shifted, Float32Type())])


class BFloat16Truncation(RewritePattern):
    """``truncf`` f32 → bf16, rounding to nearest even: add 0x7FFF plus the
    lowest kept bit, keep the high half; a NaN becomes bf16's quiet NaN."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if not isinstance(op, xarith.TruncFOp):
            return
        source = op.operands[0]
        result_element = get_element_type_or_self(op.results[0].type)
        if not isinstance(get_element_type_or_self(source.type), Float32Type) or not isinstance(
            result_element, BFloat16Type
        ):
            return
        from mlopt.dialects.arith import TruncIOp

        build = _Builder(rewriter, source.type)
        is_nan = build.cmpf("une", source, source)
        bias = build.constant(_ROUNDING_BIAS, i32)
        quiet_nan = build.constant(_BF16_QUIET_NAN, i16)
        shift = build.constant(_BF16_SHIFT, i32)
        one = build.constant(1, i32)
        bits = build.cast(xarith.BitcastOp, source, i32)
        lowest_kept = build.binary(xarith.AndIOp, build.binary(xarith.ShRUIOp, bits, shift), one)
        rounded = build.binary(xarith.AddiOp, bits, build.binary(xarith.AddiOp, lowest_kept, bias))
        high = build.cast(TruncIOp, build.binary(xarith.ShRUIOp, rounded, shift), i16)
        result_bits = build.select(is_nan, quiet_nan, high)
        rewriter.replace(op, [], [build.cast(xarith.BitcastOp, result_bits, result_element)])


def arith_expand_patterns(include_bf16: bool = False) -> list[RewritePattern]:
    patterns: list[RewritePattern] = [RoundedSignedDivision(), CeilUnsignedDivision(), IntegerMinMax(), FloatMinMax()]
    if include_bf16:
        patterns += [BFloat16Extension(), BFloat16Truncation()]
    return patterns


@dataclass(frozen=True)
class ArithExpandPass(ModulePass):
    """Legalize Arith ops to be convertible to LLVM."""

    name = "arith-expand"
    display_name: ClassVar[str] = "ArithExpandOpsPass"

    include_bf16: bool = field(default=False, metadata={"help": "Enable the BF16 expansion patterns"})
    include_f4e2m1: bool = field(default=False, metadata={"help": "Enable the F4E2M1 expansion patterns"})
    include_f8e8m0: bool = field(default=False, metadata={"help": "Enable the F8E8M0 expansion patterns"})

    def apply(self, ctx: Context, op: Operation) -> None:
        from xdsl.pattern_rewriter import GreedyRewritePatternApplier

        PatternRewriteWalker(
            GreedyRewritePatternApplier(arith_expand_patterns(self.include_bf16)), apply_recursively=False
        ).rewrite_module(op)
