"""The arith dialect with upstream MLIR 22's ops and syntax.

Adds ``arith.remf``, ``arith.index_castui``, ``arith.scaling_extf`` and
``arith.scaling_truncf``; the fastmath, rounding mode and overflow flags of the
casts; vector/tensor operands of the integer casts; and ``arith.select`` with
a vector of conditions.
"""

from __future__ import annotations

from xdsl.dialects import arith as xarith
from xdsl.dialects.builtin import (
    AnyFloat,
    IndexType,
    IntegerAttr,
    IntegerType,
    ShapedType,
    i32,
)
from xdsl.ir import Attribute, Dialect, Operation
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    result_def,
    traits_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import Pure
from xdsl.utils.exceptions import VerifyException
from xdsl.utils.type import get_element_type_or_self

from mlopt.dialects.extension import LazyCanonicalizationPatterns, extend_op, replace_ops
from mlopt.dialects.syntax import build_op, parse_attr_dict, print_attr_dict, resolve

FastMathFlagsAttr = xarith.FastMathFlagsAttr
IntegerOverflowAttr = xarith.IntegerOverflowAttr
_NO_FASTMATH = FastMathFlagsAttr("none")
_NO_OVERFLOW = IntegerOverflowAttr("none")

integerLike = xarith.container_of(IntegerType)
integerOrIndexLike = xarith.signlessIntegerLike
floatLike = xarith.floatingPointLike

ROUNDING_MODES = ("to_nearest_even", "downward", "upward", "toward_zero", "to_nearest_away")
"""arith::RoundingMode, in enum order (the property stores the index)."""

_CAST_FORMAT = "$input attr-dict `:` type($input) `to` type($result)"
def _print_rounding_and_fastmath(printer: Printer, op: Operation) -> None:
    """`` to_nearest_even fastmath<fast>``: the optional flags after the operands."""
    rounding = op.properties.get("roundingmode")
    if rounding is not None:
        printer.print_string(f" {ROUNDING_MODES[rounding.value.data]}")
    fastmath = op.properties.get("fastmath")
    if fastmath is not None and fastmath != _NO_FASTMATH:
        printer.print_string(" fastmath")
        fastmath.print_parameter(printer)


_FASTMATH = {"fastmath": opt_prop_def(FastMathFlagsAttr, default_value=_NO_FASTMATH)}


def _width_of(type: Attribute) -> int:
    element = get_element_type_or_self(type)
    if isinstance(element, IndexType):
        return 64
    return element.width.data if isinstance(element, IntegerType) else element.bitwidth


def _shape_of(type: Attribute) -> tuple[int, ...] | None:
    return tuple(type.get_shape()) if isinstance(type, ShapedType) else None


def _cast_verifier(wider: bool):
    """A verifier requiring the result to be wider (or narrower) than the operand."""

    def verify_(self) -> None:
        source, target = self.operands[0].type, self.results[0].type
        if _shape_of(source) != _shape_of(target):
            raise VerifyException("requires the same shape for all operands and results")
        if (_width_of(target) > _width_of(source)) != wider or _width_of(target) == _width_of(source):
            raise VerifyException(f"operand type '{source}' and result type '{target}' are cast incompatible")

    return verify_


_WIDER = _cast_verifier(wider=True)
_NARROWER = _cast_verifier(wider=False)

_EXTENSION_PATTERNS = LazyCanonicalizationPatterns("mlopt.dialects.arith_canonicalization:EXTENSION_PATTERNS")
_INTEGER_CAST_PATTERNS = LazyCanonicalizationPatterns("mlopt.dialects.arith_canonicalization:INTEGER_CAST_PATTERNS")
_INDEX_CAST_PATTERNS = LazyCanonicalizationPatterns("mlopt.dialects.arith_canonicalization:INDEX_CAST_PATTERNS")

ExtSIOp = extend_op(
    xarith.ExtSIOp,
    constraints={"input": integerLike, "result": integerLike},
    methods={"verify_": _WIDER},
    traits=[Pure(), _EXTENSION_PATTERNS],  # Pure: upstream has it, xDSL not
)
ExtUIOp = extend_op(
    xarith.ExtUIOp,
    constraints={"input": integerLike, "result": integerLike},
    methods={"verify_": _WIDER},
    traits=[_EXTENSION_PATTERNS],
)
TruncIOp = extend_op(
    xarith.TruncIOp,
    constraints={"input": integerLike, "result": integerLike},
    fields={"overflowFlags": opt_prop_def(IntegerOverflowAttr, default_value=_NO_OVERFLOW)},
    assembly_format="$input (`overflow` `` $overflowFlags^)? attr-dict `:` type($input) `to` type($result)",
    methods={"verify_": _NARROWER},
    traits=[_INTEGER_CAST_PATTERNS],
)
def _same_shape(self) -> None:
    if _shape_of(self.operands[0].type) != _shape_of(self.results[0].type):
        raise VerifyException("requires the same shape for all operands and results")


FPToSIOp, FPToUIOp = (
    extend_op(op, constraints={"input": floatLike, "result": integerLike}, methods={"verify_": _same_shape})
    for op in (xarith.FPToSIOp, xarith.FPToUIOp)
)
SIToFPOp, UIToFPOp = (
    extend_op(op, constraints={"input": integerLike, "result": floatLike}, methods={"verify_": _same_shape})
    for op in (xarith.SIToFPOp, xarith.UIToFPOp)
)
ExtFOp = extend_op(
    xarith.ExtFOp,
    fields=_FASTMATH,
    assembly_format="$input (`fastmath` `` $fastmath^)? attr-dict `:` type($input) `to` type($result)",
    methods={"verify_": _WIDER},
    traits=[LazyCanonicalizationPatterns("mlopt.dialects.arith_canonicalization:EXTF_PATTERNS")],
)


class _TruncFSyntax:
    """``arith.truncf %x (rounding-mode)? (fastmath<...>)? : t to t``."""

    @classmethod
    def parse(cls, parser: Parser):
        value = parser.parse_unresolved_operand()
        rounding = None
        for index, mode in enumerate(ROUNDING_MODES):
            if parser.parse_optional_keyword(mode):
                rounding = IntegerAttr(index, i32)
                break
        fastmath = None
        if parser.parse_optional_keyword("fastmath"):
            fastmath = FastMathFlagsAttr.new(FastMathFlagsAttr.parse_parameter(parser))
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        source = parser.parse_type()
        parser.parse_keyword("to")
        target = parser.parse_type()
        return build_op(
            cls,
            operands=resolve(parser, [value], source),
            result_types=[target],
            properties={"roundingmode": rounding, "fastmath": fastmath},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_operand(self.operands[0])
        _print_rounding_and_fastmath(printer, self)
        print_attr_dict(printer, self, ("roundingmode", "fastmath"))
        printer.print_string(" : ")
        printer.print_attribute(self.operands[0].type)
        printer.print_string(" to ")
        printer.print_attribute(self.results[0].type)


TruncFOp = extend_op(
    xarith.TruncFOp,
    fields={**_FASTMATH, "roundingmode": opt_prop_def(IntegerAttr)},
    mixin=_TruncFSyntax,
    methods={"verify_": _NARROWER},
    traits=[LazyCanonicalizationPatterns("mlopt.dialects.arith_canonicalization:TRUNCF_PATTERNS")],
)

def _index_cast_verify(self) -> None:
    source_shape, target_shape = _shape_of(self.operands[0].type), _shape_of(self.results[0].type)
    if (source_shape is None) != (target_shape is None):
        raise VerifyException("requires the same shape for all operands and results")
    if source_shape != target_shape:
        raise VerifyException("failed to verify that input and output have the same tensor dimensions")
    source = get_element_type_or_self(self.operands[0].type)
    target = get_element_type_or_self(self.results[0].type)
    if isinstance(source, IndexType) == isinstance(target, IndexType):
        raise VerifyException(
            f"operand type '{self.operands[0].type}' and result type '{self.results[0].type}' are cast incompatible"
        )


IndexCastOp = extend_op(
    xarith.IndexCastOp,
    constraints={"input": integerOrIndexLike, "result": integerOrIndexLike},
    methods={"verify_": _index_cast_verify},
    traits=[_INDEX_CAST_PATTERNS],
)


_BITWISE_PATTERNS = LazyCanonicalizationPatterns("mlopt.dialects.arith_canonicalization:BITWISE_PATTERNS")
AndIOp = extend_op(xarith.AndIOp, traits=[_BITWISE_PATTERNS])
OrIOp = extend_op(xarith.OrIOp, traits=[_BITWISE_PATTERNS])


def _bitcast_verify(self) -> None:
    source, target = self.operands[0].type, self.results[0].type
    if _shape_of(source) != _shape_of(target):
        raise VerifyException("requires the same shape for all operands and results")
    if _width_of(source) != _width_of(target):
        raise VerifyException(f"operand type '{source}' and result type '{target}' are cast incompatible")


BitcastOp = extend_op(xarith.BitcastOp, methods={"verify_": _bitcast_verify})


@irdl_op_definition
class IndexCastUIOp(IRDLOperation):
    """arith.index_castui: cast between index and integers, zero-extending."""

    name = "arith.index_castui"

    input = operand_def(integerOrIndexLike)
    result = result_def(integerOrIndexLike)

    traits = traits_def(Pure(), _INDEX_CAST_PATTERNS)
    assembly_format = _CAST_FORMAT

    verify_ = _index_cast_verify


@irdl_op_definition
class RemFOp(xarith.FloatingPointLikeBinaryOperation):
    """arith.remf: floating-point remainder (fmod)."""

    name = "arith.remf"

    traits = traits_def(Pure())


class _SelectSyntax:
    """``arith.select %c, %a, %b : t`` or ``: ct, t`` when the condition is not i1."""

    @classmethod
    def parse(cls, parser: Parser):
        operands = [parser.parse_unresolved_operand()]
        for _ in range(2):
            parser.parse_punctuation(",")
            operands.append(parser.parse_unresolved_operand())
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        first = parser.parse_type()
        condition_type, type = (first, parser.parse_type()) if parser.parse_optional_punctuation(",") else (IntegerType(1), first)
        return build_op(
            cls,
            operands=resolve(parser, operands, [condition_type, type, type]),
            result_types=[type],
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_list(self.operands, printer.print_operand)
        print_attr_dict(printer, self)
        printer.print_string(" : ")
        if self.operands[0].type != IntegerType(1):
            printer.print_attribute(self.operands[0].type)
            printer.print_string(", ")
        printer.print_attribute(self.results[0].type)

    def verify_(self) -> None:
        condition = self.operands[0].type
        if condition != IntegerType(1) and _shape_of(condition) != _shape_of(self.results[0].type):
            raise VerifyException("expected condition type to have the same shape as the result type")


SelectOp = extend_op(
    xarith.SelectOp,
    constraints={"cond": xarith.boolLike},
    mixin=_SelectSyntax,
    traits=[LazyCanonicalizationPatterns("mlopt.dialects.arith_canonicalization:SELECT_PATTERNS")],
)


def i1_like(type: Attribute) -> Attribute:
    """i1, or i1 elements in the shape of ``type``: a comparison's result type."""
    if isinstance(type, ShapedType) and hasattr(type, "element_type"):
        from xdsl.dialects.builtin import TensorType, VectorType

        if isinstance(type, VectorType):
            return VectorType(IntegerType(1), type.get_shape(), type.scalable_dims)
        if isinstance(type, TensorType):
            return TensorType(IntegerType(1), type.get_shape())
    return IntegerType(1)


class _ComparisonSyntax:
    """``arith.cmpX predicate, %a, %b (fastmath<...>)? attr-dict : type``."""

    @classmethod
    def parse(cls, parser: Parser):
        predicates = _PREDICATES[cls.name]
        start = parser.pos
        predicate = parser.parse_optional_identifier() or parser.parse_optional_str_literal()
        if predicate not in predicates:
            parser.raise_error(
                f"custom op '{cls.name}' expected string or keyword containing one of the following enum values "
                f"for attribute 'predicate' [{', '.join(predicates)}]",
                start,
                start + 1,
            )
        parser.parse_punctuation(",")
        lhs = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        rhs = parser.parse_unresolved_operand()
        properties = {"predicate": IntegerAttr(predicates.index(predicate), 64)}
        if "fastmath" in cls.get_irdl_definition().properties:
            properties["fastmath"] = _NO_FASTMATH
            if parser.parse_optional_keyword("fastmath"):
                properties["fastmath"] = FastMathFlagsAttr.new(FastMathFlagsAttr.parse_parameter(parser))
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        type = parser.parse_type()
        expected, summary = _COMPARED[cls.name]
        if not isinstance(get_element_type_or_self(type), expected):
            # Upstream checks the operands' type as it parses them.
            raise VerifyException(f"custom op '{cls.name}' 'lhs' must be {summary}, but got '{type}'")
        return build_op(
            cls,
            operands=resolve(parser, [lhs, rhs], type),
            result_types=[i1_like(type)],
            properties=properties,
            attributes=attributes,
        )

    def print(self, printer: Printer):
        predicate = _PREDICATES[self.name][self.properties["predicate"].value.data]
        printer.print_string(f" {predicate}, ")
        printer.print_list(self.operands, printer.print_operand)
        _print_rounding_and_fastmath(printer, self)
        print_attr_dict(printer, self, ("predicate", "fastmath"))
        printer.print_string(" : ")
        printer.print_attribute(self.operands[0].type)

    def verify_(self) -> None:
        if self.results[0].type != i1_like(self.operands[0].type):
            raise VerifyException(f"result type must be {i1_like(self.operands[0].type)}")


_PREDICATES = {"arith.cmpi": xarith.CMPI_COMPARISON_OPERATIONS, "arith.cmpf": xarith.CMPF_COMPARISON_OPERATIONS}
_COMPARED = {"arith.cmpi": ((IntegerType, IndexType), "signless-integer-like"), "arith.cmpf": (AnyFloat, "floating-point-like")}
"""The element types each comparison takes, and ODS's summary of them."""
CmpiOp = extend_op(
    xarith.CmpiOp,
    constraints={"result": xarith.boolLike},
    mixin=_ComparisonSyntax,
    traits=[LazyCanonicalizationPatterns("mlopt.dialects.arith_canonicalization:CMPI_PATTERNS")],
)
CmpfOp = extend_op(xarith.CmpfOp, constraints={"result": xarith.boolLike}, mixin=_ComparisonSyntax)


class _ScalingOp(IRDLOperation):
    """Shared definition of arith.scaling_extf / scaling_truncf."""

    input = operand_def(floatLike)
    scale = operand_def(floatLike)
    result = result_def(floatLike)

    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser):
        value = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        scale = parser.parse_unresolved_operand()
        rounding = None
        for index, mode in enumerate(ROUNDING_MODES):
            if parser.parse_optional_keyword(mode):
                rounding = IntegerAttr(index, i32)
        fastmath = None
        if parser.parse_optional_keyword("fastmath"):
            fastmath = FastMathFlagsAttr.new(FastMathFlagsAttr.parse_parameter(parser))
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        value_type = parser.parse_type()
        parser.parse_punctuation(",")
        scale_type = parser.parse_type()
        parser.parse_keyword("to")
        result_type = parser.parse_type()
        properties = {"fastmath": fastmath}
        if "roundingmode" in cls.get_irdl_definition().properties:
            properties["roundingmode"] = rounding
        return build_op(
            cls,
            operands=resolve(parser, [value, scale], [value_type, scale_type]),
            result_types=[result_type],
            properties=properties,
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_list(self.operands, printer.print_operand)
        _print_rounding_and_fastmath(printer, self)
        print_attr_dict(printer, self, ("roundingmode", "fastmath"))
        printer.print_string(" : ")
        printer.print_list(self.operand_types, printer.print_attribute)
        printer.print_string(" to ")
        printer.print_attribute(self.results[0].type)


@irdl_op_definition
class ScalingExtFOp(_ScalingOp):
    """arith.scaling_extf: extend with a per-element scale (OCP MX formats)."""

    name = "arith.scaling_extf"

    fastmath = opt_prop_def(FastMathFlagsAttr, default_value=_NO_FASTMATH)


@irdl_op_definition
class ScalingTruncFOp(_ScalingOp):
    """arith.scaling_truncf: truncate with a per-element scale (OCP MX formats)."""

    name = "arith.scaling_truncf"

    roundingmode = opt_prop_def(IntegerAttr)
    fastmath = opt_prop_def(FastMathFlagsAttr, default_value=_NO_FASTMATH)


Arith: Dialect = replace_ops(
    xarith.Arith,
    ExtSIOp,
    ExtUIOp,
    TruncIOp,
    ExtFOp,
    TruncFOp,
    FPToSIOp,
    FPToUIOp,
    SIToFPOp,
    UIToFPOp,
    IndexCastOp,
    IndexCastUIOp,
    AndIOp,
    OrIOp,
    BitcastOp,
    RemFOp,
    SelectOp,
    CmpiOp,
    CmpfOp,
    ScalingExtFOp,
    ScalingTruncFOp,
)
