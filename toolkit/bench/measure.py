"""Timing machinery shared by every section of mlopt-bench.

A measurement gives each contender a zero-argument callable that returns one
:class:`Sample`. :func:`alternate` calls them in turn (A B C A B C ...) so
that drifts of the machine (clock, cache, other load) spread over all
contenders alike, and keeps the samples per contender. A contender that
cannot run raises :class:`CouldNotRun`; it is dropped from the later rounds
and its reason is kept, so that the report can list it.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

PROCESS_TIMEOUT_S = 1800

SINGLE_THREAD_ENV = {
    name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS")
}
"""Every contender runs on one thread. BLAS libraries read these when they
load, so a process must set them before it imports numpy."""


class CouldNotRun(Exception):
    """A contender that cannot be measured here; the message says why."""


@dataclass(frozen=True)
class Sample:
    seconds: float
    """The measured time: process wall time, or kernel time from inside the program."""
    wall_s: float
    """Wall time of the whole process (equal to ``seconds`` for compile timings)."""
    checksum: float | None = None


@dataclass(frozen=True)
class Stats:
    median: float
    low: float
    high: float
    n: int

    @staticmethod
    def of(values: Sequence[float]) -> Stats:
        ordered = sorted(values)
        return Stats(statistics.median(ordered), ordered[0], ordered[-1], len(ordered))


@dataclass
class Series:
    """One contender's samples in one measurement, or why it has none."""

    contender: str
    samples: list[Sample] = field(default_factory=list)
    not_run: str | None = None

    @property
    def ran(self) -> bool:
        return bool(self.samples) and self.not_run is None

    @property
    def stats(self) -> Stats:
        return Stats.of([s.seconds for s in self.samples])

    @property
    def wall(self) -> Stats:
        return Stats.of([s.wall_s for s in self.samples])

    @property
    def checksum(self) -> float | None:
        values = [s.checksum for s in self.samples if s.checksum is not None]
        return statistics.median(values) if values else None


@dataclass(frozen=True)
class Contender:
    name: str
    measure: Callable[[], Sample] | None
    """None when it is known up front that it cannot run; ``reason`` says why."""
    reason: str | None = None


@dataclass(frozen=True)
class Repeats:
    """How often a measurement repeats: ``count`` rounds, or fewer (never
    below ``minimum``) once the rounds so far took ``budget_s``."""

    count: int
    minimum: int
    budget_s: float

    def enough(self, rounds: int, elapsed_s: float) -> bool:
        return rounds >= self.count or (rounds >= self.minimum and elapsed_s >= self.budget_s)


def alternate(contenders: Sequence[Contender], repeats: Repeats) -> dict[str, Series]:
    series = {c.name: Series(c.name, not_run=c.reason if c.measure is None else None) for c in contenders}
    active = [c for c in contenders if c.measure is not None]
    start = time.perf_counter()
    rounds = 0
    while active and not repeats.enough(rounds, time.perf_counter() - start):
        for contender in list(active):
            try:
                series[contender.name].samples.append(contender.measure())
            except CouldNotRun as err:
                series[contender.name].not_run = str(err)
                series[contender.name].samples.clear()
                active.remove(contender)
        rounds += 1
    return series


def series_not_run(results: Sequence) -> list[tuple[str, str]]:
    """("kernel: contender", why) for each series of each kernel result that did not run."""
    return [
        (f"{result.kernel.name}: {name}", series.not_run)
        for result in results
        for name, series in result.series.items()
        if series.not_run
    ]


def section_main(doc: str, argv: Sequence[str] | None, run: Callable, tables: Callable, not_run: Callable) -> int:
    """A section run alone (``--quick``, ``--repeats N``): its tables and what
    did not run, on stdout. ``run(quick, repeats, log)`` measures;
    ``tables(results, peak)`` and ``not_run(results)`` report."""
    import argparse

    from mlopt.bench.machine import peak

    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    results = run(args.quick, Repeats(args.repeats, args.repeats, 0), lambda line: print(line, file=sys.stderr))
    print("\n".join(tables(results, peak())))
    for what, why in not_run(results):
        print(f"- {what}: could not run: {why}")
    return 0


def installed_script(name: str) -> str | None:
    """A console script of this Python's environment, else one on PATH."""
    beside = os.path.join(os.path.dirname(sys.executable), name)
    return beside if os.access(beside, os.X_OK) else shutil.which(name)


def python_tool(script: str, module: str) -> list[str]:
    """The installed console script, as a user runs it; ``python -m`` where
    it is not installed."""
    path = installed_script(script)
    return [path] if path else [sys.executable, "-m", module]


def _failure(command: Sequence[str], returncode: int, stderr: str) -> CouldNotRun:
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    # A Python traceback ends with the exception; a tool's diagnostic comes first.
    detail = (lines[-1] if lines[0].startswith("Traceback") else lines[0]) if lines else "no message"
    return CouldNotRun(f"`{_short(command)}` exited with {returncode}: {detail[:300]}")


def _short(command: Sequence[str]) -> str:
    return " ".join([os.path.basename(command[0]), *command[1:]])[:120]


def run_pipeline(commands: Sequence[Sequence[str]], *, env: dict[str, str] | None = None) -> tuple[float, str]:
    """Run ``commands`` connected by pipes (one command: no pipe); returns
    the wall time of the whole and the last command's stdout. A command that
    fails or is missing raises CouldNotRun with its first error line."""
    start = time.perf_counter()
    processes: list[subprocess.Popen] = []
    previous = None
    try:
        for index, command in enumerate(commands):
            last = index == len(commands) - 1
            process = subprocess.Popen(
                command,
                stdin=previous.stdout if previous else subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            if previous:
                previous.stdout.close()
            processes.append(process)
            previous = process
            if last:
                stdout, stderr = process.communicate(timeout=PROCESS_TIMEOUT_S)
    except FileNotFoundError as err:
        raise CouldNotRun(f"{err.filename}: not found") from None
    except subprocess.TimeoutExpired:
        for process in processes:
            process.kill()
        raise CouldNotRun(f"`{_short(commands[-1])}` ran past {PROCESS_TIMEOUT_S} s") from None
    for process, command in zip(processes[:-1], commands[:-1]):
        if process.wait() != 0:
            raise _failure(command, process.returncode, process.stderr.read())
        process.stderr.close()
    wall = time.perf_counter() - start
    if processes[-1].returncode != 0:
        raise _failure(commands[-1], processes[-1].returncode, stderr)
    return wall, stdout
