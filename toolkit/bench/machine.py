"""The machine a benchmark ran on: hardware, software versions, and the
single-core f32 peak that GFLOP/s figures are compared against."""

from __future__ import annotations

import ctypes
import functools
import importlib.metadata
import os
import platform
import re
import subprocess
import time
from dataclasses import dataclass

from mlopt.testing.features import llvm_tool

PACKAGES = ("mlopt", "xdsl", "llvmlite", "numpy", "numba", "matplotlib", "cupy", "torch", "iree-base-compiler", "iree-base-runtime")


def _read(path: str) -> str:
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ""


def _cpuinfo_field(name: str) -> str | None:
    match = re.search(rf"^{name}\s*:\s*(.+)$", _read("/proc/cpuinfo"), re.MULTILINE)
    return match.group(1).strip() if match else None


def _os_name() -> str:
    match = re.search(r'^PRETTY_NAME="?([^"\n]+)"?', _read("/etc/os-release"), re.MULTILINE)
    return f"{match.group(1) if match else platform.system()} (kernel {platform.release()})"


def _memory() -> str:
    match = re.search(r"^MemTotal:\s+(\d+) kB", _read("/proc/meminfo"), re.MULTILINE)
    return f"{int(match.group(1)) / 2**20:.1f} GiB" if match else "unknown"


def _tool_version(name: str) -> str:
    path = llvm_tool(name)
    if path is None:
        return "not installed"
    result = subprocess.run([path, "--version"], capture_output=True, text=True)
    lines = [line.strip() for line in result.stdout.splitlines() if "version" in line.lower()]
    return f"{lines[0] if lines else 'unknown version'} ({path})"


def _hypervisor() -> str | None:
    flags = _cpuinfo_field("flags") or ""
    if "hypervisor" not in flags.split():
        return None
    vendor = _read("/sys/class/dmi/id/sys_vendor").strip()
    return f"yes{f' ({vendor})' if vendor else ''}: clocks and caches are shared with other guests"


def describe() -> dict[str, str]:
    """Label → value, in the order the report lists them."""
    import llvmlite.binding

    cores = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    info = {
        "CPU": _cpuinfo_field("model name") or platform.processor() or "unknown",
        "LLVM host CPU": _host_cpu(),
        "Cores": f"{cores} logical, {usable} usable by this process",
        "Memory": _memory(),
        "Virtual machine": _hypervisor() or "no",
        "OS": _os_name(),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "Load average at start (1, 5, 15 min)": ", ".join(f"{load:.2f}" for load in os.getloadavg()),
    }
    for package in PACKAGES:
        try:
            info[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            info[package] = "not installed"
    info["LLVM (llvmlite)"] = ".".join(map(str, llvmlite.binding.llvm_version_info))
    info["mlir-opt"] = _tool_version("mlir-opt")
    return info


def _host_cpu() -> str:
    from mlopt.codegen.llvm import host_cpu

    return host_cpu()


# --------------------------------------------------------------------------- peak


@dataclass(frozen=True)
class Peak:
    measured_gflops: float
    measured_how: str
    nominal_gflops: float | None
    nominal_how: str


def vector_lanes_f32(features: str) -> int:
    """f32 lanes of the widest vector unit the CPU reports."""
    enabled = {f[1:] for f in features.split(",") if f.startswith("+")}
    if "avx512f" in enabled:
        return 16
    if "avx" in enabled:
        return 8
    return 4


FMA_CHAINS = 16
"""Independent accumulators: more than FMA latency (4 cycles) × FMA units (2),
so the loop is bound by throughput, not by latency."""


def _fma_loop_ir(lanes: int) -> str:
    vector = f"<{lanes} x float>"
    zeros = f"<{lanes} x i32> zeroinitializer"
    phis, fmas, sums = [], [], []
    for k in range(FMA_CHAINS):
        phis.append(f"  %acc{k} = phi {vector} [ %start, %entry ], [ %next{k}, %loop ]")
        fmas.append(f"  %next{k} = call {vector} @llvm.fma.v{lanes}f32({vector} %acc{k}, {vector} %a, {vector} %b)")
    total = "%next0"
    for k in range(1, FMA_CHAINS):
        sums.append(f"  %sum{k} = fadd {vector} {total}, %next{k}")
        total = f"%sum{k}"
    # The operands are arguments, so that LLVM cannot fold the chains away.
    splat = lambda name, value: [  # noqa: E731
        f"  %{name}.1 = insertelement {vector} poison, float %{value}, i32 0",
        f"  %{name} = shufflevector {vector} %{name}.1, {vector} poison, {zeros}",
    ]
    return "\n".join(
        [
            f"declare {vector} @llvm.fma.v{lanes}f32({vector}, {vector}, {vector})",
            "define float @fma_loop(i64 %n, float %x, float %y, float %z) {",
            "entry:",
            *splat("start", "x"),
            *splat("a", "y"),
            *splat("b", "z"),
            "  br label %loop",
            "loop:",
            "  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]",
            *phis,
            *fmas,
            "  %i.next = add i64 %i, 1",
            "  %done = icmp eq i64 %i.next, %n",
            "  br i1 %done, label %exit, label %loop",
            "exit:",
            *sums,
            f"  %lane = extractelement {vector} {total}, i32 0",
            "  ret float %lane",
            "}",
        ]
    )


def measure_fma_peak(seconds: float = 0.3) -> tuple[float, str]:
    """Single-core f32 FLOP/s of a loop of independent vector FMAs, compiled
    for the host by llvmlite (best of 5 timed runs)."""
    from mlopt.codegen.llvm import TargetOptions, binding, compile_ir, host_features

    lanes = vector_lanes_f32(host_features())
    module, machine = compile_ir(_fma_loop_ir(lanes), TargetOptions(opt_level=3), jit=True)
    engine = binding().create_mcjit_compiler(module, machine)
    engine.finalize_object()
    function = ctypes.CFUNCTYPE(ctypes.c_float, ctypes.c_int64, ctypes.c_float, ctypes.c_float, ctypes.c_float)
    fma_loop = function(engine.get_function_address("fma_loop"))
    # x * 0.9999 + 1e-4 stays near 1: no overflow, no denormals.
    loop = lambda n: fma_loop(n, 1.0, 0.9999, 1e-4)  # noqa: E731
    flops_per_iteration = FMA_CHAINS * lanes * 2
    iterations = 10_000
    while True:
        start = time.perf_counter()
        loop(iterations)
        elapsed = time.perf_counter() - start
        if elapsed > seconds / 5:
            break
        iterations *= 4
    best = min(_timed(loop, iterations) for _ in range(5))
    how = (
        f"measured: {FMA_CHAINS} independent chains of {lanes}-lane f32 FMAs (llvm.fma.v{lanes}f32), "
        f"one thread, best of 5 runs of {iterations} iterations"
    )
    return flops_per_iteration * iterations / best / 1e9, how


def _timed(function, argument) -> float:
    start = time.perf_counter()
    function(argument)
    return time.perf_counter() - start


FMA_UNITS_ASSUMED = 2


def nominal_peak() -> tuple[float | None, str]:
    """Lanes × 2 flops per FMA × FMA units × the clock /proc/cpuinfo reports."""
    from mlopt.codegen.llvm import host_features

    mhz = _cpuinfo_field("cpu MHz")
    lanes = vector_lanes_f32(host_features())
    if mhz is None:
        return None, "no clock frequency in /proc/cpuinfo"
    ghz = float(mhz) / 1000
    how = (
        f"{lanes} f32 lanes × 2 flops per FMA × {FMA_UNITS_ASSUMED} FMA units (assumed) × {ghz:.2f} GHz "
        "(the clock /proc/cpuinfo reports; turbo can be higher, and a VM may report the TSC rate)"
    )
    return lanes * 2 * FMA_UNITS_ASSUMED * ghz, how


@functools.cache
def peak() -> Peak:
    measured, measured_how = measure_fma_peak()
    nominal, nominal_how = nominal_peak()
    return Peak(measured, measured_how, nominal, nominal_how)
