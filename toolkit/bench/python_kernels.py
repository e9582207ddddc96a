"""The kernel set for numpy and numba, run as a program so that each
contender is a fresh process with one thread, like mlrun and mlir-runner:

    python -m mlopt.bench.python_kernels numpy|numba KERNEL 'JSON params'

prints the kernel time (one call, timed around the call) and the checksum,
one per line. Inputs are built from the same patterns as the MLIR programs.
numpy uses its own idiom for each kernel (BLAS for the matmuls, im2col and
BLAS for the convolution); numba compiles the MLIR loop nests written in
Python, ahead of the timed call (signatures given). Both get one warm-up
call on copies of the inputs.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

import numpy as np

from mlopt.bench.kernels import BUILDERS, Buffer, Kernel



def make_array(buffer: Buffer) -> np.ndarray:
    dtype = np.dtype(np.float32 if buffer.element == "f32" else np.float64)
    pattern = buffer.pattern
    if pattern is None:
        # Written, not calloc'ed, so its pages are mapped before the timed
        # call, as in the MLIR programs, which store the zeros.
        zeros = np.empty(buffer.shape, dtype)
        zeros.fill(0)
        return zeros
    linear = np.zeros(buffer.shape, np.int64)
    for axis, coefficient in enumerate(pattern.coefficients):
        shape = [1] * len(buffer.shape)
        shape[axis] = buffer.shape[axis]
        linear = linear + np.arange(buffer.shape[axis], dtype=np.int64).reshape(shape) * coefficient
    values = (linear % pattern.modulus).astype(dtype)
    return values * dtype.type(pattern.scale) - dtype.type(pattern.offset)


# --------------------------------------------------------------------------- numpy


def _numpy_matmul(a, b, c):
    np.matmul(a, b, out=c)  # c is zero: the same as c += a @ b


def _numpy_elementwise(x, y, z, o):
    np.multiply(x, y, out=o)
    o += z
    np.maximum(o, np.float32(0), out=o)
    o *= np.float32(0.5)
    o += x


def _numpy_reduction(x, s):
    s[0] = x.sum(dtype=np.float64)


def _numpy_stencil(x, y):
    y[1:-1, 1:-1] = (x[1:-1, 1:-1] + x[:-2, 1:-1] + x[2:, 1:-1] + x[1:-1, :-2] + x[1:-1, 2:]) * np.float32(0.2)


def _numpy_conv2d(image, weights, out):
    window = weights.shape[-1]
    patches = np.lib.stride_tricks.sliding_window_view(image[0], (window, window), axis=(1, 2))
    out[0] = np.tensordot(weights, patches, axes=([1, 2, 3], [0, 3, 4]))


NUMPY: dict[str, Callable] = {
    "matmul-naive": _numpy_matmul,
    "matmul-tiled": _numpy_matmul,
    "elementwise": _numpy_elementwise,
    "reduction": _numpy_reduction,
    "stencil": _numpy_stencil,
    "conv2d": _numpy_conv2d,
}


# --------------------------------------------------------------------------- numba (the MLIR loop nests)


def _loops_matmul_naive(a, b, c):
    n = c.shape[0]
    for i in range(n):
        for j in range(n):
            for k in range(n):
                c[i, j] = c[i, j] + a[i, k] * b[k, j]


def _loops_matmul_tiled(a, b, c):
    n = c.shape[0]
    tile = 32
    for ii in range(0, n, tile):
        for kk in range(0, n, tile):
            for jj in range(0, n, tile):
                for i in range(ii, ii + tile):
                    for k in range(kk, kk + tile):
                        aik = a[i, k]
                        for j in range(jj, jj + tile):
                            c[i, j] = c[i, j] + aik * b[k, j]


def _loops_elementwise(x, y, z, o):
    for i in range(o.shape[0]):
        o[i] = max(x[i] * y[i] + z[i], np.float32(0)) * np.float32(0.5) + x[i]


def _loops_reduction(x, s):
    acc = 0.0
    for i in range(x.shape[0]):
        acc += np.float64(x[i])
    s[0] = acc


def _loops_stencil(x, y):
    n = x.shape[0]
    for i in range(1, n - 1):
        for j in range(1, n - 1):
            y[i, j] = (x[i, j] + x[i - 1, j] + x[i + 1, j] + x[i, j - 1] + x[i, j + 1]) * np.float32(0.2)


def _loops_conv2d(image, weights, out):
    filters, channels, window, _ = weights.shape
    size = out.shape[2]
    for f in range(filters):
        for c in range(channels):
            for kh in range(window):
                for kw in range(window):
                    w = weights[f, c, kh, kw]
                    for oh in range(size):
                        for ow in range(size):
                            out[0, f, oh, ow] = out[0, f, oh, ow] + image[0, c, oh + kh, ow + kw] * w


LOOPS: dict[str, Callable] = {
    "matmul-naive": _loops_matmul_naive,
    "matmul-tiled": _loops_matmul_tiled,
    "elementwise": _loops_elementwise,
    "reduction": _loops_reduction,
    "stencil": _loops_stencil,
    "conv2d": _loops_conv2d,
}


def _numba_compiled(kernel: Kernel) -> Callable:
    import numba

    arrays = [
        numba.types.Array(numba.float32 if b.element == "f32" else numba.float64, len(b.shape), "C") for b in kernel.buffers
    ]
    return numba.njit(numba.types.void(*arrays))(LOOPS[kernel.name])


def run(implementation: str, kernel: Kernel) -> tuple[float, float]:
    """(kernel seconds, checksum) of one call."""
    function = _numba_compiled(kernel) if implementation == "numba" else NUMPY[kernel.name]
    arrays = {b.name: make_array(b) for b in kernel.buffers}
    # A first call pays one-time set-up (numba's dispatch, ~10 ms; BLAS's
    # buffers, ~2 ms) that the MLIR programs do not pay inside their timing.
    function(*(array.copy() for array in arrays.values()))
    start = time.perf_counter()
    function(*arrays.values())
    elapsed = time.perf_counter() - start
    return elapsed, float(np.sum(arrays[kernel.output], dtype=np.float64))


def main(argv: list[str]) -> int:
    implementation, name, params = argv
    seconds, checksum = run(implementation, BUILDERS[name](**json.loads(params)))
    print(repr(seconds))
    print(repr(checksum))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
