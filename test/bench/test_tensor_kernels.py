"""The kernels-on-tensors section of mlopt-bench: structure and checks only,
never a figure (the machine is shared and noisy)."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest

from mlopt.bench import tensor_kernels as tk
from mlopt.bench.machine import Peak
from mlopt.bench.measure import Repeats
from mlopt.bench.report import tensor_kernel_tables

ONE_ROUND = Repeats(count=1, minimum=1, budget_s=0)
TINY = [tk.matmul(8), tk.softmax(4, 16)]


@pytest.fixture(scope="module")
def tiny_run():
    return tk.run(quick=True, repeats=ONE_ROUND, log=lambda line: None, kernels=TINY)


def test_every_contender_ran_or_says_why(tiny_run):
    assert [r.kernel.name for r in tiny_run.kernels] == ["matmul-8", "softmax"]
    for result in tiny_run.kernels:
        # pack=false is measured only where --optimize packs a matmul.
        unpacked = {tk.MLOPT_UNPACKED} if result.kernel.packed else set()
        assert set(result.series) == set(tk.CONTENDERS) - {tk.MLOPT_UNPACKED} | unpacked
        for name in (tk.MLOPT_DEFAULT, tk.NUMPY):
            assert result.series[name].ran, f"{result.kernel.name}: {name}: {result.series[name].not_run}"
        optimized = result.series[tk.MLOPT_OPTIMIZED]
        if tk.optimize_missing():
            assert optimized.not_run.startswith("--optimize not available") and not optimized.samples
        else:
            assert optimized.ran, optimized.not_run
        for name in (tk.IREE_DATA_TILING, tk.IREE_NO_DATA_TILING):
            if tk.iree_missing():
                assert "IREE is not installed" in result.series[name].not_run
            else:
                assert result.series[name].ran, result.series[name].not_run
        # Compiled contenders report their compile time; numpy has none.
        assert result.compile_s[tk.MLOPT_DEFAULT] > 0 and result.compile_s[tk.NUMPY] is None


def test_unpacked_matmuls_are_measured_only_where_the_default_schedule_packs():
    """matmul-8's B (256 B) is left unpacked, matmul-512's (1 MiB) packed, as
    --optimize decides (contraction.packs, the threshold it uses itself)."""
    from mlopt.ir import Module
    from mlopt.passes.optimize.contraction import packs

    for kernel, expected in ((tk.matmul(8), False), (tk.matmul(512), True), (tk.softmax(4, 16), False)):
        module = Module.parse(kernel.mlir).operation.opview
        matmul = next((op for op in module.walk() if op.name == "linalg.matmul"), None)
        assert (matmul is not None and packs(matmul)) == expected == kernel.packed, kernel.name
        names = {contender.name for contender in tk.contenders(kernel, sample_s=0.01)}
        assert (tk.MLOPT_UNPACKED in names) == expected, kernel.name


def test_a_wrong_kernel_is_a_mismatch_and_not_timed():
    wrong = tk.elementwise_chain(64, half=0.25)  # numpy computes *0.5
    result = tk.run(quick=True, repeats=ONE_ROUND, log=lambda line: None, kernels=[wrong]).kernels[0]
    series = result.series[tk.MLOPT_DEFAULT]
    assert not series.samples and series.not_run.startswith("result differs from numpy"), series.not_run
    assert result.series[tk.NUMPY].ran
    assert (f"{wrong.name}: {tk.MLOPT_DEFAULT}", series.not_run) in tk.not_run(tk.TensorKernelResults([result]))


def test_mismatch_checks_shape_values_and_nan():
    kernel = tk.matmul(2)
    expected = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert tk.mismatch(kernel, expected.astype(np.float32), expected) is None
    assert "shape" in tk.mismatch(kernel, np.zeros(4, np.float32), expected)
    assert "differs" in tk.mismatch(kernel, expected + 0.01, expected)
    assert "differs" in tk.mismatch(kernel, np.full((2, 2), np.nan), expected)


@pytest.mark.parametrize("kernel", [tk.matmul(5), tk.elementwise_chain(7), tk.softmax(3, 5), tk.conv2d(3, 2, 4)], ids=lambda k: k.name)
def test_numpy_anchor_matches_its_reference(kernel):
    inputs = kernel.make_inputs()
    assert all(a.dtype == np.float32 for a in inputs)
    assert tk.mismatch(kernel, kernel.numpy(*inputs), kernel.reference(*inputs)) is None


def test_report_tables(tiny_run):
    lines = tensor_kernel_tables(tiny_run, Peak(100.0, "measured", None, "unknown"))
    text = "\n".join(lines)
    summary = [line for line in lines if line.startswith("| matmul-8 |")]
    assert len(summary) == 1 + len(tiny_run.kernels[0].series), "one summary row, one detail row per contender measured"
    assert summary[0].count("|") == len(tk.CONTENDERS) + 3, "name, contenders, the bar"
    assert re.search(r"\| ≥ 0\.6×: (met|not met|not measured) \|$", summary[0])
    numpy_row = next(line for line in summary[1:] if line.startswith(f"| matmul-8 | {tk.NUMPY} |"))
    assert re.search(r"\| 1 \|$", numpy_row), "numpy's speed against itself is 1"
    assert "- **softmax**: 4x16 f32 row softmax" in text


def test_a_kernel_that_does_not_compile_is_reported():
    broken = dataclasses.replace(tk.matmul(4), name="broken", mlir="func.func @matmul(%A: tensor<4x4xf32>) {\n  linalg.bogus\n}\n")
    result = tk.run(quick=True, repeats=ONE_ROUND, log=lambda line: None, kernels=[broken]).kernels[0]
    series = result.series[tk.MLOPT_DEFAULT]
    assert not series.samples and "bogus" in series.not_run, series.not_run
    assert result.series[tk.NUMPY].ran


def test_kernel_filter_keeps_the_section_order_and_rejects_unknown_names():
    chosen = tk.kernel_set(quick=True, names=["softmax", "elementwise-chain"])
    assert [k.name for k in chosen] == ["elementwise-chain", "softmax"]
    assert [k.name for k in tk.kernel_set(quick=True)] == [k.name for k in tk.kernel_set(quick=True, names=None)]
    with pytest.raises(ValueError, match="no kernel named nope; the kernels are matmul-64"):
        tk.kernel_set(quick=True, names=["softmax", "nope"])


def test_kernel_option_on_the_command_line(capsys):
    with pytest.raises(SystemExit) as exit:
        tk.main(["--quick", "--kernel", "nope"])
    assert exit.value.code == 2 and "no kernel named nope" in capsys.readouterr().err
