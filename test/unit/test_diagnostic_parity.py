"""tools/diagnostic_parity.py: the mutants it makes and what it counts."""

from __future__ import annotations

import random

import pytest

from mlopt.testing.features import llvm_tool, llvm_tool_missing
from mlopt.tools import diagnostic_parity

FUNCTION = "func.func @f(%a: i32) -> i32 {\n  %b = arith.addi %a, %a : i32\n  return %b : i32\n}\n"


def test_each_mutant_changes_the_chunk_by_one_token():
    rng = random.Random(7)
    longest = max(len(token) for token in FUNCTION.split())
    for _ in range(50):
        mutant = diagnostic_parity.mutate(FUNCTION, rng)
        assert mutant != FUNCTION
        assert abs(len(mutant) - len(FUNCTION)) <= longest + 1


def test_first_error_reads_the_located_error_not_a_note():
    stderr = "m.mlir:3:5: note: not this\nm.mlir:2:7: error: expected SSA operand\n  x\n  ^\n"
    assert diagnostic_parity.first_error(stderr) == (2, 7, "expected SSA operand")
    assert diagnostic_parity.first_error("no location here") is None


def test_chunks_leave_out_comments_and_diagnostics_tests(tmp_path):
    (tmp_path / "kept.mlir").write_text("// RUN: mlopt %s\n" + FUNCTION + "// -----\n" + FUNCTION)
    (tmp_path / "left.mlir").write_text("// expected-error@+1 {{x}}\n" + FUNCTION)
    found = diagnostic_parity.chunks([tmp_path])
    assert [chunk.strip() for chunk in found] == [FUNCTION.strip()] * 2
    assert not any("//" in chunk for chunk in found)


@pytest.mark.skipif(llvm_tool_missing("mlir-opt"), reason="mlir-opt not installed")
def test_every_mutant_is_counted_once(tmp_path):
    (tmp_path / "input.mlir").write_text(FUNCTION)
    tally, _ = diagnostic_parity.measure([FUNCTION], 6, random.Random(3), llvm_tool("mlir-opt"))
    outcomes = ("both accept", "one accepts", "internal errors", "unlocated", "both reject")
    assert sum(tally[key] for key in outcomes) == 6
    assert tally["same everything"] <= tally["same message"] <= tally["both reject"]
    assert tally["same line and column"] <= tally["same line"] <= tally["both reject"]
