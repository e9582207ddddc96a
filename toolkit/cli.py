"""The command line shared by mlopt, mlrun and mltranslate.

LLVM tools accept ``-flag`` and ``--flag`` alike and take pass flags in order,
with options as ``--pass='a=1 b=2'``; argparse does neither, so this module
has a small option parser of its own. It also holds what every tool does the
same way: loading plugins, reading the input, reporting diagnostics, writing
the output atomically, and running with a deep stack.
"""

from __future__ import annotations

import difflib
import errno
import gc
import os
import re
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TextIO

from mlopt.diagnostics import Diagnostic, DiagnosticError, SourceManager, SourceText, printing_handler

if TYPE_CHECKING:
    from mlopt.plugins import PluginSet
    from mlopt.registry import Registry

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_INTERNAL = 2
"""A crash in mlopt or a plugin (a bug), as opposed to bad input."""


class UsageError(Exception):
    """A bad command line; the message is printed as ``tool: error: message``."""


# --------------------------------------------------------------------------- options


@dataclass(frozen=True)
class Option:
    name: str
    help: str
    kind: Literal["flag", "value", "list"] = "flag"
    """flag: on/off (``--x``, ``--x=false``); value: one value; list: repeatable,
    comma-separated values accumulate."""
    short: str | None = None
    aliases: tuple[str, ...] = ()
    metavar: str = "value"
    default: Any = None
    group: str = "General options"


@dataclass
class ParsedArgs:
    values: dict[str, Any]
    positionals: list[str]
    extra_flags: list[tuple[str, str | None, str]] = field(default_factory=list)
    """Flags that are not options, in order: (name, value or None, original text)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name.replace("_", "-")]
        except KeyError:
            raise AttributeError(name) from None


_TRUE = {"", "true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


class CommandLine:
    """Option table and parser for one tool."""

    def __init__(self, prog: str, usage: str, description: str, options: Sequence[Option], epilog: str = ""):
        self.prog = prog
        self.usage = usage
        self.description = description
        self.options = list(options)
        self.epilog = epilog
        self._by_name: dict[str, Option] = {}
        for option in self.options:
            for name in (option.name, *option.aliases):
                self._by_name[name] = option
            if option.short:
                self._by_name[option.short] = option

    def parse(self, argv: Sequence[str]) -> ParsedArgs:
        values: dict[str, Any] = {}
        for option in self.options:
            values[option.name] = list(option.default or []) if option.kind == "list" else option.default
        parsed = ParsedArgs(values, [])
        args = list(argv)
        i = 0
        while i < len(args):
            arg = args[i]
            i += 1
            if arg == "--":
                parsed.positionals.extend(args[i:])
                break
            if arg == "-" or not arg.startswith("-"):
                parsed.positionals.append(arg)
                continue
            # As LLVM's cl: the whole name up to '=' must be an option's name;
            # no option takes its value glued on ('-one-shot-bufferize' is a
            # pass flag, not '-o ne-shot-bufferize').
            name, eq, value = arg.lstrip("-").partition("=")
            option = self._by_name.get(name)
            if option is None:
                parsed.extra_flags.append((name, value if eq else None, arg))
                continue
            if option.kind == "flag":
                lowered = value.lower() if eq else ""
                if lowered not in _TRUE | _FALSE:
                    raise UsageError(f"invalid value '{value}' for flag '--{name}' (expected true or false)")
                values[option.name] = lowered in _TRUE
                continue
            if not eq:
                if i >= len(args):
                    raise UsageError(f"option '{arg}' needs a value")
                value = args[i]
                i += 1
            if option.kind == "list":
                values[option.name].extend(v for v in value.split(",") if v)
            else:
                values[option.name] = value
        return parsed

    def unknown_flag_error(self, argument: str, candidates: Sequence[str], note: str = "") -> UsageError:
        """``argument`` as the user spelled it, then ``note`` (what it is) or
        else a suggestion from the options and ``candidates``."""
        if not note:
            name = argument.lstrip("-").partition("=")[0]
            hint = difflib.get_close_matches(name, list(self._by_name) + list(candidates), n=1)
            note = f"; did you mean '--{hint[0]}'?" if hint else ""
        return UsageError(f"unknown command line argument '{argument}'{note} (see '{self.prog} --help')")

    def help_text(self) -> str:
        lines = [f"OVERVIEW: {self.description}", "", f"USAGE: {self.usage}", ""]
        groups: dict[str, list[Option]] = {}
        for option in self.options:
            groups.setdefault(option.group, []).append(option)
        for group, options in groups.items():
            lines.append(f"{group}:")
            for option in options:
                spelled = f"--{option.name}"
                if option.kind != "flag":
                    spelled += f"=<{option.metavar}>"
                if option.short:
                    spelled = f"-{option.short}{' <' + option.metavar + '>' if option.kind != 'flag' else ''}, " + spelled
                lines.append(f"  {spelled:<40} - {option.help}")
                for alias in option.aliases:
                    lines.append(f"  {'--' + alias:<40} - alias of --{option.name}")
            lines.append("")
        if self.epilog:
            lines.append(self.epilog)
        return "\n".join(lines).rstrip() + "\n"


PLUGIN_OPTIONS = (
    Option(
        "load-plugin",
        "Load a plugin: a module name or a path to a .py file (repeatable)",
        kind="list",
        aliases=("load-pass-plugin", "load-dialect-plugin"),
        metavar="module|file.py",
        group="Plugins",
    ),
    Option("disable-plugin", "Do not load the named plugin (repeatable)", kind="list", metavar="name", group="Plugins"),
    Option("list-plugins", "List the loaded plugins and what each registers", group="Plugins"),
)


# --------------------------------------------------------------------------- session


class Session:
    """What one tool run shares: its name, streams, sources, plugins, registry."""

    def __init__(self, prog: str, stdout: TextIO | None = None, stderr: TextIO | None = None):
        self.prog = prog
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.sources = SourceManager()
        self.plugins: PluginSet | None = None
        self._registry: Registry | None = None

    # Messages ---------------------------------------------------------------

    def error(self, message: str) -> None:
        self.stderr.write(f"{self.prog}: error: {message}\n")
        self.stderr.flush()

    def report(self, err: DiagnosticError, *, op_notes: bool = True) -> None:
        handler = printing_handler(self.sources, self.stderr, op_notes=op_notes)
        for diagnostic in err.diagnostics:
            handler(diagnostic)

    # Plugins ----------------------------------------------------------------

    def load_plugins(self, args: ParsedArgs, extra_objects: tuple[tuple[str, object], ...] = ()) -> Registry:
        from mlopt.plugins import load_plugins
        from mlopt.registry import Registry

        self.plugins = load_plugins(
            extra=tuple(args.values.get("load-plugin", ())),
            disabled=tuple(args.values.get("disable-plugin", ())),
            extra_objects=extra_objects,
        )
        self._registry = Registry(self.plugins)
        return self._registry

    @property
    def registry(self) -> Registry:
        assert self._registry is not None, "load_plugins() first"
        return self._registry

    def flush_plugin_problems(self) -> None:
        """Print plugin problems met so far (each once)."""
        if self.plugins is None:
            return
        for problem in self.plugins.problems:
            self.error(problem)
        self.plugins.problems.clear()

    # Input ------------------------------------------------------------------

    def read_source(self, path: str, stdin: Any = None) -> SourceText:
        """Read a file (``-``: stdin) as UTF-8; bad bytes are a located error."""
        name = "<stdin>" if path == "-" else path
        try:
            if path == "-":
                stream = stdin if stdin is not None else sys.stdin
                data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
            else:
                with open(path, "rb") as f:
                    data = f.read()
        except OSError as err:
            raise UsageError(f"could not open input file '{path}': {err.strerror or err}") from None
        text = data if isinstance(data, str) else _decode(name, data, self.sources)
        return self.sources.add(name, text)


def _decode(name: str, data: bytes, sources: SourceManager) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        escaped = data.decode("utf-8", errors="surrogateescape")
        offset = _first_raw_byte_outside_literals(escaped)
        if offset is None:
            # As mlir-opt, which takes string literals and comments as bytes;
            # the lexer makes surrogate-escaped string literals BytesAttrs.
            return escaped
        # Each undecodable byte is one character in both decodings.
        source = sources.add(name, data.decode("utf-8", errors="replace"))
        raise DiagnosticError(
            Diagnostic(
                "error",
                f"input is not valid UTF-8 (byte 0x{ord(escaped[offset]) - 0xDC00:02x})",
                source.location(offset),
            )
        ) from None


_STRING_LITERAL_OR_COMMENT = re.compile(r'"(?:[^"\\\n]|\\.)*"|//[^\n]*|(?P<raw>[\udc80-\udcff])')


def _first_raw_byte_outside_literals(text: str) -> int | None:
    """Where the first surrogate-escaped (not UTF-8) byte of ``text`` lies
    outside every one-line string literal and comment, if any does."""
    for match in _STRING_LITERAL_OR_COMMENT.finditer(text):
        if match.group("raw"):
            return match.start()
    return None


def check_output_writable(path: str | None) -> None:
    """Fail before any work if ``-o path`` cannot be written (mlir-opt opens
    its output file first, too)."""
    if path in (None, "-"):
        return
    directory = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        problem = errno.EISDIR
    elif os.path.exists(path):
        problem = 0 if os.access(path, os.W_OK) else errno.EACCES
    elif not os.path.isdir(directory):
        problem = errno.ENOENT
    else:
        problem = 0 if os.access(directory, os.W_OK | os.X_OK) else errno.EACCES
    if problem:
        raise UsageError(f"could not write output file '{path}': {os.strerror(problem)}")


def write_output(path: str | None, text: str | bytes, stdout: TextIO) -> None:
    """Write to ``path`` atomically (a failed run never leaves a partial or
    clobbered file), or to ``stdout`` for None and ``-``.

    Where replacing the file would change what ``path`` is, it is written in
    place: a device, pipe or socket (/dev/null, a FIFO), a file with other
    hard links (they must see the new contents), and a writable file in a
    directory where no temporary file can be created."""
    if path in (None, "-"):
        if isinstance(text, bytes):
            stdout.flush()
            target = getattr(stdout, "buffer", None)
            if target is None:
                raise UsageError("binary output needs a file; use -o FILE")
            target.write(text)
            target.flush()
        else:
            stdout.write(text)
            stdout.flush()
        return
    if os.path.exists(path) and (not os.path.isfile(path) or os.stat(path).st_nlink > 1):
        _write_in_place(path, text)
        return
    path = os.path.realpath(path)  # replace what a symlink points to, not the link
    directory = os.path.dirname(path)
    try:
        fd, temp_path = tempfile.mkstemp(prefix=".mlopt-", dir=directory)
    except OSError as err:
        if os.path.isfile(path) and os.access(path, os.W_OK):
            _write_in_place(path, text)
            return
        raise UsageError(f"could not write output file '{path}': {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "wb" if isinstance(text, bytes) else "w") as f:
            f.write(text)
        if os.path.exists(path):
            os.chmod(temp_path, os.stat(path).st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_path, 0o666 & ~umask)
        os.replace(temp_path, path)
    except BaseException as err:
        if os.path.exists(temp_path):
            os.unlink(temp_path)
        if isinstance(err, OSError):
            raise UsageError(f"could not write output file '{path}': {err.strerror or err}") from None
        raise


def _write_in_place(path: str, text: str | bytes) -> None:
    try:
        with open(path, "wb" if isinstance(text, bytes) else "w") as f:
            f.write(text)
    except OSError as err:
        raise UsageError(f"could not write output file '{path}': {err.strerror or err}") from None


# --------------------------------------------------------------------------- running


GC_GENERATION0_THRESHOLD = 100_000
STACK_BYTES = 1 << 29
RECURSION_LIMIT = 200_000


def run_with_deep_stack(function: Callable[[], int]) -> int:
    """Run ``function`` in a thread with a large stack, so that deeply nested
    input parses instead of overflowing Python's recursion limit."""
    result: list[int] = [EXIT_INTERNAL]
    failure: list[BaseException] = []

    def target() -> None:
        try:
            result[0] = function()
        except BaseException as err:  # noqa: BLE001 - re-raised in the caller's thread
            failure.append(err)

    old_limit = sys.getrecursionlimit()
    old_stack = threading.stack_size()
    try:
        threading.stack_size(STACK_BYTES)
        sys.setrecursionlimit(max(old_limit, RECURSION_LIMIT))
        thread = threading.Thread(target=target, name="mlopt-main", daemon=True)
        thread.start()
        thread.join()
    finally:
        threading.stack_size(old_stack)
        sys.setrecursionlimit(old_limit)
    if failure:
        raise failure[0]
    return result[0]


@dataclass(frozen=True)
class Tool:
    """One command-line tool: the steps every mlopt tool takes around its own
    logic (``body``, called once the plugins are loaded): parsing, --help and
    --version, plugin loading, a deep stack, and errors as messages."""

    command_line: CommandLine
    body: Callable[[Session, ParsedArgs, Any], int]
    user_errors: Callable[[], tuple[type[Exception], ...]] = tuple
    """Exception types (imported when needed) reported as one-line errors."""
    plugin_help: Callable[[Session], str] | None = None
    """Help that lists what plugins register; None: the static help."""

    def run(
        self,
        argv: Sequence[str],
        *,
        stdin: Any = None,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        plugins: tuple[tuple[str, object], ...] = (),
    ) -> int:
        """Run the tool in-process; ``plugins`` registers (name, plugin) pairs directly."""
        session = Session(self.command_line.prog, stdout, stderr)

        def steps() -> int:
            args = self.command_line.parse(argv)
            if args.values.get("version"):
                from mlopt import __version__

                session.stdout.write(f"{session.prog} {__version__}\n")
                return EXIT_OK
            if args.values.get("help") and self.plugin_help is None:
                session.stdout.write(self.command_line.help_text())
                return EXIT_OK
            session.load_plugins(args, plugins)
            session.flush_plugin_problems()
            if args.values.get("help"):
                session.stdout.write(self.plugin_help(session))
                return EXIT_OK
            return self.body(session, args, stdin)

        return run_with_deep_stack(lambda: guarded_run(session, steps, self.user_errors()))

    def main(self, argv: Sequence[str] | None = None) -> NoReturn:
        tool_main(self.command_line.prog, self.run, argv)


def tool_main(prog: str, run: Callable[[list[str]], int], argv: Sequence[str] | None = None) -> NoReturn:
    """The process entry point: runs the tool, then ends the process with its
    exit code. Ctrl-C and broken pipes end the tool quietly. (``run`` itself
    reports errors and runs with a deep stack; in-process callers use it.)"""
    args = list(sys.argv[1:] if argv is None else argv)
    # xDSL allocates many small objects, few of them cyclic garbage: collecting
    # less often makes imports and large compilations 5-15% faster. Only the
    # process entry point does this; in-process callers keep their settings.
    gc.set_threshold(GC_GENERATION0_THRESHOLD, 50, 1000)
    from mlopt import dataclass_cache

    dataclass_cache.install()
    try:
        code = run(args)
    except KeyboardInterrupt:
        sys.stderr.write(f"{prog}: interrupted\n")
        code = 130
    except BrokenPipeError:
        # The reader went away (e.g. `mlopt x | head`); that is not an error.
        _discard_stdout()
        code = EXIT_OK
    exit_without_teardown(code)


def exit_without_teardown(code: int) -> NoReturn:
    """End the process without freeing the IR and the imported modules one
    object at a time, which costs more CPU than parsing a small file. What a
    normal exit does that is seen from outside still happens: the atexit
    handlers run (the dataclass cache is saved there), and Python's and C's
    buffered output is written."""
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            pass  # the reader went away: not an error, as above
        except (OSError, ValueError):
            code = code or 120  # what Python's own exit returns when the flush fails
    # Only code loaded through ctypes (the JIT, runtime libraries) writes through C's stdio.
    if "ctypes" in sys.modules:
        sys.modules["ctypes"].CDLL(None).fflush(None)
    os._exit(code)


_OUTPUT_FAILURES = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})
"""Errors writing the output that are the environment's, not a bug (``> /dev/full``)."""


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the exit does not fail again on what is still buffered."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def guarded_run(session: Session, body: Callable[[], int], user_errors: tuple[type[Exception], ...] = ()) -> int:
    """Run a tool's ``body`` so that bad input and bad command lines become
    messages with exit code 1 (``user_errors`` are printed as one line too),
    and anything else a named internal error: never a traceback."""
    try:
        return body()
    except UsageError as err:
        session.error(str(err))
        return EXIT_ERROR
    except DiagnosticError as err:
        session.report(err)
        return EXIT_ERROR
    except OSError as err:
        if err.errno not in _OUTPUT_FAILURES:
            return report_unexpected(session, err)
        session.error(f"could not write the output: {err.strerror}")
        if session.stdout is sys.stdout:
            _discard_stdout()
        return EXIT_ERROR
    except Exception as err:  # noqa: BLE001 - the last line of defence against tracebacks
        if isinstance(err, user_errors):
            session.error(str(err))
            return EXIT_ERROR
        return report_unexpected(session, err)
    finally:
        session.flush_plugin_problems()


def report_unexpected(session: Session, err: Exception) -> int:
    """Plugin failures and internal errors: named, one line, no traceback."""
    from mlopt.pass_runner import InternalError, traceback_wanted
    from mlopt.plugins import PluginLoadError
    from mlopt.registry import PluginFailure

    if isinstance(err, (PluginFailure, PluginLoadError)):
        session.error(str(err))
        return EXIT_ERROR
    if isinstance(err, InternalError):
        if err.evidence is not None:
            session.report(err.evidence)
        session.stderr.write(f"{session.prog}: internal error: {err}\n")
        return EXIT_INTERNAL
    detail = "".join(traceback.format_exception(err)) if traceback_wanted() else ""
    session.stderr.write(
        f"{session.prog}: internal error: {type(err).__name__}: {err}\n"
        "  this is a bug in mlopt; set MLOPT_TRACEBACK=1 to see the Python traceback\n" + detail
    )
    return EXIT_INTERNAL


def opt_level_options(help_suffix: str, group: str) -> tuple[Option, ...]:
    """``-O0`` .. ``-O3``, as LLVM's tools spell them."""
    return tuple(Option(f"O{level}", f"Optimise at -O{level} ({help_suffix})", group=group) for level in range(4))


def chosen_opt_level(args: ParsedArgs) -> int | None:
    """The -O level given, or None."""
    chosen = [level for level in range(4) if args.values[f"O{level}"]]
    if len(chosen) > 1:
        raise UsageError("only one of -O0, -O1, -O2, -O3 may be given")
    return chosen[0] if chosen else None
