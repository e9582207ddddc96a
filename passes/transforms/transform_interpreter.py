"""transform-interpreter: run the named sequence ``entry-point`` (default
``@__transform_main``) found nested in the module on the payload, as upstream's
TransformInterpreterPass. Its first argument is bound to the payload root (the
module, or the op tagged ``transform.target_tag = debug-payload-root-tag``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import StringAttr
from xdsl.ir import Operation
from xdsl.passes import ModulePass

from mlopt.diagnostics import DiagnosticError


def find_entry_point(root: Operation, name: str) -> Operation | None:
    """The first ``transform.named_sequence @name`` nested in ``root``."""
    for op in root.walk():
        if op.name == "transform.named_sequence" and op.properties["sym_name"] == StringAttr(name):
            return op
    return None


@dataclass(frozen=True)
class TransformInterpreterPass(ModulePass):
    """transform dialect interpreter"""

    name = "transform-interpreter"
    display_name: ClassVar[str] = "InterpreterPass"

    debug_payload_root_tag: str = field(
        default="",
        metadata={"help": "Select the operation with 'transform.target_tag' attribute having the given value as payload IR root. "
                  "If empty select the pass anchor operation as the payload IR root."},
    )  # fmt: skip
    disable_expensive_checks: bool = field(
        default=False, metadata={"help": "Disable expensive checks in the interpreter for a faster run."}
    )
    entry_point: str = field(default="__transform_main", metadata={"help": "Entry point of the pass pipeline."})

    def apply(self, ctx: Context, op: Operation) -> None:
        from mlopt.dialects.transform.state import SilenceableFailure, TransformState

        entry = find_entry_point(op, self.entry_point)
        if entry is None:
            raise DiagnosticError.at(op, f"could not find a nested named sequence with name: {self.entry_point}")
        root = op
        if self.debug_payload_root_tag:
            tagged = [o for o in op.walk() if o.attributes.get("transform.target_tag") == StringAttr(self.debug_payload_root_tag)]
            if len(tagged) != 1:
                raise DiagnosticError.at(op, f"expected one payload to be bound to the first argument, got {len(tagged)}")
            root = tagged[0]
        arguments = entry.regions[0].block.args if entry.regions[0].blocks else ()
        if not arguments:
            raise DiagnosticError.at(entry, "'transform.named_sequence' op expects the entry block to have at least one argument")
        if len(arguments) != 1:
            raise DiagnosticError.at(
                entry,
                f"operation expects {len(arguments) - 1} extra value bindings, but 0 were provided to the interpreter",
            )
        state = TransformState(root, ctx, expensive_checks=not self.disable_expensive_checks)
        try:
            entry.invoke(state, [[root]])  # type: ignore[attr-defined]
        except SilenceableFailure as failure:
            raise DiagnosticError(failure.diagnostic()) from None
