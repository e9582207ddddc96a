"""mlopt's GPU runtime (the mgpu* functions) and mlrun/ExecutionEngine on GPU
programs, against a stand-in CUDA driver: what reaches the driver (sizes,
pointers, kernel parameters) and what comes back, checked with numpy."""

from __future__ import annotations

import ctypes
import io
import re
import subprocess

import numpy as np
import pytest
from gpu_testing import MEMREF_1D, fake_cuda, kernel_params, saxpy_kernel  # noqa: F401 - fake_cuda is a fixture

from mlopt.testing.features import llvm_tool, llvm_tool_missing

SAXPY_PROGRAM = """
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = arith.constant 6 : index
  %a = arith.constant 1.5 : f32
  %x = memref.alloc(%n) : memref<?xf32>
  %y = memref.alloc(%n) : memref<?xf32>
  scf.for %i = %c0 to %n step %c1 {
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %g = arith.mulf %f, %f : f32
    memref.store %f, %x[%i] : memref<?xf32>
    memref.store %g, %y[%i] : memref<?xf32>
  }
  %dx = gpu.alloc (%n) : memref<?xf32>
  %dy = gpu.alloc (%n) : memref<?xf32>
  gpu.memcpy %dx, %x : memref<?xf32>, memref<?xf32>
  gpu.memcpy %dy, %y : memref<?xf32>, memref<?xf32>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %n, %sy = %c1, %sz = %c1) {
    %v = memref.load %dx[%tx] : memref<?xf32>
    %w = memref.load %dy[%tx] : memref<?xf32>
    %s = math.fma %a, %v, %w : f32
    memref.store %s, %dy[%tx] : memref<?xf32>
    gpu.terminator
  }
  gpu.memcpy %y, %dy : memref<?xf32>, memref<?xf32>
  gpu.dealloc %dx : memref<?xf32>
  gpu.dealloc %dy : memref<?xf32>
  %printed = memref.cast %y : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%printed) : (memref<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(memref<*xf32>)
"""

ENGINE_PROGRAM = """
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @saxpy(%x: memref<?xf32>, %y: memref<?xf32>, %a: f32) kernel {
      %i = gpu.thread_id x
      %v = memref.load %x[%i] : memref<?xf32>
      %w = memref.load %y[%i] : memref<?xf32>
      %s = math.fma %a, %v, %w : f32
      memref.store %s, %y[%i] : memref<?xf32>
      gpu.return
    }
  }
  func.func @saxpy(%a: f32, %x: memref<?xf32>, %y: memref<?xf32>, %blocks: index) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %n = memref.dim %x, %c0 : memref<?xf32>
    %dx = gpu.alloc (%n) : memref<?xf32>
    %dy = gpu.alloc (%n) : memref<?xf32>
    gpu.memcpy %dx, %x : memref<?xf32>, memref<?xf32>
    gpu.memcpy %dy, %y : memref<?xf32>, memref<?xf32>
    gpu.launch_func @kernels::@saxpy blocks in (%blocks, %c1, %c1) threads in (%n, %c1, %c1) args(%dx : memref<?xf32>, %dy : memref<?xf32>, %a : f32)
    gpu.memcpy %y, %dy : memref<?xf32>, memref<?xf32>
    gpu.dealloc %dx : memref<?xf32>
    gpu.dealloc %dy : memref<?xf32>
    return
  }
}
"""


def _mlrun(tmp_path, source: str, capfd) -> tuple[int, str, str]:
    from mlopt.run_main import run

    path = tmp_path / "program.mlir"
    path.write_text(source)
    stderr = io.StringIO()
    code = run([str(path), "-e", "main", "--entry-point-result=void"], stderr=stderr)
    captured = capfd.readouterr()
    return code, captured.out, stderr.getvalue() + captured.err


def _printed_memref(output: str) -> np.ndarray:
    data = output[output.index("data =") :]
    return np.array([float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]\d+)?", data.split("=", 1)[1])], dtype=np.float32)


def test_mlrun_runs_a_gpu_program_through_the_runtime(fake_cuda, tmp_path, capfd):
    fake_cuda.kernels["main_kernel"] = saxpy_kernel
    code, out, err = _mlrun(tmp_path, SAXPY_PROGRAM, capfd)
    assert code == 0, err
    x = np.arange(6, dtype=np.float32)
    np.testing.assert_allclose(_printed_memref(out), np.float32(1.5) * x + x * x)
    (launch,) = fake_cuda.launches
    assert (launch.grid, launch.block) == ((1, 1, 1), (6, 1, 1))
    # The buffers were allocated, copied both ways and freed on one stream.
    assert fake_cuda.calls.count("cuMemAlloc_v2") == 2
    assert fake_cuda.calls.count("cuMemFree_v2") == 2
    assert fake_cuda.calls.count("cuMemcpyAsync") == 3
    assert not fake_cuda.allocations


def test_kernel_parameters_are_the_descriptor_fields(fake_cuda):
    import mlopt

    seen = {}

    def record(launch):
        values = kernel_params(launch, MEMREF_1D + MEMREF_1D + [ctypes.c_float])
        seen.update(x=values[0:5], y=values[5:10], a=values[10], device_buffers=set(fake_cuda.allocations))
        saxpy_kernel(launch)

    fake_cuda.kernels["saxpy"] = record
    engine = mlopt.ExecutionEngine(ENGINE_PROGRAM)
    x = np.linspace(-1, 1, 16, dtype=np.float32)
    y = np.cos(x).astype(np.float32)
    expected = np.float32(0.75) * x + y
    engine.saxpy(0.75, x, y, 3)
    np.testing.assert_allclose(y, expected, rtol=1e-6)
    (launch,) = fake_cuda.launches
    assert launch.grid == (3, 1, 1) and launch.block == (16, 1, 1)
    for allocated, aligned, offset, size, stride in (seen["x"], seen["y"]):
        assert allocated == aligned and aligned in seen["device_buffers"]
        assert (offset, size, stride) == (0, 16, 1)
    assert seen["x"][1] != seen["y"][1]
    assert seen["a"] == 0.75
    assert launch.stream != 0


def test_a_failing_driver_call_is_reported_and_fails_the_run(fake_cuda, tmp_path, capfd):
    fake_cuda.cuModuleGetFunction = lambda function, module, name: 500  # CUDA_ERROR_NOT_FOUND
    code, _, err = _mlrun(tmp_path, SAXPY_PROGRAM, capfd)
    assert code == 1
    assert "mgpuModuleGetFunction: 'cuModuleGetFunction' failed with 'CUDA_ERROR_NOT_FOUND'" in err
    assert "Traceback" not in err


def test_execution_engine_raises_on_runtime_failures(fake_cuda):
    import mlopt
    from mlopt.execution_engine import ExecutionEngineError

    fake_cuda.cuMemAlloc_v2 = lambda pointer, size: 2  # CUDA_ERROR_OUT_OF_MEMORY
    engine = mlopt.ExecutionEngine(ENGINE_PROGRAM)
    x = np.ones(4, dtype=np.float32)
    with pytest.raises(ExecutionEngineError, match="the GPU runtime failed: mgpuMemAlloc: 'cuMemAlloc_v2' failed"):
        engine.saxpy(1.0, x, x.copy(), 1)


def test_memset_writes_the_value_bits(fake_cuda):
    from mlopt.runtime.cuda_runtime import callback

    buffer = (ctypes.c_float * 4)()
    set32 = callback("mgpuMemset32")
    set32(ctypes.addressof(buffer), int(np.float32(2.5).view(np.int32)), 3, None)
    assert list(buffer) == [2.5, 2.5, 2.5, 0.0]


def test_host_register_covers_the_memref(fake_cuda):
    from mlopt.runtime.cuda_runtime import registered_bytes
    from mlopt.runtime.memref import descriptor_for_array

    array = np.zeros((3, 5), dtype=np.float64)
    descriptor, base = descriptor_for_array(array[1:])
    start, size = registered_bytes(2, ctypes.addressof(descriptor), 8)
    assert (start, size) == (base + 5 * 8, 2 * 5 * 8)


def test_runtime_symbols_are_registered_with_their_signatures():
    from mlopt.builtin_plugin import RUNTIME_SYMBOLS
    from mlopt.runtime.cuda_abi import RUNTIME_FUNCTIONS
    from mlopt.runtime.cuda_runtime import CTYPES_OF_KIND, callback

    registered = {name for name, reference in RUNTIME_SYMBOLS.items() if reference.startswith("mlopt.runtime.cuda_runtime:")}
    assert registered == set(RUNTIME_FUNCTIONS)
    for name, function in RUNTIME_FUNCTIONS.items():
        assert RUNTIME_SYMBOLS[name] == f"mlopt.runtime.cuda_runtime:{name}"
        native = callback(name)
        assert native._argtypes_ == tuple(CTYPES_OF_KIND[k] for k in function.arguments)
        assert native._restype_ == (CTYPES_OF_KIND[function.result] if function.result else None)


def _declarations(llvm_ir: str) -> dict[str, str]:
    return {m.group(2): m.group(1) + "(" + m.group(3) + ")" for m in re.finditer(r"^declare (\S+) @(mgpu\w+)\(([^)]*)\)", llvm_ir, re.MULTILINE)}


@pytest.mark.skipif(
    bool(llvm_tool_missing("mlir-opt") or llvm_tool_missing("mlir-translate")),
    reason=str(llvm_tool_missing("mlir-opt") or llvm_tool_missing("mlir-translate")),
)
def test_runtime_calls_match_upstream(tmp_path):
    """The mgpu* functions mlopt's host code calls are declared as upstream's
    gpu-to-llvm and translation declare them."""
    from mlopt.translate_main import run as mltranslate

    source = tmp_path / "saxpy.mlir"
    source.write_text(SAXPY_PROGRAM)
    pipeline = (
        "builtin.module(gpu-kernel-outlining,func.func(gpu-async-region),convert-scf-to-cf,"
        "nvvm-attach-target{chip=sm_90 features=+ptx80},gpu.module(convert-gpu-to-nvvm),convert-math-to-llvm,"
        "finalize-memref-to-llvm,convert-arith-to-llvm,convert-cf-to-llvm,convert-func-to-llvm,gpu-to-llvm,"
        "gpu-module-to-binary{format=isa},reconcile-unrealized-casts)"
    )
    lowered = subprocess.run(
        [llvm_tool("mlir-opt"), str(source), f"--pass-pipeline={pipeline}"], capture_output=True, text=True, check=True
    ).stdout
    upstream = subprocess.run(
        [llvm_tool("mlir-translate"), "--mlir-to-llvmir"], input=lowered, capture_output=True, text=True, check=True
    ).stdout
    ours = io.StringIO()
    mlopt_lowered = tmp_path / "lowered.mlir"
    from mlopt.opt_main import run as mlopt

    assert mlopt([str(source), "--gpu-lower-to-nvvm-pipeline", "-o", str(mlopt_lowered)]) == 0
    assert mltranslate(["--mlir-to-llvmir", str(mlopt_lowered)], stdout=ours) == 0
    upstream_calls, our_calls = _declarations(upstream), _declarations(ours.getvalue())
    shared = set(upstream_calls) & set(our_calls)
    assert {"mgpuLaunchKernel", "mgpuModuleLoadJIT", "mgpuModuleGetFunction", "mgpuMemAlloc", "mgpuMemcpy"} <= shared
    assert {name: our_calls[name] for name in shared} == {name: upstream_calls[name] for name in shared}
