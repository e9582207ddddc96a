"""GPU benchmark: saxpy (``y = a * x + y`` on f32) compiled by mlopt, its
DRAM bandwidth as a fraction of the device's peak and against the same kernel
in CuPy and PyTorch (where installed), and the latency of a kernel launch.

- Peak bandwidth: 2 × memory clock × bus width (``cuDeviceGetAttribute``).
- saxpy moves 12 bytes per element (x and y read, y written); each
  contender runs the kernel ``launches`` times between two CUDA events, after
  a warm-up, and its result is checked against numpy.
- Launch latency: host time per launch of an empty kernel, queued
  asynchronously, for mlopt's runtime as JIT-compiled host code calls it
  (``mgpuLaunchKernel``), for the driver called directly (ctypes), CuPy and
  PyTorch; and the round trip of one synchronous launch (launch, then wait)
  through mlopt's runtime.

mlopt-bench runs it as its "gpu" section (:func:`run`); alone:
``python -m mlopt.bench.gpu [--quick]``.
"""

from __future__ import annotations

import argparse
import ctypes
import math
import struct
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mlopt.bench.measure import Contender, CouldNotRun, Repeats, Sample, Series, alternate

BLOCK_SIZE = 256
FULL_ELEMENTS = 1 << 26
"""256 MiB per vector: far beyond any L2 cache."""
QUICK_ELEMENTS = 1 << 24
FULL_LAUNCHES = 20
QUICK_LAUNCHES = 5
LATENCY_LAUNCHES = 2000
SCALE = 2.0
X_VALUE, Y_VALUE = 1.5, 0.25

MLOPT = "mlopt"
CUPY = "CuPy"
TORCH = "PyTorch"
DRIVER = "CUDA driver (ctypes)"
MLOPT_SYNC = "mlopt, launch + wait"

SAXPY_KERNEL = """
    gpu.func @saxpy(%x: memref<?xf32>, %y: memref<?xf32>, %a: f32) kernel {
      %c0 = arith.constant 0 : index
      %i = gpu.global_id x
      %n = memref.dim %y, %c0 : memref<?xf32>
      %inside = arith.cmpi ult, %i, %n : index
      scf.if %inside {
        %xv = memref.load %x[%i] : memref<?xf32>
        %yv = memref.load %y[%i] : memref<?xf32>
        %r = math.fma %a, %xv, %yv : f32
        memref.store %r, %y[%i] : memref<?xf32>
      }
      gpu.return
    }
"""
"""saxpy as a gpu.func, for any number of elements (threads past the end do nothing)."""

PROGRAM = (
    """
module attributes {gpu.container_module} {
  gpu.module @kernels {"""
    + SAXPY_KERNEL
    + """    gpu.func @empty() kernel {
      gpu.return
    }
  }
  func.func @launches(%count: index) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %t0 = gpu.wait async
    %tn = scf.for %i = %c0 to %count step %c1 iter_args(%t = %t0) -> !gpu.async.token {
      %t1 = gpu.launch_func async [%t] @kernels::@empty blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1)
      scf.yield %t1 : !gpu.async.token
    }
    gpu.wait [%tn]
    return
  }
  func.func @launch_and_wait() {
    %c1 = arith.constant 1 : index
    gpu.launch_func @kernels::@empty blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1)
    return
  }
}
"""
)
"""The kernels mlopt compiles, and host functions launching them."""


@dataclass
class Results:
    device: str
    chip: str
    peak_gb_s: float
    elements: int
    compile_s: float | None
    bandwidth: dict[str, Series]
    latency: dict[str, Series]


# --------------------------------------------------------------------------- mlopt's kernel


def _f32_bits(value: float) -> int:
    return struct.unpack("<I", struct.pack("<f", value))[0]


def compile_saxpy(chip: str) -> tuple[str, float]:
    """The PTX of PROGRAM's gpu.module for ``chip``, and the seconds mlopt took."""
    from mlopt.codegen import nvptx
    from mlopt.codegen.lowering import lower_to_llvm_dialect
    from mlopt.diagnostics import SourceManager
    from mlopt.asm import parse_source
    from mlopt.plugins import load_plugins
    from mlopt.registry import Registry

    start = time.perf_counter()
    registry = Registry(load_plugins())
    context = registry.make_context()
    sources = SourceManager()
    module = parse_source(context, sources.add("saxpy.mlir", PROGRAM))
    lower_to_llvm_dialect(
        module, registry, context, pipeline="gpu.module(convert-scf-to-cf),gpu.module(convert-gpu-to-nvvm),gpu.module(canonicalize)", sources=sources
    )
    kernels = next(op for op in module.regions[0].block.ops if op.name == "gpu.module")
    ptx = nvptx.compile_to_ptx(kernels, nvptx.NVPTXTarget(chip=chip, opt_level=3)).ptx
    return ptx, time.perf_counter() - start


class DeviceBuffers:
    """x and y on the device, filled with X_VALUE and Y_VALUE."""

    def __init__(self, cuda, elements: int):
        self.cuda = cuda
        self.elements = elements
        self.x = cuda.out("cuMemAlloc_v2", ctypes.c_uint64, elements * 4)
        self.y = cuda.out("cuMemAlloc_v2", ctypes.c_uint64, elements * 4)
        self.reset()

    def reset(self) -> None:
        self.cuda.call("cuMemsetD32Async", self.x, _f32_bits(X_VALUE), self.elements, None)
        self.cuda.call("cuMemsetD32Async", self.y, _f32_bits(Y_VALUE), self.elements, None)
        self.cuda.call("cuCtxSynchronize")

    def y_sample(self, count: int = 1024) -> list[float]:
        """The first and last elements of y."""
        values = []
        for start in (0, self.elements - count):
            buffer = (ctypes.c_float * count)()
            self.cuda.call("cuMemcpyDtoH_v2", buffer, self.y + start * 4, count * 4)
            values += list(buffer)
        return values

    def free(self) -> None:
        self.cuda.call("cuMemFree_v2", self.x)
        self.cuda.call("cuMemFree_v2", self.y)


def _expected_y(launches: int) -> float:
    y = Y_VALUE
    for _ in range(launches):
        y = SCALE * X_VALUE + y
    return y


def check_result(name: str, values: Sequence[float], launches: int) -> None:
    expected = _expected_y(launches)
    wrong = [v for v in values if not math.isclose(v, expected, rel_tol=1e-6)]
    if wrong:
        raise CouldNotRun(f"{name} computed y = {wrong[0]}, expected {expected}")


class EventTimer:
    """GPU time between two CUDA events on the default stream."""

    def __init__(self, cuda):
        self.cuda = cuda
        self.start = cuda.out("cuEventCreate", ctypes.c_void_p, 0)
        self.end = cuda.out("cuEventCreate", ctypes.c_void_p, 0)

    def time(self, work: Callable[[], None]) -> float:
        self.cuda.call("cuEventRecord", self.start, None)
        work()
        self.cuda.call("cuEventRecord", self.end, None)
        self.cuda.call("cuEventSynchronize", self.end)
        return self.cuda.out("cuEventElapsedTime", ctypes.c_float, self.start, self.end) / 1e3


def _saxpy_parameters(buffers: DeviceBuffers):
    """The kernel's parameters as the driver takes them: each memref<?xf32>
    as (allocated, aligned, offset, size, stride), then a."""
    memref = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64, ctypes.c_int64, ctypes.c_int64]
    values = [
        *(kind(v) for kind, v in zip(memref, (buffers.x, buffers.x, 0, buffers.elements, 1))),
        *(kind(v) for kind, v in zip(memref, (buffers.y, buffers.y, 0, buffers.elements, 1))),
        ctypes.c_float(SCALE),
    ]
    pointers = (ctypes.c_void_p * len(values))(*(ctypes.addressof(v) for v in values))
    return values, pointers


def mlopt_saxpy(cuda, ptx: str, buffers: DeviceBuffers, launches: int) -> Callable[[], Sample]:
    image = ctypes.create_string_buffer(ptx.encode())
    module = cuda.load_module(ctypes.addressof(image), jit_opt_level=4)
    function = cuda.out("cuModuleGetFunction", ctypes.c_void_p, module, b"saxpy")
    values, pointers = _saxpy_parameters(buffers)
    grid = (buffers.elements + BLOCK_SIZE - 1) // BLOCK_SIZE
    timer = EventTimer(cuda)

    def launch_all() -> None:
        for _ in range(launches):
            cuda.launch(function, (grid, 1, 1), (BLOCK_SIZE, 1, 1), 0, 0, ctypes.addressof(pointers), 0)

    buffers.reset()
    launch_all()
    check_result(MLOPT, buffers.y_sample(), launches)

    def sample() -> Sample:
        seconds = timer.time(launch_all) / launches
        return Sample(seconds, seconds)

    sample.keep_alive = (image, values, pointers)  # type: ignore[attr-defined]
    return sample


def cupy_saxpy(elements: int, launches: int) -> Callable[[], Sample]:
    try:
        import cupy
    except ImportError:
        raise CouldNotRun("CuPy is not installed") from None
    x = cupy.full(elements, X_VALUE, dtype=cupy.float32)
    y = cupy.full(elements, Y_VALUE, dtype=cupy.float32)
    kernel = cupy.ElementwiseKernel("float32 a, float32 x", "float32 y", "y = a * x + y", "saxpy")
    a = cupy.float32(SCALE)
    for _ in range(launches):
        kernel(a, x, y)
    check_result(CUPY, [float(v) for v in cupy.concatenate([y[:1024], y[-1024:]]).get()], launches)
    start, end = cupy.cuda.Event(), cupy.cuda.Event()

    def sample() -> Sample:
        start.record()
        for _ in range(launches):
            kernel(a, x, y)
        end.record()
        end.synchronize()
        seconds = cupy.cuda.get_elapsed_time(start, end) / 1e3 / launches
        return Sample(seconds, seconds)

    return sample


def torch_saxpy(elements: int, launches: int) -> Callable[[], Sample]:
    try:
        import torch
    except ImportError:
        raise CouldNotRun("PyTorch is not installed") from None
    if not torch.cuda.is_available():
        raise CouldNotRun("PyTorch has no CUDA device")
    x = torch.full((elements,), X_VALUE, dtype=torch.float32, device="cuda")
    y = torch.full((elements,), Y_VALUE, dtype=torch.float32, device="cuda")
    for _ in range(launches):
        y.add_(x, alpha=SCALE)
    check_result(TORCH, torch.cat([y[:1024], y[-1024:]]).tolist(), launches)
    start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)

    def sample() -> Sample:
        start.record()
        for _ in range(launches):
            y.add_(x, alpha=SCALE)
        end.record()
        end.synchronize()
        seconds = start.elapsed_time(end) / 1e3 / launches
        return Sample(seconds, seconds)

    return sample


# --------------------------------------------------------------------------- launch latency


def _host_time_per_call(work: Callable[[], None], calls: int, finish: Callable[[], None]) -> Sample:
    start = time.perf_counter()
    work()
    queued = time.perf_counter() - start
    finish()
    return Sample(queued / calls, time.perf_counter() - start)


def mlopt_launches(launches: int) -> tuple[Callable[[], Sample], Callable[[], Sample]]:
    """Launches through mlopt's runtime from JIT-compiled host code: queued
    asynchronously in a loop, and one synchronous launch."""
    from mlopt.execution_engine import ExecutionEngine, ExecutionEngineError

    try:
        engine = ExecutionEngine(PROGRAM, opt_level=3)
    except ExecutionEngineError as err:
        raise CouldNotRun(str(err)) from None
    engine.launches(10)
    engine.launch_and_wait()

    def queued() -> Sample:
        start = time.perf_counter()
        engine.launches(launches)
        seconds = (time.perf_counter() - start) / launches
        return Sample(seconds, seconds)

    def round_trip() -> Sample:
        calls = 100
        start = time.perf_counter()
        for _ in range(calls):
            engine.launch_and_wait()
        seconds = (time.perf_counter() - start) / calls
        return Sample(seconds, seconds)

    return queued, round_trip


def driver_launches(cuda, ptx: str, launches: int) -> Callable[[], Sample]:
    image = ctypes.create_string_buffer(ptx.encode())
    module = cuda.load_module(ctypes.addressof(image), jit_opt_level=4)
    function = cuda.out("cuModuleGetFunction", ctypes.c_void_p, module, b"empty")
    launch = cuda.function("cuLaunchKernel")

    def work() -> None:
        for _ in range(launches):
            launch(function, 1, 1, 1, 1, 1, 1, 0, None, None, None)

    def sample() -> Sample:
        return _host_time_per_call(work, launches, lambda: cuda.call("cuCtxSynchronize"))

    sample.keep_alive = image  # type: ignore[attr-defined]
    return sample


def cupy_launches(launches: int) -> Callable[[], Sample]:
    try:
        import cupy
    except ImportError:
        raise CouldNotRun("CuPy is not installed") from None
    kernel = cupy.RawKernel('extern "C" __global__ void empty() {}', "empty")
    kernel((1,), (1,), ())

    def work() -> None:
        for _ in range(launches):
            kernel((1,), (1,), ())

    return lambda: _host_time_per_call(work, launches, cupy.cuda.Device().synchronize)


def torch_launches(launches: int) -> Callable[[], Sample]:
    try:
        import torch
    except ImportError:
        raise CouldNotRun("PyTorch is not installed") from None
    if not torch.cuda.is_available():
        raise CouldNotRun("PyTorch has no CUDA device")
    x = torch.zeros(1, device="cuda")

    def work() -> None:
        for _ in range(launches):
            x.add_(0.0)

    return lambda: _host_time_per_call(work, launches, torch.cuda.synchronize)


# --------------------------------------------------------------------------- the section


def _compiled(ptx: str | None) -> str:
    if ptx is None:
        raise CouldNotRun("mlopt could not compile the kernels")
    return ptx


def _contender(name: str, make: Callable[[], Callable[[], Sample]]) -> Contender:
    try:
        return Contender(name, make())
    except CouldNotRun as err:
        return Contender(name, None, str(err))
    except Exception as err:  # noqa: BLE001 - a failing contender must not stop the others
        return Contender(name, None, f"{type(err).__name__}: {err}")


def measure(quick: bool, repeats: Repeats, log: Callable[[str], None] = print) -> Results:
    from mlopt.codegen.nvptx import DEFAULT_CHIP, MIN_PTX_OF_CHIP
    from mlopt.runtime.cuda import driver

    cuda = driver()
    cuda.make_current()
    info = cuda.device_info()
    chip = info.chip if info.chip in MIN_PTX_OF_CHIP else DEFAULT_CHIP
    elements = QUICK_ELEMENTS if quick else FULL_ELEMENTS
    launches = QUICK_LAUNCHES if quick else FULL_LAUNCHES
    log(f"GPU: {info.name} ({info.chip}), saxpy on {elements} elements")
    try:
        ptx, compile_s = compile_saxpy(chip)
    except Exception as err:  # noqa: BLE001
        ptx, compile_s = None, None
        log(f"mlopt could not compile the kernels: {err}")
    buffers = DeviceBuffers(cuda, elements)
    try:
        bandwidth = alternate(
            [
                _contender(MLOPT, lambda: mlopt_saxpy(cuda, _compiled(ptx), buffers, launches)),
                _contender(CUPY, lambda: cupy_saxpy(elements, launches)),
                _contender(TORCH, lambda: torch_saxpy(elements, launches)),
            ],
            repeats,
        )
    finally:
        buffers.free()
    latency_launches = LATENCY_LAUNCHES // (4 if quick else 1)
    try:
        queued, round_trip = mlopt_launches(latency_launches)
        mlopt_paths = [Contender(MLOPT, queued), Contender(MLOPT_SYNC, round_trip)]
    except CouldNotRun as err:
        mlopt_paths = [Contender(MLOPT, None, str(err)), Contender(MLOPT_SYNC, None, str(err))]
    latency = alternate(
        [
            mlopt_paths[0],
            _contender(DRIVER, lambda: driver_launches(cuda, _compiled(ptx), latency_launches)),
            _contender(CUPY, lambda: cupy_launches(latency_launches)),
            _contender(TORCH, lambda: torch_launches(latency_launches)),
            mlopt_paths[1],
        ],
        repeats,
    )
    return Results(info.name, info.chip, info.peak_bandwidth_bytes_per_second / 1e9, elements, compile_s, bandwidth, latency)


def report(results: Results) -> tuple[list[str], list[tuple[str, str]]]:
    """Markdown lines and (what, why) for everything that did not run."""
    bytes_moved = 12 * results.elements
    lines = [
        f"Device: {results.device} ({results.chip}); peak DRAM bandwidth {results.peak_gb_s:.0f} GB/s "
        "(2 × memory clock × bus width).",
        "",
        f"saxpy, y = a·x + y on {results.elements:,} f32 (12 bytes per element), GPU time per kernel between CUDA events:",
        "",
        "| contender | time per kernel | bandwidth | of peak | vs mlopt |",
        "|---|---|---|---|---|",
    ]
    mlopt = results.bandwidth.get(MLOPT)
    not_run: list[tuple[str, str]] = []
    for name, series in results.bandwidth.items():
        if not series.ran:
            not_run.append((f"saxpy: {name}", series.not_run or "no samples"))
            continue
        seconds = series.stats.median
        if seconds <= 0:
            not_run.append((f"saxpy: {name}", "the GPU timer measured no time"))
            continue
        gb_s = bytes_moved / seconds / 1e9
        relative = f"{mlopt.stats.median / seconds:.2f}×" if mlopt is not None and mlopt.ran else "–"
        lines.append(
            f"| {name} | {seconds * 1e6:.1f} µs [{series.stats.low * 1e6:.1f}–{series.stats.high * 1e6:.1f}], n={series.stats.n} "
            f"| {gb_s:.0f} GB/s | {100 * gb_s / results.peak_gb_s:.0f} % | {relative} |"
        )
    if results.compile_s is not None:
        lines += ["", f"mlopt compiled the kernels (lowering, NVPTX code generation) in {results.compile_s * 1e3:.0f} ms."]
    lines += ["", "Launch latency of an empty kernel (host time per launch):", "", "| path | per launch |", "|---|---|"]
    for name, series in results.latency.items():
        if not series.ran:
            not_run.append((f"launch latency: {name}", series.not_run or "no samples"))
            continue
        stats = series.stats
        lines.append(f"| {name} | {stats.median * 1e6:.2f} µs [{stats.low * 1e6:.2f}–{stats.high * 1e6:.2f}], n={stats.n} |")
    return lines, not_run


def run(quick: bool, repeats: Repeats, log: Callable[[str], None] = print) -> tuple[list[str], list[tuple[str, str]]]:
    """mlopt-bench's GPU section: Markdown lines and what did not run."""
    from mlopt.runtime.cuda import CudaError, CudaUnavailable

    try:
        return report(measure(quick, repeats, log))
    except (CudaUnavailable, CudaError) as err:
        return [f"Not run: {err}."], [("GPU benchmark", str(err))]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mlopt.bench.gpu", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller vectors and fewer launches")
    parser.add_argument("--repeats", type=int, default=5, metavar="N", help="rounds per measurement (default: 5)")
    args = parser.parse_args(argv)
    lines, not_run = run(args.quick, Repeats(count=args.repeats, minimum=min(3, args.repeats), budget_s=120))
    print("\n".join(lines))
    for what, why in not_run:
        print(f"not run: {what}: {why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
