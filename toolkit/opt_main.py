"""mlopt: parse, run a pass pipeline, print; mlir-opt's command line.

Modules that import xDSL or pluggy are imported inside the functions that
need them, so that ``mlopt --help`` and command-line errors stay instant.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
import time
import traceback
from typing import Any, TextIO

from mlopt import diagnostics
from mlopt.cli import (
    EXIT_ERROR,
    EXIT_OK,
    PLUGIN_OPTIONS,
    CommandLine,
    Option,
    ParsedArgs,
    Session,
    UsageError,
    Tool,
    check_output_writable,
    write_output,
)
from mlopt.diagnostics import Diagnostic, DiagnosticError, SourceText

SPLIT_MARKER = re.compile(r"// -----(?!-)")
"""As mlir-opt splits: at ``// -----`` anywhere on a line (also after
``// CHECK:``), the next piece starting right after it. Unlike mlir-opt,
``// ------`` (more dashes) is no marker rather than a marker followed by a
stray ``-``."""
OUTPUT_SPLIT_MARKER = "// -----\n"
SPLIT_MARKER_NEAR_MISS = re.compile(r"// ---(?!--)")
"""A split marker missing a dash or two, which mlir-opt warns of."""

OPTIONS = (
    Option("o", "Output filename (written atomically; '-' is stdout)", kind="value", short="o", metavar="filename"),
    Option("pass-pipeline", "A textual pass pipeline, e.g. 'builtin.module(func.func(cse))'", kind="value", metavar="pipeline", group="Passes"),
    Option("dump-pass-pipeline", "Print the resolved pipeline, with every option, to stderr", group="Passes"),
    Option("list-passes", "List the registered passes and pass pipelines with their options", group="Passes"),
    Option("show-dialects", "List the registered dialects", group="Passes"),
    Option("all", "With --list-passes or --show-dialects: also list xDSL's research passes and dialects (RISC-V, Snitch, CSL, ...)", group="Passes"),
    Option("verify-each", "Verify the IR after each pass (default: true)", default=True, group="Passes"),
    Option("split-input-file", "Split the input on '// -----' lines and process each piece on its own"),
    Option("verify-diagnostics", "Check diagnostics against 'expected-error' (-warning, -note, -remark) annotations"),
    Option("allow-unregistered-dialect", "Accept ops of unregistered dialects"),
    Option("no-implicit-module", "Do not wrap the input in a builtin.module; it must hold exactly one top-level op"),
    Option("mlir-print-op-generic", "Print ops in the generic form", group="Printing"),
    Option("mlir-print-debuginfo", "Print source locations (loc(...)) with each op", group="Printing"),
    Option("mlir-elide-elementsattrs-if-larger", "Print elements attributes with more elements than this as dense_resource<__elided__>", kind="value", metavar="uint", group="Printing"),
    Option("mlir-elide-resource-strings-if-larger", "Leave out of the printed resources those longer than this, in characters", kind="value", metavar="uint", group="Printing"),
    Option("mlir-use-nameloc-as-prefix", "Print SSA values with the names the input gave them (%x rather than %0)", group="Printing"),
    Option("mlir-print-local-scope", "Print attributes and locations where they are used, with no #alias definitions", group="Printing"),
    Option("mlir-print-ir-before", "Dump the IR before the named passes (comma-separated, repeatable)", kind="list", metavar="pass", group="IR dumps"),
    Option("mlir-print-ir-after", "Dump the IR after the named passes", kind="list", metavar="pass", group="IR dumps"),
    Option("mlir-print-ir-before-all", "Dump the IR before every pass", group="IR dumps"),
    Option("mlir-print-ir-after-all", "Dump the IR after every pass", group="IR dumps"),
    Option("mlir-print-ir-after-change", "With -after/-after-all: only dump when the pass changed the IR", group="IR dumps"),
    Option("mlir-print-ir-after-failure", "Dump the IR after a pass that fails", group="IR dumps"),
    Option("mlir-print-ir-module-scope", "Dump the whole module, not just the op the pass ran on", group="IR dumps"),
    Option("mlir-timing", "Print a per-pass execution time report to stderr", group="IR dumps"),
    Option(
        "explore",
        "Write the pass explorer: one self-contained HTML page with each pass's IR diff, time and op counts",
        kind="value",
        metavar="report.html",
        group="IR dumps",
    ),
    Option("mlir-disable-threading", "Accepted for compatibility; mlopt runs passes on one thread", group="IR dumps"),
    Option("mlir-print-ir-tree-dir", "Write the IR dumps to a file tree rooted at this directory, one file per dump", kind="value", metavar="dir", group="IR dumps"),
    Option("mlir-pass-pipeline-crash-reproducer", "When a pass crashes or fails, write a reproducer (the IR and the pipeline) to this file", kind="value", metavar="file", group="Reproducers"),
    Option("mlir-pass-pipeline-local-reproducer", "Make the reproducer the IR right before the failing pass, with only that pass", group="Reproducers"),
    Option("run-reproducer", "Run the pipeline stored in the input's reproducer resource", group="Reproducers"),
    *PLUGIN_OPTIONS,
    Option("help", "Show this help", short="h"),
    Option("version", "Show the version"),
)

COMMAND_LINE = CommandLine(
    "mlopt",
    "mlopt [options] [input file ('-' or none: stdin)] [--pass-name[='options'] ...]",
    "mlopt: MLIR modular optimizer driver (mlir-opt compatible, on xDSL)",
    OPTIONS,
    epilog=(
        "Pass flags: every registered pass and pipeline is a flag (--canonicalize, --cse,\n"
        "--convert-func-to-llvm='index-bitwidth=32'); see them with --list-passes.\n"
        "Exit codes: 0 success, 1 error in the input or command line, 2 internal error."
    ),
)


def _run(session: Session, args: ParsedArgs, stdin: Any) -> int:
    from mlopt import listing

    if args.list_plugins:
        session.stdout.write(listing.plugins_listing(session.registry))
        return EXIT_OK
    if args.list_passes:
        session.stdout.write(listing.passes_listing(session.registry, session, everything=args.all))
        return EXIT_OK
    if args.show_dialects:
        session.stdout.write(listing.dialects_listing(session.registry, session, everything=args.all))
        return EXIT_OK

    check_output_writable(args.o)
    check_output_writable(args.explore)
    check_output_writable(args.mlir_pass_pipeline_crash_reproducer)
    pm = build_pass_manager(session, args, COMMAND_LINE)
    check_ir_dump_pass_names(session.registry, args)
    if args.dump_pass_pipeline:
        session.stderr.write(pm.dump())
    if len(args.positionals) > 1:
        raise UsageError(f"expected one input file, got {len(args.positionals)}: {' '.join(args.positionals)}")
    source = session.read_source(args.positionals[0] if args.positionals else "-", stdin)
    if args.run_reproducer:
        from mlopt.reproducer import reproducer_pass_manager

        pm = reproducer_pass_manager(session, args, source, pm)
    from mlopt.printing_flags import printing_with

    with printing_with(_printing_flags(args)):
        return process_source(session, args, pm, source)


def _printing_flags(args: ParsedArgs):
    from mlopt.printing_flags import PrintingFlags

    def limit(flag: str) -> int | None:
        text = args.values[flag]
        if text is None:
            return None
        if not text.isdigit():
            raise UsageError(f"for the --{flag} option: '{text}' value invalid for uint argument!")
        return int(text)

    return PrintingFlags(
        limit("mlir-elide-elementsattrs-if-larger"),
        limit("mlir-elide-resource-strings-if-larger"),
        use_nameloc_as_prefix=args.mlir_use_nameloc_as_prefix,
        local_scope=args.mlir_print_local_scope,
    )


def build_pass_manager(session: Session, args: ParsedArgs, command_line: CommandLine):
    """The pipeline from ``--pass-pipeline`` or from the pass flags, in order."""
    from mlopt.pipeline import OpPassManager, PipelineBuilder
    from mlopt.registry import PASS, PIPELINE

    registry = session.registry
    runnable: set[str] = set()
    if args.extra_flags:
        runnable = registry.entries(PASS).keys() | registry.entries(PIPELINE).keys()
    pass_flags = []
    for name, value, raw in args.extra_flags:
        if name not in runnable:
            from mlopt.upstream_names import UPSTREAM_PASSES

            meant = registry.user_facing(PASS).keys() | registry.user_facing(PIPELINE).keys()
            note = f": MLIR 22's pass '{name}' is not provided by mlopt or its plugins" if name in UPSTREAM_PASSES else ""
            raise command_line.unknown_flag_error(raw, sorted(meant), note)
        pass_flags.append((name, value, raw))
    builder = PipelineBuilder(registry, session.sources)
    if args.pass_pipeline is not None:
        if pass_flags:
            raise UsageError(
                f"'--pass-pipeline' cannot be combined with individual pass flags (such as "
                f"'{pass_flags[0][2]}'); put the passes inside the pipeline"
            )
        return builder.from_text(args.pass_pipeline)
    root = OpPassManager("any" if args.values.get("no-implicit-module") else "builtin.module")
    for name, value, raw in pass_flags:
        builder.add_flag(root, name, value, raw)
    return root


def check_ir_dump_pass_names(registry, args: ParsedArgs) -> None:
    """--mlir-print-ir-before/after name registered passes, as mlir-opt's pass-name parser checks."""
    from mlopt.registry import PASS, PIPELINE

    for flag in ("mlir-print-ir-before", "mlir-print-ir-after"):
        for name in args.values[flag]:
            if name not in registry.entries(PASS) and name not in registry.entries(PIPELINE):
                raise UsageError(f"for the --{flag} option: Cannot find option named '{name}'!")


def split_ranges(text: str, enabled: bool) -> list[tuple[int, int]]:
    """``(start, end)`` of each piece of the input between split markers."""
    if not enabled:
        return [(0, len(text))]
    ranges, start = [], 0
    for marker in SPLIT_MARKER.finditer(text):
        ranges.append((start, marker.start()))
        start = marker.end()
    ranges.append((start, len(text)))
    return ranges


def warn_of_split_marker_near_misses(session: Session, source: SourceText) -> None:
    """Warn, as mlir-opt does, where a ``// ---`` falls short of a split marker:
    that piece was meant to be split off and is not."""
    handler = diagnostics.printing_handler(session.sources, session.stderr)
    for near_miss in SPLIT_MARKER_NEAR_MISS.finditer(source.text):
        handler(Diagnostic("warning", "near miss with file split marker", source.location(near_miss.end())))


def process_source(session: Session, args: ParsedArgs, pm, source: SourceText) -> int:
    from mlopt.pass_runner import PassRunner, Timing

    timing = Timing() if args.mlir_timing else None
    context = session.registry.make_context(allow_unregistered=args.allow_unregistered_dialect)
    instrumentations: list[Any] = []
    if printing := _ir_printing(args, context, session.stderr):
        instrumentations.append(printing)
    if timing:
        instrumentations.append(timing)
    from mlopt.reproducer import PassCounter

    counter = PassCounter()
    instrumentations.append(counter)
    explorer = None
    if args.explore:
        from mlopt.explorer import Explorer

        explorer = Explorer(context, title=f"mlopt {source.name}", source_name=source.name, source_text=source.text)
        instrumentations.append(explorer)
    runner = PassRunner(context, instrumentations, verify_each=args.verify_each, timing=timing)
    frontend = frontend_for(session, source.name)
    if frontend is not None and args.split_input_file:
        raise UsageError(f"--split-input-file applies to MLIR input, not to '{frontend.registration.name}' files")

    try:
        return _process_pieces(session, args, pm, source, context, frontend, runner, counter, timing, explorer)
    finally:
        if explorer is not None:
            explorer.write(args.explore)


def _process_pieces(session, args, pm, source, context, frontend, runner, counter, timing, explorer) -> int:
    from mlopt.pass_runner import InternalError

    outputs: list[str] = []
    failed = False
    if args.split_input_file:
        warn_of_split_marker_near_misses(session, source)
    for start, end in split_ranges(source.text, args.split_input_file):
        verifier = None
        if args.verify_diagnostics:
            from mlopt.verify_diagnostics import DiagnosticVerifier, parse_expectations

            expectations, malformed = parse_expectations(source, start, end)
            verifier = DiagnosticVerifier(expectations)
            for problem in malformed:
                session.report(DiagnosticError(problem))
                failed = True
            handler = verifier.handle
        else:
            handler = diagnostics.printing_handler(session.sources, session.stderr)
        if explorer is not None:
            handler = explorer.observing(handler)
        text = ""
        try:
            with diagnostics.handling(handler):
                op = _parse(session, args, context, frontend, source, start, end, timing)
                counter.failed = None
                try:
                    runner.run(pm, op)
                except (DiagnosticError, InternalError) as err:
                    from mlopt.reproducer import with_reproducer

                    reload = lambda: _parse(session, args, context, frontend, source, start, end, None)  # noqa: B023, E731
                    raise with_reproducer(err, args, reload, pm, context, counter) from None
                with timing.measure("Output") if timing else contextlib.nullcontext():
                    # mlir-opt ends each output with a newline, after the one
                    # ending the top-level form (not printed in local scope).
                    text = _print(args, context, op) + ("" if args.mlir_print_local_scope else "\n")
        except DiagnosticError as err:
            if explorer is not None:
                for diagnostic in err.diagnostics:
                    explorer.record_diagnostic(diagnostic)
            if verifier is None:
                session.report(err)
                failed = True
            else:
                for diagnostic in err.diagnostics:
                    verifier.handle(diagnostic)
        except InternalError:
            raise
        if verifier is not None:
            problems = verifier.finish()
            for problem in problems:
                session.report(DiagnosticError(problem), op_notes=False)
            failed |= bool(problems)
        outputs.append(text)

    output = OUTPUT_SPLIT_MARKER.join(outputs)
    if failed:
        if args.o in (None, "-"):
            write_output(None, output, session.stdout)
        return EXIT_ERROR
    write_output(args.o, output, session.stdout)
    if timing:
        session.stderr.write(timing.report())
    return EXIT_OK


def _ir_printing(args: ParsedArgs, context, stream: TextIO):
    from mlopt.pass_runner import IRPrinting

    def selection(all_flag: bool, names: list[str]) -> frozenset[str] | None:
        if all_flag:
            return IRPrinting.ALL
        return frozenset(names) if names else None

    before = selection(args.mlir_print_ir_before_all, args.mlir_print_ir_before)
    after = selection(args.mlir_print_ir_after_all, args.mlir_print_ir_after)
    if before is None and after is None and not args.mlir_print_ir_after_failure:
        return None
    if args.mlir_print_ir_tree_dir is not None:
        import os

        try:
            os.makedirs(args.mlir_print_ir_tree_dir, exist_ok=True)
        except OSError as err:
            raise UsageError(f"could not create directory '{args.mlir_print_ir_tree_dir}': {err.strerror or err}") from None
    return IRPrinting(
        before=before,
        after=after,
        after_change=args.mlir_print_ir_after_change,
        after_failure=args.mlir_print_ir_after_failure,
        module_scope=args.mlir_print_ir_module_scope,
        generic=args.mlir_print_op_generic,
        debuginfo=args.mlir_print_debuginfo,
        context=context,
        stream=stream,
        tree_dir=args.mlir_print_ir_tree_dir,
    )


def frontend_for(session: Session, name: str):
    """The registered frontend for ``name``'s extension (wrapped so that a crash
    in it names its plugin), or None for MLIR input."""
    from mlopt.registry import FRONTEND

    for extension, registration in session.registry.entries(FRONTEND).items():
        if name.endswith(extension):
            return _GuardedFrontend(registration.load(), registration)
    return None


class _GuardedFrontend:
    def __init__(self, frontend, registration):
        self.frontend = frontend
        self.registration = registration

    def __getattr__(self, name: str):
        return getattr(self.frontend, name)

    def parse(self, source: SourceText, context):
        from mlopt.pass_runner import InternalError, traceback_wanted

        try:
            return self.frontend.parse(source, context)
        except (DiagnosticError, KeyboardInterrupt, RecursionError):
            raise
        except Exception as err:  # noqa: BLE001 - a frontend crash is its plugin's bug
            detail = "".join(traceback.format_exception(err)) if traceback_wanted() else ""
            raise InternalError(
                f"frontend '{self.registration.name}' ({self.registration.plugin.describe()}) "
                f"crashed on {source.name}: {type(err).__name__}: {err}" + ("\n" + detail if detail else "")
            ) from err


def _parse(session, args, context, frontend, source, start, end, timing):
    from mlopt.asm import parse_source
    from mlopt.verifier import verify

    with timing.measure("Parser") if timing else contextlib.nullcontext():
        if frontend is not None:
            op = frontend.parse(source, context)
        else:
            op = parse_source(context, source, start, end, implicit_module=not args.no_implicit_module)
    verify_start = time.perf_counter()
    verify(op)
    if timing:
        timing.add_verifier_time(time.perf_counter() - verify_start)
    return op


def _print(args: ParsedArgs, context, op) -> str:
    from mlopt.asm import print_ir

    buffer = io.StringIO()
    print_ir(op, buffer, context=context, generic=args.mlir_print_op_generic, debuginfo=args.mlir_print_debuginfo)
    return buffer.getvalue()


TOOL = Tool(COMMAND_LINE, _run)
run = TOOL.run
main = TOOL.main

if __name__ == "__main__":
    sys.exit(main())
