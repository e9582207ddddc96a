"""Calling an optimized kernel again and again: the heap JIT-compiled code
allocates from keeps the large blocks a call frees (a softmax's 2 MiB of
exponentials and its 2 MiB result), so the next call does not fault every
page of them in afresh."""

from __future__ import annotations

import resource

import numpy as np
import pytest

import mlopt
import optimize_kernels as kernels
from mlopt.runtime.heap import keep_freed_memory


def test_repeated_calls_reuse_the_freed_pages() -> None:
    if not keep_freed_memory():
        pytest.skip("the C library is not glibc")
    engine = mlopt.ExecutionEngine(kernels.softmax(512, 1024), opt_level=2, optimize=True)
    x = np.random.default_rng(3).standard_normal((512, 1024), dtype=np.float32)  # no float64 block freed first
    for _ in range(3):  # the heap grows to its size
        engine.kernel(x)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(10):
        result = engine.kernel(x)
    faults = (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) / 10
    # 4 MiB a call is 1024 pages (glibc's adaptive thresholds faulted 992 of
    # them, unless larger blocks freed before, as numpy's float64 reference
    # below, had raised those thresholds: so it comes last)
    assert faults < 100, f"{faults} page faults a call"
    np.testing.assert_allclose(result, kernels.softmax_reference(x), rtol=1e-5, atol=1e-7)
