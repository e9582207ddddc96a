"""ExecutionEngine with the compiled-code cache: a second engine for the same
source loads the code (nothing is translated or optimised again) and behaves
exactly as the first: signatures, argument checks, memref and tensor results."""

from __future__ import annotations

import numpy as np
import pytest

import mlopt
import mlopt.fingerprint
from mlopt.codegen.jit import Jit
from mlopt.execution_engine import ExecutionEngineError

PROGRAM = """
func.func @scale(%x: memref<?xf64>, %s: f64) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %x, %c0 : memref<?xf64>
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %x[%i] : memref<?xf64>
    %w = arith.mulf %v, %s : f64
    memref.store %w, %x[%i] : memref<?xf64>
  }
  return
}

func.func @twice(%t: tensor<3xf32>) -> tensor<3xf32> {
  %r = arith.addf %t, %t : tensor<3xf32>
  return %r : tensor<3xf32>
}

func.func @add(%a: i32, %b: i32) -> i32 {
  %r = arith.addi %a, %b : i32
  return %r : i32
}
"""


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MLOPT_CACHE_DIR", str(tmp_path))
    # Others may be editing mlopt's files while the tests run; the code is what it is for this test.
    monkeypatch.setattr(mlopt.fingerprint, "code_fingerprint", lambda: "fixed")
    return tmp_path


def _exercise(engine) -> tuple:
    x = np.arange(4.0)
    engine.scale(x, 3.0)
    return tuple(x), tuple(engine.twice(np.array([1, 2, 3], np.float32))), engine.add(2, 40)


def test_second_engine_loads_the_cached_code(cache_dir, monkeypatch):
    first = mlopt.ExecutionEngine(PROGRAM)
    expected = _exercise(first)
    assert expected == ((0.0, 3.0, 6.0, 9.0), (2.0, 4.0, 6.0), 42)
    assert len(list(cache_dir.iterdir())) == 1

    def no_compilation(*args, **kwargs):
        raise AssertionError("compiled although the code is cached")

    monkeypatch.setattr(Jit, "__init__", no_compilation)
    second = mlopt.ExecutionEngine(PROGRAM)
    assert _exercise(second) == expected
    assert second.llvm_ir == first.llvm_ir
    with pytest.raises(ExecutionEngineError, match=r"argument #0 of 'twice' \(tensor<3xf32>\)"):
        second.twice(np.zeros(4, np.float32))
    with pytest.raises(ExecutionEngineError, match="no function 'missing'"):
        second.invoke("missing")


def test_options_and_cache_flag_decide_what_is_reused(cache_dir):
    mlopt.ExecutionEngine(PROGRAM)
    mlopt.ExecutionEngine(PROGRAM, opt_level=3)
    mlopt.ExecutionEngine(PROGRAM, pipeline="lower-to-llvm")
    assert len(list(cache_dir.iterdir())) == 3
    mlopt.ExecutionEngine(PROGRAM, opt_level=3)
    assert len(list(cache_dir.iterdir())) == 3
    mlopt.ExecutionEngine(PROGRAM + "\n", cache=False)
    assert len(list(cache_dir.iterdir())) == 3
