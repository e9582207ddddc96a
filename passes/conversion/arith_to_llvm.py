"""convert-arith-to-llvm: arith ops → llvm ops, as upstream's ArithToLLVM.

n-D vector operands (arrays of 1-D vectors in the llvm dialect) are unrolled
into one op per 1-D vector; floordivsi, ceildivsi and ceildivui are expanded
into the same sequences upstream emits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from xdsl.context import Context
from xdsl.dialects import llvm
from xdsl.dialects.builtin import (
    DenseIntOrFPElementsAttr,
    FloatAttr,
    IndexType,
    IntegerAttr,
    IntegerType,
    VectorType,
    i64,
)
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import RewritePattern

from mlopt.passes.conversion.llvm_common import (
    ConvertOpToLLVMPattern,
    LLVMBuilder,
    LLVMTypeConverter,
    apply_conversion,
    array_shape,
    index_bitwidth_option,
)

INTEGER_BINARY = {
    "arith.addi": "llvm.add",
    "arith.subi": "llvm.sub",
    "arith.muli": "llvm.mul",
    "arith.shli": "llvm.shl",
    "arith.divsi": "llvm.sdiv",
    "arith.divui": "llvm.udiv",
    "arith.remsi": "llvm.srem",
    "arith.remui": "llvm.urem",
    "arith.andi": "llvm.and",
    "arith.ori": "llvm.or",
    "arith.xori": "llvm.xor",
    "arith.shrsi": "llvm.ashr",
    "arith.shrui": "llvm.lshr",
    "arith.minsi": "llvm.intr.smin",
    "arith.maxsi": "llvm.intr.smax",
    "arith.minui": "llvm.intr.umin",
    "arith.maxui": "llvm.intr.umax",
}

FLOAT_OPS = {
    "arith.addf": "llvm.fadd",
    "arith.subf": "llvm.fsub",
    "arith.mulf": "llvm.fmul",
    "arith.divf": "llvm.fdiv",
    "arith.remf": "llvm.frem",
    "arith.negf": "llvm.fneg",
    "arith.maximumf": "llvm.intr.maximum",
    "arith.minimumf": "llvm.intr.minimum",
    "arith.maxnumf": "llvm.intr.maxnum",
    "arith.minnumf": "llvm.intr.minnum",
}

CASTS = {
    "arith.extsi": "llvm.sext",
    "arith.extui": "llvm.zext",
    "arith.trunci": "llvm.trunc",
    "arith.extf": "llvm.fpext",
    "arith.truncf": "llvm.fptrunc",
    "arith.sitofp": "llvm.sitofp",
    "arith.uitofp": "llvm.uitofp",
    "arith.fptosi": "llvm.fptosi",
    "arith.fptoui": "llvm.fptoui",
    "arith.bitcast": "llvm.bitcast",
}


def llvm_fastmath(op: Operation) -> llvm.FastMathAttr | None:
    """The op's arith fastmath flags as llvm's, or None when it has none."""
    flags = op.properties.get("fastmath")
    if flags is None or not flags.data:  # type: ignore[attr-defined]
        return None
    return llvm.FastMathAttr(tuple(flags.data))  # type: ignore[attr-defined]


def llvm_overflow(op: Operation) -> IntegerAttr | None:
    flags = op.properties.get("overflowFlags")
    if flags is None or not flags.data:  # type: ignore[attr-defined]
        return None
    return IntegerAttr(llvm.OverflowAttr(tuple(flags.data)).to_int(), 32)  # type: ignore[attr-defined]


class ElementwiseLowering(ConvertOpToLLVMPattern):
    """An arith op → one llvm op of the same operands, with its flags."""

    def __init__(self, converter: LLVMTypeConverter, source_name: str, target_name: str):
        super().__init__(converter, source_name)
        self.target_name = target_name

    def properties(self, op: Operation) -> dict[str, Attribute | None]:
        if self.target_name in ("llvm.add", "llvm.sub", "llvm.mul", "llvm.shl"):
            return {"overflowFlags": llvm_overflow(op)}
        return {"fastmathFlags": llvm_fastmath(op)}

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        properties = self.properties(op) if op.name not in CASTS else {}
        return [
            b.elementwise(
                self.result_type(op),
                operands,
                lambda parts, type_: b.create_value(self.target_name, parts, type_, properties),
            )
        ]


class ConstantLowering(ConvertOpToLLVMPattern):
    source_name = "arith.constant"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        value = op.properties.get("value", op.attributes.get("value"))
        result_type = self.result_type(op)
        if isinstance(value, IntegerAttr | FloatAttr):
            return [b.value(llvm.ConstantOp(value, result_type))]
        if isinstance(value, DenseIntOrFPElementsAttr):
            return [dense_constant(b, value, result_type)]
        return None


def dense_constant(b: LLVMBuilder, value: DenseIntOrFPElementsAttr, result_type: Attribute) -> SSAValue:
    """A dense vector constant; n-D ones are built from 1-D constant rows."""
    element_type = value.get_element_type()
    if isinstance(element_type, IndexType):
        element_type = b.index_type
    if not isinstance(result_type, llvm.LLVMArrayType):
        assert isinstance(result_type, VectorType)
        return b.value(llvm.ConstantOp(_dense(element_type, result_type.get_shape(), value.get_values()), result_type))
    shape, row_type = array_shape(result_type)
    assert isinstance(row_type, VectorType)
    values = list(value.get_values())
    row_length = row_type.get_shape()[0]
    splat = len(values) == 1
    result = b.poison(result_type)
    for row_index, position in enumerate(_positions(shape)):
        row = values if splat else values[row_index * row_length : (row_index + 1) * row_length]
        constant = b.value(llvm.ConstantOp(_dense(element_type, (row_length,), row), row_type))
        result = b.insert(result, constant, position)
    return result


def _dense(element_type: Attribute, shape: Sequence[int], values: Sequence[int | float]) -> DenseIntOrFPElementsAttr:
    if len(values) == 1:
        values = list(values) * max(1, _product(shape))
    return DenseIntOrFPElementsAttr.from_list(VectorType(element_type, shape), list(values))  # type: ignore[arg-type]


def _product(shape: Sequence[int]) -> int:
    total = 1
    for size in shape:
        total *= size
    return total


def _positions(shape: Sequence[int]) -> list[tuple[int, ...]]:
    import itertools

    return list(itertools.product(*(range(n) for n in shape)))


class CompareLowering(ConvertOpToLLVMPattern):
    """arith.cmpi/cmpf → llvm.icmp/fcmp (same predicate numbering)."""

    def __init__(self, converter: LLVMTypeConverter, source_name: str, target_name: str):
        super().__init__(converter, source_name)
        self.target_name = target_name

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        properties: dict[str, Attribute | None] = {"predicate": IntegerAttr(op.properties["predicate"].value.data, i64)}  # type: ignore[attr-defined]
        if self.target_name == "llvm.fcmp":
            properties["fastmathFlags"] = llvm_fastmath(op)
        return [
            b.elementwise(
                self.result_type(op),
                operands,
                lambda parts, type_: b.create_value(self.target_name, parts, type_, properties),
            )
        ]


class SelectLowering(ConvertOpToLLVMPattern):
    source_name = "arith.select"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        return [
            b.elementwise(
                self.result_type(op),
                operands,
                lambda parts, type_: b.create_value("llvm.select", parts, type_),
            )
        ]


class IndexCastLowering(ConvertOpToLLVMPattern):
    """index_cast (sign-extending) and index_castui (zero-extending)."""

    def __init__(self, converter: LLVMTypeConverter, source_name: str, extension: str):
        super().__init__(converter, source_name)
        self.extension = extension

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        result_type = self.result_type(op)

        def build(parts: list[SSAValue], type_: Attribute) -> SSAValue:
            source_width = _element_width(parts[0].type)
            target_width = _element_width(type_)
            if source_width == target_width:
                return parts[0]
            name = "llvm.trunc" if target_width < source_width else self.extension
            return b.create_value(name, parts, type_)

        return [b.elementwise(result_type, operands, build)]


def _element_width(type_: Attribute) -> int:
    if isinstance(type_, VectorType):
        type_ = type_.element_type
    assert isinstance(type_, IntegerType)
    return type_.width.data


class RoundedDivisionLowering(ConvertOpToLLVMPattern):
    """floordivsi/ceildivsi: sdiv(a, b), moved one towards -inf (floor) when
    the division was inexact and the signs differ, or towards +inf (ceil) when
    it was inexact and the signs agree; the sequence upstream emits."""

    def __init__(self, converter: LLVMTypeConverter, source_name: str, rounding: Literal["floor", "ceil"]):
        super().__init__(converter, source_name)
        self.rounding = rounding

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        if not isinstance(operands[0].type, IntegerType):
            return None
        a, d = operands
        type_ = a.type
        quotient = b.create_value("llvm.sdiv", [a, d], type_)
        product = b.create_value("llvm.mul", [quotient, d], type_)
        inexact = b.icmp("ne", a, product)
        zero = b.constant(0, type_)
        a_negative = b.icmp("slt", a, zero)
        d_negative = b.icmp("slt", d, zero)
        towards_floor = self.rounding == "floor"
        signs = b.icmp("ne" if towards_floor else "eq", a_negative, d_negative)
        adjust = b.create_value("llvm.and", [inexact, signs], inexact.type)
        step = b.constant(-1 if towards_floor else 1, type_)
        return [b.select(adjust, b.create_value("llvm.add", [quotient, step], type_), quotient)]


class CeilDivUILowering(ConvertOpToLLVMPattern):
    """ceildivui(a, b) = a == 0 ? 0 : (a - 1) / b + 1."""

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        if not isinstance(operands[0].type, IntegerType):
            return None
        a, d = operands
        type_ = a.type
        zero = b.constant(0, type_)
        is_zero = b.icmp("eq", a, zero)
        one = b.constant(1, type_)
        minus_one = b.create_value("llvm.sub", [a, one], type_)
        quotient = b.create_value("llvm.udiv", [minus_one, d], type_)
        plus_one = b.create_value("llvm.add", [quotient, one], type_)
        return [b.select(is_zero, zero, plus_one)]


class AddUIExtendedLowering(ConvertOpToLLVMPattern):
    """addui_extended → llvm.intr.uadd.with.overflow (sum, carry)."""

    source_name = "arith.addui_extended"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        if isinstance(operands[0].type, llvm.LLVMArrayType):
            return None
        struct = llvm.LLVMStructType.from_type_list([operands[0].type, self.result_type(op, 1)])
        pair = b.create_value("llvm.intr.uadd.with.overflow", operands, struct)
        return [b.extract(pair, [0]), b.extract(pair, [1])]


class MulExtendedLowering(ConvertOpToLLVMPattern):
    """mulsi/mului_extended: multiply at twice the width, split into low and high halves."""

    def __init__(self, converter: LLVMTypeConverter, source_name: str, extension: str):
        super().__init__(converter, source_name)
        self.extension = extension

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue] | None:
        type_ = operands[0].type
        if not isinstance(type_, IntegerType | VectorType) or isinstance(type_, llvm.LLVMArrayType):
            return None
        width = _element_width(type_)
        wide_element = IntegerType(2 * width)
        wide = VectorType(wide_element, type_.get_shape()) if isinstance(type_, VectorType) else wide_element
        lhs, rhs = (b.create_value(self.extension, [v], wide) for v in operands)
        product = b.create_value("llvm.mul", [lhs, rhs], wide)
        low = b.create_value("llvm.trunc", [product], type_)
        shift = b.value(llvm.ConstantOp(_splat_or_scalar(width, wide), wide))
        high = b.create_value("llvm.trunc", [b.create_value("llvm.lshr", [product, shift], wide)], type_)
        return [low, high]


def _splat_or_scalar(value: int, type_: Attribute) -> Attribute:
    if isinstance(type_, VectorType):
        return DenseIntOrFPElementsAttr.from_list(type_, [value] * _product(type_.get_shape()))  # type: ignore[arg-type]
    return IntegerAttr(value, type_)  # type: ignore[arg-type]


def arith_to_llvm_patterns(converter: LLVMTypeConverter) -> list[RewritePattern]:
    """The patterns of this pass, for convert-to-llvm and pipelines to reuse."""
    return [
        ConstantLowering(converter),
        *(ElementwiseLowering(converter, s, t) for s, t in {**INTEGER_BINARY, **FLOAT_OPS, **CASTS}.items()),
        CompareLowering(converter, "arith.cmpi", "llvm.icmp"),
        CompareLowering(converter, "arith.cmpf", "llvm.fcmp"),
        SelectLowering(converter),
        IndexCastLowering(converter, "arith.index_cast", "llvm.sext"),
        IndexCastLowering(converter, "arith.index_castui", "llvm.zext"),
        RoundedDivisionLowering(converter, "arith.floordivsi", "floor"),
        RoundedDivisionLowering(converter, "arith.ceildivsi", "ceil"),
        CeilDivUILowering(converter, "arith.ceildivui"),
        AddUIExtendedLowering(converter),
        MulExtendedLowering(converter, "arith.mulsi_extended", "llvm.sext"),
        MulExtendedLowering(converter, "arith.mului_extended", "llvm.zext"),
    ]


@dataclass(frozen=True)
class ConvertArithToLLVMPass(ModulePass):
    """Convert Arith dialect to LLVM dialect"""

    name = "convert-arith-to-llvm"
    display_name: ClassVar[str] = "ArithToLLVMConversionPass"

    index_bitwidth: int = index_bitwidth_option()

    def apply(self, ctx: Context, op: Operation) -> None:
        apply_conversion(op, arith_to_llvm_patterns(LLVMTypeConverter.for_option(self.index_bitwidth)))
