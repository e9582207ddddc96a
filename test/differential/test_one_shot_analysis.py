"""One-shot bufferization decides like mlir-opt 22.

For every tensor program in the test suite (the one-shot-bufferize tests and
the runnable tensor programs), with and without function boundaries: the
in-place decision of every tensor operand (``__inplace_operands_attr__``), the
argument accesses and equivalent results across function boundaries, and the
errors, are mlir-opt's.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from mlopt.testing.features import llvm_tool, llvm_tool_missing

TEST_ROOT = Path(__file__).resolve().parent.parent
SUBJECTS = sorted(
    [
        *TEST_ROOT.glob("Dialect/Bufferization/Transforms/one-shot-bufferize*.mlir"),
        *TEST_ROOT.glob("mlrun/tensor/*.mlir"),
    ]
)
OPTION_SETS = (
    "test-analysis-only",
    "test-analysis-only bufferize-function-boundaries",
    "test-analysis-only bufferize-function-boundaries allow-return-allocs-from-loops",
)
"""print-conflicts is left out: which of several conflicts upstream reports
first follows its hash-set order, not the program."""
DECISION = re.compile(
    r'__inplace_operands_attr__ = \[[^\]]*\]'
    r'|bufferization\.access = "[a-z-]+"'
    r'|__equivalent_func_args__ = \[[^\]]*\]'
    r"|^// -----"
)
ERROR = re.compile(r"^[^:\n]+:(\d+):\d+: error: (.*)$", re.MULTILINE)


def decisions(stdout: str) -> list[str]:
    """The analysis' annotations, in order."""
    return [match.group(0) for line in stdout.splitlines() for match in DECISION.finditer(line)]


UNMET_EXPECTATION = re.compile(r'^expected (error|warning|note|remark) ".*" was not produced$')
"""mlir-opt checks expected-* annotations even without --verify-diagnostics."""


def errors(stderr: str) -> list[tuple[str, str]]:
    return [(line, message) for line, message in ERROR.findall(stderr) if not UNMET_EXPECTATION.match(message)]


def run(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def test_subjects_are_found():
    assert len(SUBJECTS) >= 4


@pytest.mark.parametrize("options", OPTION_SETS)
@pytest.mark.parametrize("path", SUBJECTS, ids=lambda p: p.relative_to(TEST_ROOT).as_posix())
def test_same_decisions_as_mlir_opt(path: Path, options: str):
    if reason := llvm_tool_missing("mlir-opt"):
        pytest.skip(reason)
    flags = ["--split-input-file", "--allow-unregistered-dialect", f"--one-shot-bufferize={options}"]
    upstream = run([llvm_tool("mlir-opt"), str(path), *flags])
    ours = run([sys.executable, "-m", "mlopt.tools.mlopt", str(path), *flags])
    assert errors(ours.stderr) == errors(upstream.stderr)
    assert decisions(ours.stdout) == decisions(upstream.stdout)
    assert decisions(ours.stdout) or errors(upstream.stderr), "nothing was analyzed"
