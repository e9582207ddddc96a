"""test-math-polynomial-approximation: math.exp, expm1, log, log2, log1p,
tanh, erf, erfc, sin, cos, atan, atan2, asin, acos and cbrt on f32 (scalars
and vectors of any shape) become polynomial and rational approximations in
arith and math.fma, as upstream's populateMathPolynomialApproximationPatterns,
with its coefficients, ranges and edge cases (denormal inputs and results
flush to zero where upstream's do). The results are upstream's, bit for bit.
f16 and bf16 are widened to f32, approximated, and truncated back (upstream
approximates asin and acos on f16 directly, so those differ in the last bits).

Vector code stays vector code: LLVM scalarizes ``llvm.exp.v16f32`` into 16
libm calls, while these expansions are straight-line vector arithmetic.
``polynomial_approximation_patterns()`` is the pattern set for other passes
(``--optimize``) to apply.
"""

from __future__ import annotations

import math
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

    def math(self, op_type: type[Operation], *operands: SSAValue) -> SSAValue:
        """A math op (approximated in turn where the set has a pattern for it)."""
        return self.emit(op_type(*operands))

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
        rewriter.replace(op, [], [self.approximate(emitter, *op.operands)])

    def approximate(self, e: _Emitter, *operands: SSAValue) -> SSAValue:
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


class Log1pApproximation(_F32Approximation):
    """log(1 + x) as x·log(u)/(u − 1), u = 1 + x (W. Kahan); x itself where u
    rounds to 1 or overflows."""

    source_name = "math.log1p"

    def approximate(self, e: _Emitter, x: SSAValue) -> SSAValue:
        one = e.f32(1.0)
        u = e.add(x, one)
        u_is_one = e.compare("oeq", u, one)
        log_u = e.math(xmath.LogOp, u)
        u_is_infinite = e.compare("oeq", u, log_u)
        large = e.mul(x, e.div(log_u, e.sub(u, one)))
        return e.select(e.integer(xarith.OrIOp, u_is_one, u_is_infinite), x, large)


class ExpM1Approximation(_F32Approximation):
    """exp(x) − 1 as (u − 1)·x/log(u), u = exp(x); x where u rounds to 1 (or is
    NaN), −1 where u − 1 does, u where it overflows."""

    source_name = "math.expm1"

    def approximate(self, e: _Emitter, x: SSAValue) -> SSAValue:
        one, minus_one = e.f32(1.0), e.f32(-1.0)
        u = e.math(xmath.ExpOp, x)
        u_is_one_or_nan = e.compare("ueq", u, one)
        u_minus_one = e.sub(u, one)
        is_minus_one = e.compare("oeq", u_minus_one, minus_one)
        log_u = e.math(xmath.LogOp, u)
        # exp(x) = +inf, found without forming +inf: log(inf) = inf.
        is_infinite = e.compare("oeq", log_u, u)
        result = e.select(is_infinite, u, e.mul(u_minus_one, e.div(x, log_u)))
        return e.select(u_is_one_or_nan, x, e.select(is_minus_one, minus_one, result))


_SIN_COEFFICIENTS = (-0.16666667163372039794921875, 8.333347737789154052734375e-3, -1.9842604524455964565277099609375e-4,
                     2.760012648650445044040679931640625e-6, -2.50293279435709337121807038784027099609375e-8)  # fmt: skip
_COS_COEFFICIENTS = (-0.5, 4.166664183139801025390625e-2, -1.388833043165504932403564453125e-3,
                     2.47562347794882953166961669921875e-5, -2.59630184018533327616751194000244140625e-7)  # fmt: skip


class _SinCosApproximation(_F32Approximation):
    """x = k·π/2 + y, k = floor(x·2/π); ±sin(y) or ±cos(y) by k mod 4, each a
    degree-10 polynomial on [0, π/2]."""

    sine: ClassVar[bool]

    def approximate(self, e: _Emitter, x: SSAValue) -> SSAValue:
        one = e.f32(1.0)
        k = e.floor(e.mul(x, e.f32(0.6366197723675813430755350534900574481378385829618257949906693762)))
        y = e.sub(x, e.mul(k, e.f32(1.5707963267948966192313216916397514420985846996875529104874722961)))
        quadrant = _low_two_bits(e, k)
        is_quadrant = [e.compare("oeq", quadrant, e.f32(float(q))) for q in range(4)]
        if self.sine:
            use_cos = e.integer(xarith.OrIOp, is_quadrant[1], is_quadrant[3])
            negative = e.compare("ogt", quadrant, one)
        else:
            use_cos = e.integer(xarith.OrIOp, is_quadrant[0], is_quadrant[2])
            negative = e.integer(xarith.OrIOp, is_quadrant[1], is_quadrant[2])
        y2 = e.mul(y, y)
        base = e.select(use_cos, one, y)
        coefficients = [e.select(use_cos, e.f32(c), e.f32(s)) for c, s in zip(_COS_COEFFICIENTS, _SIN_COEFFICIENTS)]
        value = e.fma(y2, coefficients[4], coefficients[3])
        for coefficient in (coefficients[2], coefficients[1], coefficients[0], one):
            value = e.fma(y2, value, coefficient)
        value = e.mul(base, value)
        return e.select(negative, e.mul(e.f32(-1.0), value), value)


def _low_two_bits(e: _Emitter, k: SSAValue) -> SSAValue:
    """The two low bits of the i32 that fptosi makes of the integral ``k``, as
    an f32 in {0, 1, 2, 3}: k − 4·floor(k/4) is exact at every magnitude, and
    0 where fptosi gives INT_MIN (NaN, ±inf), as it does on x86."""
    remainder = e.sub(k, e.mul(e.floor(e.mul(k, e.f32(0.25))), e.f32(4.0)))
    return e.select(e.compare("uno", remainder, remainder), e.f32(0.0), remainder)


class SinApproximation(_SinCosApproximation):
    source_name = "math.sin"
    sine = True


class CosApproximation(_SinCosApproximation):
    source_name = "math.cos"
    sine = False


class AtanApproximation(_F32Approximation):
    """atan(|x|) by a rational approximation (Cephes) on [0, 0.66], reached
    through (|x|−1)/(|x|+1) + π/4 or π/2 − atan(1/|x|); the sign restored."""

    source_name = "math.atan"

    def approximate(self, e: _Emitter, operand: SSAValue) -> SSAValue:
        one = e.f32(1.0)
        absolute = e.abs(operand)
        middle = e.compare("ogt", absolute, e.f32(0.66))
        numerator = e.select(middle, e.sub(absolute, one), absolute)
        denominator = e.select(middle, e.add(absolute, one), one)
        large = e.compare("ogt", absolute, e.f32(2.41421356237309504880))
        numerator = e.select(large, one, numerator)
        denominator = e.select(large, absolute, denominator)
        x = e.div(numerator, denominator)
        xx = e.mul(x, x)
        p = e.f32(-8.750608600031904122785e-01)
        for coefficient in (-1.615753718733365076637e01, -7.500855792314704667340e01, -1.228866684490136173410e02, -6.485021904942025371773e01):
            p = e.fma(xx, p, e.f32(coefficient))
        p = e.mul(p, xx)
        q = e.f32(2.485846490142306297962e01)
        for coefficient in (1.650270098316988542046e02, 4.328810604912902668951e02, 4.853903996359136964868e02, 1.945506571482613964425e02):
            q = e.fma(xx, q, e.f32(coefficient))
        theta = e.fma(e.div(p, q), x, x)
        angle = e.select(middle, e.add(e.f32(math.pi / 4), theta), theta)
        angle = e.select(large, e.sub(e.f32(math.pi / 2), theta), angle)
        return e.math(xmath.CopySignOp, angle, operand)


class Atan2Approximation(_F32Approximation):
    """atan(y/x), turned by ±π where x ≤ 0; ±π/2 where x = 0, NaN at (0, 0)."""

    source_name = "math.atan2"

    def approximate(self, e: _Emitter, y: SSAValue, x: SSAValue) -> SSAValue:
        zero = e.f32(0.0)
        atan = e.math(xmath.AtanOp, e.div(y, x))
        pi = e.f32(3.14159265359)
        flipped = e.select(e.compare("ogt", atan, zero), e.sub(atan, pi), e.add(atan, pi))
        result = e.select(e.compare("ogt", x, zero), atan, flipped)
        x_is_zero = e.compare("oeq", x, zero)
        for predicate, value in (("ogt", 1.57079632679), ("olt", -1.57079632679)):
            on_axis = e.integer(xarith.AndIOp, x_is_zero, e.compare(predicate, y, zero))
            result = e.select(on_axis, e.f32(value), result)
        at_origin = e.integer(xarith.AndIOp, x_is_zero, e.compare("oeq", y, zero))
        return e.select(at_origin, e.f32_bits(0x7FC00000), result)


_ERFC_COEFFICIENTS = tuple(
    float.fromhex(c)
    for c in ("-0x1.42A260p-10", "0x1.585714p-10", "0x1.1ADCC4p-07", "-0x1.081B82p-07", "-0x1.BC0B6Ap-05", "0x1.4FFC46p-03",
              "-0x1.540840p-03", "-0x1.7BF616p-04", "0x1.1BA03Ap-02")
)  # fmt: skip


class ErfcApproximation(_F32Approximation):
    """erfc(|x|) = p(q)·(1 + 2|x|)⁻¹·exp(−x²) with q = (|x| − 2)/(|x| + 2) and
    p of degree 9, refined; 2 − erfc(|x|) for negative x, 0 beyond 10.0546875."""

    source_name = "math.erfc"

    def approximate(self, e: _Emitter, x: SSAValue) -> SSAValue:
        zero, one, two = e.f32(0.0), e.f32(1.0), e.f32(2.0)
        a = e.select(e.compare("olt", x, zero), e.neg(x), x)
        r = e.div(one, e.add(a, two))
        q = e.fma(e.f32(-4.0), r, one)
        t = e.fma(e.add(q, one), e.f32(-2.0), a)
        q = e.fma(r, e.fma(e.neg(a), q, t), q)
        p = e.f32(float.fromhex("-0x1.A4A000p-12"))
        for coefficient in _ERFC_COEFFICIENTS:
            p = e.fma(p, q, e.f32(coefficient))
        r = e.div(one, e.fma(two, a, one))
        q = e.fma(p, r, r)
        refinement = e.fma(e.fma(q, e.neg(a), e.f32(0.5)), two, e.sub(p, q))
        r = e.fma(refinement, r, q)
        square = e.mul(a, a)
        gaussian = e.math(xmath.ExpOp, e.neg(square))
        t = e.fma(e.neg(a), a, square)
        r = e.fma(r, gaussian, e.mul(e.mul(r, gaussian), t))
        # Not below +inf: +inf or NaN, which x + x gives back as 0·2 and NaN.
        r = e.select(e.compare("uge", a, e.f32_bits(0x7F800000)), e.add(x, x), r)
        r = e.select(e.compare("ogt", a, e.f32(10.0546875)), zero, r)
        return e.select(e.compare("olt", x, zero), e.sub(two, r), r)


class CbrtApproximation(_F32Approximation):
    """An initial guess from the bits of |x| (Hacker's Delight), two Newton
    steps, the sign restored."""

    source_name = "math.cbrt"

    def approximate(self, e: _Emitter, x: SSAValue) -> SSAValue:
        absolute = e.abs(x)
        bits = e.bits_of(absolute)
        guess = e.integer(xarith.AddiOp, e.integer(xarith.ShRSIOp, bits, e.i32(2)), e.integer(xarith.ShRSIOp, bits, e.i32(4)))
        guess = e.integer(xarith.AddiOp, guess, e.integer(xarith.ShRSIOp, guess, e.i32(4)))
        guess = e.integer(xarith.AddiOp, guess, e.integer(xarith.ShRSIOp, guess, e.i32(8)))
        root = e.float_of_bits(e.integer(xarith.AddiOp, guess, e.i32(0x2A5137A0)))
        for _ in range(2):
            root = e.add(e.mul(root, e.f32(2.0)), e.div(absolute, e.mul(root, root)))
            root = e.mul(root, e.f32(0.33333333))
        zero = e.f32(0.0)
        root = e.select(e.compare("oeq", absolute, zero), zero, root)
        return e.math(xmath.CopySignOp, root, x)


_ASIN_R = (5.5579749017470502e-2, 5.4224464349245036e-2, 1.5268872539397656e-2, 1.4106045900607047e-2, 2.2372961589651054e-2,
           4.4642857881094775e-2)  # fmt: skip
_ASIN_T = (-6.2027913464120114e-2, -1.1326992890324464e-2, 1.0493798473372081e-2, 1.7339776384962050e-2, 3.0381912707941005e-2,
           7.4999999991367292e-2)  # fmt: skip


class AsinApproximation(_F32Approximation):
    """An odd polynomial on |x| ≤ sqrt(1/2), and π/2 − asin(sqrt(1 − x²))
    beyond; the sign restored."""

    source_name = "math.asin"

    def approximate(self, e: _Emitter, operand: SSAValue) -> SSAValue:
        square = e.mul(operand, operand)
        opposite = e.math(xmath.SqrtOp, e.sub(e.f32(1.0), square))
        beyond = e.compare("ogt", square, e.f32(0.5))
        x = e.select(beyond, opposite, e.abs(operand))
        s = e.mul(x, x)
        q = e.mul(s, s)
        r, t = e.f32(_ASIN_R[0]), e.f32(_ASIN_T[0])
        for r_coefficient, t_coefficient in zip(_ASIN_R[1:], _ASIN_T[1:]):
            r = e.fma(r, q, e.f32(r_coefficient))
            t = e.fma(t, q, e.f32(t_coefficient))
        r = e.fma(e.fma(r, s, t), s, e.f32(1.6666666666670193e-1))
        r = e.fma(r, e.mul(x, s), x)
        r = e.select(beyond, e.sub(e.f32(1.57079632679), r), r)
        return e.math(xmath.CopySignOp, r, operand)


class AcosApproximation(_F32Approximation):
    """acos from asin: of −|x| near 0, through 2·asin(sqrt((1 − |x|)/2)) near
    ±1, reflected for x in [−1, 0)."""

    source_name = "math.acos"

    def approximate(self, e: _Emitter, operand: SSAValue) -> SSAValue:
        zero, half = e.f32(0.0), e.f32(0.5)
        r = e.select(e.compare("ogt", operand, zero), e.neg(operand), operand)
        small = e.compare("ogt", r, e.f32(-0.5625))
        scale = e.f32(1.6839188885261840e0)
        near_zero = e.fma(e.f32(9.3282184640716537e-1), scale, e.math(xmath.AsinOp, r))
        near_one = e.mul(e.f32(2.0), e.math(xmath.AsinOp, e.math(xmath.SqrtOp, e.fma(half, r, half))))
        r = e.select(small, near_zero, near_one)
        negative = e.integer(xarith.AndIOp, e.compare("oge", operand, e.f32(-1.0)), e.compare("olt", operand, zero))
        reflected = e.fma(e.f32(1.8656436928143307e0), scale, e.neg(r))
        return e.select(negative, reflected, r)


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
    Log1pApproximation,
    ExpM1Approximation,
    SinApproximation,
    CosApproximation,
    AtanApproximation,
    Atan2Approximation,
    ErfcApproximation,
    CbrtApproximation,
    AsinApproximation,
    AcosApproximation,
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
