"""GPU programs run and checked against numpy: on an NVIDIA GPU (skipped,
with the reason, where there is none), and everywhere on the kernel
emulator, which runs mlopt's own kernel code on the CPU through the
stand-in driver."""

from __future__ import annotations

import numpy as np
import pytest
from gpu_testing import emulated_gpu, requires_gpu

from mlopt.bench.gpu import SAXPY_KERNEL
from mlopt.bench.measure import Repeats

KERNELS = (
    """
module attributes {gpu.container_module} {
  gpu.module @kernels {"""
    + SAXPY_KERNEL
    + """    gpu.func @math(%x: memref<?xf32>, %out: memref<?xf32>, %d: memref<?xf64>, %dout: memref<?xf64>) kernel {
      %c0 = arith.constant 0 : index
      %i = gpu.global_id x
      %n = memref.dim %x, %c0 : memref<?xf32>
      %inside = arith.cmpi ult, %i, %n : index
      scf.if %inside {
        %v = memref.load %x[%i] : memref<?xf32>
        %e = math.exp %v : f32
        %s = math.sin %e : f32
        %t = math.tanh %s : f32
        memref.store %t, %out[%i] : memref<?xf32>
        %w = memref.load %d[%i] : memref<?xf64>
        %c = math.cos %w : f64
        %p = math.powf %c, %w : f64
        memref.store %p, %dout[%i] : memref<?xf64>
      }
      gpu.return
    }
    gpu.func @block_sum(%x: memref<?xf32>, %out: memref<?xf32>) workgroup(%tile: memref<256xf32, #gpu.address_space<workgroup>>) kernel {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %c256 = arith.constant 256 : index
      %t = gpu.thread_id x
      %b = gpu.block_id x
      %base = arith.muli %b, %c256 : index
      %i = arith.addi %base, %t : index
      %v = memref.load %x[%i] : memref<?xf32>
      memref.store %v, %tile[%t] : memref<256xf32, #gpu.address_space<workgroup>>
      gpu.barrier
      %first = arith.cmpi eq, %t, %c0 : index
      scf.if %first {
        %zero = arith.constant 0.0 : f32
        %sum = scf.for %j = %c0 to %c256 step %c1 iter_args(%acc = %zero) -> f32 {
          %e = memref.load %tile[%j] : memref<256xf32, #gpu.address_space<workgroup>>
          %a = arith.addf %acc, %e : f32
          scf.yield %a : f32
        }
        memref.store %sum, %out[%b] : memref<?xf32>
      }
      gpu.return
    }
  }
  func.func @saxpy(%a: f32, %x: memref<?xf32>, %y: memref<?xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c128 = arith.constant 128 : index
    %n = memref.dim %x, %c0 : memref<?xf32>
    %blocks = arith.ceildivui %n, %c128 : index
    %dx = gpu.alloc (%n) : memref<?xf32>
    %dy = gpu.alloc (%n) : memref<?xf32>
    gpu.memcpy %dx, %x : memref<?xf32>, memref<?xf32>
    gpu.memcpy %dy, %y : memref<?xf32>, memref<?xf32>
    gpu.launch_func @kernels::@saxpy blocks in (%blocks, %c1, %c1) threads in (%c128, %c1, %c1) args(%dx : memref<?xf32>, %dy : memref<?xf32>, %a : f32)
    gpu.memcpy %y, %dy : memref<?xf32>, memref<?xf32>
    gpu.dealloc %dx : memref<?xf32>
    gpu.dealloc %dy : memref<?xf32>
    return
  }
  func.func @math(%x: memref<?xf32>, %out: memref<?xf32>, %d: memref<?xf64>, %dout: memref<?xf64>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c64 = arith.constant 64 : index
    %n = memref.dim %x, %c0 : memref<?xf32>
    %blocks = arith.ceildivui %n, %c64 : index
    %dx = gpu.alloc (%n) : memref<?xf32>
    %dout_f = gpu.alloc (%n) : memref<?xf32>
    %dd = gpu.alloc (%n) : memref<?xf64>
    %dout_d = gpu.alloc (%n) : memref<?xf64>
    gpu.memcpy %dx, %x : memref<?xf32>, memref<?xf32>
    gpu.memcpy %dd, %d : memref<?xf64>, memref<?xf64>
    gpu.launch_func @kernels::@math blocks in (%blocks, %c1, %c1) threads in (%c64, %c1, %c1) args(%dx : memref<?xf32>, %dout_f : memref<?xf32>, %dd : memref<?xf64>, %dout_d : memref<?xf64>)
    gpu.memcpy %out, %dout_f : memref<?xf32>, memref<?xf32>
    gpu.memcpy %dout, %dout_d : memref<?xf64>, memref<?xf64>
    gpu.dealloc %dx : memref<?xf32>
    gpu.dealloc %dout_f : memref<?xf32>
    gpu.dealloc %dd : memref<?xf64>
    gpu.dealloc %dout_d : memref<?xf64>
    return
  }
  func.func @block_sums(%x: memref<?xf32>, %out: memref<?xf32>) {
    %c1 = arith.constant 1 : index
    %c0 = arith.constant 0 : index
    %c256 = arith.constant 256 : index
    %blocks = memref.dim %out, %c0 : memref<?xf32>
    %n = memref.dim %x, %c0 : memref<?xf32>
    %dx = gpu.alloc (%n) : memref<?xf32>
    %dout = gpu.alloc (%blocks) : memref<?xf32>
    gpu.memcpy %dx, %x : memref<?xf32>, memref<?xf32>
    gpu.launch_func @kernels::@block_sum blocks in (%blocks, %c1, %c1) threads in (%c256, %c1, %c1) args(%dx : memref<?xf32>, %dout : memref<?xf32>)
    gpu.memcpy %out, %dout : memref<?xf32>, memref<?xf32>
    gpu.dealloc %dx : memref<?xf32>
    gpu.dealloc %dout : memref<?xf32>
    return
  }
}
"""
)


@pytest.fixture(scope="module", params=["emulated", pytest.param("gpu", marks=requires_gpu)])
def device(request):
    """Where kernels run: "gpu", or "emulated" (the CPU, through the stand-in driver)."""
    if request.param == "gpu":
        yield request.param
        return
    with pytest.MonkeyPatch.context() as monkeypatch, emulated_gpu(monkeypatch):
        yield request.param


@pytest.fixture(scope="module")
def engine(device):
    import mlopt

    return mlopt.ExecutionEngine(KERNELS)


def test_saxpy_matches_numpy(engine):
    rng = np.random.default_rng(0)
    for n in (1, 127, 1000, 1 << 20):
        x = rng.standard_normal(n, dtype=np.float32)
        y = rng.standard_normal(n, dtype=np.float32)
        expected = np.float32(1.25) * x + y
        engine.saxpy(1.25, x, y)
        np.testing.assert_allclose(y, expected, rtol=1e-6, atol=1e-6)


def test_math_in_kernels_matches_numpy(engine):
    rng = np.random.default_rng(1)
    x = rng.uniform(-2, 2, 1000).astype(np.float32)
    d = rng.uniform(0.1, 1.5, 1000)  # cos(d) > 0: a real power
    out, dout = np.empty_like(x), np.empty_like(d)
    engine.math(x, out, d, dout)
    np.testing.assert_allclose(out, np.tanh(np.sin(np.exp(x))), rtol=2e-6, atol=2e-6)
    np.testing.assert_allclose(dout, np.cos(d) ** d, rtol=1e-13)


def test_workgroup_memory_and_barriers(engine):
    x = np.arange(256 * 8, dtype=np.float32) / 256
    out = np.empty(8, dtype=np.float32)
    engine.block_sums(x, out)
    np.testing.assert_allclose(out, x.reshape(8, 256).sum(axis=1, dtype=np.float64), rtol=1e-5)


def test_mlrun_prints_what_the_gpu_computed(device, tmp_path, capfd):
    from mlopt.run_main import run

    path = tmp_path / "iota.mlir"
    path.write_text(
        """
func.func @main() {
  %c1 = arith.constant 1 : index
  %c5 = arith.constant 5 : index
  %host = memref.alloc() : memref<5xi32>
  %device = gpu.alloc () : memref<5xi32>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c5, %sy = %c1, %sz = %c1) {
    %t = arith.index_cast %tx : index to i32
    %square = arith.muli %t, %t : i32
    memref.store %square, %device[%tx] : memref<5xi32>
    gpu.terminator
  }
  gpu.memcpy %host, %device : memref<5xi32>, memref<5xi32>
  %printed = memref.cast %host : memref<5xi32> to memref<*xi32>
  call @printMemrefI32(%printed) : (memref<*xi32>) -> ()
  return
}
func.func private @printMemrefI32(memref<*xi32>)
"""
    )
    assert run([str(path), "-e", "main", "--entry-point-result=void"]) == 0
    assert "[0,  1,  4,  9,  16]" in capfd.readouterr().out


@requires_gpu
def test_benchmark_runs():
    from mlopt.bench import gpu

    lines, not_run = gpu.run(True, Repeats(count=1, minimum=1, budget_s=0), log=lambda line: None)
    assert any(line.startswith("| mlopt |") for line in lines), lines
    assert not [what for what, _ in not_run if "mlopt" in what]
