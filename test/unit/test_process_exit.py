"""The tools end their process without tearing down the IR (mlopt.cli.
exit_without_teardown): nothing they wrote to a pipe or a file is lost, and the
exit code is the tool's."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from mlopt import opt_main

FUNCTIONS = 1000
"""Enough output (about 100 KB) to outgrow every buffer on the way."""

PROGRAM = "".join(
    f"func.func @f{index}(%a: i32) -> i32 {{\n  %b = arith.addi %a, %a : i32\n  return %b : i32\n}}\n"
    for index in range(FUNCTIONS)
)


def _mlopt(args: list[str], stdin: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "MLOPT_SERVER": "0"}
    return subprocess.run(
        [sys.executable, "-m", "mlopt.tools.mlopt", *args], input=stdin, env=env, capture_output=True, text=True
    )


def _in_process(args: list[str], stdin: str) -> tuple[int, str]:
    out = io.StringIO()
    code = opt_main.run(args, stdin=io.StringIO(stdin), stdout=out, stderr=io.StringIO())
    return code, out.getvalue()


def test_output_through_a_pipe_is_complete():
    expected_code, expected = _in_process(["-", "--canonicalize"], PROGRAM)
    result = _mlopt(["-", "--canonicalize"], PROGRAM)
    assert expected_code == 0 and len(expected) > 65_536  # more than a pipe holds
    assert (result.returncode, result.stdout, result.stderr) == (0, expected, "")


def test_output_to_a_file_is_complete(tmp_path):
    _, expected = _in_process(["-"], PROGRAM)
    output = tmp_path / "out.mlir"
    result = _mlopt(["-", "-o", str(output)], PROGRAM)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert output.read_text() == expected


def test_an_error_keeps_its_exit_code_and_message():
    result = _mlopt(["-"], PROGRAM + "func.func @broken(\n")
    assert result.returncode == 1
    assert f"<stdin>:{4 * FUNCTIONS + 1}:19: error: expected non-function type" in result.stderr
    assert result.stdout == ""
