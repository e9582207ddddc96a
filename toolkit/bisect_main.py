"""mlopt-bisect: which pass of a pipeline changed what the program does?

The program is compiled with each prefix of the pipeline (the first k passes),
the rest of the way to LLVM with mlrun's default lowering, and run in a child
process (``mlrun``). A binary search over prefixes finds the first pass after
which the output (or the way the run ends) differs from the input program's,
or from ``--reference``; every prefix it looks at is really compiled and run.
As ``git bisect``, the report ends with ``<pass> is the first bad pass``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass, field
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
)
from mlopt.tool_runs import Outcome, mlrun_arguments, program_run_options, timeout_seconds

OPTIONS = (
    Option("pass-pipeline", "The pipeline to bisect, e.g. 'builtin.module(func.func(cse))' (or pass flags)", kind="value", metavar="pipeline", group="Passes"),
    Option("no-implicit-module", "Do not wrap the input in a builtin.module", group="Passes"),
    *program_run_options("Running"),
    Option("reference", "A file with the expected output (default: what the input program prints)", kind="value", metavar="file", group="Running"),
    *PLUGIN_OPTIONS,
    Option("help", "Show this help", short="h"),
    Option("version", "Show the version"),
)

COMMAND_LINE = CommandLine(
    "mlopt-bisect",
    "mlopt-bisect [options] <input file> (--pass-pipeline=<pipeline> | --pass-name[='options'] ...)",
    "mlopt-bisect: find the first pass of a pipeline after which the program's output changes",
    OPTIONS,
    epilog=(
        "Each prefix of the pipeline is completed with mlrun's default lowering (lower-to-llvm)\n"
        "and run with mlrun -e <entry point>. Exit codes: 0 a verdict, 1 error in the input or\n"
        "command line, 2 internal error."
    ),
)


@dataclass
class Step:
    """The program compiled with the first ``count`` passes, and its run."""

    count: int
    ir: str | None
    """The IR after those passes (None: the pipeline failed on them)."""
    outcome: Outcome


@dataclass
class Bisection:
    session: Session
    args: ParsedArgs
    source: Any
    pm: Any
    workdir: str
    steps: dict[int, Step] = field(default_factory=dict)

    @property
    def passes(self) -> list:
        return list(self.pm.passes())

    def step(self, count: int) -> Step:
        if count not in self.steps:
            self.steps[count] = self._compile_and_run(count)
        return self.steps[count]

    def _compile_and_run(self, count: int) -> Step:
        from mlopt import diagnostics
        from mlopt.codegen.lowering import parse_input
        from mlopt.diagnostics import DiagnosticError
        from mlopt.asm import print_to_string
        from mlopt.pass_runner import InternalError, PassRunner

        context = self.session.registry.make_context()
        module, _ = parse_input(self.session, context, self.source, implicit_module=not self.args.no_implicit_module)
        problems: list[str] = []
        try:
            with diagnostics.handling(lambda diagnostic: problems.append(self.session.sources.render(diagnostic))):
                PassRunner(context).run(pipeline_prefix(self.pm, count), module)
        except DiagnosticError as err:
            rendered = "".join(self.session.sources.render(d) for d in err.diagnostics)
            return Step(count, None, Outcome(1, "", "".join(problems) + rendered))
        except InternalError as err:
            return Step(count, None, Outcome(2, "", f"mlopt-bisect: internal error: {err}\n"))
        path = os.path.join(self.workdir, f"after-{count}-passes.mlir")
        with open(path, "w") as f:
            f.write(print_to_string(module, generic=True, context=context))
        outcome = _run_program(path, self.args)
        return Step(count, print_to_string(module, context=context), outcome)


def pipeline_prefix(pm, count: int):
    """``pm`` with only its first ``count`` passes, nested as they are in ``pm``."""
    from mlopt.pipeline import OpPassManager

    remaining = [count]

    def fill(source: OpPassManager, target: OpPassManager) -> None:
        for item in source.items:
            if remaining[0] == 0:
                return
            if isinstance(item, OpPassManager):
                fill(item, target.nest(item.op_name))
            else:
                target.items.append(item)
                remaining[0] -= 1

    prefix = OpPassManager(pm.op_name)
    fill(pm, prefix)
    return prefix


def _run_program(path: str, args: ParsedArgs) -> Outcome:
    from mlopt.tool_runs import run_tool

    return run_tool("mlrun", [path, *mlrun_arguments(args)], timeout=timeout_seconds(args))


def _expected(bisection: Bisection, args: ParsedArgs) -> Outcome:
    if args.reference is None:
        return bisection.step(0).outcome
    try:
        with open(args.reference, encoding="utf-8") as f:
            return Outcome(0, f.read(), "")
    except OSError as err:
        raise UsageError(f"could not open reference file '{args.reference}': {err.strerror or err}") from None


def _run(session: Session, args: ParsedArgs, stdin: Any) -> int:
    from mlopt.opt_main import build_pass_manager
    from mlopt.reproducer import local_pipeline_text

    if len(args.positionals) != 1 or args.positionals[0] == "-":
        raise UsageError("expected one input file (the program is compiled many times, so not stdin)")
    timeout_seconds(args)
    pm = build_pass_manager(session, args, COMMAND_LINE)
    passes = list(pm.passes())
    if not passes:
        raise UsageError("no passes to bisect: give --pass-pipeline or pass flags")
    source = session.read_source(args.positionals[0], stdin)
    err = session.stderr
    with tempfile.TemporaryDirectory(prefix="mlopt-bisect-") as workdir:
        bisection = Bisection(session, args, source, pm, workdir)
        # Parse errors in the input are the user's, reported as such before any bisecting.
        from mlopt.codegen.lowering import parse_input

        parse_input(session, session.registry.make_context(), source, implicit_module=not args.no_implicit_module)
        expected = _expected(bisection, args)

        def bad(count: int) -> bool:
            step = bisection.step(count)
            verdict = not step.outcome.same_behaviour(expected)
            where = "the input" if count == 0 else f"after pass {count} ({passes[count - 1].argument})"
            err.write(f"mlopt-bisect: [{count}/{len(passes)}] {where}: "
                      + (f"differs: {_difference(expected, step.outcome)}" if verdict else "same output") + "\n")
            err.flush()
            return verdict

        out = session.stdout
        if args.reference is None and expected.exit_code != 0:
            # Without a working program there is no behaviour for the passes to keep.
            raise UsageError(f"the input program does not run cleanly ({expected.summary()}); check -e and --entry-point-result")
        if bad(0):
            out.write("the input program, before any pass, already differs from the reference:\n")
            _show_outputs(out, expected, bisection.step(0).outcome)
            return EXIT_ERROR
        if not bad(len(passes)):
            out.write(f"the output is the same after all {len(passes)} passes: no pass changes it\n")
            return EXIT_OK
        good, first_bad = 0, len(passes)
        while first_bad - good > 1:
            middle = (good + first_bad) // 2
            if bad(middle):
                first_bad = middle
            else:
                good = middle
        culprit = passes[first_bad - 1]
        before, after = bisection.step(first_bad - 1), bisection.step(first_bad)
        out.write(f"pass {first_bad} of {len(passes)}: {local_pipeline_text(pm, culprit)}\n\n")
        out.write(f"// -----// IR Dump Before {culprit.display_name} ({culprit.argument}) //----- //\n{before.ir}\n")
        if after.ir is not None:
            out.write(f"// -----// IR Dump After {culprit.display_name} ({culprit.argument}) //----- //\n{after.ir}\n")
        else:
            out.write(f"// -----// {culprit.argument} failed //----- //\n{after.outcome.stderr}\n")
        _show_outputs(out, expected, after.outcome, with_errors=after.ir is not None)
        out.write(f"{culprit.argument} is the first bad pass\n")
    return EXIT_OK


def _difference(expected: Outcome, actual: Outcome) -> str:
    if (actual.exit_code, actual.timed_out) == (expected.exit_code, expected.timed_out):
        return "different output"
    return actual.summary()


def _show_outputs(out, expected: Outcome, actual: Outcome, *, with_errors: bool = True) -> None:
    out.write(f"expected ({expected.summary()}):\n{_indented(expected.stdout)}")
    out.write(f"got ({actual.summary()}):\n{_indented(actual.stdout)}")
    if with_errors and actual.exit_code and actual.stderr.strip():
        out.write(_indented(actual.stderr))


def _indented(text: str) -> str:
    return "".join(f"  | {line}\n" for line in text.splitlines()) or "  (nothing)\n"


TOOL = Tool(COMMAND_LINE, _run)
run = TOOL.run
main = TOOL.main

if __name__ == "__main__":
    sys.exit(main())
