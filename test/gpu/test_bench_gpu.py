"""The GPU benchmark's code paths against the stand-in driver, its kernels
run on the CPU by the emulator: it compiles the kernels, checks the
results, measures and reports (the figures themselves need a real GPU)."""

from __future__ import annotations

from gpu_testing import emulated_cuda, fake_cuda, no_cuda  # noqa: F401 - fixtures

from mlopt.bench.measure import Repeats


def test_gpu_section_runs_and_reports(emulated_cuda, monkeypatch):
    from mlopt.bench import gpu

    monkeypatch.setattr(gpu, "QUICK_ELEMENTS", 4096)
    monkeypatch.setattr(gpu, "LATENCY_LAUNCHES", 40)
    lines, not_run = gpu.run(True, Repeats(count=2, minimum=2, budget_s=0), log=lambda line: None)
    text = "\n".join(lines)
    assert "Device: Fake GPU (sm_90); peak DRAM bandwidth 3352 GB/s" in text
    assert "| mlopt |" in text
    assert "| CUDA driver (ctypes) |" in text and "| mlopt, launch + wait |" in text
    launched = {launch.kernel for launch in emulated_cuda.launches}
    assert launched == {"saxpy", "empty"}
    assert all("mlopt" not in what for what, _ in not_run)


def test_a_wrong_result_is_not_measured(fake_cuda, monkeypatch):
    from mlopt.bench import gpu

    monkeypatch.setattr(gpu, "QUICK_ELEMENTS", 4096)
    monkeypatch.setattr(gpu, "LATENCY_LAUNCHES", 40)
    # The stand-in runs no saxpy: y keeps its initial value.
    lines, not_run = gpu.run(True, Repeats(count=1, minimum=1, budget_s=0), log=lambda line: None)
    reasons = dict(not_run)
    assert "computed y = 0.25, expected" in reasons["saxpy: mlopt"]


def test_no_gpu_is_reported(no_cuda):
    from mlopt.bench import gpu

    lines, not_run = gpu.run(True, Repeats(count=1, minimum=1, budget_s=0), log=lambda line: None)
    assert lines[0].startswith("Not run: the CUDA driver library")
    assert not_run[0][0] == "GPU benchmark"
