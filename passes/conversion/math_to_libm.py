"""convert-math-to-libm: scalar math ops → calls to the C math library
(``acoshf``/``acosh``, ...), declared as ``func.func private`` in the module,
as upstream's MathToLibm."""

from __future__ import annotations

from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import func
from xdsl.dialects.builtin import Float32Type, Float64Type, FunctionType, StringAttr, UnitAttr
from xdsl.ir import Operation, Region
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

from mlopt.passes.conversion.llvm_common import apply_conversion, insert_at_module_start, lookup_symbol, symbol_table_of

LIBM_FUNCTIONS = {
    "math.acos": "acos",
    "math.acosh": "acosh",
    "math.asin": "asin",
    "math.asinh": "asinh",
    "math.atan": "atan",
    "math.atan2": "atan2",
    "math.atanh": "atanh",
    "math.cbrt": "cbrt",
    "math.ceil": "ceil",
    "math.cos": "cos",
    "math.cosh": "cosh",
    "math.erf": "erf",
    "math.erfc": "erfc",
    "math.exp": "exp",
    "math.exp2": "exp2",
    "math.expm1": "expm1",
    "math.absf": "fabs",
    "math.floor": "floor",
    "math.fma": "fma",
    "math.log": "log",
    "math.log10": "log10",
    "math.log1p": "log1p",
    "math.log2": "log2",
    "math.powf": "pow",
    "math.rint": "rint",
    "math.round": "round",
    "math.roundeven": "roundeven",
    "math.sin": "sin",
    "math.sinh": "sinh",
    "math.sqrt": "sqrt",
    "math.tan": "tan",
    "math.tanh": "tanh",
    "math.trunc": "trunc",
}
"""math op → the double-precision libm function (the float one has an ``f`` suffix)."""


class LibmCallLowering(RewritePattern):
    """A scalar f32/f64 math op → ``func.call @name(f)``."""

    source_names: ClassVar[tuple[str, ...]] = tuple(LIBM_FUNCTIONS)

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        base = LIBM_FUNCTIONS.get(op.name)
        if base is None or len(op.results) != 1:
            return
        type_ = op.results[0].type
        if not isinstance(type_, Float32Type | Float64Type) or any(t != type_ for t in op.operand_types):
            return
        name = base + ("f" if isinstance(type_, Float32Type) else "")
        declare(op, name, FunctionType.from_lists(list(op.operand_types), [type_]))
        rewriter.replace(op, [func.CallOp(name, list(op.operands), [type_])])


def declare(op: Operation, name: str, function_type: FunctionType) -> None:
    table = symbol_table_of(op)
    if lookup_symbol(table, name) is not None:
        return
    declaration = func.FuncOp(name, function_type, Region(), StringAttr("private"))
    declaration.attributes["llvm.readnone"] = UnitAttr()
    insert_at_module_start(table, declaration)


class ConvertMathToLibmPass(ModulePass):
    """Convert Math dialect to libm calls"""

    name = "convert-math-to-libm"
    display_name: ClassVar[str] = "ConvertMathToLibmPass"
    anchor: ClassVar[str] = "builtin.module"

    def apply(self, ctx: Context, op: Operation) -> None:
        apply_conversion(op, [LibmCallLowering()], fold_casts=False)
