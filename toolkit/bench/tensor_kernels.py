"""The kernels of issue 11, written on tensors as an ML frontend writes them
(one linalg op per step), compiled by ``mlopt.ExecutionEngine(...,
optimize=True)`` (and, where it packs a matmul, unpacked: ``optimize="pack=false"``) and
measured in one process against numpy on one thread, the measured f32 peak, and IREE (llvm-cpu, ``local-sync``: one thread) with and
without its data tiling, where it is installed.

Every contender compiles first (its compile time is kept), then its first
result is compared with a float64 numpy reference: a mismatch is reported and
never timed. The rounds alternate between contenders (A B C A B C ...); a
sample is the mean of enough calls to last ``sample_s``.

Run this section alone: ``mlopt-bench --only kernels [--quick]``, or
``python -m mlopt.bench.tensor_kernels [--quick] [--repeats N] [--kernel NAME]...``;
``--kernel`` (repeatable) measures only the kernels named.
"""

from __future__ import annotations

import importlib.util
import inspect
import math
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from mlopt.bench.measure import (
    SINGLE_THREAD_ENV,
    Contender,
    CouldNotRun,
    Repeats,
    Sample,
    Series,
    alternate,
    section_main,
    series_not_run,
)

MLOPT_OPTIMIZED = "mlopt --optimize"
MLOPT_UNPACKED = "mlopt --optimize pack=false"
MLOPT_DEFAULT = "mlopt (default lowering)"
NUMPY = "numpy"
IREE_DATA_TILING = "IREE (data tiling)"
IREE_NO_DATA_TILING = "IREE (no data tiling)"
CONTENDERS = (MLOPT_OPTIMIZED, MLOPT_UNPACKED, MLOPT_DEFAULT, NUMPY, IREE_DATA_TILING, IREE_NO_DATA_TILING)

IREE_FLAGS = ("--iree-llvmcpu-target-cpu=host",)
IREE_DATA_TILING_FLAG = "--iree-opt-data-tiling"
OPT_LEVEL = 3


@dataclass(frozen=True)
class TensorKernel:
    name: str
    description: str
    function: str
    """The entry function of ``mlir``."""
    mlir: str
    make_inputs: Callable[[], list]
    """Fresh float32 inputs (numpy arrays), the same for every contender."""
    numpy: Callable[..., object]
    """numpy's idiom on the float32 inputs: the anchor that is timed."""
    reference: Callable[..., object]
    """The same computation in float64: what every result is checked against."""
    flops: int
    bytes: int
    """Least memory traffic: every input read once, the output written once."""
    tolerance: float = 1e-4
    """Largest |result − reference| allowed, relative to max |reference|."""
    bar: float | None = None
    """Issue 11's target for ``mlopt --optimize``: this speed against numpy."""

    @property
    def packed(self) -> bool:
        """Whether ``--optimize`` packs a matmul of it (where packing pays):
        then it is measured unpacked too (``pack=false``). False where its
        text does not parse (every contender reports why)."""
        from mlopt.ir import MLIRError, Module
        from mlopt.passes.optimize.contraction import packs

        try:
            module = Module.parse(self.mlir)
        except MLIRError:
            return False
        return any(packs(op) for op in module.operation.opview.walk())


# --------------------------------------------------------------------------- the kernels


def _random(*shape: int, seed: int):
    import numpy as np

    return np.random.default_rng(seed).standard_normal(shape, dtype=np.float32)


def _tensor(*shape: int) -> str:
    return f"tensor<{'x'.join(map(str, shape))}xf32>"


def matmul(n: int) -> TensorKernel:
    t = _tensor(n, n)
    text = f"""
func.func @matmul(%A: {t}, %B: {t}) -> {t} {{
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : {t}
  %C = linalg.fill ins(%zero : f32) outs(%empty : {t}) -> {t}
  %R = linalg.matmul ins(%A, %B : {t}, {t}) outs(%C : {t}) -> {t}
  return %R : {t}
}}
"""
    return TensorKernel(
        f"matmul-{n}",
        f"{n}x{n}x{n} f32: linalg.matmul on a linalg.fill'ed tensor.empty",
        "matmul",
        text,
        lambda: [_random(n, n, seed=1), _random(n, n, seed=2)],
        lambda a, b: a @ b,
        lambda a, b: a.astype("float64") @ b.astype("float64"),
        flops=2 * n**3,
        bytes=4 * 3 * n * n,
        bar=0.6,
    )


def _elementwise(name: str, inputs: Sequence[str], shape: tuple[int, ...], body: str) -> str:
    """One linalg.generic: ``body`` computes %v from the block arguments %a0, %a1, ..."""
    t = _tensor(*shape)
    identity = f"affine_map<({', '.join(f'd{i}' for i in range(len(shape)))}) -> ({', '.join(f'd{i}' for i in range(len(shape)))})>"
    arguments = ", ".join([*(f"%a{i}: f32" for i in range(len(inputs))), "%out: f32"])
    return f"""  %{name} = linalg.generic {{indexing_maps = [{', '.join([identity] * (len(inputs) + 1))}], iterator_types = [{', '.join(['"parallel"'] * len(shape))}]}}
      ins({', '.join(inputs)} : {', '.join([t] * len(inputs))}) outs(%empty : {t}) {{
  ^bb0({arguments}):
    {body}
    linalg.yield %v : f32
  }} -> {t}"""


def elementwise_chain(n: int, half: float = 0.5) -> TensorKernel:
    """max(x*y+z, 0)*half + x, as five linalg.generic ops."""
    t = _tensor(n)
    steps = [
        _elementwise("xy", ["%x", "%y"], (n,), "%v = arith.mulf %a0, %a1 : f32"),
        _elementwise("sum", ["%xy", "%z"], (n,), "%v = arith.addf %a0, %a1 : f32"),
        _elementwise("relu", ["%sum"], (n,), "%v = arith.maximumf %a0, %zero : f32"),
        _elementwise("scaled", ["%relu"], (n,), "%v = arith.mulf %a0, %half : f32"),
        _elementwise("result", ["%scaled", "%x"], (n,), "%v = arith.addf %a0, %a1 : f32"),
    ]
    text = "\n".join(
        [
            f"func.func @chain(%x: {t}, %y: {t}, %z: {t}) -> {t} {{",
            "  %zero = arith.constant 0.0 : f32",
            f"  %half = arith.constant {half!r} : f32",
            f"  %empty = tensor.empty() : {t}",
            *steps,
            f"  return %result : {t}",
            "}",
        ]
    )

    def numpy_chain(x, y, z):
        import numpy as np

        return np.maximum(x * y + z, 0) * 0.5 + x

    def reference(x, y, z):
        return numpy_chain(*(a.astype("float64") for a in (x, y, z)))

    return TensorKernel(
        "elementwise-chain",
        f"{n} f32: max(x*y+z, 0)*0.5 + x as 5 linalg.generic",
        "chain",
        text + "\n",
        lambda: [_random(n, seed=3), _random(n, seed=4), _random(n, seed=5)],
        numpy_chain,
        reference,
        flops=5 * n,
        bytes=4 * 4 * n,
        tolerance=1e-6,
        bar=4.0,
    )


def softmax(rows: int, columns: int) -> TensorKernel:
    """Row softmax as five linalg.generic: max-reduce, sub, exp, sum-reduce, div."""
    t, row = _tensor(rows, columns), _tensor(rows)
    full = "affine_map<(d0, d1) -> (d0, d1)>"
    per_row = "affine_map<(d0, d1) -> (d0)>"

    def reduce(name: str, source: str, init: str, combine: str) -> str:
        return f"""  %{name} = linalg.generic {{indexing_maps = [{full}, {per_row}], iterator_types = ["parallel", "reduction"]}}
      ins({source} : {t}) outs({init} : {row}) {{
  ^bb0(%a: f32, %acc: f32):
    %v = {combine} %a, %acc : f32
    linalg.yield %v : f32
  }} -> {row}"""

    def with_row(name: str, source: str, by: str, combine: str) -> str:
        return f"""  %{name} = linalg.generic {{indexing_maps = [{full}, {per_row}, {full}], iterator_types = ["parallel", "parallel"]}}
      ins({source}, {by} : {t}, {row}) outs(%empty : {t}) {{
  ^bb0(%a: f32, %b: f32, %out: f32):
    %v = {combine} %a, %b : f32
    linalg.yield %v : f32
  }} -> {t}"""

    text = "\n".join(
        [
            f"func.func @softmax(%x: {t}) -> {t} {{",
            "  %lowest = arith.constant 0xFF800000 : f32",
            "  %zero = arith.constant 0.0 : f32",
            f"  %empty = tensor.empty() : {t}",
            f"  %empty_row = tensor.empty() : {row}",
            f"  %max_init = linalg.fill ins(%lowest : f32) outs(%empty_row : {row}) -> {row}",
            reduce("max", "%x", "%max_init", "arith.maximumf"),
            with_row("shifted", "%x", "%max", "arith.subf"),
            _elementwise("exp", ["%shifted"], (rows, columns), "%v = math.exp %a0 : f32"),
            f"  %sum_init = linalg.fill ins(%zero : f32) outs(%empty_row : {row}) -> {row}",
            reduce("sum", "%exp", "%sum_init", "arith.addf"),
            with_row("result", "%exp", "%sum", "arith.divf"),
            f"  return %result : {t}",
            "}",
        ]
    )

    def numpy_softmax(x):
        import numpy as np

        e = np.exp(x - x.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    return TensorKernel(
        "softmax",
        f"{rows}x{columns} f32 row softmax: max-reduce, sub, exp, sum-reduce, div (5 linalg.generic)",
        "softmax",
        text + "\n",
        lambda: [4 * _random(rows, columns, seed=6)],
        numpy_softmax,
        lambda x: numpy_softmax(x.astype("float64")),
        flops=5 * rows * columns,
        bytes=4 * 2 * rows * columns,
        tolerance=1e-5,
        bar=2.0,
    )


def conv2d(size: int, channels: int, filters: int, window: int = 3) -> TensorKernel:
    """NHWC input, pre-padded so that the output is size x size."""
    padded = size + window - 1
    image, weights, result = _tensor(1, padded, padded, channels), _tensor(window, window, channels, filters), _tensor(1, size, size, filters)
    text = f"""
func.func @conv(%I: {image}, %W: {weights}) -> {result} {{
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : {result}
  %O = linalg.fill ins(%zero : f32) outs(%empty : {result}) -> {result}
  %R = linalg.conv_2d_nhwc_hwcf {{dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}}
      ins(%I, %W : {image}, {weights}) outs(%O : {result}) -> {result}
  return %R : {result}
}}
"""

    def im2col_sgemm(i, w):
        import numpy as np

        windows = np.lib.stride_tricks.sliding_window_view(i[0], (window, window), axis=(0, 1))  # (size, size, C, kh, kw)
        columns = windows.transpose(0, 1, 3, 4, 2).reshape(size * size, window * window * channels)
        return (columns @ w.reshape(window * window * channels, filters)).reshape(1, size, size, filters)

    return TensorKernel(
        "conv2d",
        f"3x3 conv NHWC {size}x{size}x{channels} -> {filters} f32 (linalg.conv_2d_nhwc_hwcf; numpy: im2col + sgemm)",
        "conv",
        text,
        lambda: [_random(1, padded, padded, channels, seed=7), _random(window, window, channels, filters, seed=8)],
        im2col_sgemm,
        lambda i, w: im2col_sgemm(i.astype("float64"), w.astype("float64")),
        flops=2 * size * size * filters * channels * window * window,
        bytes=4 * (padded * padded * channels + window * window * channels * filters + size * size * filters),
        bar=1.0,
    )


def kernel_set(quick: bool, names: Sequence[str] | None = None) -> list[TensorKernel]:
    """The section's kernels; with ``names``, only those, in the section's
    order (ValueError on a name that is not one of them)."""
    if quick:
        kernels = [matmul(64), matmul(128), elementwise_chain(1 << 16), softmax(64, 256), conv2d(14, 16, 16)]
    else:
        kernels = [matmul(512), matmul(1024), elementwise_chain(1 << 20), softmax(512, 1024), conv2d(56, 64, 64)]
    if names is None:
        return kernels
    unknown = sorted(set(names) - {kernel.name for kernel in kernels})
    if unknown:
        raise ValueError(f"no kernel named {', '.join(unknown)}; the kernels are {', '.join(kernel.name for kernel in kernels)}")
    return [kernel for kernel in kernels if kernel.name in names]


# --------------------------------------------------------------------------- contenders


def mismatch(kernel: TensorKernel, got, expected) -> str | None:
    """Why ``got`` is not ``expected`` within the kernel's tolerance, or None."""
    import numpy as np

    got = np.asarray(got)
    if got.shape != expected.shape:
        return f"result shape {got.shape}, numpy's {expected.shape}"
    scale = float(np.max(np.abs(expected))) or 1.0
    error = float(np.max(np.abs(got.astype(np.float64) - expected))) if got.size else 0.0
    if not math.isfinite(error) or error > kernel.tolerance * scale:
        return f"result differs from numpy: max |error| {error:.3g}, {error / scale:.3g} of max |numpy| (allowed {kernel.tolerance:g})"
    return None


@dataclass
class _Prepared:
    call: Callable[[], object]
    compile_s: float | None


class _Measured:
    """One contender of one kernel: compiled and checked on the first call
    (CouldNotRun on a mismatch), then timed; the mean of ``inner`` calls
    lasting about ``sample_s`` is one sample."""

    def __init__(self, kernel: TensorKernel, prepare: Callable[[], _Prepared], expected, sample_s: float):
        self.kernel, self.prepare, self.expected, self.sample_s = kernel, prepare, expected, sample_s
        self.prepared: _Prepared | None = None
        self.inner = 1

    def __call__(self) -> Sample:
        if self.prepared is None:
            try:
                self.prepared = self.prepare()
                start = time.perf_counter()
                first = self.prepared.call()
                once = time.perf_counter() - start
            except CouldNotRun:
                raise
            except Exception as err:  # noqa: BLE001 - a contender that fails to compile or run is reported, not fatal
                first_line = (str(err).strip().splitlines() or [""])[0]
                raise CouldNotRun(f"{type(err).__name__}: {first_line[:300]}") from None
            problem = mismatch(self.kernel, first, self.expected)
            if problem:
                raise CouldNotRun(problem)
            self.inner = max(1, math.ceil(self.sample_s / max(once, 1e-9)))
        start = time.perf_counter()
        for _ in range(self.inner):
            self.prepared.call()
        elapsed = time.perf_counter() - start
        return Sample(elapsed / self.inner, elapsed)


def optimize_missing() -> str | None:
    """Why ``ExecutionEngine(..., optimize=True)`` cannot be asked for, or None."""
    from mlopt import ExecutionEngine

    if "optimize" not in inspect.signature(ExecutionEngine).parameters:
        return "--optimize not available: mlopt.ExecutionEngine takes no optimize= argument yet"
    return None


def iree_missing() -> str | None:
    for module in ("iree.compiler", "iree.runtime"):
        try:
            if importlib.util.find_spec(module) is None:
                raise ImportError
        except ImportError:
            return "IREE is not installed (pip install 'mlopt[bench]': iree-base-compiler, iree-base-runtime)"
    return None


def _mlopt(kernel: TensorKernel, inputs: list, **options) -> _Prepared:
    from mlopt import ExecutionEngine

    start = time.perf_counter()
    engine = ExecutionEngine(kernel.mlir, opt_level=OPT_LEVEL, **options)
    compile_s = time.perf_counter() - start
    function = getattr(engine, kernel.function)
    return _Prepared(lambda: function(*inputs), compile_s)


def _iree(kernel: TensorKernel, inputs: list, data_tiling: bool) -> _Prepared:
    import iree.compiler
    import iree.runtime

    start = time.perf_counter()
    try:
        flatbuffer = iree.compiler.compile_str(
            kernel.mlir,
            target_backends=["llvm-cpu"],
            extra_args=[*IREE_FLAGS, f"{IREE_DATA_TILING_FLAG}={'true' if data_tiling else 'false'}"],
        )
    except iree.compiler.CompilerToolError as err:
        lines = [line.strip() for line in str(err).splitlines() if "error" in line]
        raise CouldNotRun(f"iree-compile failed: {lines[0][:300] if lines else 'no message'}") from None
    config = iree.runtime.Config("local-sync")
    context = iree.runtime.SystemContext(config=config)
    context.add_vm_module(iree.runtime.VmModule.copy_buffer(context.instance, flatbuffer))
    compile_s = time.perf_counter() - start
    function = context.modules.module[kernel.function]
    # Inputs live on the device already, as mlopt's and numpy's live in memory.
    on_device = [iree.runtime.asdevicearray(config.device, array) for array in inputs]
    return _Prepared(lambda: function(*on_device).to_host(), compile_s)


def contenders(kernel: TensorKernel, sample_s: float) -> list[Contender]:
    inputs = kernel.make_inputs()
    expected = kernel.reference(*inputs)
    no_optimize, no_iree = optimize_missing(), iree_missing()
    plans: dict[str, tuple[str | None, Callable[[], _Prepared]]] = {
        MLOPT_OPTIMIZED: (no_optimize, lambda: _mlopt(kernel, inputs, optimize=True)),
        MLOPT_UNPACKED: (no_optimize, lambda: _mlopt(kernel, inputs, optimize="pack=false")),
        MLOPT_DEFAULT: (None, lambda: _mlopt(kernel, inputs)),
        NUMPY: (None, lambda: _Prepared(lambda: kernel.numpy(*inputs), None)),
        IREE_DATA_TILING: (no_iree, lambda: _iree(kernel, inputs, data_tiling=True)),
        IREE_NO_DATA_TILING: (no_iree, lambda: _iree(kernel, inputs, data_tiling=False)),
    }
    found = []
    if not kernel.packed:
        del plans[MLOPT_UNPACKED]  # nothing packed: it would be --optimize again
    for name in CONTENDERS:
        if name not in plans:
            continue
        reason, prepare = plans[name]
        if reason is not None:
            found.append(Contender(name, None, reason))
        else:
            found.append(Contender(name, _Measured(kernel, prepare, expected, sample_s)))
    return found


# --------------------------------------------------------------------------- results


@dataclass
class TensorKernelResult:
    kernel: TensorKernel
    series: dict[str, Series]
    compile_s: dict[str, float | None] = field(default_factory=dict)

    def seconds(self, name: str) -> float | None:
        series = self.series.get(name)
        return series.stats.median if series is not None and series.ran else None

    def gflops(self, name: str) -> float | None:
        seconds = self.seconds(name)
        return self.kernel.flops / seconds / 1e9 if seconds else None

    def gbytes(self, name: str) -> float | None:
        seconds = self.seconds(name)
        return self.kernel.bytes / seconds / 1e9 if seconds else None

    def speed_vs_numpy(self, name: str) -> float | None:
        """numpy's time / this contender's: above 1 is faster than numpy."""
        seconds, numpy = self.seconds(name), self.seconds(NUMPY)
        return numpy / seconds if seconds and numpy else None


@dataclass
class TensorKernelResults:
    kernels: list[TensorKernelResult] = field(default_factory=list)
    numpy_threads: str = ""
    """How numpy was held to one thread (or why it may not have been)."""


def pin_numpy_to_one_thread() -> str:
    """Set the thread variables for the BLAS numpy loads; where numpy was
    imported before, say whether they were in place then."""
    if "numpy" not in sys.modules:
        for key, value in SINGLE_THREAD_ENV.items():
            os.environ.setdefault(key, value)
    unpinned = [key for key in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS") if os.environ.get(key) != "1"]
    if unpinned:
        return f"numpy may use several threads: {', '.join(unpinned)} not set to 1"
    return "one thread (OPENBLAS_NUM_THREADS=OMP_NUM_THREADS=1 set before numpy was imported)"


def run(quick: bool, repeats: Repeats, log=print, kernels: Sequence[TensorKernel] | None = None) -> TensorKernelResults:
    results = TensorKernelResults(numpy_threads=pin_numpy_to_one_thread())
    sample_s = 0.01 if quick else 0.1
    for kernel in kernel_set(quick) if kernels is None else kernels:
        log(f"kernels on tensors: {kernel.name}")
        found = contenders(kernel, sample_s)
        series = alternate(found, repeats)
        compile_s = {c.name: c.measure.prepared.compile_s for c in found if c.measure is not None and c.measure.prepared is not None}
        results.kernels.append(TensorKernelResult(kernel, series, compile_s))
    return results


def not_run(results: TensorKernelResults) -> list[tuple[str, str]]:
    return series_not_run(results.kernels)


def raw(results: TensorKernelResults) -> list[dict]:
    import dataclasses

    return [
        {
            "kernel": r.kernel.name,
            "description": r.kernel.description,
            "flops": r.kernel.flops,
            "bytes": r.kernel.bytes,
            "compile_s": r.compile_s,
            "series": {name: dataclasses.asdict(series) for name, series in r.series.items()},
        }
        for r in results.kernels
    ]


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    pin_numpy_to_one_thread()
    from mlopt.bench.report import tensor_kernel_tables

    # --kernel is this section's own option; section_main parses the shared ones
    # and answers --help with the first paragraph of the text it is given.
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--kernel", action="append", metavar="NAME")
    args, rest = parser.parse_known_args(argv)

    def run_chosen(quick: bool, repeats: Repeats, log) -> TensorKernelResults:
        try:
            kernels = kernel_set(quick, args.kernel)
        except ValueError as err:
            parser.exit(2, f"{parser.prog}: error: {err}\n")
        return run(quick, repeats, log=log, kernels=kernels)

    description = f"{__doc__.split(chr(10) * 2)[0]} --kernel NAME (repeatable): only the kernels named."
    return section_main(description, rest, run_chosen, tensor_kernel_tables, not_run)


if __name__ == "__main__":
    raise SystemExit(main())
