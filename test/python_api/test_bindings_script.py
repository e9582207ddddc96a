"""A script written for MLIR's Python bindings runs on mlopt with only its imports
changed, and prints what upstream's bindings print.

Upstream's bindings come from IREE's compiler wheel (``iree.compiler.ir`` is
MLIR's ``mlir.ir``, built from a recent LLVM), installed with mlopt's ``bench``
extra; where it is absent the comparison is skipped, the mlopt run is not.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parent / "Inputs" / "bindings_script.py"


def _run_with(package: str, tmp_path: Path) -> str:
    ported = re.sub(r"^from mlir\.", f"from {package}.", SCRIPT.read_text(), flags=re.MULTILINE)
    path = tmp_path / f"script_{package.replace('.', '_')}.py"
    path.write_text(ported)
    result = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_script_runs_on_mlopt_with_only_its_imports_changed(tmp_path):
    out = _run_with("mlopt", tmp_path)
    printed_before, printed_after = re.findall(r"^module \{\n.*?^\}\n", out, flags=re.MULTILINE | re.DOTALL)
    assert printed_before.count("arith.constant") == 4
    assert "True\n" in out, "verify() returns True on valid IR"
    assert printed_after.count("memref.load") == 2
    assert "DiagnosticSeverity.ERROR True" in out
    assert "invalid pipeline rejected" in out
    assert 'loc("made.mlir":7:3)' in out


def test_script_prints_what_upstream_bindings_print(tmp_path):
    pytest.importorskip("iree.compiler.ir", reason="MLIR's Python bindings not installed (pip install iree-base-compiler)")
    assert _run_with("mlopt", tmp_path) == _run_with("iree.compiler", tmp_path)
