"""convert-to-llvm: every dialect's conversion to the llvm dialect in one
pass, as upstream's umbrella pass (which finds them through dialect
interfaces). Like upstream it expects structured control flow to be lowered
already (convert-scf-to-cf) and subviews expanded (expand-strided-metadata);
unlike upstream, anything left outside the llvm dialect is an error that
names the op and the pass that would lower it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.ir import Operation
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import RewritePattern

from mlopt.diagnostics import DiagnosticError
from mlopt.passes.conversion.llvm_common import LLVMTypeConverter, apply_conversion
from mlopt.passes.conversion.llvm_legality import check_llvm_dialect_only


def _arith(converter: LLVMTypeConverter) -> list[RewritePattern]:
    from mlopt.passes.conversion.arith_to_llvm import arith_to_llvm_patterns

    return arith_to_llvm_patterns(converter)


def _cf(converter: LLVMTypeConverter) -> list[RewritePattern]:
    from mlopt.passes.conversion.cf_to_llvm import cf_to_llvm_patterns

    return cf_to_llvm_patterns(converter)


def _func(converter: LLVMTypeConverter) -> list[RewritePattern]:
    from mlopt.passes.conversion.func_to_llvm import CallingConvention, func_to_llvm_patterns

    return func_to_llvm_patterns(CallingConvention(converter))


def _index(converter: LLVMTypeConverter) -> list[RewritePattern]:
    from mlopt.passes.conversion.index_to_llvm import index_to_llvm_patterns

    return index_to_llvm_patterns(converter)


def _math(converter: LLVMTypeConverter) -> list[RewritePattern]:
    from mlopt.passes.conversion.math_to_llvm import math_to_llvm_patterns

    return math_to_llvm_patterns(converter)


def _memref(converter: LLVMTypeConverter) -> list[RewritePattern]:
    from mlopt.passes.conversion.finalize_memref_to_llvm import finalize_memref_to_llvm_patterns

    return finalize_memref_to_llvm_patterns(converter)


def _ub(converter: LLVMTypeConverter) -> list[RewritePattern]:
    from mlopt.passes.conversion.ub_to_llvm import ub_to_llvm_patterns

    return ub_to_llvm_patterns(converter)


def _vector(converter: LLVMTypeConverter) -> list[RewritePattern]:
    from mlopt.passes.conversion.vector_to_llvm import vector_to_llvm_patterns

    return vector_to_llvm_patterns(converter)


PATTERNS_OF_DIALECT: dict[str, Callable[[LLVMTypeConverter], list[RewritePattern]]] = {
    "arith": _arith,
    "cf": _cf,
    "func": _func,
    "index": _index,
    "math": _math,
    "memref": _memref,
    "ub": _ub,
    "vector": _vector,
}
"""The dialects convert-to-llvm converts, and their patterns."""


@dataclass(frozen=True)
class ConvertToLLVMPass(ModulePass):
    """Convert to LLVM via dialect interfaces found in the input IR"""

    name = "convert-to-llvm"
    display_name: ClassVar[str] = "ConvertToLLVMPass"
    anchor: ClassVar[str] = "builtin.module"

    filter_dialects: tuple[str, ...] = field(
        default=(), metadata={"help": "Test conversion patterns of only the specified dialects"}
    )
    dynamic: bool = field(
        default=False,
        metadata={"help": "Use op conversion attributes to configure the conversion (accepted; mlopt always converts statically)"},
    )
    allow_pattern_rollback: bool = field(
        default=True, metadata={"help": "Experimental performance flag to disallow pattern rollback"}
    )

    def apply(self, ctx: Context, op: Operation) -> None:
        unknown = [d for d in self.filter_dialects if d not in PATTERNS_OF_DIALECT]
        if unknown:
            raise DiagnosticError.at(
                op,
                f"convert-to-llvm: no conversion for dialect(s) {', '.join(unknown)} "
                f"(known: {', '.join(PATTERNS_OF_DIALECT)})",
            )
        dialects = self.filter_dialects or tuple(PATTERNS_OF_DIALECT)
        converter = LLVMTypeConverter()
        patterns = [p for dialect in dialects for p in PATTERNS_OF_DIALECT[dialect](converter)]
        apply_conversion(op, patterns)
        if not self.filter_dialects:
            check_llvm_dialect_only(op)
