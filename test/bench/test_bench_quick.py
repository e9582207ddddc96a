"""Smoke test of mlopt-bench: the quick run, one round per measurement,
through the installed command; the report must hold every section, numbers
where the contenders ran, agreeing checksums, and a reason for everything
that did not run.

Only the report's structure and the checksums are checked, never a figure:
on a loaded machine a time beyond start-up can come out negative and a rate
near zero, and the test must pass there every time."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys

import pytest

from mlopt.bench import tensor_kernels
from mlopt.bench.kernels import kernel_set
from mlopt.bench.measure import python_tool
from mlopt.testing.features import llvm_tool_missing

TIME = r"\d+(\.\d+)? (µs|ms|s)"
FIGURE = r"-?\d+(\.\d+)?(e[+-]?\d+)?"
NUMBER = FIGURE + "$"
"""Any figure, of either sign (a difference of two noisy times can be negative)."""
RATE = rf"{FIGURE} \({FIGURE}%\)"
"""A rate and its fraction of the peak, in any notation (a busy machine can put numpy above the measured peak)."""


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    command = [*python_tool("mlopt-bench", "mlopt.tools.bench"), "--quick", "--repeats", "1", "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out, (out / "report.md").read_text()


def _section(report: str, title: str) -> str:
    match = re.search(rf"^#+ {re.escape(title)}\n(.*?)(?=^#+ |\Z)", report, re.MULTILINE | re.DOTALL)
    assert match, f"no section '{title}' in the report"
    return match.group(1)


def _rows(section: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip("|").split("|")] for line in section.splitlines() if line.startswith("| ")]


def test_report_has_every_section(quick_run):
    _, report = quick_run
    titles = ("Machine", "Method", "Peak (f32, one core)", "Compile speed", "Generated code (CPU)", "Kernels on tensors (--optimize, numpy, IREE)")
    for title in (*titles, "GPU", "Could not run", "Plots"):
        _section(report, title)


def test_machine_and_versions(quick_run):
    _, report = quick_run
    machine = dict(row[:2] for row in _rows(_section(report, "Machine")))
    for key in ("CPU", "Cores", "Memory", "OS", "Python", "xdsl", "llvmlite", "LLVM (llvmlite)", "mlir-opt"):
        assert machine.get(key), f"machine table lacks {key}"
    assert re.search(r"\*\*[\d.]+ GFLOP/s\*\*", _section(report, "Peak (f32, one core)")), "no measured peak"


def test_compile_speed_tables(quick_run):
    _, report = quick_run
    startup = {row[0]: row[1] for row in _rows(_section(report, "Start-up (parse and print a 3-line file)"))[1:]}
    assert re.match(TIME, startup["mlopt"]) and re.match(TIME, startup["xdsl-opt"])
    for task in ("parse+print", "canonicalize+cse", "lower to LLVM IR"):
        rows = _rows(_section(report, task))[1:]
        assert len(rows) == 2, f"{task}: one row per module size"
        for row in rows:
            assert re.match(TIME, row[1]), f"{task}: mlopt has no time in {row}"
    lowering = _rows(_section(report, "lower to LLVM IR"))[1:]
    assert all(row[2] == "could not run" for row in lowering), "xdsl-opt cannot lower this mix"
    assert re.search(r"lower to LLVM IR: xdsl-opt .*: xDSL has no pass for .*finalize-memref-to-llvm", report)
    per_op = [row for row in _rows(_section(report, "Cost per op beyond start-up (µs/op) and growth")) if row[1] == "mlopt"]
    assert len(per_op) == 3 and all(re.match(NUMBER, cell) for row in per_op for cell in row[2:4]), per_op


def test_generated_code_tables(quick_run):
    _, report = quick_run
    rows = _rows(_section(report, "GFLOP/s (% of the measured single-core peak)"))
    header, body = rows[0], {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
    assert set(body) == {kernel.name for kernel in kernel_set(quick=True)}
    for name, row in body.items():
        assert re.match(RATE, row["mlopt + mlrun"]), f"{name}: mlopt did not run: {row}"
        assert re.match(RATE, row["numpy"]), f"{name}: numpy did not run"
    details = _rows(_section(report, "Details"))[1:]
    for row in details:
        if row[2] != "could not run":
            assert row[-1] in ("ok", "no reference"), f"checksums differ: {row}"
    if not llvm_tool_missing("mlir-runner"):
        assert all(row[-1] == "ok" for row in details if row[2] != "could not run")
    assert header[1:] == ["mlopt + mlrun", "mlir-opt + mlrun", "mlir-opt + mlir-runner", "numpy", "numba"]


def test_kernels_on_tensors_table(quick_run):
    _, report = quick_run
    rows = _rows(_section(report, "Speed against numpy (numpy's time / the contender's: above 1 is faster; median kernel time)"))
    assert rows[0][: 1 + len(tensor_kernels.CONTENDERS)] == ["kernel", *tensor_kernels.CONTENDERS]
    assert [row[0] for row in rows[1:]] == [kernel.name for kernel in tensor_kernels.kernel_set(quick=True)]
    listed = _section(report, "Could not run")
    for row in rows[1:]:
        numpy = dict(zip(rows[0], row))[tensor_kernels.NUMPY]
        assert numpy.startswith("1×"), f"{row[0]}: numpy did not run: {numpy}"
        for name, value in zip(tensor_kernels.CONTENDERS, row[1:]):
            if value == "could not run":
                assert f"- {row[0]}: {name}:" in listed, f"{row[0]} / {name} did not run and is not listed"
    raw = json.loads((quick_run[0] / "results.json").read_text())
    assert [entry["kernel"] for entry in raw["kernels"]] == [row[0] for row in rows[1:]]


def test_nothing_dropped_silently(quick_run):
    _, report = quick_run
    listed = _section(report, "Could not run")
    for row in _rows(_section(report, "Details"))[1:]:
        if row[2] == "could not run":
            assert f"- {row[0]}: {row[1]}:" in listed, f"{row[0]} / {row[1]} did not run and is not listed"
    assert "GPU" in listed or "Not run" not in _section(report, "GPU")


def test_plots_and_raw_results(quick_run):
    out, report = quick_run
    plots = _section(report, "Plots")
    if importlib.util.find_spec("matplotlib") is None:
        assert "No plots: matplotlib is not installed" in plots
    else:
        for name in ("compile_time.png", "compile_per_op.png", "codegen_gflops.png"):
            assert f"]({name})" in plots
            assert (out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    raw = json.loads((out / "results.json").read_text())
    assert raw["compile"]["sizes"] and raw["codegen"]


def test_report_without_matplotlib(tmp_path, monkeypatch):
    from mlopt.bench import report

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    result = report.Report("mlopt-bench", "quick", {}, None, [])
    report.plot(result, str(tmp_path))
    text = report.render(result)
    assert "No plots: matplotlib is not installed" in text
    assert not list(tmp_path.iterdir())
