"""Generated-code speed: the kernel set (:mod:`mlopt.bench.kernels`) lowered
by mlopt and run by mlrun, against the same IR through mlir-opt and
mlir-runner, against numpy and numba.

Every contender is a fresh process on one thread, and every run prints the
kernel time it measured itself around one call (``rtclock`` in the MLIR
programs) and a checksum of the output; checksums are compared with the
reference (mlir-runner's, else numpy's). ``mlir-opt + mlrun`` runs
mlir-opt's lowering through mlrun, which isolates mlopt's code generation
from its lowering. Process wall time minus kernel time is the latency: start-up,
parsing, lowering and JIT compilation (for numba: its compilation).

Run this section alone: ``python -m mlopt.bench.codegen [--quick] [--repeats N]``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field

from mlopt.bench.kernels import Kernel, kernel_set
from mlopt.bench.measure import (
    SINGLE_THREAD_ENV,
    Contender,
    CouldNotRun,
    Repeats,
    Sample,
    Series,
    alternate,
    python_tool,
    run_pipeline,
    section_main,
    series_not_run,
)
from mlopt.testing.features import llvm_tool, llvm_tool_missing

MLOPT = "mlopt + mlrun"
UPSTREAM_LOWERING_MLRUN = "mlir-opt + mlrun"
UPSTREAM = "mlir-opt + mlir-runner"
NUMPY = "numpy"
NUMBA = "numba"
CONTENDERS = (MLOPT, UPSTREAM_LOWERING_MLRUN, UPSTREAM, NUMPY, NUMBA)
REFERENCES = (UPSTREAM, NUMPY)
"""Whose checksum the others are compared with, in order of preference."""

OPT_LEVEL = "-O3"


def runner_libs() -> str:
    """mlir-runner's support libraries, comma-separated; raises CouldNotRun."""
    from mlopt.testing.features import mlir_runner_libraries

    try:
        return ",".join(mlir_runner_libraries())
    except LookupError as err:
        raise CouldNotRun(str(err)) from None


def _process_sample(command: list[str]) -> Sample:
    wall, stdout = run_pipeline([command], env={**os.environ, **SINGLE_THREAD_ENV})
    lines = stdout.split()
    try:
        return Sample(float(lines[0]), wall, float(lines[1]))
    except (IndexError, ValueError):
        raise CouldNotRun(f"expected the kernel time and a checksum, got {stdout[:200]!r}") from None


def _process_contender(name: str, command: list[str] | str) -> Contender:
    if isinstance(command, str):
        return Contender(name, None, command)
    return Contender(name, lambda: _process_sample(command))


def _lower_upstream(source_path: str) -> str:
    """mlir-opt's lowering of the program (not timed); the path of the result."""
    lowered = source_path.replace(".mlir", ".llvm.mlir")
    result = subprocess.run(
        [llvm_tool("mlir-opt"), "--test-lower-to-llvm", source_path, "-o", lowered], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise CouldNotRun(f"mlir-opt --test-lower-to-llvm failed: {result.stderr.strip().splitlines()[0]}")
    return lowered


def contenders(kernel: Kernel, workdir: str) -> list[Contender]:
    source = os.path.join(workdir, f"{kernel.name}.mlir")
    with open(source, "w") as f:
        f.write(kernel.mlir())
    mlrun = [*python_tool("mlrun", "mlopt.tools.mlrun"), "-e", "main", "--entry-point-result=void", OPT_LEVEL]
    lowered = libs = ""
    lowering_problem = llvm_tool_missing("mlir-opt")
    if lowering_problem is None:
        try:
            lowered = _lower_upstream(source)
        except CouldNotRun as err:
            lowering_problem = str(err)
    runner_problem = lowering_problem or llvm_tool_missing("mlir-runner")
    if runner_problem is None:
        try:
            libs = runner_libs()
        except CouldNotRun as err:
            runner_problem = str(err)
    runner = [llvm_tool("mlir-runner"), lowered, "-e", "main", "-entry-point-result=void", OPT_LEVEL, f"-shared-libs={libs}"]
    python = [sys.executable, "-m", "mlopt.bench.python_kernels"]
    params = json.dumps(kernel.params)
    numba_problem = None if importlib.util.find_spec("numba") else "numba is not installed (pip install 'mlopt[bench]')"
    return [
        _process_contender(MLOPT, [*mlrun, source]),
        _process_contender(UPSTREAM_LOWERING_MLRUN, lowering_problem or [*mlrun, lowered]),
        _process_contender(UPSTREAM, runner_problem or runner),
        _process_contender(NUMPY, [*python, "numpy", kernel.name, params]),
        _process_contender(NUMBA, numba_problem or [*python, "numba", kernel.name, params]),
    ]


@dataclass
class KernelResult:
    kernel: Kernel
    series: dict[str, Series]
    reference: str | None = None
    mismatches: dict[str, str] = field(default_factory=dict)
    """contender → 'checksum X, reference Y'."""

    def check(self) -> None:
        self.reference = next((name for name in REFERENCES if self.series[name].ran), None)
        if self.reference is None:
            return
        expected = self.series[self.reference].checksum
        for name, series in self.series.items():
            got = series.checksum
            if series.ran and got is not None and abs(got - expected) > self.kernel.tolerance * max(abs(expected), 1e-30):
                self.mismatches[name] = f"checksum {got:.9g}, {self.reference} {expected:.9g}"

    def gflops(self, name: str) -> float | None:
        series = self.series[name]
        return self.kernel.flops / series.stats.median / 1e9 if series.ran else None

    def gbytes(self, name: str) -> float | None:
        series = self.series[name]
        return self.kernel.bytes / series.stats.median / 1e9 if series.ran else None

    def latency(self, name: str) -> float | None:
        series = self.series[name]
        return series.wall.median - series.stats.median if series.ran else None


@dataclass
class CodegenResults:
    kernels: list[KernelResult] = field(default_factory=list)
    engine_latency: dict[str, float] | str = field(default_factory=dict)
    """ExecutionEngine's cold and warm latency, or why it was not measured."""


def run(quick: bool, repeats: Repeats, workdir: str, log=print) -> CodegenResults:
    results = CodegenResults()
    for kernel in kernel_set(quick):
        log(f"generated code: {kernel.name} ({kernel.shape})")
        try:
            found = contenders(kernel, workdir)
        except CouldNotRun as err:
            found = [Contender(name, None, str(err)) for name in CONTENDERS]
        result = KernelResult(kernel, alternate(found, repeats))
        result.check()
        results.kernels.append(result)
    log("generated code: ExecutionEngine latency")
    results.engine_latency = measure_engine_latency()
    return results


LATENCY_SOURCE = """
func.func @small() -> f64 {
  %a = arith.constant 1.5 : f64
  %b = arith.constant 2.0 : f64
  %c = arith.mulf %a, %b : f64
  return %c : f64
}
"""

LATENCY_PROBE = f"""
import time
start = time.perf_counter()
import mlopt
phases = []
for _ in range(2):
    engine = mlopt.ExecutionEngine({LATENCY_SOURCE!r}, opt_level=3)
    engine.invoke("small")
    phases.append(time.perf_counter() - start)
    start = time.perf_counter()
print(*phases)
"""


def measure_engine_latency() -> dict[str, float] | str:
    """In a fresh process: source text to the first call's return, for the
    process's first ExecutionEngine (imports included) and for the next one."""
    result = subprocess.run([sys.executable, "-c", LATENCY_PROBE], capture_output=True, text=True)
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines()
        return f"the probe failed: {lines[-1] if lines else 'no message'}"
    cold, warm = map(float, result.stdout.split())
    return {"cold": cold, "warm": warm}


def not_run(results: CodegenResults) -> list[tuple[str, str]]:
    found = series_not_run(results.kernels)
    if isinstance(results.engine_latency, str):
        found.append(("ExecutionEngine latency", results.engine_latency))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    from mlopt.bench.report import codegen_tables

    def run_in_workdir(quick: bool, repeats: Repeats, log) -> CodegenResults:
        with tempfile.TemporaryDirectory(prefix="mlopt-bench-") as workdir:
            return run(quick, repeats, workdir, log=log)

    return section_main(__doc__, argv, run_in_workdir, codegen_tables, not_run)


if __name__ == "__main__":
    raise SystemExit(main())
