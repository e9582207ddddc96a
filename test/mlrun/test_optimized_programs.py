"""Programs run with the default schedule (test/mlrun/optimize): what
``mlrun --optimize`` prints equals what mlir-runner prints for the same
program without a schedule (each program's ``// ORACLE:`` flags), addresses aside."""

from __future__ import annotations

import glob
import os
import shlex
import sys

import pytest
from test_corpus import RUN_FLAGS, directive, masked, oracle_output, succeeded

PROGRAM_DIR = os.path.join(os.path.dirname(__file__), "optimize")
PROGRAMS = sorted(os.path.basename(p) for p in glob.glob(os.path.join(PROGRAM_DIR, "*.mlir")))


def test_programs_are_found():
    assert PROGRAMS


@pytest.mark.parametrize("program", PROGRAMS)
def test_optimized_program_matches_mlir_runner(program: str) -> None:
    path = os.path.join(PROGRAM_DIR, program)
    flags = directive(path, "ORACLE")
    assert flags, f"{program} has no // ORACLE: line"
    expected = oracle_output(path, shlex.split(flags))
    output = succeeded([sys.executable, "-m", "mlopt.tools.mlrun", path, "--optimize", "--no-cache", *RUN_FLAGS])
    assert masked(output) == expected
