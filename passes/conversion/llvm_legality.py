"""Checking that a lowering reached the llvm dialect.

Upstream's conversions are partial: a forgotten pass leaves its ops behind,
exits 0, and the failure shows up later in translation or in the runner.
:func:`check_llvm_dialect_only` reports the first leftover op instead, naming
the pass that lowers it. The lower-to-llvm pipelines, convert-to-llvm, mlrun
and mltranslate call it. At the end of a pipeline that already ran that pass
(``check-llvm-legality{pipeline=lower-to-llvm}``) the op is reported as one
the pass does not support, instead of suggesting the pass again.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.ir import Operation
from xdsl.passes import ModulePass
from xdsl.traits import IsTerminator

from mlopt.diagnostics import DiagnosticError

LOWERING_PASS_OF_DIALECT = {
    "affine": "lower-affine",
    "arith": "convert-arith-to-llvm",
    "bufferization": "convert-bufferization-to-memref",
    "cf": "convert-cf-to-llvm",
    "func": "convert-func-to-llvm",
    "index": "convert-index-to-llvm",
    "linalg": "convert-linalg-to-loops",
    "math": "convert-math-to-llvm",
    "memref": "finalize-memref-to-llvm",
    "scf": "convert-scf-to-cf",
    "tensor": "one-shot-bufferize",
    "ub": "convert-ub-to-llvm",
    "vector": "convert-vector-to-llvm",
}
"""The pass that lowers (most of) a dialect's ops towards the llvm dialect."""

LOWERING_PASS_OF_OP = {
    "memref.subview": "expand-strided-metadata",
    "memref.expand_shape": "expand-strided-metadata",
    "memref.collapse_shape": "expand-strided-metadata",
    "vector.transfer_read": "convert-vector-to-scf",
    "vector.transfer_write": "convert-vector-to-scf",
    "math.acosh": "convert-math-to-libm",
    "math.asinh": "convert-math-to-libm",
    "math.atanh": "convert-math-to-libm",
    "math.cbrt": "convert-math-to-libm",
    "math.erf": "convert-math-to-libm",
    "builtin.unrealized_conversion_cast": "reconcile-unrealized-casts",
}
"""Ops that need another pass than their dialect's."""

ALWAYS_LEGAL = frozenset({"builtin.module"})

PIPELINE = "lower-to-llvm"


_PASS_NAME = re.compile(r"([a-z][a-z0-9-]*)(?=[{,)]|$)")
"""A pass in a pipeline's text (not an op name to nest on, not an option)."""


def passes_run_by(pipeline: str) -> frozenset[str]:
    """The passes the built-in lowering pipeline ``pipeline`` runs, with its
    default options (none for another name)."""
    from mlopt.passes.pipelines import LOWERING_PIPELINES

    definition = LOWERING_PIPELINES.get(pipeline)
    return frozenset(_PASS_NAME.findall(definition().expand())) if definition else frozenset()


def lowering_hint(op_name: str, pipeline: str = "") -> str:
    pass_name = LOWERING_PASS_OF_OP.get(op_name) or LOWERING_PASS_OF_DIALECT.get(op_name.partition(".")[0])
    if pass_name is None:
        return "no mlopt pass lowers it to the llvm dialect"
    if pass_name in passes_run_by(pipeline):
        return f"the {pipeline} pipeline ran {pass_name}, which does not support it"
    return f"run {pass_name} (or the {PIPELINE} pipeline)"


def check_llvm_dialect_only(module: Operation, *, allowed: Collection[str] = (), pipeline: str = "") -> None:
    """Raise a DiagnosticError at the first op under ``module`` outside the
    llvm dialect (ops named in ``allowed`` and their bodies are accepted);
    ``pipeline`` names the lowering pipeline that ran before, if any.

    Leftover ``builtin.unrealized_conversion_cast`` ops are reported only when
    nothing else is left, since they usually stand next to the op at fault.
    """
    leftover_cast: Operation | None = None
    for op in _ops_to_check(module, frozenset(allowed)):
        if op.name == "builtin.unrealized_conversion_cast":
            if leftover_cast is None:
                leftover_cast = op
            continue
        raise _not_lowered(op, pipeline)
    if leftover_cast is not None:
        raise _not_lowered(leftover_cast, pipeline)


def _ops_to_check(root: Operation, allowed: frozenset[str]):
    """The ops to report, innermost first: an op left in a function explains
    why the function itself was not converted better than the function does.
    A terminator is left out when its parent is reported anyway (scf.yield
    under scf.for)."""
    root_left = not _is_legal(root)
    for region in root.regions:
        for block in region.blocks:
            for op in block.ops:
                if op.name in allowed:
                    continue
                yield from _ops_to_check(op, allowed)
                if _is_legal(op) or (root_left and op.has_trait(IsTerminator)):
                    continue
                yield op


def _is_legal(op: Operation) -> bool:
    return op.name.startswith("llvm.") or op.name in ALWAYS_LEGAL


def _not_lowered(op: Operation, pipeline: str) -> DiagnosticError:
    return DiagnosticError.at(op, f"'{op.name}' op was not lowered to the llvm dialect; {lowering_hint(op.name, pipeline)}")


@dataclass(frozen=True)
class CheckLLVMLegalityPass(ModulePass):
    """Fail at the first op left outside the llvm dialect, naming the pass that lowers it"""

    name = "check-llvm-legality"
    display_name: ClassVar[str] = "CheckLLVMLegalityPass"
    anchor: ClassVar[str] = "builtin.module"

    pipeline: str = field(
        default="",
        metadata={"help": "The lowering pipeline this check ends: a pass it ran is not suggested again"},
    )

    def apply(self, ctx: Context, op: Operation) -> None:
        check_llvm_dialect_only(op, pipeline=self.pipeline)
