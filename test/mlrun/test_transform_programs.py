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
from test_corpus import RUN_FLAGS, directive, masked, oracle_output, succeeded

PROGRAM_DIR = os.path.join(os.path.dirname(__file__), "transform")
PROGRAMS = sorted(os.path.basename(p) for p in glob.glob(os.path.join(PROGRAM_DIR, "*.mlir")))
SCHEDULE = ["--transform-interpreter", "--test-transform-dialect-erase-schedule"]


def test_programs_are_found():
    assert len(PROGRAMS) >= 3


@pytest.mark.parametrize("program", PROGRAMS)
def test_scheduled_program_matches_mlir_runner(program: str) -> None:
    path = os.path.join(PROGRAM_DIR, program)
    flags = directive(path, "ORACLE")
    assert flags, f"{program} has no // ORACLE: line"
    expected = oracle_output(path, shlex.split(flags))
    transformed = succeeded([sys.executable, "-m", "mlopt.tools.mlopt", path, *SCHEDULE])
    output = succeeded([sys.executable, "-m", "mlopt.tools.mlrun", "-", *RUN_FLAGS], transformed)
    assert masked(output) == expected
