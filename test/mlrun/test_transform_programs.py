"""Programs with a transform schedule (test/mlrun/transform): what
``mlopt --transform-interpreter --test-transform-dialect-erase-schedule | mlrun -``
prints equals what mlir-runner prints after mlir-opt 22 applies the same
schedule and lowers (each program's ``// ORACLE:`` flags), addresses aside."""

from __future__ import annotations

import glob
import os
import shlex
import sys

import pytest
from test_corpus import masked, runner_libraries
from test_linalg_programs import directive, succeeded

from mlopt.testing.features import llvm_tool, llvm_tool_missing

PROGRAM_DIR = os.path.join(os.path.dirname(__file__), "transform")
PROGRAMS = sorted(os.path.basename(p) for p in glob.glob(os.path.join(PROGRAM_DIR, "*.mlir")))
SCHEDULE = ["--transform-interpreter", "--test-transform-dialect-erase-schedule"]


def test_programs_are_found():
    assert len(PROGRAMS) >= 3


@pytest.mark.parametrize("program", PROGRAMS)
def test_scheduled_program_matches_mlir_runner(program: str) -> None:
    for tool in ("mlir-opt", "mlir-runner"):
        if reason := llvm_tool_missing(tool):
            pytest.skip(reason)
    path = os.path.join(PROGRAM_DIR, program)
    flags = directive(path, "ORACLE")
    assert flags, f"{program} has no // ORACLE: line"
    lowered = succeeded([llvm_tool("mlir-opt"), *shlex.split(flags), path])
    runner = [llvm_tool("mlir-runner"), "-e", "main", "-entry-point-result=void", f"-shared-libs={','.join(runner_libraries())}"]
    expected = masked(succeeded(runner, lowered))
    transformed = succeeded([sys.executable, "-m", "mlopt.tools.mlopt", path, *SCHEDULE])
    output = succeeded([sys.executable, "-m", "mlopt.tools.mlrun", "-", "-e", "main", "--entry-point-result=void"], transformed)
    assert masked(output) == expected
