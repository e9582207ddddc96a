"""mlopt-bench: compile speed and generated-code speed against xdsl-opt,
mlir-opt and numpy (and numba, CuPy or PyTorch where installed), side by side
in one run; writes DIR/report.md, DIR/results.json and PNG plots."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shlex
import sys
import tempfile
import time
from collections.abc import Sequence

from mlopt.bench.measure import Repeats

SECTIONS = ("compile", "codegen", "kernels", "gpu", "startup")
FULL_SIZES = (1_000, 10_000, 50_000)
QUICK_SIZES = (300, 1_000)
FULL_REPEATS = Repeats(count=5, minimum=3, budget_s=300)
QUICK_REPEATS = Repeats(count=3, minimum=3, budget_s=0)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mlopt-bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, 3 repeats: a few minutes (the CI smoke test)")
    parser.add_argument("--out", default="mlopt-bench-report", metavar="DIR", help="output directory (default: %(default)s)")
    parser.add_argument("--only", action="append", choices=SECTIONS, help="run only this section (repeatable)")
    parser.add_argument("--repeats", type=int, metavar="N", help="rounds per measurement (default: 5, at least 3 within 300 s; quick: 3)")
    parser.add_argument("--sizes", metavar="N,N,...", help="op counts of the generated modules (default: 1000,10000,50000; quick: 300,1000)")
    return parser


def _sizes(text: str | None, quick: bool, parser: argparse.ArgumentParser) -> tuple[int, ...]:
    if text is None:
        return QUICK_SIZES if quick else FULL_SIZES
    try:
        sizes = tuple(int(part) for part in text.split(","))
    except ValueError:
        parser.error(f"--sizes: expected comma-separated op counts, got '{text}'")
    if any(size < 1 for size in sizes):
        parser.error("--sizes: op counts must be positive")
    return sizes


def _method(repeats: Repeats) -> list[str]:
    budget = f", or at least {repeats.minimum} once a measurement has taken {repeats.budget_s:.0f} s" if repeats.budget_s else ""
    return [
        f"Each measurement runs its contenders in turn (A B C A B C ...), {repeats.count} rounds{budget}; "
        "tables give the median, [min–max] and the number of runs n.",
        "Compile speed: wall time of the tool's process(es) on the same file, output read through a pipe.",
        "Generated code: one process per run, on one thread (OMP/OPENBLAS/MKL/NUMBA_NUM_THREADS=1); the kernel time is "
        "measured inside the program around one call (rtclock in MLIR, perf_counter in Python); latency = process "
        "wall time − kernel time (start-up, parsing, lowering, JIT or numba compilation; for numpy and numba also "
        "building the inputs in Python and one warm-up call on copies of them). mlrun and mlir-runner run at -O3.",
        "Checksums (f64 sum of each kernel's output) are compared with mlir-runner's (else numpy's).",
        "Kernels on tensors: in this process, on one thread, each contender compiled once (compile time kept) and its "
        "first result checked against float64 numpy before any timing; a sample is the mean of enough calls to last "
        "10 ms (quick) or 100 ms.",
    ]


def gpu_section(quick: bool, repeats: Repeats) -> tuple[list[str], list[tuple[str, str]]]:
    """Markdown lines and not-run items of the GPU section (mlopt.bench.gpu),
    or why it did not run."""
    from mlopt.testing.features import nvidia_gpu_missing

    missing = nvidia_gpu_missing()
    if missing is None:
        from mlopt.bench import gpu

        return gpu.run(quick, repeats, log=_log)
    return [f"Not run: {missing}."], [("GPU kernels against CuPy / PyTorch", missing)]


def _log(line: str) -> None:
    print(f"mlopt-bench: {line}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    from mlopt.bench.tensor_kernels import pin_numpy_to_one_thread

    # Before anything imports numpy: its BLAS reads the thread count when it loads.
    pin_numpy_to_one_thread()
    from mlopt.bench import codegen, compile_speed, machine, report, startup, tensor_kernels

    parser = _parser()
    args = parser.parse_args(argv)
    sizes = _sizes(args.sizes, args.quick, parser)
    if args.repeats is not None and args.repeats < 1:
        parser.error("--repeats must be at least 1")
    repeats = QUICK_REPEATS if args.quick else FULL_REPEATS
    if args.repeats is not None:
        repeats = Repeats(args.repeats, args.repeats, 0)
    sections = args.only or SECTIONS
    os.makedirs(args.out, exist_ok=True)

    start = time.perf_counter()
    command = shlex.join(["mlopt-bench", *(sys.argv[1:] if argv is None else argv)])
    _log("machine and peak")
    result = report.Report(command, "quick" if args.quick else "full", machine.describe(), machine.peak(), _method(repeats))
    with tempfile.TemporaryDirectory(prefix="mlopt-bench-") as workdir:
        if "compile" in sections:
            result.compile = compile_speed.run(sizes, repeats, workdir, log=_log)
        if "codegen" in sections:
            result.codegen = codegen.run(args.quick, repeats, workdir, log=_log)
    if "kernels" in sections:
        result.kernels = tensor_kernels.run(args.quick, repeats, log=_log)
    if "gpu" in sections:
        _log("GPU")
        result.gpu_lines, gpu_not_run = gpu_section(args.quick, repeats)
    else:
        result.gpu_lines, gpu_not_run = [report.NOT_ASKED], []
    result.not_run = report.not_run(result) + gpu_not_run
    result.gpu_lines += startup.section(args.quick, repeats, log=_log) if "startup" in sections else []  # its own "##" heading
    report.plot(result, args.out)
    result.elapsed_s = time.perf_counter() - start
    path = os.path.join(args.out, "report.md")
    with open(path, "w") as f:
        f.write(report.render(result))
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(_raw(result), f, indent=1)
    _log(f"wrote {path}")
    return 0


def _raw(result) -> dict:
    """Every sample, for analyses the report does not make."""
    from mlopt.bench import tensor_kernels

    return {
        "command": result.command,
        "machine": result.machine,
        "peak": dataclasses.asdict(result.peak) if result.peak else None,
        "compile": dataclasses.asdict(result.compile) if result.compile else None,
        "codegen": [
            {"kernel": r.kernel.name, "params": r.kernel.params, "flops": r.kernel.flops, "series": {k: dataclasses.asdict(s) for k, s in r.series.items()}}
            for r in result.codegen.kernels
        ]
        if result.codegen
        else None,
        "kernels": tensor_kernels.raw(result.kernels) if result.kernels else None,
        "not_run": result.not_run,
    }
