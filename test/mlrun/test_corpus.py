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
import shlex
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


def succeeded(command: list[str], stdin: str | None = None) -> str:
    result = run(command, stdin)
    assert result.returncode == 0, result.stderr
    return result.stdout


def directive(path: str, name: str) -> str | None:
    """The text of a ``// NAME: text`` line of a test program."""
    prefix = f"// {name}:"
    with open(path) as file:
        return next((line[len(prefix) :].strip() for line in file if line.startswith(prefix)), None)


def oracle_lowering(path: str, flags: list[str]) -> str:
    """``path`` lowered by mlir-opt 22 with ``flags`` (skips without mlir-opt)."""
    if reason := llvm_tool_missing("mlir-opt"):
        pytest.skip(reason)
    return succeeded([llvm_tool("mlir-opt"), *flags, path])


def oracle_output(path: str, flags: list[str]) -> str:
    """What mlir-runner prints, with upstream's libraries, for ``path`` lowered
    by mlir-opt 22 with ``flags``, addresses masked."""
    if reason := llvm_tool_missing("mlir-runner"):
        pytest.skip(reason)
    lowered = oracle_lowering(path, flags)
    libraries = ",".join(runner_libraries())
    return masked(succeeded([llvm_tool("mlir-runner"), *RUN_FLAGS, f"-shared-libs={libraries}"], lowered))


def program_oracle_output(directory: str, program: str, default_flags: list[str]) -> str:
    """:func:`oracle_output` of a program, or of the program its
    ``// REFERENCE:`` line names (for ops upstream cannot lower as written),
    with that file's ``// ORACLE:`` flags or ``default_flags``."""
    path = os.path.join(directory, program)
    reference = directive(path, "REFERENCE")
    source = os.path.join(directory, reference) if reference else path
    flags = directive(source, "ORACLE")
    return oracle_output(source, shlex.split(flags) if flags else default_flags)


_expected: dict[str, str] = {}


def expected_output(program: str) -> str:
    """What mlir-runner prints for the program, with upstream's libraries."""
    if program not in _expected:
        _expected[program] = oracle_output(os.path.join(CORPUS_DIR, program), ["--test-lower-to-llvm"])
    return _expected[program]


@pytest.mark.parametrize("program", PROGRAMS)
def test_codegen_matches_mlir_runner(program: str) -> None:
    expected = expected_output(program)
    result = run([*MLRUN, "-", *RUN_FLAGS], oracle_lowering(os.path.join(CORPUS_DIR, program), ["--test-lower-to-llvm"]))
    assert result.returncode == 0, result.stderr
    assert masked(result.stdout) == expected


@pytest.mark.parametrize("program", PROGRAMS)
def test_mlrun_matches_mlir_runner(program: str) -> None:
    expected = expected_output(program)
    result = run([*MLRUN, os.path.join(CORPUS_DIR, program), *RUN_FLAGS])
    assert result.returncode == 0, result.stderr
    assert masked(result.stdout) == expected
