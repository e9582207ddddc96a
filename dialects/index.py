"""The index dialect of upstream MLIR 22 (xDSL has none): integer arithmetic
on ``index`` values whose width is only fixed at lowering."""

from __future__ import annotations

from xdsl.dialects.builtin import BoolAttr, IndexType, IntegerAttr, IntegerType, i1
from xdsl.ir import Dialect
from xdsl.irdl import (
    IRDLOperation,
    base,
    irdl_op_definition,
    operand_def,
    prop_def,
    result_def,
    traits_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import ConstantLike, Pure
from xdsl.utils.exceptions import VerifyException

from mlopt.dialects.extension import LazyCanonicalizationPatterns
from mlopt.dialects.index_folding import (
    BinaryFolder,
    CastFolder,
    CmpFolder,
    IndexConstantFolder,
    IndexConstantMaterialization,
)
from mlopt.dialects.syntax import build_op, enum_attribute, parse_attr_dict, print_attr_dict, resolve

CMP_PREDICATES = ("eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge")
IndexCmpPredicateAttr = enum_attribute(
    "index.cmp_predicate", CMP_PREDICATES, doc="#index<cmp_predicate slt>: the comparison of index.cmp."
)

BINARY_OPS = {
    "add": "addition", "sub": "subtraction", "mul": "multiplication",
    "divs": "signed division", "divu": "unsigned division",
    "ceildivs": "signed ceiling division", "ceildivu": "unsigned ceiling division",
    "floordivs": "signed floor division", "rems": "signed remainder", "remu": "unsigned remainder",
    "maxs": "signed maximum", "maxu": "unsigned maximum", "mins": "signed minimum", "minu": "unsigned minimum",
    "shl": "shift left", "shrs": "arithmetic shift right", "shru": "logical shift right",
    "and": "bitwise and", "or": "bitwise or", "xor": "bitwise xor",
}  # fmt: skip
"""Mnemonic → what the binary op computes on two index values."""


def _binary_op(mnemonic: str, meaning: str) -> type[IRDLOperation]:
    namespace = {
        "__doc__": f"index.{mnemonic}: index {meaning}.",
        "__module__": __name__,
        "name": f"index.{mnemonic}",
        "lhs": operand_def(IndexType),
        "rhs": operand_def(IndexType),
        "result": result_def(IndexType),
        "traits": traits_def(Pure(), BinaryFolder()),
        "assembly_format": "$lhs `,` $rhs attr-dict",
    }
    class_name = mnemonic.title() + "Op"
    return irdl_op_definition(type(class_name, (IRDLOperation,), namespace))


BinaryOps = tuple(_binary_op(mnemonic, meaning) for mnemonic, meaning in BINARY_OPS.items())


@irdl_op_definition
class CmpOp(IRDLOperation):
    """index.cmp: compare two index values."""

    name = "index.cmp"

    lhs = operand_def(IndexType)
    rhs = operand_def(IndexType)
    pred = prop_def(IndexCmpPredicateAttr)
    result = result_def(i1)

    traits = traits_def(
        Pure(), CmpFolder(), LazyCanonicalizationPatterns("mlopt.dialects.index_canonicalization:CMP_PATTERNS")
    )

    @classmethod
    def parse(cls, parser: Parser) -> CmpOp:
        pred = IndexCmpPredicateAttr(IndexCmpPredicateAttr.parse_parameter(parser))
        parser.parse_punctuation("(")
        lhs = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        rhs = parser.parse_unresolved_operand()
        parser.parse_punctuation(")")
        return build_op(
            cls,
            operands=resolve(parser, [lhs, rhs], IndexType()),
            result_types=[i1],
            properties={"pred": pred},
            attributes=parse_attr_dict(parser),
        )

    def print(self, printer: Printer):
        printer.print_string(f" {self.pred.data.value}(")
        printer.print_operand(self.lhs)
        printer.print_string(", ")
        printer.print_operand(self.rhs)
        printer.print_string(")")
        print_attr_dict(printer, self, ("pred",))


@irdl_op_definition
class ConstantOp(IRDLOperation):
    """index.constant: an index constant."""

    name = "index.constant"

    value = prop_def(IntegerAttr[IndexType])
    result = result_def(IndexType)

    traits = traits_def(Pure(), ConstantLike(), IndexConstantFolder())

    @classmethod
    def parse(cls, parser: Parser) -> ConstantOp:
        attributes = parse_attr_dict(parser)
        value = IntegerAttr(parser.parse_integer(allow_boolean=False), IndexType())
        return build_op(cls, result_types=[IndexType()], properties={"value": value}, attributes=attributes)

    def print(self, printer: Printer):
        print_attr_dict(printer, self, ("value",))
        printer.print_string(f" {self.value.value.data}")


@irdl_op_definition
class BoolConstantOp(IRDLOperation):
    """index.bool.constant: an i1 constant."""

    name = "index.bool.constant"

    value = prop_def(BoolAttr)
    result = result_def(i1)

    traits = traits_def(Pure(), ConstantLike(), IndexConstantFolder())

    @classmethod
    def parse(cls, parser: Parser) -> BoolConstantOp:
        attributes = parse_attr_dict(parser)
        value = BoolAttr.from_bool(parser.parse_boolean())
        return build_op(cls, result_types=[i1], properties={"value": value}, attributes=attributes)

    def print(self, printer: Printer):
        print_attr_dict(printer, self, ("value",))
        printer.print_string(" true" if self.value.value.data else " false")


class _CastOp(IRDLOperation):
    """Shared definition of index.casts / index.castu."""

    input = operand_def(base(IndexType) | base(IntegerType))
    output = result_def(base(IndexType) | base(IntegerType))

    traits = traits_def(Pure(), CastFolder())
    assembly_format = "$input attr-dict `:` type($input) `to` type($output)"

    def verify_(self) -> None:
        if isinstance(self.input.type, IndexType) == isinstance(self.output.type, IndexType):
            raise VerifyException("one of the input and output types must be an `index`")


@irdl_op_definition
class CastSOp(_CastOp):
    """index.casts: cast between index and an integer, sign-extending."""

    name = "index.casts"


@irdl_op_definition
class CastUOp(_CastOp):
    """index.castu: cast between index and an integer, zero-extending."""

    name = "index.castu"


@irdl_op_definition
class SizeOfOp(IRDLOperation):
    """index.sizeof: the bit width of index."""

    name = "index.sizeof"

    result = result_def(IndexType)

    traits = traits_def(Pure())
    assembly_format = "attr-dict"


Index: Dialect = Dialect(
    "index",
    [*BinaryOps, CmpOp, ConstantOp, BoolConstantOp, CastSOp, CastUOp, SizeOfOp],
    [IndexCmpPredicateAttr],
    [IndexConstantMaterialization()],
)
