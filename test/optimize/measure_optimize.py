"""Measures ``ExecutionEngine(..., optimize=True)`` against numpy in the same
process (single-threaded OpenBLAS), alternating runs, results checked first.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python test/optimize/measure_optimize.py [kernel ...]

Prints, per kernel: compile time (no compiled-code cache), GFLOP/s of both
(elementwise kernels count one flop per arithmetic op and element) at the
median and the best of the runs, and their ratios. A benchmark, not a test:
the figures depend on the machine's load.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

import mlopt  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))
import optimize_kernels as kernels  # noqa: E402

RNG = np.random.default_rng(0)


def _random(*shape: int) -> np.ndarray:
    return RNG.standard_normal(shape).astype(np.float32)


def _im2col_conv(image: np.ndarray, filter: np.ndarray) -> np.ndarray:
    n, h, w, c = image.shape
    kh, kw, _, f = filter.shape
    oh, ow = h - kh + 1, w - kw + 1
    columns = np.lib.stride_tricks.sliding_window_view(image, (kh, kw), axis=(1, 2))  # n, oh, ow, c, kh, kw
    columns = np.ascontiguousarray(columns.transpose(0, 1, 2, 4, 5, 3)).reshape(n * oh * ow, kh * kw * c)
    return (columns @ filter.reshape(kh * kw * c, f)).reshape(n, oh, ow, f)


def _cases() -> dict[str, tuple[str, tuple[np.ndarray, ...], Callable[..., np.ndarray], float]]:
    """name → (source, arguments, numpy version, floating-point operations)."""
    cases = {}
    for n in (512, 1024):
        a, b = _random(n, n), _random(n, n)
        cases[f"matmul {n}^3"] = (kernels.matmul(n, n, n), (a, b), np.matmul, 2.0 * n**3)
    x, y, z = _random(1 << 20), _random(1 << 20), _random(1 << 20)
    cases["elementwise chain 1M"] = (kernels.elementwise_chain(1 << 20), (x, y, z), kernels.elementwise_chain_reference, 5.0 * (1 << 20))
    s = _random(512, 1024)
    cases["softmax 512x1024"] = (kernels.softmax(512, 1024), (s,), kernels.softmax_reference, 5.0 * 512 * 1024)
    image, filter = _random(1, 58, 58, 64), _random(3, 3, 64, 64)
    cases["conv 3x3 56x56x64->64"] = (kernels.conv_2d_nhwc_hwcf(1, 58, 58, 64, 64), (image, filter), _im2col_conv, 2.0 * 56 * 56 * 64 * 9 * 64)
    return cases


def measure(name: str, source: str, arguments: tuple, reference: Callable, flops: float, runs: int = 15) -> None:
    start = time.perf_counter()
    engine = mlopt.ExecutionEngine(source, opt_level=3, optimize=True, cache=False)
    compile_seconds = time.perf_counter() - start
    expected = reference(*arguments)
    np.testing.assert_allclose(engine.kernel(*arguments), expected, rtol=2e-3, atol=2e-3)
    ours, theirs = [], []
    for _ in range(runs):
        start = time.perf_counter()
        engine.kernel(*arguments)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        reference(*arguments)
        theirs.append(time.perf_counter() - start)
    rate = lambda seconds: flops / seconds / 1e9  # noqa: E731
    median_ours, median_theirs = rate(statistics.median(ours)), rate(statistics.median(theirs))
    best_ours, best_theirs = rate(min(ours)), rate(min(theirs))
    print(
        f"{name:24} compile {compile_seconds:5.1f} s | GFLOP/s median mlopt {median_ours:6.1f} numpy {median_theirs:6.1f}"
        f" ratio {median_ours / median_theirs:5.2f} | best mlopt {best_ours:6.1f} numpy {best_theirs:6.1f}"
        f" ratio {best_ours / best_theirs:5.2f}",
        flush=True,
    )


def main(selected: list[str]) -> None:
    for name, case in _cases().items():
        if not selected or any(s in name for s in selected):
            measure(name, *case)


if __name__ == "__main__":
    main(sys.argv[1:])
