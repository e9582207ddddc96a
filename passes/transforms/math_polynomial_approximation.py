"""test-math-polynomial-approximation: math.exp, math.log, math.log2,
math.tanh and math.erf on f32 (scalars and vectors of any shape) become
polynomial and rational approximations in arith and math.fma, as upstream's
populateMathPolynomialApproximationPatterns, with its coefficients, ranges and
edge cases (denormal inputs and results flush to zero). f16 and bf16 are
widened to f32, approximated, and truncated back.

Vector code stays vector code: LLVM scalarizes ``llvm.exp.v16f32`` into 16
libm calls, while these expansions are straight-line vector arithmetic.
``polynomial_approximation_patterns()`` is the pattern set for other passes
(``--optimize``) to apply.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith as xarith
from xdsl.dialects import math as xmath
from xdsl.dialects.builtin import (
    BFloat16Type,
    DenseIntOrFPElementsAttr,
    Float16Type,
    FloatAttr,
    IntegerAttr,
    VectorType,
    f32,
    i32,
)
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

from mlopt.passes.conversion.llvm_common import apply_conversion


def _round_to_f32(value: float) -> float:
    return struct.unpack("<f", struct.pack("<f", value))[0]


def _f32_from_bits(bits: int) -> float:
    return struct.unpack("<f", struct.pack("<I", bits))[0]


_FLOAT_MAGIC = 8388608.0
"""2^23: a small integer ``k`` added to it is exact and leaves ``k`` in the
low mantissa bits, which converts between f32 and i32 without fptosi/sitofp."""
_FLOAT_MAGIC_BITS = 0x4B000000


def _element(type: Attribute) -> Attribute:
    return type.element_type if isinstance(type, VectorType) else type


class _Emitter:
    """Builds an approximation before the op being rewritten, in the shape of
    its operand: every constant is a splat when the operand is a vector."""

    def __init__(self, rewriter: PatternRewriter, like: SSAValue):
        self.rewriter = rewriter
        self.shape_of = like.type

    def typed(self, element: Attribute) -> Attribute:
        shaped = self.shape_of
        if isinstance(shaped, VectorType):
            return VectorType(element, shaped.get_shape(), shaped.scalable_dims)
        return element

    def emit(self, op: Operation) -> SSAValue:
        self.rewriter.insert(op)
        return op.results[0]

    def _constant(self, element: Attribute, value: float | int) -> SSAValue:
        type = self.typed(element)
        if isinstance(type, VectorType):
            attr = DenseIntOrFPElementsAttr.from_list(type, [value])
        elif element == f32:
            attr = FloatAttr(value, f32)
        else:
            attr = IntegerAttr(value, element)
        return self.emit(xarith.ConstantOp(attr, type))

    def f32(self, value: float) -> SSAValue:
        return self._constant(f32, _round_to_f32(value))

    def f32_bits(self, bits: int) -> SSAValue:
        return self._constant(f32, _f32_from_bits(bits))

    def i32(self, value: int) -> SSAValue:
        return self._constant(i32, value)

    def fma(self, a: SSAValue, b: SSAValue, c: SSAValue) -> SSAValue:
        return self.emit(xmath.FmaOp(a, b, c))

    def mul(self, a: SSAValue, b: SSAValue) -> SSAValue:
        return self.emit(xarith.MulfOp(a, b))

    def add(self, a: SSAValue, b: SSAValue) -> SSAValue:
        return self.emit(xarith.AddfOp(a, b))

    def sub(self, a: SSAValue, b: SSAValue) -> SSAValue:
        return self.emit(xarith.SubfOp(a, b))

    def div(self, a: SSAValue, b: SSAValue) -> SSAValue:
        return self.emit(xarith.DivfOp(a, b))

    def neg(self, a: SSAValue) -> SSAValue:
        return self.emit(xarith.NegfOp(a))

    def abs(self, a: SSAValue) -> SSAValue:
        return self.emit(xmath.AbsFOp(a))

    def floor(self, a: SSAValue) -> SSAValue:
        return self.emit(xmath.FloorOp(a))

    def compare(self, predicate: str, a: SSAValue, b: SSAValue) -> SSAValue:
        from mlopt.dialects.arith import CmpfOp, i1_like

        predicates = ("false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult", "ule", "une", "uno")
        return self.emit(
            CmpfOp.create(
                operands=[a, b],
                result_types=[i1_like(a.type)],
                properties={"predicate": IntegerAttr(predicates.index(predicate), 64), "fastmath": xarith.FastMathFlagsAttr("none")},
            )
        )

    def select(self, condition: SSAValue, if_true: SSAValue, if_false: SSAValue) -> SSAValue:
        from mlopt.dialects.arith import SelectOp

        return self.emit(SelectOp(condition, if_true, if_false))

    def bits_of(self, a: SSAValue) -> SSAValue:
        return self.emit(xarith.BitcastOp(a, self.typed(i32)))

    def float_of_bits(self, a: SSAValue) -> SSAValue:
        return self.emit(xarith.BitcastOp(a, self.typed(f32)))

    def integer(self, op_type: type[Operation], a: SSAValue, b: SSAValue) -> SSAValue:
        return self.emit(op_type(a, b))

    def clamp_select(self, predicate: str, value: SSAValue, bound: SSAValue) -> SSAValue:
        """``value`` where ``value predicate bound`` holds, else ``bound``: a
        min or max whose NaN behaviour the predicate's (un)orderedness sets."""
        return self.select(self.compare(predicate, value, bound), value, bound)

    def polynomial(self, x: SSAValue, coefficients: list[SSAValue]) -> SSAValue:
        """Horner's scheme, lowest coefficient first."""
        result = self.fma(x, coefficients[-1], coefficients[-2])
        for coefficient in reversed(coefficients[:-2]):
            result = self.fma(x, result, coefficient)
        return result


@dataclass
class _F32Approximation(RewritePattern):
    """Rewrites one math op on f32 (scalar or vector) with ``approximate``."""

    source_name: ClassVar[str]

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name != self.source_name or _element(op.results[0].type) != f32:
            return
        emitter = _Emitter(rewriter, op.operands[0])
        rewriter.replace(op, [], [self.approximate(emitter, op.operands[0])])

    def approximate(self, e: _Emitter, x: SSAValue) -> SSAValue:
        raise NotImplementedError


class ExpApproximation(_F32Approximation):
    """e^x = e^a · 2^n, n = round(x / ln 2), a polynomial (Cephes) for e^a."""

    source_name = "math.exp"

    def approximate(self, e: _Emitter, x: SSAValue) -> SSAValue:
        # Bounds a little beyond log(f32 max) and log(2^-126): results below
        # the smallest normal flush to zero, as upstream's.
        x = e.clamp_select("ule", e.clamp_select("uge", x, e.f32(-87.8)), e.f32(88.8))
        n = e.floor(e.fma(x, e.f32(1.44269504088896341), e.f32(0.5)))
        # n clamped to [-127, 127]: 2^-127 built below is 0, so tiny results flush.
        n = e.clamp_select("ule", e.clamp_select("uge", n, e.f32(-127.0)), e.f32(127.0))
        # a = x - n·ln 2, with ln 2 split in two so that the product is exact.
        a = e.fma(e.f32(-0.693359375), n, x)
        a = e.fma(e.f32(2.12194440e-4), n, a)
        z = e.fma(a, e.f32(1.9875691500e-4), e.f32(1.3981999507e-3))
        for coefficient in (8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1):
            z = e.fma(z, a, e.f32(coefficient))
        z = e.add(e.f32(1.0), e.fma(z, e.mul(a, a), a))
        return e.mul(z, _exp2_of_integral(e, n))


def _exp2_of_integral(e: _Emitter, n: SSAValue) -> SSAValue:
    """2^n for an integral f32 n in [-127, 127] (0 for -127): n + 127 is the
    biased exponent."""
    biased = e.bits_of(e.add(n, e.f32(_FLOAT_MAGIC + 127.0)))
    exponent = e.integer(xarith.SubiOp, biased, e.i32(_FLOAT_MAGIC_BITS))
    return e.float_of_bits(e.integer(xarith.ShLIOp, exponent, e.i32(23)))


class _LogApproximationBase(_F32Approximation):
    """log(x) = log(m) + e·ln 2 with x = m·2^e, m in [sqrt(1/2), sqrt(2)), and
    a degree-8 polynomial (Cephes) for log(m)."""

    base2: ClassVar[bool]

    def approximate(self, e: _Emitter, operand: SSAValue) -> SSAValue:
        zero, one = e.f32(0.0), e.f32(1.0)
        # Denormal inputs count as the smallest normal (flushed, as upstream's).
        x = e.clamp_select("ugt", operand, e.f32_bits(0x00800000))
        bits = e.bits_of(x)
        mantissa = e.integer(xarith.AndIOp, bits, e.i32(~0x7F800000))
        fraction = e.float_of_bits(e.integer(xarith.OrIOp, mantissa, e.i32(0x3F000000)))  # in [0.5, 1)
        biased = e.integer(xarith.ShRUIOp, bits, e.i32(23))
        exponent_bits = e.integer(xarith.OrIOp, biased, e.i32(_FLOAT_MAGIC_BITS))
        exponent = e.sub(e.float_of_bits(exponent_bits), e.f32(_FLOAT_MAGIC + 126.0))
        below = e.compare("olt", fraction, e.f32(0.707106781186547524))
        shifted = e.add(e.sub(fraction, one), e.select(below, fraction, zero))
        exponent = e.sub(exponent, e.select(below, one, zero))
        m, m2 = shifted, e.mul(shifted, shifted)
        m3 = e.mul(m2, m)
        coefficients = [e.f32(c) for c in (7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1,
                                           1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1,
                                           3.3333331174e-1)]  # fmt: skip
        y0 = e.fma(e.fma(coefficients[0], m, coefficients[1]), m, coefficients[2])
        y1 = e.fma(e.fma(coefficients[3], m, coefficients[4]), m, coefficients[5])
        y2 = e.fma(e.fma(coefficients[6], m, coefficients[7]), m, coefficients[8])
        y = e.mul(e.fma(e.fma(y0, m3, y1), m3, y2), m3)
        log_m = e.add(m, e.fma(e.f32(-0.5), m2, y))
        if self.base2:
            result = e.fma(log_m, e.f32(1.442695040888963407359924681001892137), exponent)
        else:
            result = e.fma(exponent, e.f32(0.693147180559945309417232121458176568), log_m)
        positive_infinity = e.f32_bits(0x7F800000)
        # log(0) = -inf, log(x < 0) = NaN (NaN stays NaN), log(+inf) = +inf.
        result = e.select(e.compare("oeq", operand, positive_infinity), positive_infinity, result)
        result = e.select(e.compare("ult", operand, zero), e.f32_bits(0x7FC00000), result)
        return e.select(e.compare("oeq", operand, zero), e.f32_bits(0xFF800000), result)


class LogApproximation(_LogApproximationBase):
    source_name = "math.log"
    base2 = False


class Log2Approximation(_LogApproximationBase):
    source_name = "math.log2"
    base2 = True


class TanhApproximation(_F32Approximation):
    """A rational approximation, odd over even polynomials, on x clamped to
    ±7.99881172 (where tanh rounds to ±1); x itself for |x| < 0.0004."""

    source_name = "math.tanh"

    def approximate(self, e: _Emitter, operand: SSAValue) -> SSAValue:
        x = e.clamp_select("ugt", e.clamp_select("ult", operand, e.f32(7.99881172180175781)), e.f32(-7.99881172180175781))
        tiny = e.compare("olt", e.abs(operand), e.f32(0.0004))
        x2 = e.mul(x, x)
        numerator = [e.f32(c) for c in (4.89352455891786e-03, 6.37261928875436e-04, 1.48572235717979e-05,
                                        5.12229709037114e-08, -8.60467152213735e-11, 2.00018790482477e-13,
                                        -2.76076847742355e-16)]  # fmt: skip
        denominator = [e.f32(c) for c in (4.89352518554385e-03, 2.26843463243900e-03, 1.18534705686654e-04, 1.19825839466702e-06)]
        p = e.mul(x, e.polynomial(x2, numerator))
        q = e.polynomial(x2, denominator)
        return e.select(tiny, x, e.div(p, q))


_ERF_BOUNDS = (0.8, 2.0, 3.75)
_ERF_OFFSETS = (0.0, 0.0, 1.0)
_ERF_NUMERATORS = (
    (0.0, 1.12837916222975858e00, -5.23018562988006470e-01, 2.09741709609267072e-01, 2.58146801602987875e-02),
    (0.0, 1.12750687816789140e00, -3.64721408487825775e-01, 1.18407396425136952e-01, 3.70645533056476558e-02),
    (-3.30093071049483172e-03, 3.51961938357697011e-03, -1.41373622814988039e-03, 2.53447094961941348e-04, -1.71048029455037401e-05),
)
_ERF_DENOMINATORS = (
    (1.0, -4.635138185962547255e-01, 5.192301327279782447e-01, -1.318089722204810087e-01, 7.397964654672315005e-02),
    (1.0, -3.27607011824493086e-01, 4.48369090658821977e-01, -8.83462621207857930e-02, 5.72442770283176093e-02),
    (1.0, -2.06069165953913769e00, 1.62705939945477759e00, -5.83389859211130017e-01, 8.21908939856640930e-02),
)


class ErfApproximation(_F32Approximation):
    """offset + p(|x|)/q(|x|) with degree-4 polynomials chosen per interval of
    |x| (below 0.8, 2 and 3.75), 1 beyond; erf is odd."""

    source_name = "math.erf"

    def approximate(self, e: _Emitter, operand: SSAValue) -> SSAValue:
        negative = e.compare("olt", operand, e.f32(0.0))
        x = e.select(negative, e.neg(operand), operand)
        p = [e.f32(c) for c in _ERF_NUMERATORS[0]]
        q = [e.f32(c) for c in _ERF_DENOMINATORS[0]]
        offset = e.f32(_ERF_OFFSETS[0])
        for interval in range(1, len(_ERF_BOUNDS)):
            within = e.compare("olt", x, e.f32(_ERF_BOUNDS[interval - 1]))
            p = [e.select(within, low, e.f32(high)) for low, high in zip(p, _ERF_NUMERATORS[interval])]
            q = [e.select(within, low, e.f32(high)) for low, high in zip(q, _ERF_DENOMINATORS[interval])]
            offset = e.select(within, offset, e.f32(_ERF_OFFSETS[interval]))
        # Unordered: a NaN input stays NaN through the formula.
        in_range = e.compare("ult", x, e.f32(_ERF_BOUNDS[-1]))
        formula = e.add(offset, e.div(e.polynomial(x, p), e.polynomial(x, q)))
        result = e.select(in_range, formula, e.f32(1.0))
        return e.select(negative, e.neg(result), result)


_NARROW_FLOATS = (Float16Type, BFloat16Type)


@dataclass
class ComputeInF32(RewritePattern):
    """A math op on f16 or bf16 becomes the same op on f32 between
    arith.extf and arith.truncf, so that its f32 approximation applies."""

    source_name: str

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        from mlopt.dialects.arith import ExtFOp, TruncFOp

        narrow = op.results[0].type
        if op.name != self.source_name or not isinstance(_element(narrow), _NARROW_FLOATS):
            return
        if any(operand.type != narrow for operand in op.operands):
            return
        e = _Emitter(rewriter, op.results[0])
        wide = e.typed(f32)
        operands = [e.emit(ExtFOp(operand, wide)) for operand in op.operands]
        widened = e.emit(type(op).create(operands=operands, result_types=[wide], properties=dict(op.properties), attributes=dict(op.attributes)))
        rewriter.replace(op, TruncFOp(widened, narrow))


APPROXIMATIONS: tuple[type[_F32Approximation], ...] = (
    ExpApproximation,
    LogApproximation,
    Log2Approximation,
    TanhApproximation,
    ErfApproximation,
)


def polynomial_approximation_patterns() -> list[RewritePattern]:
    """The approximations and their f16/bf16 widening, for any pattern driver."""
    return [*(approximation() for approximation in APPROXIMATIONS), *(ComputeInF32(a.source_name) for a in APPROXIMATIONS)]


@dataclass(frozen=True)
class TestMathPolynomialApproximationPass(ModulePass):
    """Test math polynomial approximations"""

    name = "test-math-polynomial-approximation"
    display_name: ClassVar[str] = "(anonymous namespace)::TestMathPolynomialApproximationPass"

    enable_avx2: bool = field(
        default=False, metadata={"help": "Enable approximations that emit AVX2 intrinsics via the X86Vector dialect"}
    )

    def apply(self, ctx: Context, op: Operation) -> None:
        # enable-avx2 only adds upstream's math.rsqrt approximation through
        # x86vector.rsqrt, a dialect mlopt does not have: accepted, no effect.
        apply_conversion(op, polynomial_approximation_patterns(), fold_casts=False)
