"""ExecutionEngine on functions whose arguments and results are tensors:
numpy arrays in and out, checked against numpy, with tensor value semantics."""

from __future__ import annotations

import numpy as np
import pytest

import mlopt
from mlopt.execution_engine import ExecutionEngineError

DENSE = """
func.func @dense(%x: tensor<?x?xf32>, %w: tensor<?x?xf32>, %b: tensor<?xf32>) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %m = tensor.dim %x, %c0 : tensor<?x?xf32>
  %n = tensor.dim %w, %c1 : tensor<?x?xf32>
  %e = tensor.empty(%m, %n) : tensor<?x?xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %p = linalg.matmul ins(%x, %w : tensor<?x?xf32>, tensor<?x?xf32>) outs(%f : tensor<?x?xf32>) -> tensor<?x?xf32>
  %bb = linalg.broadcast ins(%b : tensor<?xf32>) outs(%e : tensor<?x?xf32>) dimensions = [0]
  %s = linalg.add ins(%p, %bb : tensor<?x?xf32>, tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %r = linalg.max ins(%s, %f : tensor<?x?xf32>, tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  return %r : tensor<?x?xf32>
}

func.func @set(%t: tensor<4xf32>, %i: index, %v: f32) -> tensor<4xf32> {
  %r = tensor.insert %v into %t[%i] : tensor<4xf32>
  return %r : tensor<4xf32>
}

func.func @same(%t: tensor<?xf64>) -> tensor<?xf64> {
  return %t : tensor<?xf64>
}
"""


@pytest.fixture(scope="module")
def engine():
    return mlopt.ExecutionEngine(DENSE, opt_level=2)


def reference_dense(x, w, b):
    return np.maximum(x @ w + b, 0)


@pytest.mark.parametrize("m,k,n", [(1, 1, 1), (3, 5, 7), (13, 2, 31)])
def test_dense_layer_matches_numpy_on_odd_shapes(engine, m, k, n):
    rng = np.random.default_rng(m * 100 + k * 10 + n)
    x = rng.standard_normal((m, k), dtype=np.float32)
    w = rng.standard_normal((k, n), dtype=np.float32)
    b = rng.standard_normal(n, dtype=np.float32)
    result = engine.dense(x, w, b)
    assert result.shape == (m, n) and result.dtype == np.float32
    np.testing.assert_allclose(result, reference_dense(x, w, b), rtol=1e-5, atol=1e-5)


def test_strided_views_are_read_in_place(engine):
    rng = np.random.default_rng(7)
    big = rng.standard_normal((10, 12), dtype=np.float32)
    x, w = big[1::3, ::2], big[::2, 1::2].T  # offset, strided and transposed views
    b = np.arange(x.shape[0] * 0 + w.shape[1], dtype=np.float32)
    np.testing.assert_allclose(engine.dense(x, w, b), reference_dense(x, w, b), rtol=1e-5, atol=1e-5)


def test_writing_a_tensor_argument_leaves_the_callers_array_alone(engine):
    original = np.arange(4, dtype=np.float32)
    updated = engine.set(original, 2, 9.5)
    np.testing.assert_array_equal(updated, [0, 1, 9.5, 3])
    np.testing.assert_array_equal(original, [0, 1, 2, 3])


def test_a_returned_argument_is_a_new_array(engine):
    original = np.linspace(0, 1, 5)
    returned = engine.same(original)
    np.testing.assert_array_equal(returned, original)
    returned[0] = 42.0
    assert original[0] == 0.0


def test_arguments_are_checked_against_the_tensor_signature(engine):
    x = np.zeros((2, 2), dtype=np.float32)
    with pytest.raises(ExecutionEngineError, match=r"argument #0 of 'dense' \(tensor<\?x\?xf32>\): expected an array of float32, got float64"):
        engine.dense(x.astype(np.float64), x, np.zeros(2, dtype=np.float32))
    with pytest.raises(ExecutionEngineError, match=r"argument #0 of 'set' \(tensor<4xf32>\): dimension 0 must be 4, got 5"):
        engine.set(np.zeros(5, dtype=np.float32), 0, 1.0)
    with pytest.raises(ExecutionEngineError, match=r"'dense' takes 3 argument\(s\) \(tensor<\?x\?xf32>, tensor<\?x\?xf32>, tensor<\?xf32>\), got 2"):
        engine.dense(x, x)
