"""Generated-code benchmark: the same programs through mlopt (lowering,
translation, JIT, built-in runtime) and through upstream MLIR 22 (mlir-opt
--test-lower-to-llvm | mlir-runner with its runtime libraries).

Kernel time is measured inside each program with ``rtclock`` and printed; the
runs of the two pipelines alternate and the medians are compared. Two
lowerings are compared for mlopt: its own (``lower-to-llvm``, when it can
lower the program) and mlir-opt's (the same llvm dialect IR for both
runners, which isolates code generation). JIT latency is reported as the
time from source to the entry point's first call: in-process phases for
``mlopt.ExecutionEngine``, and process wall time minus kernel time for both
command-line runners.

Run: ``python -m mlopt.bench.codegen [--repeats N] [--size N]``.
"""

from __future__ import annotations

import argparse
import glob
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

MATMUL = """
func.func private @rtclock() -> f64
func.func private @printF64(f64)
func.func private @printF32(f32)
func.func private @printNewline()

func.func @matmul(%a: memref<{n}x{n}xf32>, %b: memref<{n}x{n}xf32>, %c: memref<{n}x{n}xf32>) {{
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %cn = arith.constant {n} : index
  scf.for %i = %c0 to %cn step %c1 {{
    scf.for %k = %c0 to %cn step %c1 {{
      %aik = memref.load %a[%i, %k] : memref<{n}x{n}xf32>
      scf.for %j = %c0 to %cn step %c1 {{
        %bkj = memref.load %b[%k, %j] : memref<{n}x{n}xf32>
        %cij = memref.load %c[%i, %j] : memref<{n}x{n}xf32>
        %p = arith.mulf %aik, %bkj : f32
        %s = arith.addf %cij, %p : f32
        memref.store %s, %c[%i, %j] : memref<{n}x{n}xf32>
      }}
    }}
  }}
  return
}}

func.func @main() {{
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %cn = arith.constant {n} : index
  %a = memref.alloc() : memref<{n}x{n}xf32>
  %b = memref.alloc() : memref<{n}x{n}xf32>
  %c = memref.alloc() : memref<{n}x{n}xf32>
  %zero = arith.constant 0.0 : f32
  %scale = arith.constant 0.001 : f32
  scf.for %i = %c0 to %cn step %c1 {{
    scf.for %j = %c0 to %cn step %c1 {{
      %s = arith.addi %i, %j : index
      %si = arith.index_cast %s : index to i32
      %sf = arith.sitofp %si : i32 to f32
      %v = arith.mulf %sf, %scale : f32
      memref.store %v, %a[%i, %j] : memref<{n}x{n}xf32>
      memref.store %v, %b[%j, %i] : memref<{n}x{n}xf32>
      memref.store %zero, %c[%i, %j] : memref<{n}x{n}xf32>
    }}
  }}
  %t0 = call @rtclock() : () -> f64
  call @matmul(%a, %b, %c) : (memref<{n}x{n}xf32>, memref<{n}x{n}xf32>, memref<{n}x{n}xf32>) -> ()
  %t1 = call @rtclock() : () -> f64
  %dt = arith.subf %t1, %t0 : f64
  call @printF64(%dt) : (f64) -> ()
  call @printNewline() : () -> ()
  %last = arith.subi %cn, %c1 : index
  %check = memref.load %c[%last, %last] : memref<{n}x{n}xf32>
  call @printF32(%check) : (f32) -> ()
  call @printNewline() : () -> ()
  memref.dealloc %a : memref<{n}x{n}xf32>
  memref.dealloc %b : memref<{n}x{n}xf32>
  memref.dealloc %c : memref<{n}x{n}xf32>
  return
}}
"""

DOT = """
func.func private @rtclock() -> f64
func.func private @printF64(f64)
func.func private @printNewline()

func.func @dot(%a: memref<?xf64>, %b: memref<?xf64>) -> f64 {{
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %a, %c0 : memref<?xf64>
  %zero = arith.constant 0.0 : f64
  %s = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %zero) -> (f64) {{
    %x = memref.load %a[%i] : memref<?xf64>
    %y = memref.load %b[%i] : memref<?xf64>
    %p = arith.mulf %x, %y : f64
    %r = arith.addf %acc, %p : f64
    scf.yield %r : f64
  }}
  return %s : f64
}}

func.func @main() {{
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = arith.constant {elements} : index
  %a = memref.alloc(%n) : memref<?xf64>
  %b = memref.alloc(%n) : memref<?xf64>
  %half = arith.constant 0.5 : f64
  scf.for %i = %c0 to %n step %c1 {{
    %ii = arith.index_cast %i : index to i64
    %f = arith.sitofp %ii : i64 to f64
    %g = arith.mulf %f, %half : f64
    memref.store %f, %a[%i] : memref<?xf64>
    memref.store %half, %b[%i] : memref<?xf64>
  }}
  %t0 = call @rtclock() : () -> f64
  %r0 = call @dot(%a, %b) : (memref<?xf64>, memref<?xf64>) -> f64
  %r1 = call @dot(%b, %a) : (memref<?xf64>, memref<?xf64>) -> f64
  %r2 = call @dot(%a, %a) : (memref<?xf64>, memref<?xf64>) -> f64
  %t1 = call @rtclock() : () -> f64
  %dt = arith.subf %t1, %t0 : f64
  call @printF64(%dt) : (f64) -> ()
  call @printNewline() : () -> ()
  %s = arith.addf %r0, %r1 : f64
  %check = arith.addf %s, %r2 : f64
  call @printF64(%check) : (f64) -> ()
  call @printNewline() : () -> ()
  memref.dealloc %a : memref<?xf64>
  memref.dealloc %b : memref<?xf64>
  return
}}
"""


def programs(size: int) -> dict[str, str]:
    return {
        f"matmul {size}x{size} f32": MATMUL.format(n=size),
        f"dot 3 x {size * size * 16} f64": DOT.format(elements=size * size * 16),
    }


@dataclass
class Sample:
    kernel_s: float
    wall_s: float
    checksum: str


@dataclass
class Comparison:
    program: str
    lowering: str
    mlrun: list[Sample] = field(default_factory=list)
    upstream: list[Sample] = field(default_factory=list)

    @staticmethod
    def median(samples: list[Sample], attribute: str) -> float:
        return statistics.median(getattr(s, attribute) for s in samples)

    def row(self) -> str:
        mk = self.median(self.mlrun, "kernel_s")
        uk = self.median(self.upstream, "kernel_s")
        ml = self.median(self.mlrun, "wall_s") - mk
        ul = self.median(self.upstream, "wall_s") - uk
        return (
            f"{self.program:<28} {self.lowering:<9} {mk * 1e3:10.2f} {uk * 1e3:12.2f} {mk / uk:8.3f}"
            f" {ml * 1e3:12.0f} {ul * 1e3:14.0f}"
        )


HEADER = (
    f"{'program':<28} {'lowering':<9} {'mlrun ms':>10} {'runner ms':>12} {'ratio':>8}"
    f" {'mlrun lat ms':>12} {'runner lat ms':>14}"
)


def _tool(name: str) -> str:
    from mlopt.testing.features import llvm_tool

    path = llvm_tool(name)
    if path is None:
        raise SystemExit(f"{name} is not installed (apt-get install mlir-22-tools); the benchmark needs it")
    return path


def _runner_libs() -> str:
    lib_dir = os.path.join(os.path.dirname(os.path.dirname(_tool("mlir-runner"))), "lib")
    libs = []
    for name in ("libmlir_runner_utils", "libmlir_c_runner_utils"):
        found = sorted(glob.glob(os.path.join(lib_dir, name + ".so*")))
        if not found:
            raise SystemExit(f"{name}.so not found in {lib_dir}")
        libs.append(found[0])
    return ",".join(libs)


def _timed(command: list[str], stdin: str | None = None) -> Sample:
    start = time.perf_counter()
    result = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:3])} failed:\n{result.stderr}")
    kernel, checksum = result.stdout.split("\n")[:2]
    return Sample(float(kernel), wall, checksum)


def _mlopt_lowers(path: str) -> bool:
    command = [sys.executable, "-m", "mlopt.tools.mlopt", path, "--lower-to-llvm"]
    return subprocess.run(command, capture_output=True, text=True, timeout=600).returncode == 0


def compare(name: str, source: str, repeats: int, opt: str, workdir: str) -> list[Comparison]:
    path = os.path.join(workdir, name.split()[0] + ".mlir")
    with open(path, "w") as f:
        f.write(source)
    lowered = subprocess.run([_tool("mlir-opt"), "--test-lower-to-llvm", path], capture_output=True, text=True, check=True).stdout
    lowered_path = path + ".llvm.mlir"
    with open(lowered_path, "w") as f:
        f.write(lowered)
    upstream = [_tool("mlir-runner"), lowered_path, "-e", "main", "-entry-point-result=void", opt, f"-shared-libs={_runner_libs()}"]
    mlrun = [sys.executable, "-m", "mlopt.tools.mlrun", "-e", "main", "--entry-point-result=void", opt]
    variants = [("mlir-opt", [*mlrun, lowered_path])]
    if _mlopt_lowers(path):
        variants.insert(0, ("mlopt", [*mlrun, path]))
    comparisons = []
    for lowering, command in variants:
        comparison = Comparison(name, lowering)
        for _ in range(repeats):
            comparison.mlrun.append(_timed(command))
            comparison.upstream.append(_timed(upstream))
        mine = {s.checksum for s in comparison.mlrun}
        theirs = {s.checksum for s in comparison.upstream}
        if mine != theirs:
            raise RuntimeError(f"{name}: results differ: mlrun printed {mine}, mlir-runner {theirs}")
        comparisons.append(comparison)
    return comparisons


def engine_latency(source: str, pipeline: str | None) -> dict[str, float]:
    """In-process time from source text to the first call's return: cold
    (the process's first engine, paying for imports) and warm (the next one)."""
    import mlopt

    phases = {}
    for run in ("cold", "warm"):
        start = time.perf_counter()
        engine = mlopt.ExecutionEngine(source, pipeline=pipeline, opt_level=3)
        engine.invoke("small")
        phases[run] = time.perf_counter() - start
    return phases


LATENCY_SOURCE = """
func.func @small() -> f64 {
  %a = arith.constant 1.5 : f64
  %b = arith.constant 2.0 : f64
  %c = arith.mulf %a, %b : f64
  return %c : f64
}
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--size", type=int, default=512, help="matmul size (the dot product uses 16 size^2 elements)")
    parser.add_argument("--opt", default="-O3", choices=["-O0", "-O1", "-O2", "-O3"])
    parser.add_argument("--latency-pipeline", default=None, help="pipeline for the ExecutionEngine latency probe (default: lower-to-llvm)")
    args = parser.parse_args(argv)
    print(f"mlrun vs mlir-runner at {args.opt}, medians of {args.repeats} alternating runs (kernel time via rtclock)")
    print("latency = process wall time minus kernel time (start-up, parsing, lowering, JIT)")
    print(HEADER)
    with tempfile.TemporaryDirectory(prefix="mlopt-bench-") as workdir:
        for name, source in programs(args.size).items():
            for comparison in compare(name, source, args.repeats, args.opt, workdir):
                print(comparison.row(), flush=True)
    try:
        phases = engine_latency(LATENCY_SOURCE, args.latency_pipeline)
        print(
            f"ExecutionEngine source -> first call returned: {1e3 * phases['cold']:.0f} ms cold "
            f"(first in the process, imports included), {1e3 * phases['warm']:.1f} ms warm"
        )
    except Exception as err:  # noqa: BLE001 - the probe needs the lowering pipeline
        print(f"ExecutionEngine latency: not measured ({type(err).__name__}: {str(err).splitlines()[0]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
