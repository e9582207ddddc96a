"""Without an NVIDIA driver or GPU: clear messages, exit code 1, no traceback."""

from __future__ import annotations

import io

import pytest
from gpu_testing import no_cuda  # noqa: F401 - a fixture

PROGRAM = """
func.func @main() {
  %device = gpu.alloc () : memref<4xf32>
  gpu.dealloc %device : memref<4xf32>
  return
}
"""


def test_driver_says_why_it_is_unavailable(no_cuda):
    from mlopt.runtime.cuda import CudaUnavailable, driver, gpu_missing

    with pytest.raises(CudaUnavailable, match="cannot be loaded"):
        driver()
    assert gpu_missing().startswith("no NVIDIA GPU: the CUDA driver library")


def test_mlrun_exits_1_at_the_first_gpu_op(no_cuda, tmp_path):
    from mlopt.run_main import run

    path = tmp_path / "program.mlir"
    path.write_text(PROGRAM)
    stderr = io.StringIO()
    assert run([str(path), "-e", "main", "--entry-point-result=void"], stderr=stderr) == 1
    message = stderr.getvalue()
    assert f"{path}:3:13: error: 'gpu.alloc' op needs a GPU to run, but there is no NVIDIA GPU" in message
    assert "Traceback" not in message


def test_execution_engine_refuses_gpu_programs(no_cuda):
    import mlopt
    from mlopt.execution_engine import ExecutionEngineError

    with pytest.raises(ExecutionEngineError, match="runs code on a GPU, but there is no NVIDIA GPU"):
        mlopt.ExecutionEngine(PROGRAM)


def test_cpu_programs_do_not_need_the_driver(no_cuda):
    import mlopt

    engine = mlopt.ExecutionEngine("func.func @twice(%x: i64) -> i64 {\n %y = arith.addi %x, %x : i64\n return %y : i64\n}")
    assert engine.twice(21) == 42


def test_runtime_callbacks_report_instead_of_raising(no_cuda, capfd):
    from mlopt.runtime.cuda_runtime import callback, take_errors

    assert callback("mgpuStreamCreate")() is None
    errors = take_errors()
    assert errors and errors[0].startswith("mgpuStreamCreate: the CUDA driver library")
    assert "mgpuStreamCreate" in capfd.readouterr().err
