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
import sys

import pytest
from test_corpus import RUN_FLAGS, masked, program_oracle_output, succeeded

PROGRAM_DIR = os.path.join(os.path.dirname(__file__), "linalg")
PROGRAMS = sorted(os.path.basename(p) for p in glob.glob(os.path.join(PROGRAM_DIR, "*.mlir")))
LOWERINGS = {"default": [], "affine": ["--convert-linalg-to-affine-loops"], "parallel": ["--convert-linalg-to-parallel-loops"]}

_expected: dict[str, str] = {}


def expected_output(program: str) -> str:
    """What mlir-runner prints for the program, or for its reference."""
    if program not in _expected:
        _expected[program] = program_oracle_output(PROGRAM_DIR, program, ["--test-lower-to-llvm"])
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
