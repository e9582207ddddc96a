"""``ExecutionEngine(..., optimize=True)`` computes what numpy computes, on
shapes that leave partial tiles and partial vectors (primes, 1, sizes that
are not multiples of the vector width), for each kernel family."""

from __future__ import annotations

import numpy as np
import pytest

import mlopt
import optimize_kernels as kernels

RNG = np.random.default_rng(11)


def _random(*shape: int) -> np.ndarray:
    return RNG.standard_normal(shape).astype(np.float32)


def _engine(source: str, options: object = True) -> mlopt.ExecutionEngine:
    return mlopt.ExecutionEngine(source, opt_level=2, optimize=options)


@pytest.mark.parametrize("m, n, k", [(1, 1, 1), (7, 13, 5), (17, 31, 3), (64, 33, 17), (37, 70, 41)])
def test_matmul(m: int, n: int, k: int) -> None:
    a, b = _random(m, k), _random(k, n)
    np.testing.assert_allclose(_engine(kernels.matmul(m, n, k)).kernel(a, b), a @ b, rtol=1e-4, atol=1e-4)


# packed: rows and columns padded to whole panels (61, 97, 1, 7, 13), k
# stepped one at a time where 8 does not divide it (83, 300: cache tiles of
# 100), 1024: whole panels and cache tiles
@pytest.mark.parametrize(
    "m, n, k", [(1, 1, 1), (7, 13, 5), (61, 97, 83), (17, 31, 300), (64, 96, 80), (9, 33, 1024)]
)
def test_packed_matmul(m: int, n: int, k: int) -> None:
    a, b = _random(m, k), _random(k, n)
    np.testing.assert_allclose(_engine(kernels.matmul(m, n, k), "pack=true").kernel(a, b), a @ b, rtol=1e-4, atol=1e-4)


TWO_MATMULS = """
func.func @kernel(%a: tensor<9x256xf32>, %b: tensor<256x520xf32>, %d: tensor<520x3xf32>) -> tensor<9x3xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<9x520xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<9x520xf32>) -> tensor<9x520xf32>
  %ab = linalg.matmul ins(%a, %b : tensor<9x256xf32>, tensor<256x520xf32>) outs(%init : tensor<9x520xf32>) -> tensor<9x520xf32>
  %small_empty = tensor.empty() : tensor<9x3xf32>
  %small_init = linalg.fill ins(%zero : f32) outs(%small_empty : tensor<9x3xf32>) -> tensor<9x3xf32>
  %abd = linalg.matmul ins(%ab, %d : tensor<9x520xf32>, tensor<520x3xf32>) outs(%small_init : tensor<9x3xf32>) -> tensor<9x3xf32>
  return %abd : tensor<9x3xf32>
}
"""


def test_a_packed_matmul_feeds_an_unpacked_one() -> None:
    """By default only the matmul whose B exceeds 256 KiB (520 KiB) is packed."""
    a, b, d = _random(9, 256), _random(256, 520), _random(520, 3)
    np.testing.assert_allclose(_engine(TWO_MATMULS).kernel(a, b, d), a @ b @ d, rtol=1e-4, atol=1e-3)


def test_packed_matmul_then_elementwise() -> None:
    """B: 520 KiB, packed by default; the bias is added on buffers."""
    a, b, bias = _random(9, 256), _random(256, 520), _random(9, 520)
    result = _engine(kernels.biased_matmul(9, 520, 256)).kernel(a, b, bias)
    np.testing.assert_allclose(result, a @ b + bias, rtol=1e-4, atol=1e-4)


def test_packed_matmul_accumulates_into_its_init() -> None:
    source = """
func.func @kernel(%a: tensor<11x19xf32>, %b: tensor<19x35xf32>, %c: tensor<11x35xf32>) -> tensor<11x35xf32> {
  %product = linalg.matmul ins(%a, %b : tensor<11x19xf32>, tensor<19x35xf32>) outs(%c : tensor<11x35xf32>) -> tensor<11x35xf32>
  return %product : tensor<11x35xf32>
}
"""
    a, b, c = _random(11, 19), _random(19, 35), _random(11, 35)
    np.testing.assert_allclose(_engine(source, "pack=true").kernel(a, b, c), c + a @ b, rtol=1e-4, atol=1e-4)


def test_packed_matmul_with_narrower_vectors() -> None:
    a, b = _random(19, 23), _random(23, 29)
    engine = _engine(kernels.matmul(19, 29, 23), "pack=true vector-width=256")
    np.testing.assert_allclose(engine.kernel(a, b), a @ b, rtol=1e-4, atol=1e-4)


def test_matmul_with_narrower_vectors() -> None:
    a, b = _random(19, 23), _random(23, 29)
    engine = _engine(kernels.matmul(19, 29, 23), "vector-width=256")
    np.testing.assert_allclose(engine.kernel(a, b), a @ b, rtol=1e-4, atol=1e-4)


def test_batch_matmul() -> None:
    a, b = _random(3, 9, 11), _random(3, 11, 37)
    np.testing.assert_allclose(_engine(kernels.batch_matmul(3, 9, 37, 11)).kernel(a, b), a @ b, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("batch, m, n, k", [(3, 9, 37, 11), (4, 1, 1, 1), (2, 17, 40, 300)])
def test_packed_batch_matmul(batch: int, m: int, n: int, k: int) -> None:
    a, b = _random(batch, m, k), _random(batch, k, n)
    engine = _engine(kernels.batch_matmul(batch, m, n, k), "pack=true")
    np.testing.assert_allclose(engine.kernel(a, b), a @ b, rtol=1e-4, atol=1e-4)


def test_matvec() -> None:
    a, x = _random(13, 71), _random(71)
    np.testing.assert_allclose(_engine(kernels.matvec(13, 71)).kernel(a, x), a @ x, rtol=1e-4, atol=1e-4)


# (1 << 20,) and (1031, 1024): results over 4 MiB, stored nontemporally
@pytest.mark.parametrize("shape", [(1,), (7,), (1031,), (1 << 20,), (3, 5), (1031, 1024)])
def test_elementwise_chain(shape: tuple[int, ...]) -> None:
    x, y, z = _random(*shape), _random(*shape), _random(*shape)
    result = _engine(kernels.elementwise_chain(*shape)).kernel(x, y, z)
    np.testing.assert_allclose(result, kernels.elementwise_chain_reference(x, y, z), rtol=1e-6)


# Computed a row at a time. (1, 48), (7, 320), (3, 176) and (11, 1024):
# rows whose whole vectors split the reduction into partial accumulators
# (one row: a loop of one row; 176: the elementwise ops have partial register
# tiles); the others (primes among them) do not split.
@pytest.mark.parametrize("m, n", [(1, 1), (3, 17), (5, 300), (13, 97), (1, 48), (7, 320), (3, 176), (11, 1024)])
def test_softmax(m: int, n: int) -> None:
    x = _random(m, n) * 4
    np.testing.assert_allclose(_engine(kernels.softmax(m, n)).kernel(x), kernels.softmax_reference(x), rtol=1e-5, atol=1e-7)


def test_softmax_with_narrower_vectors() -> None:
    x = _random(9, 72) * 4  # 72: nine 8-lane vectors, split by three of them
    engine = _engine(kernels.softmax(9, 72), "vector-width=256")
    np.testing.assert_allclose(engine.kernel(x), kernels.softmax_reference(x), rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("shape", [(1, 5, 5, 3, 2), (1, 10, 11, 8, 40)])
def test_conv_2d_nhwc_hwcf(shape: tuple[int, ...]) -> None:
    image, filter = _random(*shape[:4]), _random(3, 3, shape[3], shape[4])
    result = _engine(kernels.conv_2d_nhwc_hwcf(*shape)).kernel(image, filter)
    np.testing.assert_allclose(result, kernels.conv_2d_nhwc_hwcf_reference(image, filter), rtol=1e-4, atol=1e-4)


def test_each_part_switched_off_still_computes_the_same() -> None:
    a, b = _random(10, 12), _random(12, 35)
    for options in ("fuse=false", "vectorize=false", "hoist=false", "tile=false", "pack=true vectorize=false", "pack=true hoist=false"):
        np.testing.assert_allclose(_engine(kernels.matmul(10, 35, 12), options).kernel(a, b), a @ b, rtol=1e-4, atol=1e-4)


def test_arguments_keep_value_semantics() -> None:
    x, y, z = _random(33), _random(33), _random(33)
    copies = [v.copy() for v in (x, y, z)]
    _engine(kernels.elementwise_chain(33)).kernel(x, y, z)
    for value, copy in zip((x, y, z), copies):
        np.testing.assert_array_equal(value, copy)


DYNAMIC_AND_MEMREF = """
func.func @dynamic(%a: tensor<?x?xf32>, %b: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %m = tensor.dim %a, %c0 : tensor<?x?xf32>
  %n = tensor.dim %b, %c1 : tensor<?x?xf32>
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty(%m, %n) : tensor<?x?xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<?x?xf32>) -> tensor<?x?xf32>
  %product = linalg.matmul ins(%a, %b : tensor<?x?xf32>, tensor<?x?xf32>) outs(%init : tensor<?x?xf32>) -> tensor<?x?xf32>
  return %product : tensor<?x?xf32>
}

func.func @accumulate(%a: memref<13x17xf32>, %b: memref<17x33xf32>, %c: memref<13x33xf32>) {
  linalg.matmul ins(%a, %b : memref<13x17xf32>, memref<17x33xf32>) outs(%c : memref<13x33xf32>)
  return
}
"""


@pytest.mark.parametrize("options", [True, "pack=true"])
def test_dynamic_shapes_are_left_unscheduled_and_buffers_are_scheduled_in_place(options) -> None:
    engine = _engine(DYNAMIC_AND_MEMREF, options)
    a, b = _random(5, 7), _random(7, 3)
    np.testing.assert_allclose(engine.dynamic(a, b), a @ b, rtol=1e-5, atol=1e-5)
    a, b, c = _random(13, 17), _random(17, 33), np.ones((13, 33), np.float32)
    engine.accumulate(a, b, c)
    np.testing.assert_allclose(c, 1 + a @ b, rtol=1e-5, atol=1e-5)
