"""mlrun: JIT-compile a module and call its entry point; mlir-runner's command line.

Input that is not yet in the llvm dialect is lowered first (the named
pipeline ``lower-to-llvm``, or ``--pass-pipeline``). mlir-runner's support
functions (printMemrefF32, printF64, rtclock, ...) are built in, so no
``--shared-libs`` is needed for them; libraries named there are loaded and
take precedence.
"""

from __future__ import annotations

import sys
from typing import Any

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

ENTRY_RESULTS = ("void", "i32", "i64", "f32", "f64")

OPTIONS = (
    Option("entry-point", "The function to call (default main)", kind="value", short="e", metavar="function name", default="main"),
    Option(
        "entry-point-result",
        "Result type of the entry point: void, i32, i64, f32 or f64 (default f32, as mlir-runner)",
        kind="value",
        metavar="void|i32|i64|f32|f64",
    ),
    *opt_level_options("LLVM IR and code; default: the IR as it is, code at -O2", "Code generation"),
    Option("shared-libs", "Libraries to load; their symbols take precedence over the built-in runtime", kind="list", metavar="lib.so,...", group="Code generation"),
    Option("mattr", "Target features, e.g. '+avx2,-fma' (default: the host's)", kind="value", metavar="a1,+a2,-a3", group="Code generation"),
    Option("mcpu", "Target CPU (default: the host's)", kind="value", metavar="cpu", group="Code generation"),
    Option("dump-object-file", "Write the JIT-compiled object to --object-filename", group="Code generation"),
    Option("object-filename", "Where --dump-object-file writes (default: <input file>.o)", kind="value", metavar="file", group="Code generation"),
    Option("host-supports-jit", "Print whether the host can JIT-compile, and exit", group="Code generation"),
    Option("no-cache", "Compile afresh: neither use nor fill the compiled-code cache (MLOPT_CACHE_DIR)", group="Code generation"),
    Option(
        "pass-pipeline",
        "Pipeline that brings input outside the llvm dialect to it (default: 'lower-to-llvm')",
        kind="value",
        metavar="pipeline",
        group="Lowering",
    ),
    Option("no-implicit-module", "Do not wrap the input in a builtin.module", group="Lowering"),
    Option(
        "explore",
        "Write the pass explorer's HTML page for the lowering (each pass's IR diff, time and op counts); compiles afresh",
        kind="value",
        metavar="report.html",
        group="Lowering",
    ),
    *PLUGIN_OPTIONS,
    Option("help", "Show this help", short="h"),
    Option("version", "Show the version"),
)

COMMAND_LINE = CommandLine(
    "mlrun",
    "mlrun [options] <input file ('-' or none: stdin)>",
    "mlrun: MLIR CPU execution driver (mlir-runner compatible, JIT through llvmlite)",
    OPTIONS,
    epilog=(
        "Built-in runtime: printMemref{F32,F64,I32,I64,Ind,C32,C64} and their _mlir_ciface_ forms,\n"
        "printF32/F64/I64/U64, printNewline/Open/Close/Comma/String, printFlops, rtclock,\n"
        "memrefCopy, mlirAlloc/mlirAlignedAlloc/mlirFree; plugins may add more.\n"
        "--optimize[='options']: apply mlopt's default schedule (the optimize pass) before lowering.\n"
        "The entry point's result is printed like mlir-runner does (integers in decimal,\n"
        "floats as %e). Exit codes: 0 success, 1 error in the input or command line, 2 internal error."
    ),
)


DEFAULT_ENTRY_RESULT = "f32"
"""mlir-runner's default for --entry-point-result."""


def _run(session: Session, args: ParsedArgs, stdin: Any) -> int:
    _take_optimize_flag(args)
    if args.extra_flags:
        raise COMMAND_LINE.unknown_flag_error(args.extra_flags[0][2], [])
    if args.host_supports_jit:
        session.stdout.write("true\n")
        return EXIT_OK
    from mlopt.runtime import runner_utils

    if args.entry_point_result is not None and args.entry_point_result not in ENTRY_RESULTS:
        raise UsageError(
            f"invalid --entry-point-result '{args.entry_point_result}' (expected one of {', '.join(ENTRY_RESULTS)})"
        )
    opt_level = chosen_opt_level(args)
    if len(args.positionals) > 1:
        raise UsageError(f"expected one input file, got {len(args.positionals)}: {' '.join(args.positionals)}")
    path = args.positionals[0] if args.positionals else "-"
    source = session.read_source(path, stdin)
    check_output_writable(args.explore)
    cache, cache_key = (None, None) if args.no_cache or args.explore else _code_cache(args, path, source.text, opt_level)
    jit, result_kind = _cached_jit(session, args, opt_level, cache, cache_key)
    uses_gpu = False
    if jit is None:
        from mlopt.explorer import exploring_to

        with exploring_to(args.explore, source_name=source.name, source_text=source.text):
            jit, result_kind, uses_gpu = _compile(session, args, source, opt_level, keep_object=cache is not None)
        # GPU programs load their kernels when they run, from the device's state: not cached.
        if cache is not None and not uses_gpu and (entry := jit.to_cache(result_kind=result_kind)) is not None:
            cache.store(cache_key, entry)

    object_path = None
    if args.dump_object_file:
        object_path = args.object_filename or (("<stdin>" if path == "-" else path) + ".o")
    if object_path is not None:
        write_output(object_path, jit.object_code, session.stdout)

    session.stdout.flush()
    result = _call(jit, args.entry_point, result_kind)
    if result is not None:
        runner_utils.write(result)
    runner_utils.finish_output()
    return EXIT_ERROR if uses_gpu and _gpu_runtime_failed() else EXIT_OK


_UNCACHED_OPTIONS = frozenset({"no-cache", "dump-object-file", "object-filename", "help", "version", "host-supports-jit"})


def _code_cache(args: ParsedArgs, path: str, source: str, opt_level: int | None):
    """The compiled-code cache and this run's key in it."""
    import os

    from mlopt.codegen.cache import CodeCache, cache_key, file_state

    flags = {name: value for name, value in args.values.items() if name not in _UNCACHED_OPTIONS}
    # A frontend is chosen by the file's extension; plugin files and libraries are code too.
    files = [*args.shared_libs, *args.load_plugin]
    flags["input-extension"] = os.path.splitext(path)[1]
    flags["opt-level"] = opt_level
    flags["files"] = {name: file_state(name) for name in files}
    return CodeCache(), cache_key(source, flags)


def _cached_jit(session: Session, args: ParsedArgs, opt_level: int | None, cache, key: str | None):
    """(jit, entry-point result kind) from the cache, or (None, None)."""
    if cache is None:
        return None, None
    from mlopt.codegen.jit import Jit, StaleCacheEntry

    cached = cache.load(key)
    if cached is None:
        return None, None
    try:
        jit = Jit.from_cache(
            cached, registry=session.registry, opt_level=opt_level, shared_libs=args.shared_libs, cpu=args.mcpu, features=args.mattr
        )
    except StaleCacheEntry:
        return None, None
    return jit, cached.metadata["result_kind"]


def _compile(session: Session, args: ParsedArgs, source, opt_level: int | None, *, keep_object: bool):
    """Parse, lower and JIT-compile the input: (jit, entry-point result kind, whether it uses a GPU)."""
    from mlopt.codegen.jit import Jit
    from mlopt.codegen.lowering import first_gpu_op, lower_to_llvm_dialect, parse_input

    context = session.registry.make_context()
    module, frontend = parse_input(session, context, source, implicit_module=not args.no_implicit_module)
    # A frontend's language may have its own lowering and entry-point type.
    pipeline = args.pass_pipeline or (frontend.lowering_pipeline if frontend else None)
    result_kind = args.entry_point_result or (frontend and frontend.entry_point_result) or DEFAULT_ENTRY_RESULT
    gpu_op = first_gpu_op(module)
    if gpu_op is not None:
        _require_gpu(gpu_op)
    if args.values.get("optimize") is not None:
        from mlopt.passes.optimize.pipeline import pipeline_text

        lower_to_llvm_dialect(module, session.registry, context, pipeline=pipeline_text(args.optimize), sources=session.sources)
    lower_to_llvm_dialect(module, session.registry, context, pipeline=pipeline, sources=session.sources)
    _entry_point(module, args.entry_point, result_kind)
    jit = Jit(
        module,
        registry=session.registry,
        opt_level=opt_level,
        shared_libs=args.shared_libs,
        cpu=args.mcpu,
        features=args.mattr,
        keep_object=keep_object or bool(args.dump_object_file),
    )
    return jit, result_kind, gpu_op is not None


def _take_optimize_flag(args: ParsedArgs) -> None:
    """``--optimize[=options]`` (the optimize pass's options, as mlopt's pass
    flag takes them) becomes ``args.optimize``: the schedule runs before lowering."""
    for flag in [f for f in args.extra_flags if f[0] == "optimize"]:
        args.extra_flags.remove(flag)
        args.values["optimize"] = flag[1] or ""


def _require_gpu(gpu_op) -> None:
    from mlopt.runtime.cuda import gpu_missing

    reason = gpu_missing()
    if reason is not None:
        raise DiagnosticError.at(gpu_op.location, f"'{gpu_op.name}' op needs a GPU to run, but there is {reason}")


def _gpu_runtime_failed() -> bool:
    """Whether a GPU runtime call failed (each was reported when it happened)."""
    from mlopt.runtime.cuda_runtime import take_errors

    return bool(take_errors())


def _entry_point(module, name: str, result_kind: str):
    """The llvm.func to call, checked against --entry-point-result."""
    from xdsl.dialects import llvm

    from mlopt.codegen.translate import check_translatable, llvm_type
    from mlopt.diagnostics import location_of

    check_translatable(module)
    for op in module.walk():
        if op.name == "llvm.func" and op.properties["sym_name"].data == name:
            break
    else:
        raise UsageError(f"entry point '{name}' not found (choose the function with -e)")
    ftype = op.properties["function_type"]
    where = location_of(op)
    if not (op.regions and op.regions[0].blocks):
        raise DiagnosticError.at(where, f"entry point '{name}' is only declared; it has no body to run")
    if ftype.inputs.data:
        raise DiagnosticError.at(
            where, f"entry point '{name}' takes {len(ftype.inputs.data)} argument(s); mlrun can only call a function without arguments"
        )
    returns = "void" if isinstance(ftype.output, llvm.LLVMVoidType) else llvm_type(ftype.output, op)
    expected = {"void": "void", "i32": "i32", "i64": "i64", "f32": "float", "f64": "double"}[result_kind]
    if returns != expected:
        shown = {"float": "f32", "double": "f64"}.get(returns, returns)
        raise DiagnosticError.at(
            where,
            f"entry point '{name}' returns {shown}, but --entry-point-result={result_kind}"
            + ("" if returns in ("void", "i32", "i64", "float", "double") else " (mlrun can print void, i32, i64, f32 or f64 results)"),
        )
    return op


def _call(jit, name: str, result_kind: str) -> str | None:
    import ctypes

    storage = {
        "void": None,
        "i32": ctypes.c_int32(),
        "i64": ctypes.c_int64(),
        "f32": ctypes.c_float(),
        "f64": ctypes.c_double(),
    }[result_kind]
    crash = jit.call_packed_guarded(name, [] if storage is None else [storage])
    if crash is not None:
        from mlopt.runtime import runner_utils

        runner_utils.flush()
        sys.stderr.write(f"mlrun: error: {crash.describe(jit.function_at(crash.address))}\n")
        sys.stderr.flush()
        crash.die()
    if storage is None:
        return None
    if result_kind in ("f32", "f64"):
        return "%e\n" % storage.value
    return f"{storage.value}\n"




def _user_errors() -> tuple[type[Exception], ...]:
    from mlopt.codegen.jit import CodegenError

    return (CodegenError,)


# The program's own output goes to the process's stdout (file descriptor 1)
# through C's stdio, as mlir-runner's does; ``run``'s stdout gets mlrun's own.
TOOL = Tool(COMMAND_LINE, _run, _user_errors)
run = TOOL.run
main = TOOL.main

if __name__ == "__main__":
    sys.exit(main())
