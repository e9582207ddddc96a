"""Running a pass pipeline: nesting, verification and instrumentation.

A nested pipeline runs on every op of its name directly inside the regions of
the op its parent runs on, as upstream's pass manager does. Around each pass
the instrumentations see the IR (dumps, timing); after it the IR is verified.
"""

from __future__ import annotations

import io
import sys
import time
import traceback
from dataclasses import dataclass, field
from typing import TextIO

from xdsl.context import Context
from xdsl.ir import Operation

from mlopt.diagnostics import DiagnosticError
from mlopt.asm import print_ir, print_to_string
from mlopt.verifier import VerificationCache, verify
from mlopt.pipeline import ANY_OP, OpPassManager, ScheduledPass
from mlopt.printing_flags import prints_local_scope
from mlopt.registry import PluginFailure

TRACEBACK_ENV = "MLOPT_TRACEBACK"


class InternalError(Exception):
    """A crash inside a pass or plugin: a bug to report, not bad input."""

    def __init__(self, message: str, evidence: DiagnosticError | None = None):
        super().__init__(message)
        self.evidence = evidence
        """Located diagnostics showing what went wrong (printed before the message)."""


class Instrumentation:
    """Hooks around each pass; subclasses override what they need."""

    def before_pass(self, scheduled: ScheduledPass, op: Operation) -> None: ...

    def after_pass(self, scheduled: ScheduledPass, op: Operation) -> None: ...

    def after_failed_pass(self, scheduled: ScheduledPass, op: Operation) -> None: ...

    def before_run(self, pm: OpPassManager) -> None:
        """Before a whole pipeline runs (the root pipeline, once per run)."""

    def before_pipeline(self, pm: OpPassManager) -> None: ...

    def after_pipeline(self, pm: OpPassManager) -> None: ...


@dataclass
class PassRunner:
    context: Context
    instrumentations: list[Instrumentation] = field(default_factory=list)
    verify_each: bool = True
    timing: Timing | None = None
    _verified: VerificationCache = field(default_factory=VerificationCache)

    def run(self, pm: OpPassManager, op: Operation) -> None:
        if pm.op_name not in (op.name, ANY_OP):
            raise DiagnosticError.at(
                op,
                f"can't run '{pm.op_name}' pass manager on '{op.name}' op; the pipeline's "
                f"anchor must match the top-level op",
            )
        # The input is valid (the caller verified it, as mlir-opt does after
        # parsing): after each pass, only what changed is verified again.
        self._verified = VerificationCache()
        if self._verifies_after(pm):
            self._verified.assume_verified(op)
        for instrumentation in self.instrumentations:
            instrumentation.before_run(pm)
        self._run_items(pm, op)

    def _run_items(self, pm: OpPassManager, op: Operation) -> None:
        for item in pm.items:
            if isinstance(item, OpPassManager):
                targets = [
                    child
                    for region in op.regions
                    for block in region.blocks
                    for child in block.ops
                    if item.op_name in (child.name, ANY_OP)
                ]
                for instrumentation in self.instrumentations:
                    instrumentation.before_pipeline(item)
                try:
                    for child in targets:
                        self._run_items(item, child)
                    if self._verifies_after(item):
                        # A pass may have changed a sibling of the op it ran on.
                        self._verify(op, f"pass pipeline '{item.textual()}'", "--mlir-print-ir-after-all")
                finally:
                    for instrumentation in reversed(self.instrumentations):
                        instrumentation.after_pipeline(item)
            else:
                self._run_pass(item, op)

    def _verifies_after(self, pm: OpPassManager) -> bool:
        """Whether the IR is verified after ``pm``'s passes: not when it has
        none, as nothing can have changed (and then the IR need not be walked at all)."""
        return self.verify_each and next(pm.passes(), None) is not None

    def _run_pass(self, scheduled: ScheduledPass, op: Operation) -> None:
        for instrumentation in self.instrumentations:
            instrumentation.before_pass(scheduled, op)
        try:
            scheduled.instance.apply(self.context, op)
            if self.verify_each:
                self._verify(
                    op,
                    f"pass '{scheduled.argument}' ({scheduled.plugin.describe()})",
                    f"--mlir-print-ir-after={scheduled.argument}",
                )
        except BaseException as err:
            for instrumentation in reversed(self.instrumentations):
                instrumentation.after_failed_pass(scheduled, op)
            reportable = _as_reportable(err, scheduled, op)
            if reportable is err:
                raise  # already reportable: chaining it to itself would make its cause a cycle
            raise reportable from err
        for instrumentation in reversed(self.instrumentations):
            instrumentation.after_pass(scheduled, op)

    def _verify(self, op: Operation, culprit: str, dump_flag: str) -> None:
        start = time.perf_counter()
        try:
            verify(op, self._verified)
        except DiagnosticError as err:
            # The input was verified before the pass ran: the pass is at fault.
            raise InternalError(
                f"{culprit} produced invalid IR\n  hint: rerun with {dump_flag} to see it", err
            ) from None
        finally:
            if self.timing is not None:
                self.timing.add_verifier_time(time.perf_counter() - start)


def _as_reportable(err: BaseException, scheduled: ScheduledPass, op: Operation) -> BaseException:
    """Turn what a pass raised into a located diagnostic or a named internal error."""
    from xdsl.utils.exceptions import DiagnosticException

    if isinstance(err, (DiagnosticError, KeyboardInterrupt, InternalError, PluginFailure)):
        return err
    if isinstance(err, DiagnosticException):
        # xDSL passes signal bad input this way; the op they ran on is the best location.
        message = str(err).strip().split("\n")[0] or type(err).__name__
        return DiagnosticError.at(op, f"{message} (in pass '{scheduled.argument}')")
    detail = "".join(traceback.format_exception(err)) if traceback_wanted() else ""
    return InternalError(
        f"pass '{scheduled.argument}' ({scheduled.plugin.describe()}) crashed on "
        f"'{op.name}': {type(err).__name__}: {err}\n"
        f"  hint: rerun with --mlir-print-ir-before={scheduled.argument} to see its input IR"
        + ("" if detail else f", or with {TRACEBACK_ENV}=1 for the Python traceback")
        + ("\n" + detail if detail else "")
    )


def traceback_wanted() -> bool:
    """Whether MLOPT_TRACEBACK asks for Python tracebacks in internal errors."""
    import os

    return os.environ.get(TRACEBACK_ENV, "") not in ("", "0")


# --------------------------------------------------------------------------- IR dumps


@dataclass
class IRPrinting(Instrumentation):
    """``--mlir-print-ir-before/after[-all|-change|-failure]``."""

    before: frozenset[str] | None = None
    """Pass arguments to dump before; None: none; ``ALL``: every pass."""
    after: frozenset[str] | None = None
    after_change: bool = False
    after_failure: bool = False
    module_scope: bool = False
    generic: bool = False
    debuginfo: bool = False
    context: Context | None = None
    stream: TextIO | None = None
    tree_dir: str | None = None
    """``--mlir-print-ir-tree-dir``: one file per dump, in directories nesting as the ops do."""
    _fingerprints: list[str] = field(default_factory=list)
    _tree_counters: dict[Operation, int] = field(default_factory=dict)

    ALL = frozenset({"*"})

    def _selected(self, names: frozenset[str] | None, scheduled: ScheduledPass) -> bool:
        return names is not None and (names == self.ALL or scheduled.argument in names)

    def _dump(self, title: str, op: Operation, scheduled: ScheduledPass) -> None:
        shown = op
        if self.module_scope:
            title += f" ({describe_target(op)})"
            while (parent := shown.parent_op()) is not None:
                shown = parent
        # Upstream prints a top-level op's (empty) alias section after it: one more blank line.
        trailer = "\n" if shown.parent is None and not prints_local_scope() else ""
        dump = f"// -----// IR Dump {title} //----- //\n{self._print(shown)}\n{trailer}"
        if self.tree_dir is not None:
            self._write_tree_file(op, scheduled.argument, dump)
            return
        out = self.stream or sys.stderr
        out.write(dump)
        out.flush()

    def _write_tree_file(self, op: Operation, argument: str, dump: str) -> None:
        """As upstream: a directory per op from the top one down (``func_func_name``),
        and files named by the dump counters of those ops and the pass."""
        import os

        chain = [op]
        while (parent := chain[-1].parent_op()) is not None:
            chain.append(parent)
        chain.reverse()
        self._tree_counters[op] = self._tree_counters.get(op, -1) + 1
        counts = [str(self._tree_counters.setdefault(each, 0)) for each in chain]
        names = [
            f"{each.name.replace('.', '_')}_" + (symbol_name(each) or "no-symbol-name").replace("/", "_").replace("\\", "_")
            for each in chain
        ]
        directory = os.path.join(self.tree_dir, *names)
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, f"{'_'.join(counts)}_{argument}.mlir"), "w") as f:
            f.write(dump)

    def _print(self, op: Operation) -> str:
        buffer = io.StringIO()
        print_ir(op, buffer, context=self.context, generic=self.generic, debuginfo=self.debuginfo)
        return buffer.getvalue()

    def before_pass(self, scheduled: ScheduledPass, op: Operation) -> None:
        if self._selected(self.before, scheduled):
            self._dump(f"Before {scheduled.display_name} ({scheduled.argument})", op, scheduled)
        if self.after_change and self._selected(self.after, scheduled):
            self._fingerprints.append(_fingerprint(op))

    def after_pass(self, scheduled: ScheduledPass, op: Operation) -> None:
        if not self._selected(self.after, scheduled):
            return
        if self.after_change and self._fingerprints.pop() == _fingerprint(op):
            return
        self._dump(f"After {scheduled.display_name} ({scheduled.argument})", op, scheduled)

    def after_failed_pass(self, scheduled: ScheduledPass, op: Operation) -> None:
        if self.after_change and self._selected(self.after, scheduled):
            self._fingerprints.pop()
        if self.after_failure:
            self._dump(f"After {scheduled.display_name} Failed ({scheduled.argument})", op, scheduled)


def symbol_name(op: Operation) -> str | None:
    """The op's symbol name (``sym_name``), if it has one."""
    symbol = op.properties.get("sym_name") or op.attributes.get("sym_name")
    data = getattr(symbol, "data", None)
    return data if isinstance(data, str) else None


def describe_target(op: Operation) -> str:
    """``'func.func' operation: @name``, as upstream names the op a pass ran on."""
    name = symbol_name(op)
    return f"'{op.name}' operation" + (f": @{name}" if name is not None else "")


def _fingerprint(op: Operation) -> str:
    import hashlib

    return hashlib.sha1(print_to_string(op, generic=True).encode()).hexdigest()


# --------------------------------------------------------------------------- timing


@dataclass
class TimingNode:
    name: str
    seconds: float = 0.0
    children: dict[str, TimingNode] = field(default_factory=dict)

    def child(self, name: str) -> TimingNode:
        if name not in self.children:
            self.children[name] = TimingNode(name)
        return self.children[name]


@dataclass
class _OpenTimer:
    node: TimingNode
    start: float
    excluded: float = 0.0
    """Time inside this window that is reported elsewhere (verification)."""


@dataclass
class Timing(Instrumentation):
    """``--mlir-timing``: wall time per pass, nested like the pipeline, printed
    in upstream's "Execution time report" layout. Verification after each pass
    is reported on its own row, not inside the pass's time."""

    root: TimingNode = field(default_factory=lambda: TimingNode("Total"))
    started: float = field(default_factory=time.perf_counter)
    _open: list[_OpenTimer] = field(default_factory=list)

    def _start(self, name: str) -> None:
        parent = self._open[-1].node if self._open else self.root
        self._open.append(_OpenTimer(parent.child(name), time.perf_counter()))

    def _stop(self) -> None:
        timer = self._open.pop()
        timer.node.seconds += time.perf_counter() - timer.start - timer.excluded
        if self._open:
            self._open[-1].excluded += timer.excluded

    def measure(self, name: str):
        """A context manager timing a top-level phase (Parser, Output, ...)."""
        timing = self

        class _Phase:
            def __enter__(self):
                timing._start(name)

            def __exit__(self, *exc):
                timing._stop()

        return _Phase()

    def add_verifier_time(self, seconds: float) -> None:
        self.root.child("Verifier").seconds += seconds
        if self._open:
            self._open[-1].excluded += seconds

    def before_pipeline(self, pm: OpPassManager) -> None:
        self._start(f"'{pm.op_name}' Pipeline")

    def after_pipeline(self, pm: OpPassManager) -> None:
        self._stop()

    def before_pass(self, scheduled: ScheduledPass, op: Operation) -> None:
        self._start(scheduled.display_name)

    def after_pass(self, scheduled: ScheduledPass, op: Operation) -> None:
        self._stop()

    after_failed_pass = after_pass

    def report(self) -> str:
        total = time.perf_counter() - self.started
        accounted = sum(child.seconds for child in self.root.children.values())
        rows = []

        def add(node: TimingNode, depth: int) -> None:
            rows.append(_timing_row(node.seconds, total, "  " * depth + node.name))
            for child in node.children.values():
                add(child, depth + 1)

        for child in self.root.children.values():
            add(child, 0)
        rows.append(_timing_row(max(0.0, total - accounted), total, "Rest"))
        rows.append(_timing_row(total, total, "Total"))
        rule = "===" + "-" * 73 + "==="
        return (
            f"{rule}\n{'... Execution time report ...':>54}\n{rule}\n"
            f"  Total Execution Time: {total:.4f} seconds\n\n"
            "  ----Wall Time----  ----Name----\n" + "\n".join(rows) + "\n"
        )


def _timing_row(seconds: float, total: float, name: str) -> str:
    percent = 100.0 * seconds / total if total > 0 else 0.0
    return f"{seconds:10.4f} ({percent:5.1f}%)  {name}"
