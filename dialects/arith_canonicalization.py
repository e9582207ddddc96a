"""Upstream's arith canonicalizations that xDSL lacks (ArithOps.cpp,
ArithCanonicalization.td): comparisons with the constant on the right, boolean
comparisons against true/false, extensions of extensions, comparisons of
extended values, selects that are extensions or of known or negated conditions."""

from __future__ import annotations

from xdsl.dialects import arith as xarith
from xdsl.dialects.builtin import (
    DenseIntOrFPElementsAttr,
    FloatAttr,
    IndexType,
    IntegerAttr,
    IntegerType,
    PackableType,
    ShapedType,
    VectorType,
)
from xdsl.ir import Attribute, Block, Operation, SSAValue
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern
from xdsl.rewriter import InsertPoint
from xdsl.traits import ConstantLike

from mlopt.dialects.arith import ExtUIOp
from mlopt.dialects.index_folding import COMPARISONS

PREDICATES = xarith.CMPI_COMPARISON_OPERATIONS
SWAPPED = {"eq": "eq", "ne": "ne", "slt": "sgt", "sle": "sge", "sgt": "slt", "sge": "sle",
           "ult": "ugt", "ule": "uge", "ugt": "ult", "uge": "ule"}  # fmt: skip
"""The predicate that holds for (b, a) when the original holds for (a, b)."""
INVERTED = {"eq": "ne", "ne": "eq", "slt": "sge", "sge": "slt", "sle": "sgt", "sgt": "sle",
            "ult": "uge", "uge": "ult", "ule": "ugt", "ugt": "ule"}  # fmt: skip
"""The predicate that holds exactly when the original does not."""


def cmpi_predicate(op: Operation) -> str:
    """The name of an arith.cmpi's predicate: "slt", "eq", ..."""
    return PREDICATES[op.predicate.value.data]


def _cmpi(lhs: SSAValue, rhs: SSAValue, predicate: str, like: Operation) -> Operation:
    return type(like)(lhs, rhs, predicate)


def _splat_integer(value: SSAValue) -> int | None:
    """The integer of a scalar or splat constant, else None."""
    attribute: Attribute | None = ConstantLike.get_constant_value(value)
    if isinstance(attribute, IntegerAttr):
        return attribute.value.data
    if isinstance(attribute, DenseIntOrFPElementsAttr):
        values = attribute.get_values()
        if values and all(v == values[0] for v in values):
            return int(values[0])
    return None


def _is_bool_like(type: Attribute) -> bool:
    element = type.element_type if isinstance(type, VectorType) else type
    return isinstance(element, IntegerType) and element.width.data == 1


class CmpIConstantToRight(RewritePattern):
    """cmpi slt, %c, %x  →  cmpi sgt, %x, %c"""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        if ConstantLike.get_constant_value(op.lhs) is None or ConstantLike.get_constant_value(op.rhs) is not None:
            return
        rewriter.replace(op, _cmpi(op.rhs, op.lhs, SWAPPED[cmpi_predicate(op)], op))


class CmpIBoolAgainstConstant(RewritePattern):
    """cmpi eq, %b, true  →  %b;  cmpi ne, %b, false  →  %b  (i1 or vectors of i1)"""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        if not _is_bool_like(op.lhs.type):
            return
        constant = _splat_integer(op.rhs)
        if constant is None:
            return
        is_true = constant != 0
        if (cmpi_predicate(op), is_true) in (("eq", True), ("ne", False)):
            rewriter.replace(op, [], [op.lhs])


class CmpIExtendedBoolAgainstZero(RewritePattern):
    """cmpi ne, (extsi|extui %b : i1 to iN), 0  →  %b"""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        source = op.lhs.owner
        if (
            cmpi_predicate(op) == "ne"
            and isinstance(source, xarith.ExtSIOp | xarith.ExtUIOp)
            and _is_bool_like(source.input.type)
            and _splat_integer(op.rhs) == 0
        ):
            rewriter.replace(op, [], [source.input])


def _integer_elements(value: SSAValue) -> tuple[int, ...] | None:
    """The integers of a scalar or dense constant, else None."""
    attribute: Attribute | None = ConstantLike.get_constant_value(value)
    if isinstance(attribute, IntegerAttr):
        return (attribute.value.data,)
    if isinstance(attribute, DenseIntOrFPElementsAttr) and isinstance(attribute.get_element_type(), IntegerType | IndexType):
        return tuple(attribute.get_values())
    return None


def _width(type: Attribute) -> int:
    """The bit width of an integer or index element (index: 64, as upstream's arith folds)."""
    return 64 if isinstance(type, IndexType) else type.width.data


def _element_type(type: Attribute) -> Attribute:
    return type.element_type if isinstance(type, ShapedType) else type


def _integer_constant(type: Attribute, values: list[int]) -> xarith.ConstantOp:
    """A constant of integer or index ``type``, a scalar or a dense shaped one."""
    if isinstance(type, ShapedType):
        return xarith.ConstantOp(DenseIntOrFPElementsAttr.from_list(type, values))
    return xarith.ConstantOp(IntegerAttr(values[0], type))


class CmpIOfConstants(RewritePattern):
    """cmpi of two constants, scalars or element by element, is a constant
    (upstream's CmpIOp::fold; index compares at 64 bits, as upstream's arith does)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        lhs, rhs = _integer_elements(op.lhs), _integer_elements(op.rhs)
        if lhs is None or rhs is None:
            return
        width = _width(_element_type(op.lhs.type))
        compare = COMPARISONS[cmpi_predicate(op)]
        holds = [int(compare(a, b, width)) for a, b in zip(lhs, rhs)]
        rewriter.replace(op, _integer_constant(op.result.type, holds))


def _same_extension(lhs: Operation | Block, rhs: Operation | Block) -> bool:
    """Whether both are extsi, or both extui, of values of one type."""
    return isinstance(lhs, xarith.ExtSIOp | xarith.ExtUIOp) and type(lhs) is type(rhs) and lhs.input.type == rhs.input.type


class CmpIOfSameExtension(RewritePattern):
    """cmpi eq|ne, (ext %a), (ext %b)  →  cmpi eq|ne, %a, %b  (the same extension and source type)"""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        lhs, rhs = op.lhs.owner, op.rhs.owner
        if cmpi_predicate(op) in ("eq", "ne") and _same_extension(lhs, rhs):
            rewriter.replace(op, _cmpi(lhs.input, rhs.input, cmpi_predicate(op), op))


def _signed(bits: int, width: int) -> int:
    """``bits``, ``width`` wide, read as a two's complement integer."""
    return bits - (1 << width) if bits >> (width - 1) else bits


_ZERO_EXTENDING = frozenset({"arith.extui", "arith.index_castui"})


class IntegerCastOfConstant(RewritePattern):
    """An integer cast of a constant, scalar or element by element, is a
    constant: extsi and index_cast extend the sign, extui and index_castui
    zeros, trunci keeps the low bits (their upstream folders)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        values = _integer_elements(op.input)
        if values is None:
            return
        source_width = _width(_element_type(op.input.type))
        target_width = _width(_element_type(op.result.type))
        values = [value % (1 << source_width) for value in values]
        if op.name not in _ZERO_EXTENDING:
            values = [_signed(value, source_width) for value in values]
        cast = [_signed(value % (1 << target_width), target_width) for value in values]
        rewriter.replace(op, _integer_constant(op.result.type, cast))


class IndexCastOfExtension(RewritePattern):
    """index_cast (extsi %x) → index_cast %x;  index_castui (extui %x) → index_castui %x"""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        extension = op.input.owner
        if isinstance(extension, xarith.ExtUIOp if op.name in _ZERO_EXTENDING else xarith.ExtSIOp):
            rewriter.replace(op, type(op).create(operands=[extension.input], result_types=[op.result.type]))


class BitwiseOfSameExtension(RewritePattern):
    """andi|ori (ext %a), (ext %b)  →  ext (andi|ori %a, %b)  (the same extension and source type)"""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        lhs, rhs = op.lhs.owner, op.rhs.owner
        if not _same_extension(lhs, rhs):
            return
        narrow = type(op)(lhs.input, rhs.input)
        rewriter.insert(narrow)
        rewriter.replace(op, type(lhs)(narrow.result, op.result.type))


class ExtensionOfExtension(RewritePattern):
    """extsi (extsi %x) → extsi %x;  extui (extui %x) → extui %x;  extsi (extui %x) → extui %x"""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        inner = op.input.owner
        if not isinstance(inner, xarith.ExtSIOp | xarith.ExtUIOp):
            return
        if isinstance(op, xarith.ExtUIOp) and isinstance(inner, xarith.ExtSIOp):
            return
        rewriter.replace(op, type(inner)(inner.input, op.result.type))


class ExtFOfConstant(RewritePattern):
    """extf of a float constant, scalar or element by element, is the same
    value in the wider type: widening is exact (upstream's ExtFOp folder)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        constant = ConstantLike.get_constant_value(op.input)
        if isinstance(constant, FloatAttr):
            rewriter.replace(op, xarith.ConstantOp(FloatAttr(constant.value.data, op.result.type)))
        elif isinstance(constant, DenseIntOrFPElementsAttr) and isinstance(_element_type(op.result.type), PackableType):
            values = list(constant.get_values())
            rewriter.replace(op, xarith.ConstantOp(DenseIntOrFPElementsAttr.from_list(op.result.type, values)))


_FLOAT_SEMANTICS = {
    "f16": (11, -14, 15),
    "bf16": (8, -126, 127),
    "tf32": (11, -126, 127),
    "f32": (24, -126, 127),
    "f64": (53, -1022, 1023),
    "f80": (64, -16382, 16383),
    "f128": (113, -16382, 16383),
}
"""(precision, min exponent, max exponent) of the float types, as APFloat's fltSemantics."""


def _holds_every_value_of(wide: Attribute, narrow: Attribute) -> bool:
    """Whether float type ``wide`` represents every value of ``narrow``
    exactly (APFloat::isRepresentableBy(narrow, wide)); False for types not in the table."""
    if wide.name not in _FLOAT_SEMANTICS or narrow.name not in _FLOAT_SEMANTICS:
        return False
    wide_precision, wide_min, wide_max = _FLOAT_SEMANTICS[wide.name]
    precision, minimum, maximum = _FLOAT_SEMANTICS[narrow.name]
    return precision <= wide_precision and wide_min <= minimum and maximum <= wide_max


class TruncFOfExtF(RewritePattern):
    """truncf (extf %x) is %x when it truncates back to %x's type, and truncf
    %x when %x's type holds every value of the result type (upstream's
    TruncFOp folder): the extension added nothing the truncation keeps."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        extension = op.input.owner
        if not isinstance(extension, xarith.ExtFOp):
            return
        source = _element_type(extension.input.type)
        if not _holds_every_value_of(_element_type(extension.result.type), source):
            return
        result = _element_type(op.result.type)
        if source == result:
            rewriter.replace(op, [], [extension.input])
        elif _holds_every_value_of(source, result):
            op.operands[0] = extension.input
            rewriter.notify_op_modified(op)


def negated(value: SSAValue) -> SSAValue | None:
    """``%c`` when ``value`` is ``arith.xori %c, true`` (either side, i1 or all-ones splat)."""
    op = value.owner
    if not isinstance(op, xarith.XOrIOp) or not _is_bool_like(value.type):
        return None
    for negated, mask in ((op.lhs, op.rhs), (op.rhs, op.lhs)):
        if _splat_integer(mask) not in (None, 0):
            return negated
    return None


class SelectOfSplatCondition(RewritePattern):
    """select dense<true>, %a, %b  →  %a  (and dense<false> → %b)"""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        if isinstance(op.cond.type, VectorType) and (condition := _splat_integer(op.cond)) is not None:
            rewriter.replace(op, [], [op.lhs if condition else op.rhs])


class SelectOfConstantVectors(RewritePattern):
    """select of constant vectors by a constant vector condition is the constant
    picked element by element (upstream's SelectOp folder)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        condition, lhs, rhs = (ConstantLike.get_constant_value(v) for v in (op.cond, op.lhs, op.rhs))
        if not all(isinstance(c, DenseIntOrFPElementsAttr) for c in (condition, lhs, rhs)):
            return
        picked = [t if c else f for c, t, f in zip(condition.get_values(), lhs.get_values(), rhs.get_values())]
        rewriter.replace(op, xarith.ConstantOp(DenseIntOrFPElementsAttr.from_list(op.result.type, picked)))


class SelectOfOperandsCompared(RewritePattern):
    """select (cmpi eq, %a, %b), %a, %b → %b;  select (cmpi ne, %a, %b), %a, %b → %a
    (either order of the compared values)"""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        compare = op.cond.owner
        if not isinstance(compare, xarith.CmpiOp) or cmpi_predicate(compare) not in ("eq", "ne"):
            return
        if {compare.lhs, compare.rhs} == {op.lhs, op.rhs} and op.lhs != op.rhs:
            rewriter.replace(op, [], [op.lhs if cmpi_predicate(compare) == "ne" else op.rhs])


class SelectToExtUI(RewritePattern):
    """select %c, 1, 0 → extui %c;  select %c, 0, 1 → extui (xori %c, true)  (integers wider than i1)"""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        type = op.result.type
        if not isinstance(type, IntegerType) or type.width.data == 1:
            return
        values = (_splat_integer(op.lhs), _splat_integer(op.rhs))
        if values == (1, 0):
            rewriter.replace(op, ExtUIOp(op.cond, type))
        elif values == (0, 1):
            true = xarith.ConstantOp(IntegerAttr(1, op.cond.type))
            negated = xarith.XOrIOp(op.cond, true)
            rewriter.insert([true, negated], InsertPoint.before(op))
            rewriter.replace(op, ExtUIOp(negated.result, type))


class RedundantSelect(RewritePattern):
    """select %c, (select %c, %a, %b), %d → select %c, %a, %d;
    select %c, %a, (select %c, %b, %d) → select %c, %a, %d"""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        lhs, rhs = op.lhs.owner, op.rhs.owner
        if isinstance(lhs, xarith.SelectOp) and lhs.cond == op.cond:
            rewriter.replace(op, type(op)(op.cond, lhs.lhs, op.rhs))
        elif isinstance(rhs, xarith.SelectOp) and rhs.cond == op.cond:
            rewriter.replace(op, type(op)(op.cond, op.lhs, rhs.rhs))


class SelectOfNegatedCondition(RewritePattern):
    """select (xori %c, true), %a, %b → select %c, %b, %a"""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        if (condition := negated(op.cond)) is not None:
            rewriter.replace(op, type(op)(condition, op.rhs, op.lhs))


CMPI_PATTERNS = (CmpIOfConstants(), CmpIConstantToRight(), CmpIBoolAgainstConstant(), CmpIExtendedBoolAgainstZero(), CmpIOfSameExtension())
EXTENSION_PATTERNS = (IntegerCastOfConstant(), ExtensionOfExtension())
INTEGER_CAST_PATTERNS = (IntegerCastOfConstant(),)
INDEX_CAST_PATTERNS = (IntegerCastOfConstant(), IndexCastOfExtension())
BITWISE_PATTERNS = (BitwiseOfSameExtension(),)
EXTF_PATTERNS = (ExtFOfConstant(),)
TRUNCF_PATTERNS = (TruncFOfExtF(),)
SELECT_PATTERNS = (
    SelectOfSplatCondition(), SelectOfConstantVectors(), SelectOfOperandsCompared(), SelectToExtUI(), RedundantSelect(),
    SelectOfNegatedCondition(),
)
