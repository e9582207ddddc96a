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
    functions = {
        "exp": np.exp, "log": np.log, "log2": np.log2, "tanh": np.tanh, "log1p": np.log1p, "expm1": np.expm1, "sin": np.sin,
        "cos": np.cos, "atan": np.arctan, "asin": np.arcsin, "acos": np.arccos, "cbrt": np.cbrt,
        "erf": np.vectorize(math.erf, otypes=[np.float64]), "erfc": np.vectorize(math.erfc, otypes=[np.float64]),
    }  # fmt: skip
    with np.errstate(all="ignore"):
        return functions[op](wide).astype(np.float32)


_RNG = np.random.default_rng(11)

# Each op over its interesting range, with the error upstream's approximation
# reaches there: a few f32 ulps relative, and an absolute floor of a few ulps
# of 1 near roots (log near 1, odd functions near 0). sin and cos reduce the
# argument in f32 (x − k·π/2), which costs absolute accuracy as |x| grows.
RANGES = {
    "exp": (np.float32(_RNG.uniform(-87.3, 88.7, COUNT)), 1e-6, 0),
    "log": (np.float32(np.exp(_RNG.uniform(-87, 88, COUNT))), 1e-6, 1e-6),
    "log2": (np.float32(np.exp(_RNG.uniform(-87, 88, COUNT))), 1e-6, 1e-6),
    "tanh": (np.float32(_RNG.uniform(-10, 10, COUNT)), 1e-6, 1e-6),
    "erf": (np.float32(_RNG.uniform(-5, 5, COUNT)), 1e-6, 1e-6),
    "log1p": (np.float32(np.expm1(_RNG.uniform(-4, 40, COUNT))), 1e-6, 1e-6),
    "expm1": (np.float32(_RNG.uniform(-20, 20, COUNT)), 1e-6, 0),
    "sin": (np.float32(_RNG.uniform(-100, 100, COUNT)), 0, 1e-5),
    "cos": (np.float32(_RNG.uniform(-100, 100, COUNT)), 0, 1e-5),
    # atan over every magnitude; upstream's switches polynomials at |x| = 0.66,
    # where its error grows to ~2e-6.
    "atan": (np.float32(np.sinh(_RNG.uniform(-10, 10, COUNT))), 1e-6, 5e-6),
    "asin": (np.float32(_RNG.uniform(-1, 1, COUNT)), 1e-6, 1e-6),
    "acos": (np.float32(_RNG.uniform(-1, 1, COUNT)), 1e-6, 1e-6),
    "cbrt": (np.float32(_RNG.uniform(-1e6, 1e6, COUNT)), 2e-6, 0),
    "erfc": (np.float32(_RNG.uniform(-5, 10, COUNT)), 1e-6, 1e-6),
}


@pytest.mark.parametrize("op", sorted(RANGES))
def test_accuracy_over_the_range(op):
    x, rtol, atol = RANGES[op]
    np.testing.assert_allclose(_approximate(op, x), _reference(op, x), rtol=rtol, atol=atol)


def test_atan2_in_every_quadrant():
    memref = f"memref<{COUNT}xf32>"
    program = f"""
func.func @apply(%y: {memref}, %x: {memref}, %out: {memref}) {{
  %c0 = arith.constant 0 : index
  %n = arith.constant {COUNT} : index
  %step = arith.constant {LANES} : index
  scf.for %i = %c0 to %n step %step {{
    %vy = vector.load %y[%i] : {memref}, vector<{LANES}xf32>
    %vx = vector.load %x[%i] : {memref}, vector<{LANES}xf32>
    %r = math.atan2 %vy, %vx : vector<{LANES}xf32>
    vector.store %r, %out[%i] : {memref}, vector<{LANES}xf32>
  }}
  return
}}
"""
    engine = mlopt.ExecutionEngine(program, pipeline=PIPELINE)
    y, x = (np.float32(_RNG.uniform(-10, 10, COUNT)) for _ in range(2))
    result = np.zeros_like(x)
    engine.apply(y, x, result)
    np.testing.assert_allclose(result, np.arctan2(y.astype(np.float64), x), rtol=1e-6, atol=5e-6)


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
