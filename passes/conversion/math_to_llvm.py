"""convert-math-to-llvm: math ops → llvm intrinsics, as upstream's MathToLLVM.

acosh, asinh, atanh, cbrt, erf, isinf, isnormal and ipowi have no llvm
counterpart here and stay, as upstream leaves them (the lower-to-llvm
pipeline turns the libm ones into calls).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import BoolAttr, DenseIntOrFPElementsAttr, FloatAttr, IntegerAttr, VectorType, i32
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import RewritePattern

from mlopt.passes.conversion.arith_to_llvm import llvm_fastmath
from mlopt.passes.conversion.llvm_common import (
    ConvertOpToLLVMPattern,
    LLVMBuilder,
    LLVMTypeConverter,
    apply_conversion,
)

FLOAT_INTRINSICS = {
    "math.absf": "llvm.intr.fabs",
    "math.ceil": "llvm.intr.ceil",
    "math.floor": "llvm.intr.floor",
    "math.trunc": "llvm.intr.trunc",
    "math.round": "llvm.intr.round",
    "math.roundeven": "llvm.intr.roundeven",
    "math.sqrt": "llvm.intr.sqrt",
    "math.exp": "llvm.intr.exp",
    "math.exp2": "llvm.intr.exp2",
    "math.log": "llvm.intr.log",
    "math.log2": "llvm.intr.log2",
    "math.log10": "llvm.intr.log10",
    "math.sin": "llvm.intr.sin",
    "math.cos": "llvm.intr.cos",
    "math.tan": "llvm.intr.tan",
    "math.asin": "llvm.intr.asin",
    "math.acos": "llvm.intr.acos",
    "math.atan": "llvm.intr.atan",
    "math.sinh": "llvm.intr.sinh",
    "math.cosh": "llvm.intr.cosh",
    "math.tanh": "llvm.intr.tanh",
    "math.powf": "llvm.intr.pow",
    "math.copysign": "llvm.intr.copysign",
    "math.atan2": "llvm.intr.atan2",
    "math.fma": "llvm.intr.fma",
    "math.fpowi": "llvm.intr.powi",
}

INTEGER_INTRINSICS = {
    "math.ctpop": ("llvm.intr.ctpop", None),
    "math.ctlz": ("llvm.intr.ctlz", "is_zero_poison"),
    "math.cttz": ("llvm.intr.cttz", "is_zero_poison"),
    "math.absi": ("llvm.intr.abs", "is_int_min_poison"),
}


class IntrinsicLowering(ConvertOpToLLVMPattern):
    """A math op → the llvm intrinsic of the same operands (n-D vectors unrolled)."""

    def __init__(self, converter: LLVMTypeConverter, source_name: str, target_name: str, poison_flag: str | None):
        super().__init__(converter, source_name)
        self.target_name = target_name
        self.poison_flag = poison_flag

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        properties: dict[str, Attribute | None] = {"fastmathFlags": llvm_fastmath(op)}
        if self.poison_flag is not None:
            properties = {self.poison_flag: BoolAttr.from_bool(False)}
        return [
            b.elementwise(
                self.result_type(op),
                operands,
                lambda parts, type_: b.create_value(self.target_name, parts, type_, properties),
            )
        ]


def one_like(b: LLVMBuilder, type_: Attribute) -> SSAValue:
    """The constant 1.0 of a float or float vector type."""
    if isinstance(type_, VectorType):
        return b.constant(DenseIntOrFPElementsAttr.from_list(type_, [1.0] * type_.get_shape()[0]), type_)
    return b.constant(FloatAttr(1.0, type_), type_)  # type: ignore[arg-type]


FP_CLASS_TESTS = {
    "math.isnan": 3,  # signaling and quiet NaN
    "math.isfinite": 504,  # the normal, subnormal and zero classes of both signs
}
"""math classification ops → the llvm.is.fpclass test mask upstream uses."""


class ClassificationLowering(ConvertOpToLLVMPattern):
    def __init__(self, converter: LLVMTypeConverter, source_name: str, mask: int):
        super().__init__(converter, source_name)
        self.mask = mask

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        properties: dict[str, Attribute | None] = {"bit": IntegerAttr(self.mask, i32)}
        return [
            b.elementwise(
                self.result_type(op),
                operands,
                lambda parts, type_: b.create_value("llvm.intr.is.fpclass", parts, type_, properties),
            )
        ]


class ExpM1Lowering(ConvertOpToLLVMPattern):
    """expm1(x) = exp(x) - 1."""

    source_name = "math.expm1"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        flags: dict[str, Attribute | None] = {"fastmathFlags": llvm_fastmath(op)}

        def build(parts: list[SSAValue], type_: Attribute) -> SSAValue:
            one = one_like(b, type_)
            exp = b.create_value("llvm.intr.exp", parts, type_, flags)
            return b.create_value("llvm.fsub", [exp, one], type_, flags)

        return [b.elementwise(self.result_type(op), operands, build)]


class Log1pLowering(ConvertOpToLLVMPattern):
    """log1p(x) ≈ log(1 + x) (upstream's approximate-log1p)."""

    source_name = "math.log1p"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        flags: dict[str, Attribute | None] = {"fastmathFlags": llvm_fastmath(op)}

        def build(parts: list[SSAValue], type_: Attribute) -> SSAValue:
            one = one_like(b, type_)
            sum_ = b.create_value("llvm.fadd", [one, parts[0]], type_, flags)
            return b.create_value("llvm.intr.log", [sum_], type_, flags)

        return [b.elementwise(self.result_type(op), operands, build)]


class RsqrtLowering(ConvertOpToLLVMPattern):
    """rsqrt(x) = 1 / sqrt(x)."""

    source_name = "math.rsqrt"

    def convert(self, op: Operation, operands: list[SSAValue], b: LLVMBuilder) -> Sequence[SSAValue]:
        flags: dict[str, Attribute | None] = {"fastmathFlags": llvm_fastmath(op)}

        def build(parts: list[SSAValue], type_: Attribute) -> SSAValue:
            one = one_like(b, type_)
            root = b.create_value("llvm.intr.sqrt", parts, type_, flags)
            return b.create_value("llvm.fdiv", [one, root], type_, flags)

        return [b.elementwise(self.result_type(op), operands, build)]


def math_to_llvm_patterns(converter: LLVMTypeConverter, approximate_log1p: bool = True) -> list[RewritePattern]:
    patterns: list[RewritePattern] = [
        *(IntrinsicLowering(converter, s, t, None) for s, t in FLOAT_INTRINSICS.items()),
        *(IntrinsicLowering(converter, s, t, flag) for s, (t, flag) in INTEGER_INTRINSICS.items()),
        *(ClassificationLowering(converter, s, mask) for s, mask in FP_CLASS_TESTS.items()),
        ExpM1Lowering(converter),
        RsqrtLowering(converter),
    ]
    if approximate_log1p:
        patterns.append(Log1pLowering(converter))
    return patterns


@dataclass(frozen=True)
class ConvertMathToLLVMPass(ModulePass):
    """Convert Math dialect to LLVM dialect"""

    name = "convert-math-to-llvm"
    display_name: ClassVar[str] = "ConvertMathToLLVMPass"

    approximate_log1p: bool = field(default=True, metadata={"help": "Enable approximation of Log1p."})

    def apply(self, ctx: Context, op: Operation) -> None:
        apply_conversion(op, math_to_llvm_patterns(LLVMTypeConverter(), self.approximate_log1p))
