"""Iteration time: the warm compile server and the compiled-code cache.

Two measurements, contenders alternating, process wall time:

- ``mlopt tiny.mlir``: cold (a fresh process), through the warm server, and
  ``mlir-opt`` (and ``xdsl-opt`` where installed);
- ``mlrun`` of a small program that prints: cold (no cache), a cache hit, a
  cache hit through the warm server, and ``mlir-opt | mlir-runner``.

The server runs in a private directory of its own and the cache in a temporary
directory, so neither the user's server nor their cache is touched. Run alone
with ``python -m mlopt.bench.startup [--quick] [--repeats N]``.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field

from mlopt.bench.measure import Contender, CouldNotRun, Repeats, Sample, Series, alternate, installed_script, python_tool, run_pipeline

TINY = "func.func @f(%a: i32) -> i32 {\n  return %a : i32\n}\n"

PROGRAM = """func.func private @printF64(f64)
func.func private @printNewline()
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = arith.constant 100 : index
  %zero = arith.constant 0.0 : f64
  %step = arith.constant 0.5 : f64
  %sum = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %zero) -> (f64) {
    %next = arith.addf %acc, %step : f64
    scf.yield %next : f64
  }
  call @printF64(%sum) : (f64) -> ()
  call @printNewline() : () -> ()
  return
}
"""
EXPECTED_OUTPUT = "50\n"

COLD, SERVER, CACHE_HIT, SERVER_CACHE_HIT = "cold", "warm server", "cache hit", "warm server + cache hit"
MLIR_OPT, XDSL_OPT, UPSTREAM_RUN = "mlir-opt", "xdsl-opt", "mlir-opt + mlir-runner"


@dataclass
class StartupResults:
    tiny: dict[str, Series] = field(default_factory=dict)
    run: dict[str, Series] = field(default_factory=dict)
    served: str = ""
    """How many of the server's contender runs it served itself (it restarts when mlopt's files change)."""


class _Sandbox:
    """A private server directory and cache directory, and the environments that use them."""

    def __init__(self, root: str):
        server_dir = os.path.join(root, "server")
        os.mkdir(server_dir, 0o700)
        base = {name: value for name, value in os.environ.items() if name not in ("MLOPT_SERVER", "MLOPT_CACHE_DIR")}
        base["MLOPT_SERVER_DIR"] = server_dir
        self.cold = {**base, "MLOPT_SERVER": "0", "MLOPT_CACHE_DIR": os.path.join(root, "cold-cache")}
        self.cached = {**base, "MLOPT_SERVER": "0", "MLOPT_CACHE_DIR": os.path.join(root, "cache")}
        self.served = {**base, "MLOPT_CACHE_DIR": os.path.join(root, "cache")}
        self.control = python_tool("mlopt-server", "mlopt.tools.mlopt_server")

    def server(self, command: str) -> str:
        result = subprocess.run([*self.control, command], env=self.served, capture_output=True, text=True, timeout=600)
        return result.stdout.strip()

    def requests_served(self) -> tuple[str, int] | None:
        """(pid, requests) of the running server."""
        import re

        match = re.search(r"pid (\d+), (\d+) request", self.server("status"))
        return (match[1], int(match[2])) if match else None


def _sample(commands: Sequence[Sequence[str]], env: dict, expected: str | None = None) -> Sample:
    wall, stdout = run_pipeline(commands, env=env)
    if expected is not None and stdout != expected:
        raise CouldNotRun(f"printed {stdout[:100]!r}, expected {expected!r}")
    return Sample(wall, wall)


def _contender(name: str, commands: Sequence[Sequence[str]], env: dict, expected: str | None = None) -> Contender:
    return Contender(name, lambda: _sample(commands, env, expected))


def _missing(name: str, reason: str) -> Contender:
    return Contender(name, None, reason)


def run(quick: bool, repeats: Repeats, log=print) -> StartupResults:
    from mlopt.testing.features import llvm_tool, llvm_tool_missing, mlir_runner_libraries

    results = StartupResults()
    mlopt = python_tool("mlopt", "mlopt.tools.mlopt")
    mlrun = python_tool("mlrun", "mlopt.tools.mlrun")
    with tempfile.TemporaryDirectory(prefix="mlopt-bench-startup-") as root:
        sandbox = _Sandbox(root)
        tiny = os.path.join(root, "tiny.mlir")
        program = os.path.join(root, "program.mlir")
        with open(tiny, "w") as f:
            f.write(TINY)
        with open(program, "w") as f:
            f.write(PROGRAM)
        log("start-up: starting a warm server")
        sandbox.server("start")
        before = sandbox.requests_served()
        try:
            mlir_opt_missing = llvm_tool_missing("mlir-opt")
            xdsl_opt = installed_script("xdsl-opt")
            log("start-up: mlopt tiny.mlir")
            results.tiny = alternate(
                [
                    _contender(COLD, [[*mlopt, tiny]], sandbox.cold),
                    _contender(SERVER, [[*mlopt, tiny]], sandbox.served),
                    _missing(MLIR_OPT, mlir_opt_missing) if mlir_opt_missing else _contender(MLIR_OPT, [[llvm_tool("mlir-opt"), tiny]], sandbox.cold),
                    _contender(XDSL_OPT, [[xdsl_opt, tiny]], sandbox.cold) if xdsl_opt else _missing(XDSL_OPT, "xdsl-opt is not installed"),
                ],
                repeats,
            )
            run_flags = ["-e", "main", "--entry-point-result=void"]
            # Fill the cache once, so that every cache contender run is a hit.
            _sample([[*mlrun, program, *run_flags]], sandbox.cached, EXPECTED_OUTPUT)
            upstream: Contender
            runner_missing = mlir_opt_missing or llvm_tool_missing("mlir-runner")
            if runner_missing:
                upstream = _missing(UPSTREAM_RUN, runner_missing)
            else:
                try:
                    libraries = ",".join(mlir_runner_libraries())
                    upstream = _contender(
                        UPSTREAM_RUN,
                        [
                            [llvm_tool("mlir-opt"), "--test-lower-to-llvm", program],
                            [llvm_tool("mlir-runner"), *run_flags, f"--shared-libs={libraries}"],
                        ],
                        sandbox.cold,
                        EXPECTED_OUTPUT,
                    )
                except LookupError as err:
                    upstream = _missing(UPSTREAM_RUN, str(err))
            log("start-up: mlrun of a small program")
            results.run = alternate(
                [
                    _contender(COLD, [[*mlrun, program, *run_flags, "--no-cache"]], sandbox.cold, EXPECTED_OUTPUT),
                    _contender(CACHE_HIT, [[*mlrun, program, *run_flags]], sandbox.cached, EXPECTED_OUTPUT),
                    _contender(SERVER_CACHE_HIT, [[*mlrun, program, *run_flags]], sandbox.served, EXPECTED_OUTPUT),
                    upstream,
                ],
                repeats,
            )
            after = sandbox.requests_served()
            server_runs = len(results.tiny[SERVER].samples) + len(results.run[SERVER_CACHE_HIT].samples)
            if before and after and before[0] == after[0]:
                results.served = f"the server served {after[1] - before[1]} of {server_runs} runs"
            else:
                results.served = "the server restarted during the measurement (mlopt's files changed on disk), so some server runs ran in-process"
        finally:
            sandbox.server("stop")
    return results


def tables(results: StartupResults, peak=None) -> list[str]:
    from mlopt.bench.report import cell, ratio, table

    lines = ["### `mlopt tiny.mlir`", ""]
    upstream, xdsl = results.tiny.get(MLIR_OPT), results.tiny.get(XDSL_OPT)
    lines += table(
        ["", "wall time, median [min–max]", "vs mlir-opt", "vs xdsl-opt"],
        [[name, cell(series), ratio(series, upstream), ratio(series, xdsl)] for name, series in results.tiny.items()],
    )
    lines += ["", "### `mlrun` of a small program", ""]
    reference = results.run.get(UPSTREAM_RUN)
    lines += table(
        ["", "wall time, median [min–max]", "vs mlir-opt + mlir-runner"],
        [[name, cell(series), ratio(series, reference)] for name, series in results.run.items()],
    )
    if results.served:
        lines += ["", f"In this run {results.served}."]
    return lines


def not_run(results: StartupResults) -> list[tuple[str, str]]:
    return [
        (f"start-up: {name}", series.not_run)
        for group in (results.tiny, results.run)
        for name, series in group.items()
        if series.not_run
    ]


def section(quick: bool, repeats: Repeats, log=print) -> list[str]:
    """The report's section: a heading, the tables and what could not run."""
    results = run(quick, repeats, log)
    lines = ["", "## Warm server and compiled-code cache", "", *tables(results)]
    lines += [f"- {what}: could not run: {why}" for what, why in not_run(results)]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    from mlopt.bench.measure import section_main

    return section_main(__doc__, argv, run, tables, not_run)


if __name__ == "__main__":
    raise SystemExit(main())
