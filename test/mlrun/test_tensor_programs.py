"""Tensor programs run as a user runs them: ``mlrun FILE`` alone (its default
lowering bufferizes first, with deallocation) prints exactly what mlir-runner
prints after mlir-opt 22's bufferization pipeline (each program's
``// ORACLE:`` flags, or those of its ``// REFERENCE:`` program), addresses aside.

An allocating loop runs in bounded memory: the deallocation that mlrun's
default lowering adds frees each iteration's tensor.
"""

from __future__ import annotations

import glob
import os
import sys

import pytest
from test_corpus import RUN_FLAGS, masked, program_oracle_output, run, succeeded

PROGRAM_DIR = os.path.join(os.path.dirname(__file__), "tensor")
PROGRAMS = sorted(os.path.basename(p) for p in glob.glob(os.path.join(PROGRAM_DIR, "*.mlir")))
UPSTREAM_BUFFERIZATION = [
    "--one-shot-bufferize=bufferize-function-boundaries allow-return-allocs-from-loops",
    "--buffer-deallocation-pipeline",
    "--convert-bufferization-to-memref",
    "--test-lower-to-llvm",
]


def test_programs_are_found():
    assert len(PROGRAMS) >= 5


@pytest.mark.parametrize("program", PROGRAMS)
def test_tensor_program_matches_mlir_runner(program: str) -> None:
    expected = program_oracle_output(PROGRAM_DIR, program, UPSTREAM_BUFFERIZATION)
    output = succeeded([sys.executable, "-m", "mlopt.tools.mlrun", os.path.join(PROGRAM_DIR, program), *RUN_FLAGS])
    assert masked(output) == expected


ALLOCATING_LOOP = """
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = arith.constant ITERATIONS : index
  %one = arith.constant 1.0 : f32
  %init = tensor.empty() : tensor<262144xf32>
  %zero = linalg.fill ins(%one : f32) outs(%init : tensor<262144xf32>) -> tensor<262144xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%t = %zero) -> (tensor<262144xf32>) {
    %e = tensor.empty() : tensor<262144xf32>
    %d = linalg.add ins(%t, %t : tensor<262144xf32>, tensor<262144xf32>) outs(%e : tensor<262144xf32>) -> tensor<262144xf32>
    scf.yield %d : tensor<262144xf32>
  }
  %v = tensor.extract %r[%c0] : tensor<262144xf32>
  vector.print %v : f32
  return
}
"""
"""Each iteration makes a fresh 1 MiB tensor: 2000 iterations leak 2 GiB
unless each is freed."""


def peak_rss_kib(iterations: int, extra_flags: list[str]) -> int:
    """Peak resident memory of a fresh process running the loop (KiB)."""
    program = ALLOCATING_LOOP.replace("ITERATIONS", str(iterations))
    script = (
        "import resource, subprocess, sys\n"
        "result = subprocess.run(sys.argv[1:], input=sys.stdin.read(), capture_output=True, text=True)\n"
        "assert result.returncode == 0, result.stderr\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    command = [sys.executable, "-c", script, sys.executable, "-m", "mlopt.tools.mlrun", "-", *RUN_FLAGS, *extra_flags]
    result = run(command, program)
    assert result.returncode == 0, result.stderr
    return int(result.stdout.strip())


def test_allocating_loop_runs_in_bounded_memory():
    few, many = peak_rss_kib(10, []), peak_rss_kib(2000, [])
    # 1990 more iterations of 1 MiB each would add ~2 GB if nothing were freed.
    assert many - few < 200 * 1024, f"peak memory grew by {(many - few) // 1024} MiB over 1990 iterations"


def test_allocating_loop_leaks_without_deallocation():
    """The measurement can see a leak: without the deallocation pipeline the
    same loop grows by its allocations."""
    pipeline = [
        "--pass-pipeline=builtin.module(one-shot-bufferize{bufferize-function-boundaries=true "
        "allow-return-allocs-from-loops=true},convert-bufferization-to-memref,lower-to-llvm)"
    ]
    few, many = peak_rss_kib(10, pipeline), peak_rss_kib(300, pipeline)
    assert many - few > 200 * 1024, f"peak memory grew by only {(many - few) // 1024} MiB over 290 leaked MiB"

