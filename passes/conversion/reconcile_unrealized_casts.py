"""reconcile-unrealized-casts: remove the casts partial conversions leave
once both sides of them are converted."""

from __future__ import annotations

from typing import ClassVar

from xdsl.context import Context
from xdsl.ir import Operation
from xdsl.passes import ModulePass

from mlopt.passes.conversion.llvm_common import fold_conversion_casts


class ReconcileUnrealizedCastsPass(ModulePass):
    """Simplify and eliminate unrealized conversion casts"""

    name = "reconcile-unrealized-casts"
    display_name: ClassVar[str] = "ReconcileUnrealizedCastsPass"

    def apply(self, ctx: Context, op: Operation) -> None:
        fold_conversion_casts(op)
