"""mlopt.ExecutionEngine: calls from Python, the numpy <-> memref bridge, and
argument checking before any native code runs."""

from __future__ import annotations

import numpy as np
import pytest

import mlopt
from mlopt.diagnostics import DiagnosticError
from mlopt.execution_engine import ExecutionEngineError

PIPELINE = (
    "func.func(convert-scf-to-cf),finalize-memref-to-llvm,convert-func-to-llvm,"
    "convert-arith-to-llvm,convert-cf-to-llvm,reconcile-unrealized-casts"
)
"""The CPU conversions these tests need, spelled out so that the tests do not
depend on the whole lower-to-llvm pipeline."""

SOURCE = """
func.func @affine(%x: f64, %a: f64, %b: i64) -> f64 {
  %bf = arith.sitofp %b : i64 to f64
  %m = arith.mulf %x, %a : f64
  %r = arith.addf %m, %bf : f64
  return %r : f64
}

func.func @divmod(%a: index, %b: index) -> (index, index) {
  %q = arith.divsi %a, %b : index
  %r = arith.remsi %a, %b : index
  return %q, %r : index, index
}

func.func @bump0(%m: memref<f32>) {
  %v = memref.load %m[] : memref<f32>
  %one = arith.constant 1.0 : f32
  %w = arith.addf %v, %one : f32
  memref.store %w, %m[] : memref<f32>
  return
}

func.func @bump1(%m: memref<?xi32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %m, %c0 : memref<?xi32>
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %m[%i] : memref<?xi32>
    %ii = arith.index_cast %i : index to i32
    %w = arith.addi %v, %ii : i32
    memref.store %w, %m[%i] : memref<?xi32>
  }
  return
}

func.func @sum3(%m: memref<2x3x4xf64>) -> f64 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %zero = arith.constant 0.0 : f64
  %s = scf.for %i = %c0 to %c2 step %c1 iter_args(%a = %zero) -> (f64) {
    %t = scf.for %j = %c0 to %c3 step %c1 iter_args(%b = %a) -> (f64) {
      %u = scf.for %k = %c0 to %c4 step %c1 iter_args(%c = %b) -> (f64) {
        %v = memref.load %m[%i, %j, %k] : memref<2x3x4xf64>
        %w = arith.addf %c, %v : f64
        scf.yield %w : f64
      }
      scf.yield %u : f64
    }
    scf.yield %t : f64
  }
  return %s : f64
}

func.func @scale_view(%m: memref<?x?xf32, strided<[?, ?], offset: ?>>, %s: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = memref.dim %m, %c0 : memref<?x?xf32, strided<[?, ?], offset: ?>>
  %c = memref.dim %m, %c1 : memref<?x?xf32, strided<[?, ?], offset: ?>>
  scf.for %i = %c0 to %r step %c1 {
    scf.for %j = %c0 to %c step %c1 {
      %v = memref.load %m[%i, %j] : memref<?x?xf32, strided<[?, ?], offset: ?>>
      %w = arith.mulf %v, %s : f32
      memref.store %w, %m[%i, %j] : memref<?x?xf32, strided<[?, ?], offset: ?>>
    }
  }
  return
}

func.func @outer(%a: memref<?xf32>, %b: memref<?xf32>) -> memref<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %a, %c0 : memref<?xf32>
  %m = memref.dim %b, %c0 : memref<?xf32>
  %out = memref.alloc(%n, %m) : memref<?x?xf32>
  scf.for %i = %c0 to %n step %c1 {
    scf.for %j = %c0 to %m step %c1 {
      %x = memref.load %a[%i] : memref<?xf32>
      %y = memref.load %b[%j] : memref<?xf32>
      %p = arith.mulf %x, %y : f32
      memref.store %p, %out[%i, %j] : memref<?x?xf32>
    }
  }
  return %out : memref<?x?xf32>
}

func.func @sum_row(%m: memref<4xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %zero = arith.constant 0.0 : f32
  %s = scf.for %i = %c0 to %c4 step %c1 iter_args(%a = %zero) -> (f32) {
    %v = memref.load %m[%i] : memref<4xf32>
    %w = arith.addf %a, %v : f32
    scf.yield %w : f32
  }
  return %s : f32
}

func.func @first_at_offset_two(%m: memref<2xf32, strided<[1], offset: 2>>) -> f32 {
  %c0 = arith.constant 0 : index
  %v = memref.load %m[%c0] : memref<2xf32, strided<[1], offset: 2>>
  return %v : f32
}

func.func @same(%a: memref<?xf32>) -> memref<?xf32> {
  return %a : memref<?xf32>
}

memref.global "private" constant @table : memref<3xi64> = dense<[4, 5, 6]>

func.func @get_table() -> memref<3xi64> {
  %t = memref.get_global @table : memref<3xi64>
  return %t : memref<3xi64>
}
"""


@pytest.fixture(scope="module")
def engine() -> mlopt.ExecutionEngine:
    return mlopt.ExecutionEngine(SOURCE, pipeline=PIPELINE)


def test_scalars(engine) -> None:
    assert engine.affine(1.5, 2.0, 3) == 1.5 * 2.0 + 3
    assert engine.invoke("affine", -0.25, 4.0, -7) == -0.25 * 4.0 - 7
    assert engine.divmod(17, 5) == (3, 2)
    assert engine.divmod(-17, 5) == (-3, -2)


def test_memrefs_of_rank_0_to_3_are_passed_in_place(engine) -> None:
    scalar = np.array(2.5, dtype=np.float32)
    engine.bump0(scalar)
    assert scalar == 3.5

    vector = np.arange(10, 20, dtype=np.int32)
    expected = vector + np.arange(10, dtype=np.int32)
    engine.bump1(vector)
    np.testing.assert_array_equal(vector, expected)

    cube = np.random.default_rng(0).standard_normal((2, 3, 4))
    assert engine.sum3(cube) == pytest.approx(cube.sum())


def test_strided_and_offset_views_are_not_copied(engine) -> None:
    base = np.arange(42, dtype=np.float32).reshape(6, 7)
    expected = base.copy()
    view = base[1:5:2, 2::3]
    expected[1:5:2, 2::3] *= -2
    engine.scale_view(view, -2.0)
    np.testing.assert_array_equal(base, expected)

    transposed = base.T[3:, 1:4]
    expected.T[3:, 1:4] *= 0.5
    engine.scale_view(transposed, 0.5)
    np.testing.assert_array_equal(base, expected)


def test_contiguous_views_are_read_where_they_start(engine) -> None:
    # The code for a static offset (identity layout: 0) never reads the
    # descriptor's offset, so the view's start must be in its aligned pointer.
    rows = np.arange(12, dtype=np.float32).reshape(3, 4)
    assert engine.sum_row(rows[1]) == rows[1].sum()
    assert engine.sum_row(rows[2]) == rows[2].sum()
    assert engine.first_at_offset_two(rows[1, 1:3]) == rows[1, 1]
    assert engine.first_at_offset_two(np.arange(2, dtype=np.float32)) == 0.0


def test_memref_results_keep_their_memory_until_collected(engine, monkeypatch) -> None:
    import gc

    from mlopt import execution_engine

    freed: list[int] = []
    real_free = execution_engine._free
    monkeypatch.setattr(execution_engine, "_free", lambda address: (freed.append(address), real_free(address)))
    a = np.array([1.0, 2.0, 3.0], dtype=np.float32)
    b = np.array([10.0, -1.0], dtype=np.float32)
    first = engine.outer(a, b)
    second = engine.outer(b, a)
    np.testing.assert_array_equal(first, np.outer(a, b))
    np.testing.assert_array_equal(second, np.outer(b, a))
    first[0, 0] = 7.0  # results are ordinary writable arrays
    row = first[1]
    del first
    gc.collect()
    assert freed == [], "a view of the result keeps its buffer alive"
    np.testing.assert_array_equal(row, np.outer(a, b)[1])
    del row, second
    gc.collect()
    assert len(freed) == 2, "each result's buffer is freed once, when its last array goes"


def test_results_aliasing_arguments_or_globals(engine) -> None:
    a = np.array([1.0, 2.0], dtype=np.float32)
    for _ in range(3):
        same = engine.same(a)
        np.testing.assert_array_equal(same, a)
        assert not np.shares_memory(same, a)
    for _ in range(3):
        np.testing.assert_array_equal(engine.get_table(), [4, 5, 6])


@pytest.mark.parametrize(
    "name, args, message",
    [
        ("bump1", (np.zeros(3, dtype=np.int64),), "expected an array of int32, got int64"),
        ("bump1", (np.zeros((3, 1), dtype=np.int32),), "expected an array of rank 1, got rank 2"),
        ("sum3", (np.zeros((2, 3, 5)),), "dimension 2 must be 4, got 5"),
        ("bump1", ([1, 2, 3],), "expected a numpy array, got list"),
        ("bump1", (np.zeros(6, dtype=np.int32)[::2],), "must be C-contiguous"),
        ("affine", (1.0, 2.0), "'affine' takes 3 argument(s) (f64, f64, i64), got 2"),
        ("affine", (1.0, "2", 3), "argument #1 of 'affine' (f64): expected a float, got str"),
        ("affine", (1.0, 2.0, 1 << 70), "does not fit in i64"),
        ("affine", (1.0, 2.0, 1.5), "expected an integer, got float"),
        ("missing", (), "no function 'missing'"),
    ],
)
def test_mismatches_are_python_errors(engine, name, args, message) -> None:
    with pytest.raises(ExecutionEngineError, match=message.replace("(", r"\(").replace(")", r"\)")):
        engine.invoke(name, *args)


def test_llvm_dialect_input() -> None:
    engine = mlopt.ExecutionEngine(
        """
        llvm.func @mix(%a: i32, %b: f32) -> f32 {
          %0 = llvm.sitofp %a : i32 to f32
          %1 = llvm.fmul %0, %b : f32
          llvm.return %1 : f32
        }
        """,
        opt_level=0,
    )
    assert engine.mix(3, 0.5) == 1.5


def test_bad_input_is_a_located_error() -> None:
    with pytest.raises(DiagnosticError, match="<string>:1:"):
        mlopt.ExecutionEngine("func.func @broken( {")
    with pytest.raises(ValueError, match="opt_level"):
        mlopt.ExecutionEngine("", opt_level=5)
