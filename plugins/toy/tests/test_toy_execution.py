"""Toy programs compute and print what numpy says, checked with upstream's
runner on mlopt's affine-level lowering (and with mlrun once it can run them)."""

from __future__ import annotations

import textwrap

import pytest

import mlopt_toy.plugin
from mlopt.testing import run_mlopt, run_mlrun
from mlopt.testing.features import llvm_tool_missing
from mlopt_toy.pipelines import ToyToLLVM
from toy_programs import CORE_LOWERING, PROGRAMS, run_with_upstream

oracle_missing = llvm_tool_missing("mlir-opt") or llvm_tool_missing("mlir-runner")


def affine_level_pipeline() -> str:
    full = ToyToLLVM().expand()
    assert full.endswith(CORE_LOWERING), full
    return f"builtin.module({full.removesuffix(CORE_LOWERING)})"


@pytest.mark.skipif(bool(oracle_missing), reason=oracle_missing or "")
@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_lowered_program_prints_like_toyc(program):
    lowered = run_mlopt(
        textwrap.dedent(program.source),
        [f"--pass-pipeline={affine_level_pipeline()}"],
        plugins=[mlopt_toy.plugin],
        filename="program.toy",
    ).check()
    assert run_with_upstream(lowered).stdout == program.expected_output


def core_lowering_missing() -> str | None:
    listing = run_mlopt(None, ["--list-passes"]).check()
    if f"--{CORE_LOWERING.lstrip(',')} " in listing:
        return None
    return f"mlopt has no '{CORE_LOWERING.lstrip(',')}' pipeline yet"


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_mlrun_runs_a_toy_program_like_toyc_jit(program):
    if reason := core_lowering_missing():
        pytest.skip(reason)
    result = run_mlrun(textwrap.dedent(program.source), plugins=[mlopt_toy.plugin], filename="program.toy")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == program.expected_output
