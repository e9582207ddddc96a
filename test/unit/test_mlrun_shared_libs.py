"""mlrun goes on without a --shared-libs library it cannot load, after the
warning mlir-runner's ExecutionEngine prints, as mlir-runner 22 does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mlopt.testing.features import llvm_tool, llvm_tool_missing

PROGRAM = """\
llvm.func @main() -> i32 {
  %0 = llvm.mlir.constant(7 : i32) : i32
  llvm.return %0 : i32
}
"""


def _run(tool: list[str], path, library: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*tool, str(path), "-e", "main", "-entry-point-result=i32", f"-shared-libs={library}"],
        capture_output=True,
        text=True,
    )


def _mlrun() -> list[str]:
    return [str(Path(sys.executable).with_name("mlrun"))]


@pytest.fixture
def program(tmp_path):
    path = tmp_path / "main.mlir"
    path.write_text(PROGRAM)
    return path


@pytest.fixture
def not_a_library(tmp_path):
    path = tmp_path / "garbage.so"
    path.write_text("not a shared library\n")
    return path


def test_missing_library_is_a_warning(program, tmp_path):
    missing = tmp_path / "missing.so"
    result = _run(_mlrun(), program, str(missing))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "7\n"
    assert result.stderr == f"Failed to create MemoryBuffer for: {missing}\nError: No such file or directory\n"


def test_unloadable_library_is_a_warning(program, not_a_library):
    result = _run(_mlrun(), program, str(not_a_library))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "7\n"
    assert result.stderr.startswith(f"Could not load {not_a_library}:\n  ")


@pytest.mark.skipif(llvm_tool_missing("mlir-runner"), reason="mlir-runner 22 is not installed")
def test_same_output_as_mlir_runner(program, tmp_path, not_a_library):
    for library in (str(tmp_path / "missing.so"), str(not_a_library)):
        ours = _run(_mlrun(), program, library)
        theirs = _run([llvm_tool("mlir-runner")], program, library)
        assert (ours.returncode, ours.stdout) == (theirs.returncode, theirs.stdout)
        assert ours.stderr.splitlines()[0] == theirs.stderr.splitlines()[0]
