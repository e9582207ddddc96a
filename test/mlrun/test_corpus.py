"""The runnable corpus: every program prints the same through mlopt as through
upstream MLIR 22 (mlir-opt --test-lower-to-llvm | mlir-runner), addresses aside.

Two comparisons per program:
- codegen: mlir-opt lowers, mlrun runs. Checks translation, JIT and the
  built-in runtime against mlir-runner with upstream's runtime libraries.
- end to end: mlrun lowers (its default pipeline, lower-to-llvm) and runs.
"""

from __future__ import annotations

import glob
import os
import re
import subprocess
import sys

import pytest

from mlopt.testing.features import llvm_tool, llvm_tool_missing, mlir_runner_libraries

CORPUS_DIR = os.path.join(os.path.dirname(__file__), "corpus")
PROGRAMS = sorted(os.path.basename(p) for p in glob.glob(os.path.join(CORPUS_DIR, "*.mlir")))
MLRUN = [sys.executable, "-m", "mlopt.tools.mlrun"]
RUN_FLAGS = ["-e", "main", "--entry-point-result=void"]
TIMEOUT = 300

ADDRESS = re.compile(r"0x[0-9a-f]+")


def masked(text: str) -> str:
    return ADDRESS.sub("0x<address>", text)


def runner_libraries() -> list[str]:
    try:
        return mlir_runner_libraries()
    except LookupError as err:
        pytest.skip(str(err))


def run(command: list[str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=TIMEOUT)


def oracle_lowering(program: str) -> str:
    lowered = run([llvm_tool("mlir-opt"), "--test-lower-to-llvm", os.path.join(CORPUS_DIR, program)])
    assert lowered.returncode == 0, lowered.stderr
    return lowered.stdout


_expected: dict[str, str] = {}


def expected_output(program: str) -> str:
    """What mlir-runner prints for the program, with upstream's libraries."""
    for tool in ("mlir-opt", "mlir-runner"):
        if reason := llvm_tool_missing(tool):
            pytest.skip(reason)
    if program not in _expected:
        libs = ",".join(runner_libraries())
        result = run([llvm_tool("mlir-runner"), *RUN_FLAGS, f"-shared-libs={libs}"], oracle_lowering(program))
        assert result.returncode == 0, result.stderr
        _expected[program] = masked(result.stdout)
    return _expected[program]


@pytest.mark.parametrize("program", PROGRAMS)
def test_codegen_matches_mlir_runner(program: str) -> None:
    expected = expected_output(program)
    result = run([*MLRUN, "-", *RUN_FLAGS], oracle_lowering(program))
    assert result.returncode == 0, result.stderr
    assert masked(result.stdout) == expected


@pytest.mark.parametrize("program", PROGRAMS)
def test_mlrun_matches_mlir_runner(program: str) -> None:
    expected = expected_output(program)
    result = run([*MLRUN, os.path.join(CORPUS_DIR, program), *RUN_FLAGS])
    assert result.returncode == 0, result.stderr
    assert masked(result.stdout) == expected
