"""linalg's loop lowerings judged by execution: each program in ``linalg/``
prints through mlopt (mlrun's default lowering, and after each of
convert-linalg-to-{affine,parallel}-loops) exactly what mlir-runner prints
for it after mlir-opt 22, addresses aside.

A program whose ops upstream cannot lower as written names, in a
``// REFERENCE: <path>`` line, a file that computes the same with what
upstream can lower; that file may give its mlir-opt flags in a
``// ORACLE: <flags>`` line (default ``--test-lower-to-llvm``).
"""

from __future__ import annotations

import glob
import os
import shlex
import sys

import pytest
from test_corpus import masked, run, runner_libraries

from mlopt.testing.features import llvm_tool, llvm_tool_missing

PROGRAM_DIR = os.path.join(os.path.dirname(__file__), "linalg")
PROGRAMS = sorted(os.path.basename(p) for p in glob.glob(os.path.join(PROGRAM_DIR, "*.mlir")))
RUN_FLAGS = ["-e", "main", "--entry-point-result=void"]
LOWERINGS = {"default": [], "affine": ["--convert-linalg-to-affine-loops"], "parallel": ["--convert-linalg-to-parallel-loops"]}


def directive(path: str, name: str) -> str | None:
    prefix = f"// {name}:"
    with open(path) as file:
        return next((line[len(prefix) :].strip() for line in file if line.startswith(prefix)), None)


def succeeded(command: list[str], stdin: str | None = None) -> str:
    result = run(command, stdin)
    assert result.returncode == 0, result.stderr
    return result.stdout


_expected: dict[str, str] = {}


def expected_output(program: str) -> str:
    """What mlir-runner prints for the program, or for its reference."""
    for tool in ("mlir-opt", "mlir-runner"):
        if reason := llvm_tool_missing(tool):
            pytest.skip(reason)
    if program not in _expected:
        path = os.path.join(PROGRAM_DIR, program)
        reference = directive(path, "REFERENCE")
        source = os.path.join(PROGRAM_DIR, reference) if reference else path
        flags = shlex.split(directive(source, "ORACLE") or "--test-lower-to-llvm")
        lowered = succeeded([llvm_tool("mlir-opt"), *flags, source])
        libraries = ",".join(runner_libraries())
        runner = [llvm_tool("mlir-runner"), "-e", "main", "-entry-point-result=void", f"-shared-libs={libraries}"]
        _expected[program] = masked(succeeded(runner, lowered))
    return _expected[program]


@pytest.mark.parametrize("lowering", list(LOWERINGS))
@pytest.mark.parametrize("program", PROGRAMS)
def test_linalg_program_matches_mlir_runner(program: str, lowering: str) -> None:
    expected = expected_output(program)
    path = os.path.join(PROGRAM_DIR, program)
    source = None
    if LOWERINGS[lowering]:
        source = succeeded([sys.executable, "-m", "mlopt.tools.mlopt", path, *LOWERINGS[lowering]])
        path = "-"
    output = succeeded([sys.executable, "-m", "mlopt.tools.mlrun", path, *RUN_FLAGS], source)
    assert masked(output) == expected
