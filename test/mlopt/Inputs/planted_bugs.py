"""Passes with planted bugs, for testing the tools that hunt bugs down
(reproducers, mlopt-reduce, mlopt-bisect). Load with --load-plugin."""

from dataclasses import dataclass

from xdsl.passes import ModulePass

from mlopt import hookimpl
from mlopt.diagnostics import DiagnosticError


@dataclass(frozen=True)
class CrashOnMuli(ModulePass):
    """Crashes (a bug) when it meets an arith.muli"""

    name = "planted-crash-on-muli"

    def apply(self, ctx, op):
        for inner in op.walk():
            if inner.name == "arith.muli":
                raise RuntimeError("planted crash on arith.muli")


@dataclass(frozen=True)
class FailOnMuli(ModulePass):
    """Fails (reports an error) on every arith.muli"""

    name = "planted-fail-on-muli"

    def apply(self, ctx, op):
        for inner in op.walk():
            if inner.name == "arith.muli":
                raise DiagnosticError.at(inner, "planted failure on arith.muli")


@dataclass(frozen=True)
class AddiToSubi(ModulePass):
    """Miscompiles: turns the first arith.addi into arith.subi"""

    name = "planted-addi-to-subi"

    def apply(self, ctx, op):
        from xdsl.dialects import arith
        from xdsl.rewriter import Rewriter

        for inner in op.walk():
            if isinstance(inner, arith.AddiOp):
                Rewriter.replace_op(inner, arith.SubiOp(inner.lhs, inner.rhs))
                return


@hookimpl
def mlopt_register_passes():
    return {
        "planted-crash-on-muli": lambda: CrashOnMuli,
        "planted-fail-on-muli": lambda: FailOnMuli,
        "planted-addi-to-subi": lambda: AddiToSubi,
    }
