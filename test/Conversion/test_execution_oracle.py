"""The CPU lowering, judged by execution: mlir-runner prints the same for
mlopt's lowering of a program as for mlir-opt's (``--test-lower-to-llvm``),
memref addresses aside.

Each program in ``execution/Inputs`` may name, in comment lines,
- ``// ORACLE: <mlir-opt flags>`` the upstream lowering (default ``--test-lower-to-llvm``);
- ``// MLOPT: <mlopt flags>`` the lowerings to check, one per line
  (default ``--lower-to-llvm`` and ``--test-lower-to-llvm``).
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import subprocess
import sys

import pytest

from mlopt.testing import run_mlopt
from mlopt.testing.features import llvm_tool, llvm_tool_missing, mlir_runner_libraries

INPUTS = os.path.join(os.path.dirname(__file__), "execution", "Inputs")
PROGRAMS = sorted(os.path.basename(p) for p in glob.glob(os.path.join(INPUTS, "*.mlir")))
DEFAULT_ORACLE = ["--test-lower-to-llvm"]
DEFAULT_LOWERINGS = [["--lower-to-llvm"], ["--test-lower-to-llvm"]]
ADDRESS = re.compile(r"base@ = 0x[0-9a-f]+")
TIMEOUT = 120


def directives(source: str, name: str) -> list[list[str]]:
    prefix = f"// {name}:"
    return [shlex.split(line[len(prefix) :]) for line in source.splitlines() if line.startswith(prefix)]


def lowerings(source: str) -> list[list[str]]:
    return directives(source, "MLOPT") or DEFAULT_LOWERINGS


def runner_command() -> list[str]:
    try:
        libraries = mlir_runner_libraries()
    except LookupError as err:
        pytest.skip(str(err))
    return [llvm_tool("mlir-runner"), "-e", "main", "-entry-point-result=void", "-shared-libs=" + ",".join(libraries)]


def run_lowered(llvm_dialect: str) -> str:
    result = subprocess.run(runner_command(), input=llvm_dialect, capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr
    return ADDRESS.sub("base@ = <address>", result.stdout)


_oracle_outputs: dict[str, str] = {}


def oracle_output(program: str, source: str) -> str:
    for tool in ("mlir-opt", "mlir-runner"):
        if reason := llvm_tool_missing(tool):
            pytest.skip(reason)
    if program not in _oracle_outputs:
        flags = (directives(source, "ORACLE") or [DEFAULT_ORACLE])[0]
        lowered = subprocess.run(
            [llvm_tool("mlir-opt"), *flags, os.path.join(INPUTS, program)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        assert lowered.returncode == 0, lowered.stderr
        _oracle_outputs[program] = run_lowered(lowered.stdout)
    return _oracle_outputs[program]


CASES = [
    pytest.param(program, flags, id=f"{program}:{' '.join(flags)}")
    for program in PROGRAMS
    for flags in lowerings(open(os.path.join(INPUTS, program), encoding="utf-8").read())
]


@pytest.mark.parametrize(("program", "flags"), CASES)
def test_mlopt_lowering_runs_like_mlir_opt_lowering(program: str, flags: list[str]) -> None:
    source = open(os.path.join(INPUTS, program), encoding="utf-8").read()
    expected = oracle_output(program, source)
    lowered = run_mlopt(source, flags, filename=program)
    assert lowered.exit_code == 0, lowered.stderr
    assert run_lowered(lowered.stdout) == expected


@pytest.mark.parametrize("program", PROGRAMS)
def test_mlrun_runs_like_mlir_opt_and_mlir_runner(program: str) -> None:
    """End to end: mlopt's lowering, translation, JIT and built-in runner
    utilities print what upstream's tools print."""
    path = os.path.join(INPUTS, program)
    source = open(path, encoding="utf-8").read()
    expected = oracle_output(program, source)
    result = subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "mlrun"), path, "-e", "main", "--entry-point-result=void"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    assert ADDRESS.sub("base@ = <address>", result.stdout) == expected
