"""Running mlopt's own tools in a child process, for the tools that judge
programs by what they do (mlopt-bisect, mlopt-reduce): a crash, a hang or a
JIT-compiled program's output stays in the child."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from mlopt.cli import Option, ParsedArgs, UsageError, chosen_opt_level, opt_level_options


MAX_REASON = 160
"""Characters of the error line a summary quotes."""


@dataclass(frozen=True)
class Outcome:
    """What a run did: its exit code (negative: the signal that ended it) and output."""

    exit_code: int
    stdout: str
    stderr: str
    timed_out: bool = False

    def summary(self) -> str:
        """One line: how the run ended."""
        if self.timed_out:
            return "timed out"
        if self.exit_code < 0:
            return f"killed by signal {-self.exit_code}"
        lines = [line.strip() for line in self.stderr.splitlines() if line.strip()]
        reason = next((line for line in lines if "error" in line), lines[0] if lines else "")
        if len(reason) > MAX_REASON:
            reason = reason[: MAX_REASON - 3] + "..."
        return f"exit code {self.exit_code}" + (f": {reason}" if self.exit_code and reason else "")

    def same_behaviour(self, other: Outcome) -> bool:
        """Same ending and same output (diagnostics on stderr may differ)."""
        return (self.exit_code, self.timed_out, self.stdout) == (other.exit_code, other.timed_out, other.stdout)


TOOL_MODULES = {"mlopt": "mlopt.opt_main", "mlrun": "mlopt.run_main"}
"""The tools' own implementations: each run is a fresh process, never a warm server's."""


def run_tool(tool: str, args: Sequence[str], *, timeout: float | None = None) -> Outcome:
    """``tool`` (``mlopt``, ``mlrun``) with ``args`` in a child process."""
    command = [sys.executable, "-m", TOOL_MODULES[tool], *args]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as err:
        return Outcome(-9, _text(err.stdout), _text(err.stderr), timed_out=True)
    return Outcome(done.returncode, _text(done.stdout), _text(done.stderr))


def _text(data: bytes | None) -> str:
    return (data or b"").decode("utf-8", errors="replace")


def program_run_options(group: str) -> tuple[Option, ...]:
    """How a tool that runs programs runs them: mlrun's entry-point, result,
    -O and library options, and a --timeout for each run."""
    return (
        Option("entry-point", "The function mlrun calls (default main)", kind="value", short="e", metavar="function name", default="main", group=group),
        Option("entry-point-result", "Its result type: void, i32, i64, f32 or f64 (as mlrun)", kind="value", metavar="type", group=group),
        *opt_level_options("passed to mlrun", group),
        Option("shared-libs", "Libraries mlrun loads (as mlrun)", kind="list", metavar="lib.so,...", group=group),
        Option("timeout", "Seconds one run may take before it counts as a hang (default 60)", kind="value", metavar="seconds", default="60", group=group),
    )


def mlrun_arguments(args: ParsedArgs) -> list[str]:
    """mlrun's command line for the options of :func:`program_run_options` and the plugins."""
    level = chosen_opt_level(args)
    return [
        f"--entry-point={args.entry_point}",
        *([f"--entry-point-result={args.entry_point_result}"] if args.entry_point_result else []),
        *([f"-O{level}"] if level is not None else []),
        *([f"--shared-libs={','.join(args.shared_libs)}"] if args.shared_libs else []),
        *(f"--load-plugin={plugin}" for plugin in args.load_plugin),
        *(f"--disable-plugin={plugin}" for plugin in args.disable_plugin),
    ]


def timeout_seconds(args: ParsedArgs) -> float:
    try:
        seconds = float(args.timeout)
    except ValueError:
        seconds = 0.0
    if seconds <= 0:
        raise UsageError(f"invalid --timeout '{args.timeout}' (expected seconds)")
    return seconds
