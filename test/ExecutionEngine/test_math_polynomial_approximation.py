"""Numerics of test-math-polynomial-approximation: the approximations, JIT-run
on vectors and scalars, against numpy over wide ranges and at the edges
(±0, ±inf, NaN, denormals, overflow)."""

from __future__ import annotations

import math

import numpy as np
import pytest

import mlopt

LANES = 16
COUNT = 1 << 14
PIPELINE = "builtin.module(test-math-polynomial-approximation,lower-to-llvm)"


def _vector_program(op: str, count: int) -> str:
    memref = f"memref<{count}xf32>"
    return f"""
func.func @apply(%x: {memref}, %y: {memref}) {{
  %c0 = arith.constant 0 : index
  %n = arith.constant {count} : index
  %step = arith.constant {LANES} : index
  scf.for %i = %c0 to %n step %step {{
    %v = vector.load %x[%i] : {memref}, vector<{LANES}xf32>
    %r = math.{op} %v : vector<{LANES}xf32>
    vector.store %r, %y[%i] : {memref}, vector<{LANES}xf32>
  }}
  return
}}
"""


def _scalar_program(op: str, count: int) -> str:
    memref = f"memref<{count}xf32>"
    return f"""
func.func @apply(%x: {memref}, %y: {memref}) {{
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = arith.constant {count} : index
  scf.for %i = %c0 to %n step %c1 {{
    %v = memref.load %x[%i] : {memref}
    %r = math.{op} %v : f32
    memref.store %r, %y[%i] : {memref}
  }}
  return
}}
"""


def _approximate(op: str, x: np.ndarray, program=_vector_program) -> np.ndarray:
    engine = mlopt.ExecutionEngine(program(op, x.size), pipeline=PIPELINE, opt_level=2)
    y = np.full_like(x, 42.0)
    engine.apply(x, y)
    return y


def _reference(op: str, x: np.ndarray) -> np.ndarray:
    wide = x.astype(np.float64)
    functions = {"exp": np.exp, "log": np.log, "log2": np.log2, "tanh": np.tanh, "erf": np.vectorize(math.erf, otypes=[np.float64])}
    with np.errstate(all="ignore"):
        return functions[op](wide).astype(np.float32)


_RNG = np.random.default_rng(11)

# Each op over its interesting range, with the relative error upstream's
# approximation reaches there (a few f32 ulps).
RANGES = {
    "exp": (np.float32(_RNG.uniform(-87.3, 88.7, COUNT)), 1e-6),
    "log": (np.float32(np.exp(_RNG.uniform(-87, 88, COUNT))), 1e-6),
    "log2": (np.float32(np.exp(_RNG.uniform(-87, 88, COUNT))), 1e-6),
    "tanh": (np.float32(_RNG.uniform(-10, 10, COUNT)), 1e-6),
    "erf": (np.float32(_RNG.uniform(-5, 5, COUNT)), 1e-6),
}


@pytest.mark.parametrize("op", sorted(RANGES))
def test_accuracy_over_the_range(op):
    x, tolerance = RANGES[op]
    got, expected = _approximate(op, x), _reference(op, x)
    # Near a root (log near 1) the relative error of any f32 method grows; an
    # absolute floor of a few ulps of 1 covers it.
    np.testing.assert_allclose(got, expected, rtol=tolerance, atol=1e-6 if op in ("log", "log2", "tanh", "erf") else 0)


def _edges() -> np.ndarray:
    smallest_normal = np.finfo(np.float32).tiny
    denormal = np.float32(1e-40)
    values = [0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.0, smallest_normal, denormal, -denormal, 1e-30, -1e-30,
              88.7, 88.8, 89.0, 1000.0, -87.3, -88.0, -104.0, -1000.0, 3e38, -3e38, 7.9, 8.0, 20.0, -20.0,
              3.74, 3.76, 0.0003, -0.0003]  # fmt: skip
    values += [0.0] * (-len(values) % LANES)
    return np.array(values, dtype=np.float32)


def test_exp_edges():
    x = _edges()
    got, expected = _approximate("exp", x), _reference("exp", x)
    finite = np.isfinite(x) & (x < 88.7) & (x > -87.3)
    np.testing.assert_allclose(got[finite], expected[finite], rtol=1e-6)
    assert np.all(got[x >= 88.8] == np.inf), "overflow gives +inf"
    # Results below the smallest normal flush to zero, as upstream's.
    assert np.all(got[x <= -88.0] == 0.0)
    assert np.isnan(got[np.isnan(x)]).all()


@pytest.mark.parametrize("op", ["log", "log2"])
def test_log_edges(op):
    x = _edges()
    got = _approximate(op, x)
    assert np.all(got[x == 0.0] == -np.inf), "log(±0) = -inf"
    assert np.isnan(got[(x < 0) | np.isnan(x)]).all(), "log of a negative or NaN is NaN"
    assert np.all(got[x == np.inf] == np.inf)
    # Denormals count as the smallest normal (flushed, as upstream's).
    assert np.all(got[x == np.float32(1e-40)] == got[x == np.finfo(np.float32).tiny][0])
    normal = np.isfinite(x) & (x >= np.finfo(np.float32).tiny)
    np.testing.assert_allclose(got[normal], _reference(op, x)[normal], rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("op", ["tanh", "erf"])
def test_saturating_edges(op):
    x = _edges()
    got = _approximate(op, x)
    assert np.all(got[x == np.inf] == 1.0) and np.all(got[x == -np.inf] == -1.0)
    assert np.isnan(got[np.isnan(x)]).all()
    finite = np.isfinite(x)
    np.testing.assert_allclose(got[finite], _reference(op, x)[finite], rtol=1e-6, atol=1e-7)
    assert np.array_equal(np.signbit(got[finite & (x != 0)]), np.signbit(x[finite & (x != 0)])), "odd functions keep the sign"


@pytest.mark.parametrize("op", sorted(RANGES))
def test_scalars_give_the_same_bits_as_vectors(op):
    x = RANGES[op][0][: LANES * 64]
    assert np.array_equal(_approximate(op, x), _approximate(op, x, _scalar_program), equal_nan=True)


def test_f16_is_computed_in_f32():
    program = """
func.func @apply(%x: memref<16xf16>, %y: memref<16xf16>) {
  %c0 = arith.constant 0 : index
  %v = vector.load %x[%c0] : memref<16xf16>, vector<16xf16>
  %r = math.exp %v : vector<16xf16>
  vector.store %r, %y[%c0] : memref<16xf16>, vector<16xf16>
  return
}
"""
    engine = mlopt.ExecutionEngine(program, pipeline=PIPELINE)
    x = np.linspace(-8, 8, 16, dtype=np.float16)
    y = np.zeros_like(x)
    engine.apply(x, y)
    np.testing.assert_allclose(y, np.exp(x.astype(np.float32)).astype(np.float16), rtol=1e-3)
