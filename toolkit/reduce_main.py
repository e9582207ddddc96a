"""mlopt-reduce: shrink a test case while it stays interesting; mlir-reduce's contract.

``--test=SCRIPT`` is run as mlir-reduce runs it: ``SCRIPT [--test-arg ...] CANDIDATE``,
and a candidate is interesting when the script exits non-zero (``--invert-test``:
when it exits 0). Built-in tests cover the common cases without a script:

- ``--crashes-in=PASS``: mlopt with this command line's passes crashes in PASS;
- ``--diagnostic=REGEX``: those passes (or the parser) report a matching diagnostic;
- ``--output-differs``: what mlrun prints for the candidate after the passes
  differs from what it prints without them (or from ``--reference``).

All the tests given must hold. Progress goes to stderr; the result to ``-o``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mlopt.cli import (
    EXIT_ERROR,
    EXIT_OK,
    PLUGIN_OPTIONS,
    CommandLine,
    Option,
    ParsedArgs,
    Session,
    Tool,
    UsageError,
    check_output_writable,
    write_output,
)
from mlopt.tool_runs import mlrun_arguments, program_run_options, timeout_seconds

OPTIONS = (
    Option("o", "Output filename for the reduced test case (default: stdout)", kind="value", short="o", metavar="filename"),
    Option("test", "The interestingness test: run as SCRIPT [test-args] FILE; non-zero exit means interesting", kind="value", metavar="script", group="Interestingness"),
    Option("invert-test", "The test exits 0 (not non-zero) when the candidate is interesting", group="Interestingness"),
    Option("crashes-in", "Interesting: running the passes given here crashes in this pass", kind="value", metavar="pass", group="Interestingness"),
    Option("diagnostic", "Interesting: running the passes given here reports a diagnostic matching this regex", kind="value", metavar="regex", group="Interestingness"),
    Option("output-differs", "Interesting: mlrun's output after the passes differs from its output without them (or from --reference)", group="Interestingness"),
    Option("reference", "With --output-differs: the expected output", kind="value", metavar="file", group="Interestingness"),
    *program_run_options("Running the program (--output-differs)"),
    Option("pass-pipeline", "The pipeline the built-in tests run (or pass flags)", kind="value", metavar="pipeline", group="Passes"),
    Option("allow-unregistered-dialect", "Accept ops of unregistered dialects", group="Passes"),
    *PLUGIN_OPTIONS,
    Option("help", "Show this help", short="h"),
    Option("version", "Show the version"),
)

COMMAND_LINE = CommandLine(
    "mlopt-reduce",
    "mlopt-reduce [options] <input file> (--test=SCRIPT [--test-arg=ARG ...] | --crashes-in=PASS | --diagnostic=REGEX | --output-differs) [--pass-name ...] -o OUT",
    "mlopt-reduce: MLIR test case reducer (mlir-reduce's test contract, with built-in tests)",
    OPTIONS,
    epilog=(
        "--test-arg=ARG (repeatable) passes ARG to the test script before the candidate file.\n"
        "Exit codes: 0 reduced, 1 error in the input or command line (or an uninteresting input), 2 internal error."
    ),
)

Test = Callable[[str], bool]
"""Whether the candidate (its text) is interesting."""


def _script_test(script: str, test_args: list[str], invert: bool, workdir: str, timeout: float) -> Test:
    path = os.path.join(workdir, "candidate.mlir")

    def interesting(text: str) -> bool:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        try:
            done = subprocess.run([script, *test_args, path], capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return False
        except OSError as err:
            raise UsageError(f"could not run the interestingness test '{script}': {err.strerror or err}") from None
        if done.returncode < 0:
            raise UsageError(f"the interestingness test '{script}' was killed by signal {-done.returncode}")
        return (done.returncode == 0) if invert else (done.returncode != 0)

    return interesting


@dataclass
class _PipelineRun:
    """The candidate parsed and run through the pipeline in this process."""

    crashed_in: str | None
    diagnostics: list[str]
    module: Any
    context: Any


def _run_pipeline(session: Session, args: ParsedArgs, pm, text: str) -> _PipelineRun:
    from mlopt import diagnostics
    from mlopt.diagnostics import DiagnosticError, SourceText
    from mlopt.asm import parse_source
    from mlopt.verifier import verify
    from mlopt.pass_runner import InternalError, PassRunner
    from mlopt.reproducer import PassCounter

    context = session.registry.make_context(allow_unregistered=args.allow_unregistered_dialect)
    reported: list[str] = []

    def record(diagnostic) -> None:
        reported.append(f"{diagnostic.severity}: {diagnostic.message}")
        reported.extend(f"{note.severity}: {note.message}" for note in diagnostic.notes)

    counter = PassCounter()
    module = None
    try:
        with diagnostics.handling(record):
            module = parse_source(context, SourceText("candidate.mlir", text))
            verify(module)
            PassRunner(context, [counter]).run(pm, module)
    except DiagnosticError as err:
        for diagnostic in err.diagnostics:
            record(diagnostic)
    except InternalError:
        crashed = counter.failed[1].argument if counter.failed is not None else "<unknown>"
        return _PipelineRun(crashed, reported, None, context)
    return _PipelineRun(None, reported, module, context)


def _crash_test(session: Session, args: ParsedArgs, pm, pass_name: str) -> Test:
    return lambda text: _run_pipeline(session, args, pm, text).crashed_in == pass_name


def _diagnostic_test(session: Session, args: ParsedArgs, pm, pattern: re.Pattern) -> Test:
    return lambda text: any(pattern.search(line) for line in _run_pipeline(session, args, pm, text).diagnostics)


def _output_test(session: Session, args: ParsedArgs, pm, workdir: str, timeout: float, reference: str | None) -> Test:
    from mlopt.asm import print_to_string
    from mlopt.tool_runs import run_tool

    run_args = mlrun_arguments(args)

    def run(text: str, name: str):
        path = os.path.join(workdir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return run_tool("mlrun", [path, *run_args], timeout=timeout)

    def interesting(text: str) -> bool:
        from concurrent.futures import ThreadPoolExecutor

        compiled = _run_pipeline(session, args, pm, text)
        if compiled.module is None:
            return False
        compiled_text = print_to_string(compiled.module, generic=True, context=compiled.context)
        with ThreadPoolExecutor(max_workers=2) as pool:
            # The program as written and as compiled run side by side.
            expected = pool.submit(run, text, "candidate.mlir") if reference is None else None
            actual = run(compiled_text, "compiled.mlir")
            if expected is None:
                return actual.exit_code != 0 or actual.stdout != reference
            as_written = expected.result()
        if as_written.exit_code != 0:
            return False  # a program that does not run cleanly as written proves nothing
        return actual.exit_code != 0 or actual.stdout != as_written.stdout

    return interesting


def _take_test_args(args: ParsedArgs) -> list[str]:
    """``--test-arg=ARG`` values, in order (taken out of the pass flags; an
    argument may hold commas, so it is not a comma-separated list option)."""
    test_args, rest = [], []
    for name, value, raw in args.extra_flags:
        if name != "test-arg":
            rest.append((name, value, raw))
        elif value is None:
            raise UsageError("--test-arg needs its value after '=': --test-arg=ARG")
        else:
            test_args.append(value)
    args.extra_flags = rest
    return test_args


def _read_text(path: str, what: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as err:
        raise UsageError(f"could not open {what} '{path}': {err.strerror or err}") from None


def _run(session: Session, args: ParsedArgs, stdin: Any) -> int:
    from mlopt.asm import parse_source
    from mlopt.verifier import verify
    from mlopt.opt_main import build_pass_manager
    from mlopt.reduction import Reducer, op_count

    test_args = _take_test_args(args)
    if len(args.positionals) != 1:
        raise UsageError("expected one input file")
    timeout = timeout_seconds(args)
    if test_args and args.test is None:
        raise UsageError("--test-arg needs --test")
    if args.reference is not None and not args.output_differs:
        raise UsageError("--reference goes with --output-differs")
    pm = build_pass_manager(session, args, COMMAND_LINE)
    has_passes = any(True for _ in pm.passes())
    if (args.crashes_in or args.output_differs) and not has_passes and args.reference is None:
        raise UsageError("the built-in tests need the passes to run: give --pass-pipeline or pass flags")
    check_output_writable(args.o)
    source = session.read_source(args.positionals[0], stdin)
    context = session.registry.make_context(allow_unregistered=args.allow_unregistered_dialect)
    module = parse_source(context, source)
    verify(module)

    with tempfile.TemporaryDirectory(prefix="mlopt-reduce-") as workdir:
        tests: list[Test] = []
        if args.test is not None:
            tests.append(_script_test(args.test, test_args, args.invert_test, workdir, timeout))
        if args.crashes_in is not None:
            tests.append(_crash_test(session, args, pm, args.crashes_in))
        if args.diagnostic is not None:
            try:
                pattern = re.compile(args.diagnostic)
            except re.error as err:
                raise UsageError(f"invalid --diagnostic regex '{args.diagnostic}': {err}") from None
            tests.append(_diagnostic_test(session, args, pm, pattern))
        if args.output_differs:
            reference = _read_text(args.reference, "reference file") if args.reference else None
            tests.append(_output_test(session, args, pm, workdir, timeout, reference))
        if not tests:
            raise UsageError("no interestingness test: give --test=SCRIPT, --crashes-in, --diagnostic or --output-differs")

        def interesting(text: str) -> bool:
            return all(test(text) for test in tests)

        def progress(message: str) -> None:
            session.stderr.write(f"mlopt-reduce: {message}\n")
            session.stderr.flush()

        reducer = Reducer(module, context, interesting, progress)
        if not interesting(reducer.text):
            session.error("the input is not interesting: the test does not hold for it, so there is nothing to keep")
            return EXIT_ERROR
        progress(f"the input is interesting: {op_count(reducer.module)} ops")
        reduced = reducer.run()
        progress(f"done: {op_count(reducer.module)} ops after {reducer.tested} candidates")
    write_output(args.o, reduced, session.stdout)
    return EXIT_OK


TOOL = Tool(COMMAND_LINE, _run)
run = TOOL.run
main = TOOL.main

if __name__ == "__main__":
    sys.exit(main())
