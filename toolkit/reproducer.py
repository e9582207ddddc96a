"""Crash reproducers, as upstream's ``--mlir-pass-pipeline-crash-reproducer``.

A reproducer is the IR a failing pipeline started from (or, local, the IR
right before the failing pass) followed by the pipeline, embedded the way
mlir-opt embeds it::

    {-#
      external_resources: {
        mlir_reproducer: {
          pipeline: "builtin.module(func.func(cse))",
          disable_threading: false,
          verify_each: true
        }
      }
    #-}

``mlopt repro.mlir --run-reproducer`` (and mlir-opt) replays it.

Nothing is copied while the pipeline runs: the IR before the failing pass is
recovered afterwards by parsing the input again and replaying the passes that
ran before the failure, so a run that does not fail pays only for counting.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass

from xdsl.ir import Operation

from mlopt.pass_runner import Instrumentation, PassRunner, describe_target
from mlopt.pipeline import OpPassManager, ScheduledPass

RESOURCE_KEY = "mlir_reproducer"


class PassCounter(Instrumentation):
    """Counts pass executions and remembers the one that failed."""

    def __init__(self) -> None:
        self.executed = 0
        self.failed: tuple[int, ScheduledPass, Operation] | None = None

    def before_pass(self, scheduled: ScheduledPass, op: Operation) -> None:
        self.executed += 1

    def after_failed_pass(self, scheduled: ScheduledPass, op: Operation) -> None:
        if self.failed is None:
            self.failed = (self.executed, scheduled, op)


class _StopBeforePass(Exception):
    pass


@dataclass
class _StopAt(Instrumentation):
    execution: int
    seen: int = 0

    def before_pass(self, scheduled: ScheduledPass, op: Operation) -> None:
        self.seen += 1
        if self.seen == self.execution:
            raise _StopBeforePass


def _pipeline_path(pm: OpPassManager, target: ScheduledPass) -> list[str] | None:
    """The op names nesting from ``pm`` down to ``target``."""
    for item in pm.items:
        if item is target:
            return [pm.op_name]
        if isinstance(item, OpPassManager) and (inner := _pipeline_path(item, target)) is not None:
            return [pm.op_name, *inner]
    return None


def local_pipeline_text(pm: OpPassManager, scheduled: ScheduledPass) -> str:
    """Just ``scheduled``, nested as it is in ``pm``."""
    from mlopt.pipeline import format_options

    text = f"{scheduled.argument}{format_options(scheduled.instance)}"
    for op_name in reversed(_pipeline_path(pm, scheduled) or [pm.op_name]):
        text = f"{op_name}({text})"
    return text


def replay_until(
    reload: Callable[[], Operation], pm: OpPassManager, context, execution: int, *, verify_each: bool = True
) -> Operation:
    """The input parsed again, with the passes run up to (not including) pass execution number ``execution``."""
    from mlopt import diagnostics

    op = reload()
    if execution <= 1:
        return op
    with diagnostics.handling(lambda diagnostic: None):
        try:
            PassRunner(context, [_StopAt(execution)], verify_each=verify_each).run(pm, op)
        except _StopBeforePass:
            pass
    return op


def _string_literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def reproducer_text(ir_text: str, pipeline: str, *, disable_threading: bool, verify_each: bool) -> str:
    flag = lambda value: "true" if value else "false"  # noqa: E731
    return (
        f"{ir_text}\n{{-#\n  external_resources: {{\n    {RESOURCE_KEY}: {{\n"
        f"      pipeline: {_string_literal(pipeline)},\n"
        f"      disable_threading: {flag(disable_threading)},\n"
        f"      verify_each: {flag(verify_each)}\n"
        "    }\n  }\n#-}\n"
    )


@dataclass
class ReproducerWriter:
    """Writes the reproducer of a failed pipeline run."""

    path: str | None
    """Where to write; None: a new temporary file."""
    local: bool
    disable_threading: bool
    verify_each: bool

    def write(self, reload: Callable[[], Operation], pm: OpPassManager, context, counter: PassCounter) -> str | None:
        """Write the reproducer and return its path; None if the IR before the
        failure could not be recovered."""
        from mlopt.cli import write_output
        from mlopt.asm import print_to_string

        assert counter.failed is not None
        execution, scheduled, _ = counter.failed
        try:
            if self.local:
                op = replay_until(reload, pm, context, execution, verify_each=self.verify_each)
                pipeline = local_pipeline_text(pm, scheduled)
            else:
                op = reload()
                pipeline = pm.textual()
        except Exception:  # noqa: BLE001 - the replay failed differently; no reproducer beats a wrong one
            return None
        text = reproducer_text(
            print_to_string(op, context=context),
            pipeline,
            # Upstream only writes local reproducers single-threaded.
            disable_threading=self.disable_threading or self.local,
            verify_each=self.verify_each,
        )
        path = self.path
        if path is None:
            handle, path = tempfile.mkstemp(prefix="mlopt-reproducer-", suffix=".mlir")
            import os

            os.close(handle)
        write_output(path, text, None)
        return path

    def failure_note(self, counter: PassCounter, path: str) -> str:
        """Upstream's note naming the failing pass and the reproducer."""
        assert counter.failed is not None
        _, scheduled, op = counter.failed
        target = f"`{scheduled.display_name}` on {describe_target(op)}"
        where = target if self.local else f"[{target}]"
        return f"Pipeline failed while executing {where}: reproducer generated at `{path}`"


# --------------------------------------------------------------------------- reading


_METADATA = re.compile(r"\{-#(.*?)#-\}", re.DOTALL)
_EXTERNAL_KEY = re.compile(r"(,\s*)?\bexternal_resources\s*:\s*\{")


@dataclass(frozen=True)
class Reproducer:
    pipeline: str
    disable_threading: bool
    verify_each: bool


def split_external_resources(text: str) -> tuple[str, str | None]:
    """``text`` with the ``external_resources`` entry of its ``{-# #-}`` section
    blanked (line and column of everything else kept: xDSL's parser does not
    read external resources), and that entry's text, or None."""
    if "{-#" not in text:
        return text, None
    for metadata in _METADATA.finditer(text):
        key = _EXTERNAL_KEY.search(text, metadata.start(1), metadata.end(1))
        if key is None:
            continue
        end = _matching_brace(text, key.end() - 1)
        if end is None:
            return text, None
        begin, finish = key.start(), end + 1
        rest = text[finish : metadata.end(1)]
        if key.group(1) is None and (comma := re.match(r"\s*,", rest)):
            finish += comma.end()  # a later entry loses its separating comma instead
        if not text[metadata.start(1) : begin].strip() and not text[finish : metadata.end(1)].strip():
            begin, finish = metadata.start(), metadata.end()  # nothing else is left: drop the section
        entry = text[key.end() - 1 : end + 1]
        return text[:begin] + _blank(text[begin:finish]) + text[finish:], entry
    return text, None


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _matching_brace(text: str, open_at: int) -> int | None:
    depth, i = 0, open_at
    while i < len(text):
        char = text[i]
        if char == '"':
            i += 1
            while i < len(text) and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


_FIELD = re.compile(r'(\w+)\s*:\s*("(?:[^"\\]|\\.)*"|\w+)')


def read_reproducer(entry: str) -> Reproducer | None:
    """The ``mlir_reproducer`` configuration in an ``external_resources`` entry."""
    key = re.search(rf"\b{RESOURCE_KEY}\s*:\s*\{{", entry)
    if key is None:
        return None
    end = _matching_brace(entry, key.end() - 1)
    body = entry[key.end() : end]
    fields = {name: value for name, value in _FIELD.findall(body)}
    pipeline = fields.get("pipeline")
    if pipeline is None or not pipeline.startswith('"'):
        return None
    return Reproducer(
        pipeline=re.sub(r"\\(.)", lambda m: {"n": "\n"}.get(m.group(1), m.group(1)), pipeline[1:-1]),
        disable_threading=fields.get("disable_threading") == "true",
        verify_each=fields.get("verify_each", "true") == "true",
    )


# --------------------------------------------------------------------------- the driver's side


def reproducer_pass_manager(session, args, source, pm: OpPassManager) -> OpPassManager:
    """``--run-reproducer``: the pipeline (and verify-each) stored in ``source``;
    as mlir-opt, input without a reproducer runs the command line's pipeline."""
    from mlopt.pipeline import PipelineBuilder

    _, entry = split_external_resources(source.text)
    reproducer = read_reproducer(entry) if entry is not None else None
    if reproducer is None:
        return pm
    args.values["verify-each"] = reproducer.verify_each
    return PipelineBuilder(session.registry, session.sources).from_text(
        reproducer.pipeline, source_name=f"{source.name}: {RESOURCE_KEY} pipeline"
    )


def with_reproducer(err: Exception, args, reload: Callable[[], Operation], pm: OpPassManager, context, counter: PassCounter) -> Exception:
    """``err`` from a failed pipeline, after writing its reproducer: an internal
    error always gets one (a temporary file unless a path was asked for) and
    says where; a pass failure only when asked, with upstream's error and note."""
    from mlopt.diagnostics import Diagnostic, DiagnosticError, location_of
    from mlopt.pass_runner import InternalError

    requested = args.mlir_pass_pipeline_crash_reproducer
    if counter.failed is None or (requested is None and not isinstance(err, InternalError)):
        return err
    writer = ReproducerWriter(
        path=requested,
        # Without a request the reproducer is for a bug report: the smaller the better.
        local=args.mlir_pass_pipeline_local_reproducer or requested is None,
        disable_threading=bool(args.mlir_disable_threading),
        verify_each=args.verify_each,
    )
    path = writer.write(reload, pm, context, counter)
    if path is None:
        return err
    if isinstance(err, InternalError):
        plugins = "".join(f" --load-plugin={plugin}" for plugin in args.load_plugin)
        return InternalError(
            f"{err}\n  reproducer generated at `{path}`; replay it with: mlopt {path} --run-reproducer{plugins}",
            err.evidence,
        )
    assert isinstance(err, DiagnosticError)
    failed_op = counter.failed[2]
    summary = Diagnostic(
        "error",
        "Failures have been detected while processing an MLIR pass pipeline",
        location_of(failed_op),
        notes=[Diagnostic("note", writer.failure_note(counter, path), location_of(failed_op))],
    )
    return DiagnosticError(*err.diagnostics, summary)
