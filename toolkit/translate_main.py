"""mltranslate: translate a module to LLVM IR, assembly, an object file or
any other registered target; mlir-translate's command line.

Each registered target is a flag (``--mlir-to-llvmir``); plugins add theirs
through ``mlopt_register_targets``.
"""

from __future__ import annotations

import sys
from typing import Any

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
    chosen_opt_level,
    opt_level_options,
    Tool,
    check_output_writable,
    write_output,
)
from mlopt.diagnostics import DiagnosticError

OPTIONS = (
    Option("o", "Output filename (written atomically; '-' is stdout)", kind="value", short="o", metavar="filename"),
    Option("target-triple", "Target triple for --mlir-to-asm/--mlir-to-obj (default: the host's)", kind="value", metavar="triple", group="Target machine"),
    Option("mcpu", "Target CPU (default: the host's when the triple is the host's, else generic)", kind="value", metavar="cpu", group="Target machine"),
    Option("mattr", "Target features, e.g. '+avx2,-fma'", kind="value", metavar="a1,+a2,-a3", group="Target machine"),
    *opt_level_options("LLVM IR only when given; code at -O2 by default", "Target machine"),
    Option("split-input-file", "Split the input on '// -----' lines and translate each piece on its own"),
    Option("no-implicit-module", "Do not wrap the input in a builtin.module"),
    Option("allow-unregistered-dialect", "Accept ops of unregistered dialects (they cannot be translated)"),
    Option(
        "pass-pipeline",
        "Run this pipeline before translating, e.g. 'lower-to-llvm' for input outside the llvm dialect",
        kind="value",
        metavar="pipeline",
    ),
    *PLUGIN_OPTIONS,
    Option("help", "Show this help", short="h"),
    Option("version", "Show the version"),
)

COMMAND_LINE = CommandLine(
    "mltranslate",
    "mltranslate --<translation> [options] [input file ('-' or none: stdin)]",
    "mltranslate: MLIR translation driver (mlir-translate compatible, code generation through llvmlite)",
    OPTIONS,
)


def _targets(session: Session) -> dict[str, Any]:
    from mlopt.registry import TARGET

    return session.registry.entries(TARGET)


def _help_text(session: Session) -> str:
    lines = ["Translations to perform (exactly one):"]
    for name, registration in sorted(_targets(session).items()):
        summary = getattr(registration.load(), "summary", "")
        lines.append(f"  {'--' + name:<40} - {summary}")
    return COMMAND_LINE.help_text() + "\n" + "\n".join(lines) + "\n"


def _choose_target(session: Session, args: ParsedArgs):
    targets = _targets(session)
    chosen = []
    for name, value, raw in args.extra_flags:
        if name not in targets:
            raise COMMAND_LINE.unknown_flag_error(raw, sorted(targets))
        if value is not None:
            raise UsageError(f"the translation flag '--{name}' takes no value")
        chosen.append(name)
    if len(chosen) != 1:
        listed = ", ".join(f"--{n}" for n in sorted(targets))
        problem = "no translation selected" if not chosen else f"more than one translation selected ({', '.join('--' + c for c in chosen)})"
        raise UsageError(f"{problem}; choose one of {listed}")
    return targets[chosen[0]].load()


def _run(session: Session, args: ParsedArgs, stdin: Any) -> int:
    from mlopt.codegen.lowering import lower_to_llvm_dialect, parse_input
    from mlopt.opt_main import OUTPUT_SPLIT_MARKER, split_ranges, warn_of_split_marker_near_misses
    from mlopt.targets import TranslateOptions

    target = _choose_target(session, args)()
    options = TranslateOptions(args.target_triple, args.mcpu, args.mattr, chosen_opt_level(args))
    if len(args.positionals) > 1:
        raise UsageError(f"expected one input file, got {len(args.positionals)}: {' '.join(args.positionals)}")
    check_output_writable(args.o)
    source = session.read_source(args.positionals[0] if args.positionals else "-", stdin)
    if target.binary and args.split_input_file:
        raise UsageError(f"--split-input-file cannot be used with the binary output of --{target.name}")
    context = session.registry.make_context(allow_unregistered=args.allow_unregistered_dialect)
    outputs: list[str | bytes] = []
    failed = False
    if args.split_input_file:
        warn_of_split_marker_near_misses(session, source)
    for start, end in split_ranges(source.text, args.split_input_file):
        try:
            with diagnostics.handling(diagnostics.printing_handler(session.sources, session.stderr)):
                module, frontend = parse_input(session, context, source, start, end, implicit_module=not args.no_implicit_module)
                # Like mlir-translate, MLIR input must already be in the llvm dialect;
                # another language lowers with its frontend's pipeline.
                pipeline = args.pass_pipeline or (frontend.lowering_pipeline if frontend else None)
                if pipeline:
                    lower_to_llvm_dialect(module, session.registry, context, pipeline=pipeline, sources=session.sources)
                outputs.append(target.translate(module, options))
        except DiagnosticError as err:
            if not args.split_input_file:
                raise
            session.report(err)
            failed = True
            outputs.append("")
    if target.binary:
        write_output(args.o, outputs[0], session.stdout)
        return EXIT_OK
    output = OUTPUT_SPLIT_MARKER.join(outputs)
    if failed:
        if args.o in (None, "-"):
            write_output(None, output, session.stdout)
        return EXIT_ERROR
    write_output(args.o, output, session.stdout)
    return EXIT_OK




def _user_errors() -> tuple[type[Exception], ...]:
    from mlopt.codegen.llvm import CodegenError

    return (CodegenError,)


TOOL = Tool(COMMAND_LINE, _run, _user_errors, plugin_help=_help_text)
run = TOOL.run
main = TOOL.main

if __name__ == "__main__":
    sys.exit(main())
