"""The transform interpreter's state: what each handle is associated with.

As upstream's ``TransformState``: an op handle maps to a list of payload ops, a
value handle to a list of payload values, a param handle to a list of
attributes. A transform op reads its operands' payload with
:meth:`TransformState.payload_ops` (``params``, ``payload_values``) and sets
its results with :meth:`TransformState.set_results`. An op that consumes an
operand (listed in its ``CONSUMED_OPERANDS``) invalidates every handle to the
same payload ops or ops nested in them; using such a handle again is an error,
with upstream's notes.

Failures: raising :class:`SilenceableFailure` from ``apply`` is a recoverable
failure (``transform.sequence failures(suppress)``, ``alternatives`` and
``foreach_match`` recover from it; elsewhere it is reported as an error);
``DiagnosticError`` is a definite failure that stops the interpreter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.dialects.transform import TransformOpHandleType, TransformParamHandleType, TransformValueHandleType
from xdsl.context import Context
from xdsl.ir import Attribute, Block, Operation, OpResult, SSAValue

from mlopt.diagnostics import Diagnostic, DiagnosticError, location_of


class SilenceableFailure(Exception):
    """A recoverable failure of a transform op: an error at ``where`` (the
    transform op) with ``notes``, ``(place, text)`` pairs (usually the payload
    op: ``(target, "target op")``)."""

    def __init__(self, where: object, message: str, notes: Iterable[tuple[object, str]] = ()):
        super().__init__(message)
        self.where = where
        self.notes = list(notes)

    def diagnostic(self) -> Diagnostic:
        error = Diagnostic("error", str(self), location_of(self.where))
        error.notes = [Diagnostic("note", text, location_of(place)) for place, text in self.notes]
        return error


class TransformOp:
    """Mixin of every transform op the interpreter runs.

    ``apply(state)`` does the work; ``CONSUMED_OPERANDS`` names the operands
    (accessor names) whose handles the op consumes."""

    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ()

    def apply(self, state: TransformState) -> None:
        raise DiagnosticError.at(self, f"'{self.name}' op is not supported by the transform interpreter")  # type: ignore[attr-defined]


@dataclass
class _Invalidation:
    consumer: Operation
    operand: int
    ancestor: Operation | None
    nested: Operation | None


@dataclass
class TransformState:
    """Handles → payload, for one run of the interpreter."""

    payload_root: Operation
    context: Context
    ops: dict[SSAValue, list[Operation]] = field(default_factory=dict)
    params: dict[SSAValue, list[Attribute]] = field(default_factory=dict)
    values: dict[SSAValue, list[SSAValue]] = field(default_factory=dict)
    invalidated: dict[SSAValue, _Invalidation] = field(default_factory=dict)
    expensive_checks: bool = True

    # ------------------------------------------------------------------ reading handles

    def _check_valid(self, handle: SSAValue, user: Operation) -> None:
        record = self.invalidated.get(handle)
        if record is None:
            return
        notes: list[tuple[object, str]] = [
            (handle.owner if isinstance(handle, OpResult) else handle.owner.parent_op(), "handle to invalidated ops"),  # type: ignore[union-attr]
            (record.consumer, f"invalidated by this transform op that consumes its operand #{record.operand} and "
             "invalidates all handles to payload IR entities associated with this operand and entities nested in them"),
        ]  # fmt: skip
        if record.ancestor is not None:
            notes.append((record.ancestor, "ancestor payload op"))
        if record.nested is not None:
            notes.append((record.nested, "nested payload op"))
        raise DiagnosticError.at(user, "op uses a handle invalidated by a previously executed transform op", notes=notes)

    def payload_ops(self, handle: SSAValue) -> list[Operation]:
        """The payload ops of an op handle."""
        return list(self.ops.get(handle, ()))

    def payload_params(self, handle: SSAValue) -> list[Attribute]:
        return list(self.params.get(handle, ()))

    def payload_values(self, handle: SSAValue) -> list[SSAValue]:
        return list(self.values.get(handle, ()))

    def payload_of(self, handle: SSAValue) -> list:
        """Whatever ``handle`` holds, by its type."""
        if isinstance(handle.type, TransformParamHandleType):
            return self.payload_params(handle)
        if isinstance(handle.type, TransformValueHandleType):
            return self.payload_values(handle)
        return self.payload_ops(handle)

    # ------------------------------------------------------------------ setting handles

    def set_payload(self, handle: SSAValue, payload: Sequence) -> None:
        """Associate ``handle`` with ``payload`` (ops, values or params, by its type)."""
        self.invalidated.pop(handle, None)
        if isinstance(handle.type, TransformParamHandleType):
            self.params[handle] = list(payload)
        elif isinstance(handle.type, TransformValueHandleType):
            self.values[handle] = list(payload)
        else:
            self.ops[handle] = list(payload)

    def set_results(self, op: Operation, payloads: Sequence[Sequence]) -> None:
        """Set every result of the transform op ``op``, in order."""
        for result, payload in zip(op.results, payloads, strict=True):
            self.set_payload(result, payload)

    def replace_payload_op(self, old: Operation, new: Operation | None) -> None:
        """``old`` was replaced by ``new`` (or erased): handles follow, as
        upstream's tracking listener updates them."""
        for handle, ops in self.ops.items():
            if old in ops:
                self.ops[handle] = [o for op in ops for o in ((new,) if op is old and new is not None else () if op is old else (op,))]

    # ------------------------------------------------------------------ running

    def run_block(self, block: Block, arguments: Sequence[Sequence]) -> list[list]:
        """Run the transform ops of ``block`` with its arguments bound to
        ``arguments``; the payloads of its terminator's operands."""
        for argument, payload in zip(block.args, arguments, strict=True):
            self.set_payload(argument, payload)
        results: list[list] = []
        for op in block.ops:
            if op.name == "transform.yield":
                for operand in op.operands:
                    self._check_valid(operand, op)
                results = [self.payload_of(v) for v in op.operands]
                break
            self.run_op(op)
        return results

    def run_op(self, op: Operation) -> None:
        for operand in op.operands:
            self._check_valid(operand, op)
        if not isinstance(op, TransformOp):
            raise DiagnosticError.at(op, f"'{op.name}' op is not a transform op the interpreter can run")
        consumed = [op.operands.index(getattr(op, name)) for name in op.CONSUMED_OPERANDS if getattr(op, name) is not None]
        for index in consumed:
            self._invalidate(op.operands[index], op, index)
        try:
            op.apply(self)
        finally:
            self._forget_erased()

    def _forget_erased(self) -> None:
        """Payload ops erased by a transform (patterns, DCE) leave the handles
        that held them, as upstream's tracking listener does."""
        for handle, ops in self.ops.items():
            if any(op.parent is None and op is not self.payload_root for op in ops):
                self.ops[handle] = [op for op in ops if op.parent is not None or op is self.payload_root]

    def _invalidate(self, handle: SSAValue, consumer: Operation, operand: int) -> None:
        if not isinstance(handle.type, TransformOpHandleType):
            self.invalidated[handle] = _Invalidation(consumer, operand, None, None)
            return
        consumed = self.ops.get(handle, [])
        first = consumed[0] if consumed else None
        self.invalidated[handle] = _Invalidation(consumer, operand, first, first)
        roots = set(map(id, consumed))

        def ancestor_in_roots(op: Operation | None) -> Operation | None:
            while op is not None:
                if id(op) in roots:
                    return op
                op = op.parent_op()
            return None

        for other, ops in self.ops.items():
            if other is handle or other in self.invalidated:
                continue
            for payload in ops:
                if (ancestor := ancestor_in_roots(payload)) is not None:
                    self.invalidated[other] = _Invalidation(consumer, operand, ancestor, payload)
                    break
        for other, values in self.values.items():
            if other in self.invalidated:
                continue
            for value in values:
                owner = value.owner if isinstance(value, OpResult) else value.owner.parent_op()  # type: ignore[union-attr]
                if (ancestor := ancestor_in_roots(owner)) is not None:
                    self.invalidated[other] = _Invalidation(consumer, operand, ancestor, owner)
                    break


def apply_each(
    state: TransformState,
    op: Operation,
    targets: Sequence[Operation],
    transform: Callable[[Operation], Sequence[Sequence]],
) -> None:
    """Upstream's TransformEachOpTrait: ``transform(target)`` for each payload
    op gives one payload list per result of ``op``; the results concatenate
    them. Silenceable failures of some targets are reported together after
    all targets are tried, and the results are then empty."""
    collected: list[list] = [[] for _ in op.results]
    failures: list[SilenceableFailure] = []
    for target in targets:
        try:
            per_result = transform(target)
        except SilenceableFailure as failure:
            failures.append(failure)
            continue
        for into, payload in zip(collected, per_result, strict=True):
            into.extend(payload)
    if failures:
        state.set_results(op, [[] for _ in op.results])
        if len(failures) == 1:
            raise failures[0]
        first = failures[0]
        raise SilenceableFailure(first.where, str(first), [n for f in failures for n in f.notes])
    state.set_results(op, collected)
