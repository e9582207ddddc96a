"""convert-ub-to-llvm: ub.poison → llvm.mlir.poison, ub.unreachable → llvm.unreachable."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.ir import Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import RewritePattern

from mlopt.passes.conversion.llvm_common import (
    ConvertOpToLLVMPattern,
    LLVMBuilder,
    LLVMTypeConverter,
    apply_conversion,
    index_bitwidth_option,
)


class PoisonLowering(ConvertOpToLLVMPattern):
    source_name = "ub.poison"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        return [b.poison(self.result_type(op))]


class UnreachableLowering(ConvertOpToLLVMPattern):
    source_name = "ub.unreachable"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        b.create("llvm.unreachable", [])
        return []


def ub_to_llvm_patterns(converter: LLVMTypeConverter) -> list[RewritePattern]:
    return [PoisonLowering(converter), UnreachableLowering(converter)]


@dataclass(frozen=True)
class UBToLLVMConversionPass(ModulePass):
    """Convert UB dialect to LLVM dialect"""

    name = "convert-ub-to-llvm"
    display_name: ClassVar[str] = "UBToLLVMConversionPass"

    index_bitwidth: int = index_bitwidth_option()

    def apply(self, ctx: Context, op: Operation) -> None:
        apply_conversion(op, ub_to_llvm_patterns(LLVMTypeConverter.for_option(self.index_bitwidth)))
