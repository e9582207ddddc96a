"""convert-index-to-llvm: index dialect ops → llvm ops, as upstream's IndexToLLVM."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import IntegerAttr, i1
from xdsl.ir import Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import RewritePattern

from mlopt.passes.conversion.arith_to_llvm import (
    CeilDivUILowering,
    ElementwiseLowering,
    IndexCastLowering,
    RoundedDivisionLowering,
)
from mlopt.passes.conversion.llvm_common import (
    ICMP_PREDICATES,
    ConvertOpToLLVMPattern,
    LLVMBuilder,
    LLVMTypeConverter,
    apply_conversion,
    index_bitwidth_option,
)

BINARY = {
    "index.add": "llvm.add",
    "index.sub": "llvm.sub",
    "index.mul": "llvm.mul",
    "index.divs": "llvm.sdiv",
    "index.divu": "llvm.udiv",
    "index.rems": "llvm.srem",
    "index.remu": "llvm.urem",
    "index.maxs": "llvm.intr.smax",
    "index.maxu": "llvm.intr.umax",
    "index.mins": "llvm.intr.smin",
    "index.minu": "llvm.intr.umin",
    "index.shl": "llvm.shl",
    "index.shrs": "llvm.ashr",
    "index.shru": "llvm.lshr",
    "index.and": "llvm.and",
    "index.or": "llvm.or",
    "index.xor": "llvm.xor",
}


def predicate_number(attr: object) -> int:
    """An index.cmp predicate (an enum attribute or its number) as llvm.icmp's number."""
    if isinstance(attr, IntegerAttr):
        return attr.value.data
    return ICMP_PREDICATES.index(str(getattr(attr, "data", attr)))


class CmpLowering(ConvertOpToLLVMPattern):
    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        predicate = op.properties.get("pred", op.attributes.get("pred"))
        return [b.icmp(ICMP_PREDICATES[predicate_number(predicate)], *operands)]


class ConstantLowering(ConvertOpToLLVMPattern):
    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        value = op.properties.get("value", op.attributes.get("value"))
        assert isinstance(value, IntegerAttr)
        return [b.constant(value.value.data, i1 if value.type == i1 else b.index_type)]


class SizeOfLowering(ConvertOpToLLVMPattern):
    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        return [b.constant(b.index_type.width.data, b.index_type)]


def index_to_llvm_patterns(converter: LLVMTypeConverter) -> list[RewritePattern]:
    return [
        *(ElementwiseLowering(converter, s, t) for s, t in BINARY.items()),
        CmpLowering(converter, "index.cmp"),
        ConstantLowering(converter, "index.constant"),
        ConstantLowering(converter, "index.bool.constant"),
        SizeOfLowering(converter, "index.sizeof"),
        IndexCastLowering(converter, "index.casts", "llvm.sext"),
        IndexCastLowering(converter, "index.castu", "llvm.zext"),
        RoundedDivisionLowering(converter, "index.ceildivs", "ceil"),
        CeilDivUILowering(converter, "index.ceildivu"),
        RoundedDivisionLowering(converter, "index.floordivs", "floor"),
    ]


@dataclass(frozen=True)
class ConvertIndexToLLVMPass(ModulePass):
    """Lower the `index` dialect to the `llvm` dialect."""

    name = "convert-index-to-llvm"
    display_name: ClassVar[str] = "ConvertIndexToLLVMPass"

    index_bitwidth: int = index_bitwidth_option()

    def apply(self, ctx: Context, op: Operation) -> None:
        apply_conversion(op, index_to_llvm_patterns(LLVMTypeConverter.for_option(self.index_bitwidth)))
