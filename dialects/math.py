"""The math dialect with upstream MLIR 22's ops xDSL lacks: erfc, the
floating-point classification ops (isnan, isinf, isfinite, isnormal), sincos
and clampf."""

from __future__ import annotations

from typing import ClassVar

from xdsl.dialects import math as xmath
from xdsl.dialects.arith import FastMathFlagsAttr, boolLike, floatingPointLike
from xdsl.ir import Dialect
from xdsl.irdl import (
    IRDLOperation,
    ParsePropInAttrDict,
    VarConstraint,
    irdl_op_definition,
    operand_def,
    prop_def,
    result_def,
    traits_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import Pure

from mlopt.dialects.arith import i1_like
from mlopt.dialects.extension import replace_ops
from mlopt.dialects.syntax import build_op, parse_attr_dict, print_attr_dict, resolve

_NO_FASTMATH = FastMathFlagsAttr("none")


@irdl_op_definition
class ErfcOp(xmath.FloatingPointLikeUnaryMathOperation):
    """math.erfc: the complementary error function."""

    name = "math.erfc"

    traits = traits_def(Pure())


class _ClassificationOp(IRDLOperation):
    """Shared definition of the ``math.isX`` ops: float-like to i1-like."""

    operand = operand_def(floatingPointLike)
    fastmath = prop_def(FastMathFlagsAttr, default_value=_NO_FASTMATH)
    result = result_def(boolLike)

    traits = traits_def(Pure())
    irdl_options = (ParsePropInAttrDict(),)

    @classmethod
    def parse(cls, parser: Parser):
        operand = parser.parse_unresolved_operand()
        fastmath = _NO_FASTMATH
        if parser.parse_optional_keyword("fastmath"):
            fastmath = FastMathFlagsAttr.new(FastMathFlagsAttr.parse_parameter(parser))
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        type = parser.parse_type()
        return build_op(
            cls,
            operands=resolve(parser, [operand], type),
            result_types=[i1_like(type)],
            properties={"fastmath": fastmath},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_operand(self.operand)
        if self.fastmath != _NO_FASTMATH:
            printer.print_string(" fastmath")
            self.fastmath.print_parameter(printer)
        print_attr_dict(printer, self, ("fastmath",))
        printer.print_string(" : ")
        printer.print_attribute(self.operand.type)


def _classification_op(op_name: str, doc: str) -> type[IRDLOperation]:
    class_name = op_name.split(".")[1].title() + "Op"
    namespace = {"__doc__": doc, "__module__": __name__, "name": op_name}
    return irdl_op_definition(type(class_name, (_ClassificationOp,), namespace))


IsNaNOp = _classification_op("math.isnan", "math.isnan: whether a float is NaN.")
IsInfOp = _classification_op("math.isinf", "math.isinf: whether a float is infinite.")
IsFiniteOp = _classification_op("math.isfinite", "math.isfinite: whether a float is finite.")
IsNormalOp = _classification_op("math.isnormal", "math.isnormal: whether a float is normal.")


@irdl_op_definition
class SinCosOp(IRDLOperation):
    """math.sincos: sine and cosine of the same operand."""

    name = "math.sincos"

    T: ClassVar = VarConstraint("T", floatingPointLike)
    operand = operand_def(T)
    fastmath = prop_def(FastMathFlagsAttr, default_value=_NO_FASTMATH)
    sin = result_def(T)
    cos = result_def(T)

    traits = traits_def(Pure())
    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = "$operand (`fastmath` `` $fastmath^)? attr-dict `:` type($operand)"


@irdl_op_definition
class ClampFOp(IRDLOperation):
    """math.clampf: clamp a float between a minimum and a maximum."""

    name = "math.clampf"

    T: ClassVar = VarConstraint("T", floatingPointLike)
    value = operand_def(T)
    min = operand_def(T)
    max = operand_def(T)
    fastmath = prop_def(FastMathFlagsAttr, default_value=_NO_FASTMATH)
    result = result_def(T)

    traits = traits_def(Pure())
    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = (
        "$value `to` ` ` `[` $min `,` $max `]` (`fastmath` `` $fastmath^)? attr-dict `:` type($result)"
    )


Math: Dialect = replace_ops(xmath.Math, ErfcOp, IsNaNOp, IsInfOp, IsFiniteOp, IsNormalOp, SinCosOp, ClampFOp)
