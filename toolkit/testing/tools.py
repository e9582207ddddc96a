"""Run mlopt's tools in-process from tests, with chosen plugins registered.

    from mlopt.testing import run_mlopt
    import my_plugin.plugin

    def test_lowering():
        result = run_mlopt(SOURCE, ["--my-pass"], plugins=[my_plugin.plugin])
        assert result.exit_code == 0, result.stderr
        assert "my.op" not in result.stdout

In-process runs are much faster than subprocesses. The source is written to
a file named ``filename`` in a fresh temporary directory, which is the
working directory during the run: the file extension picks the frontend, and
diagnostics read ``filename:line:col: error: ...``.

Programs run by ``mlrun`` print through C's stdout (file descriptor 1), as
mlir-runner's do; :func:`run_mlrun` captures that too.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from mlopt.plugins import AUTOLOAD_ENV

ToolRun = Callable[..., int]
"""A tool's in-process entry: ``run(argv, *, stdin, stdout, stderr, plugins) -> exit code``."""

Plugin = ModuleType | tuple[str, object]
"""A plugin module (registered under its module name) or a (name, plugin object) pair."""


@dataclass(frozen=True)
class ToolResult:
    stdout: str
    stderr: str
    exit_code: int

    def check(self) -> str:
        """The output of a successful run; a failed run fails the test with its stderr."""
        if self.exit_code != 0:
            raise AssertionError(f"exit code {self.exit_code}; stderr:\n{self.stderr}")
        return self.stdout


def run_tool(
    run: ToolRun,
    source: str | None,
    args: Sequence[str] = (),
    *,
    plugins: Sequence[Plugin] = (),
    filename: str = "input.mlir",
    isolated: bool = True,
    native_stdout: bool = False,
) -> ToolResult:
    """Run a tool on ``source`` (None: no input file) with ``args``.

    ``isolated`` keeps installed plugins out (only mlopt's own and ``plugins``
    load), so a test sees the same registry wherever it runs.
    ``native_stdout`` also captures what native code writes to file descriptor
    1 (a JIT-ed program's output), appended to the tool's own output.
    """
    pairs = tuple(_named(plugin) for plugin in plugins)
    stdout, stderr = io.StringIO(), io.StringIO()
    native = _NativeStdout() if native_stdout else None
    with tempfile.TemporaryDirectory(prefix="mlopt-test-") as directory, _working_directory(directory):
        argv = list(args)
        if source is not None:
            with open(filename, "w", encoding="utf-8") as f:
                f.write(source)
            argv.insert(0, filename)
        with _isolation(isolated), contextlib.redirect_stdout(stdout), native or contextlib.nullcontext():
            exit_code = run(argv, stdin=io.StringIO(""), stdout=stdout, stderr=stderr, plugins=pairs)
    output = stdout.getvalue() + (native.text if native else "")
    return ToolResult(output, stderr.getvalue(), exit_code)


def run_mlopt(source: str | None, args: Sequence[str] = (), **options: Any) -> ToolResult:
    """``mlopt FILE ARGS...`` in-process; options as for :func:`run_tool`."""
    from mlopt.opt_main import run

    return run_tool(run, source, args, **options)


def run_mlrun(source: str | None, args: Sequence[str] = (), **options: Any) -> ToolResult:
    """``mlrun FILE ARGS...`` in-process, with the program's output in ``stdout``."""
    from mlopt.run_main import run

    return run_tool(run, source, args, native_stdout=True, **options)


class _NativeStdout:
    """Redirects file descriptor 1 to a temporary file for the block."""

    text = ""

    def __enter__(self) -> _NativeStdout:
        from mlopt.runtime.runner_utils import flush

        self._flush = flush
        flush()
        self._file = tempfile.TemporaryFile()
        self._saved = os.dup(1)
        os.dup2(self._file.fileno(), 1)
        return self

    def __exit__(self, *exc: object) -> None:
        self._flush()
        os.dup2(self._saved, 1)
        os.close(self._saved)
        self._file.seek(0)
        self.text = self._file.read().decode("utf-8", errors="replace")
        self._file.close()


def _named(plugin: Plugin) -> tuple[str, object]:
    if isinstance(plugin, ModuleType):
        return plugin.__name__, plugin
    return plugin


@contextlib.contextmanager
def _working_directory(path: str) -> Iterator[None]:
    previous = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


@contextlib.contextmanager
def _isolation(isolated: bool) -> Iterator[None]:
    """Disable plugin autoloading for the block when ``isolated``."""
    previous = os.environ.get(AUTOLOAD_ENV)
    if isolated:
        os.environ[AUTOLOAD_ENV] = "1"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(AUTOLOAD_ENV, None)
        else:
            os.environ[AUTOLOAD_ENV] = previous
