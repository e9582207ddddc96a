"""String literals hold bytes, as in mlir-opt: a NUL and bytes that are not
UTF-8 inside a literal (or a comment) are read and printed escaped; outside
them such bytes stay a located error."""

from __future__ import annotations

import subprocess

import pytest

from conftest import run_mlopt
from mlopt.testing.features import llvm_tool, llvm_tool_missing

RAW_BYTES = b'// caf\xe9\nfunc.func @f() attributes {nul = "a\x00b", raw = "a\xffc"} {\n  return\n}\n'


def test_raw_bytes_in_string_literals_are_printed_escaped(tmp_path):
    path = tmp_path / "raw.mlir"
    path.write_bytes(RAW_BYTES)
    result = run_mlopt([str(path)])
    assert result.code == 0, result.err
    assert 'attributes {nul = "a\\00b", raw = "a\\FFc"}' in result.out


@pytest.mark.skipif(llvm_tool_missing("mlir-opt"), reason="mlir-opt 22 is not installed")
def test_mlir_opt_reads_the_raw_bytes_alike(tmp_path):
    path = tmp_path / "raw.mlir"
    path.write_bytes(RAW_BYTES)
    ours = run_mlopt([str(path)])
    theirs = subprocess.run([llvm_tool("mlir-opt"), str(path)], capture_output=True, text=True, check=True)
    reparsed = subprocess.run(
        [llvm_tool("mlir-opt")], input=ours.out, capture_output=True, text=True, check=True
    )
    assert reparsed.stdout == theirs.stdout


def test_raw_byte_outside_a_literal_is_still_an_error(tmp_path):
    path = tmp_path / "raw.mlir"
    path.write_bytes(b'func.func @f() attributes {raw = "a\xffc"} {\n  return \xff\n}\n')
    result = run_mlopt([str(path)])
    assert result.code == 1
    assert result.err.startswith(f"{path}:2:10: error: input is not valid UTF-8 (byte 0xff)")
