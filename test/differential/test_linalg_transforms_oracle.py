"""linalg's rewrites against mlir-opt 22: for each chunk of their test inputs,
what mlopt's pass produces reads in mlir-opt exactly as what mlir-opt's own
pass produces (both printed by mlir-opt, so naming and aliases agree).

A chunk mlir-opt itself cannot transform (upstream 22 builds an invalid
linalg.matmul for a generic with a transposed operand) is named, not compared.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mlopt.opt_main import SPLIT_MARKER
from mlopt.testing.features import llvm_tool, llvm_tool_missing

LINALG_TESTS = Path(__file__).resolve().parent.parent / "Dialect" / "Linalg"
CASES = [
    ("generalize-named-ops.mlir", "--linalg-generalize-named-ops"),
    ("specialize-generic-ops.mlir", "--linalg-specialize-generic-ops"),
    ("convert-elementwise-to-linalg.mlir", "--convert-elementwise-to-linalg"),
]
UPSTREAM_CANNOT = {("specialize-generic-ops.mlir", "@matmul_transposed_lhs")}


def chunks(path: Path) -> list[str]:
    return [chunk for chunk in SPLIT_MARKER.split(path.read_text()) if "func.func" in chunk]


def mlir_opt(flags: list[str], text: str) -> subprocess.CompletedProcess:
    return subprocess.run([llvm_tool("mlir-opt"), *flags, "-"], input=text, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(("test", "flag"), CASES)
def test_pass_output_matches_mlir_opt(test: str, flag: str) -> None:
    if reason := llvm_tool_missing("mlir-opt"):
        pytest.skip(reason)
    compared = 0
    for chunk in chunks(LINALG_TESTS / test):
        if any(test == name and symbol in chunk for name, symbol in UPSTREAM_CANNOT):
            continue
        upstream = mlir_opt([flag], chunk)
        assert upstream.returncode == 0, upstream.stderr
        ours = subprocess.run(
            [sys.executable, "-m", "mlopt.tools.mlopt", "-", flag], input=chunk, capture_output=True, text=True, timeout=120
        )
        assert ours.returncode == 0, ours.stderr
        reprinted = mlir_opt([], ours.stdout)
        assert reprinted.returncode == 0, reprinted.stderr
        assert reprinted.stdout == upstream.stdout
        compared += 1
    assert compared > 0
