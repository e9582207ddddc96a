"""LLVM 22's own tools accept what `mltranslate --mlir-to-llvmir` writes:
llvm-as parses it and `opt -passes=verify` verifies it, for every translation
test input and for every corpus program (lowered by mlir-opt)."""

from __future__ import annotations

import glob
import io
import os
import subprocess

import pytest

from mlopt import translate_main
from mlopt.testing.features import llvm_tool, llvm_tool_missing

HERE = os.path.dirname(__file__)
INPUTS = sorted(p for p in glob.glob(os.path.join(HERE, "LLVMIR", "*.mlir")) if not p.endswith("errors.mlir"))
CORPUS = sorted(glob.glob(os.path.join(HERE, "..", "mlrun", "corpus", "*.mlir")))


def translate(text: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert translate_main.run(["--mlir-to-llvmir", "-"], stdin=io.StringIO(text), stdout=out, stderr=err) == 0, err.getvalue()
    return out.getvalue()


def accepted_by_llvm(ir: str) -> None:
    for tool in ("llvm-as", "opt"):
        if reason := llvm_tool_missing(tool):
            pytest.skip(reason)
    assembled = subprocess.run([llvm_tool("llvm-as"), "-", "-o", os.devnull], input=ir, capture_output=True, text=True)
    assert assembled.returncode == 0, assembled.stderr
    verified = subprocess.run([llvm_tool("opt"), "-passes=verify", "-disable-output", "-"], input=ir, capture_output=True, text=True)
    assert verified.returncode == 0, verified.stderr


@pytest.mark.parametrize("path", INPUTS, ids=os.path.basename)
def test_translation_inputs(path: str) -> None:
    with open(path) as f:
        accepted_by_llvm(translate(f.read()))


@pytest.mark.parametrize("path", CORPUS, ids=os.path.basename)
def test_corpus_lowered_by_mlir_opt(path: str) -> None:
    if reason := llvm_tool_missing("mlir-opt"):
        pytest.skip(reason)
    lowered = subprocess.run([llvm_tool("mlir-opt"), "--test-lower-to-llvm", path], capture_output=True, text=True)
    assert lowered.returncode == 0, lowered.stderr
    accepted_by_llvm(translate(lowered.stdout))
