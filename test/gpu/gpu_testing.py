"""What the GPU tests share: fixtures with a stand-in CUDA driver
(fake_cuda), one that runs the kernels on the CPU (emulated_cuda) or none
(no_cuda), the skip of tests that need a real NVIDIA GPU, and numpy views
of kernel parameters. (Not a conftest.py: test/unit imports its own
conftest by that name.)"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pytest
from fake_cuda import FakeLibrary, kernel_params

POINTER, INDEX = ctypes.c_void_p, ctypes.c_int64
MEMREF_1D = [POINTER, POINTER, INDEX, INDEX, INDEX]
"""A memref<?xT> kernel argument: allocated, aligned, offset, size, stride."""


def f32_vector(address: int, offset: int, size: int, stride: int) -> np.ndarray:
    """A numpy view of a 1-D f32 memref's elements at ``address``."""
    return np.lib.stride_tricks.as_strided(
        np.ctypeslib.as_array((ctypes.c_float * (offset + (size - 1) * stride + 1)).from_address(address))[offset:],
        shape=(size,),
        strides=(4 * stride,),
    )


def saxpy_kernel(launch) -> None:
    """What a saxpy(x: memref<?xf32>, y: memref<?xf32>, a: f32) kernel does, in numpy."""
    values = kernel_params(launch, MEMREF_1D + MEMREF_1D + [ctypes.c_float])
    x = f32_vector(*values[1:5])
    y = f32_vector(*values[6:10])
    y[:] = np.float32(values[10]) * x + y


@contextmanager
def installed(library: FakeLibrary) -> Iterator[FakeLibrary]:
    """``library`` as the CUDA driver, while in the block."""
    from mlopt.runtime import cuda_runtime
    from mlopt.runtime.cuda import Driver, use_driver

    previous = use_driver(Driver(library))
    cuda_runtime.take_errors()
    try:
        yield library
    finally:
        use_driver(previous)
        cuda_runtime.take_errors()
        cuda_runtime._functions.clear()


@contextmanager
def emulated_gpu(monkeypatch) -> Iterator[FakeLibrary]:
    """A stand-in driver that runs mlopt's kernels on the CPU (kernel_emulator)."""
    from kernel_emulator import recording

    with recording(monkeypatch) as recorder, installed(FakeLibrary(emulate=recorder.launch)) as library:
        yield library


@pytest.fixture
def fake_cuda():
    """A FakeLibrary installed as the CUDA driver for the test."""
    with installed(FakeLibrary()) as library:
        yield library


@pytest.fixture
def emulated_cuda(monkeypatch):
    with emulated_gpu(monkeypatch) as library:
        yield library


@pytest.fixture
def no_cuda(monkeypatch):
    """No CUDA driver library can be loaded."""
    from mlopt.runtime.cuda import LIBRARY_ENV, use_driver

    monkeypatch.setenv(LIBRARY_ENV, "/nonexistent/libcuda.so.1")
    previous = use_driver(None)
    try:
        yield
    finally:
        use_driver(previous)


def gpu_missing() -> str | None:
    from mlopt.runtime.cuda import gpu_missing as missing

    return missing()


requires_gpu = pytest.mark.skipif(gpu_missing() is not None, reason=str(gpu_missing()))
