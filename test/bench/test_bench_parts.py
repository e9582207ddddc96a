"""The pieces of mlopt-bench that the smoke test cannot pin down."""

from __future__ import annotations

import numpy as np
import pytest

from mlopt.bench.compile_speed import generated_module
from mlopt.bench.kernels import kernel_set
from mlopt.bench.measure import Contender, CouldNotRun, Repeats, Sample, Stats, alternate
from mlopt.bench.python_kernels import make_array, run


def test_alternates_and_keeps_reasons():
    calls = []

    def contender(name, fail_on=None):
        def measure():
            calls.append(name)
            if len([c for c in calls if c == name]) == fail_on:
                raise CouldNotRun(f"{name} broke")
            return Sample(1.0, 1.0)

        return Contender(name, measure)

    series = alternate(
        [contender("a"), contender("b", fail_on=2), contender("c"), Contender("d", None, "not installed")], Repeats(3, 3, 0)
    )
    assert calls == ["a", "b", "c", "a", "b", "c", "a", "c"]
    assert [len(series[n].samples) for n in "abc"] == [3, 0, 3]
    assert series["b"].not_run == "b broke" and series["d"].not_run == "not installed"


def test_stats():
    stats = Stats.of([5.0, 1.0, 3.0, 2.0, 4.0])
    assert (stats.median, stats.low, stats.high, stats.n) == (3.0, 1.0, 5.0, 5)


def test_compile_speed_runs_mlopt_without_a_warm_server(monkeypatch, tmp_path):
    from mlopt.bench import compile_speed

    seen = []
    monkeypatch.setenv("MLOPT_SERVER", "1")
    monkeypatch.setattr(compile_speed, "run_pipeline", lambda commands, env=None: seen.append(env) or (1.0, ""))
    compile_speed._contender("mlopt", compile_speed.PARSE_PRINT, str(tmp_path / "in.mlir")).measure()
    assert seen[0]["MLOPT_SERVER"] == "0"


@pytest.mark.parametrize("ops", [1, 500, 3000])
def test_generated_module_op_count(ops):
    from xdsl.context import Context
    from xdsl.dialects.arith import Arith
    from xdsl.dialects.builtin import Builtin
    from xdsl.dialects.func import Func
    from xdsl.dialects.memref import MemRef
    from xdsl.dialects.scf import Scf
    from xdsl.parser import Parser

    text, count = generated_module(ops)
    context = Context()
    for dialect in (Builtin, Func, Arith, Scf, MemRef):
        context.load_dialect(dialect)
    module = Parser(context, text).parse_module()
    assert count == sum(1 for _ in module.walk())
    assert abs(count - ops) <= 34


def test_python_kernels_agree_with_a_direct_computation():
    """numpy's idioms and numba's loop nests against plain numpy formulas."""
    kernels = {kernel.name: kernel for kernel in kernel_set(quick=True)}
    matmul = kernels["matmul-tiled"]
    a, b = (make_array(matmul.buffer(name)).astype(np.float64) for name in "AB")
    _, checksum = run("numpy", matmul)
    assert checksum == pytest.approx((a @ b).sum(), rel=1e-5)
    stencil = kernels["stencil"]
    x = make_array(stencil.buffer("X")).astype(np.float64)
    expected = 0.2 * (x[1:-1, 1:-1] + x[:-2, 1:-1] + x[2:, 1:-1] + x[1:-1, :-2] + x[1:-1, 2:])
    assert run("numpy", stencil)[1] == pytest.approx(expected.sum(), rel=1e-5)
    pytest.importorskip("numba")
    assert run("numba", stencil)[1] == pytest.approx(expected.sum(), rel=1e-5)


def test_patterns_are_exact_in_f32():
    buffer = kernel_set(quick=True)[0].buffer("A")
    values = make_array(buffer)
    i, j = np.indices(buffer.shape)
    pattern = buffer.pattern
    exact = ((i * pattern.coefficients[0] + j * pattern.coefficients[1]) % pattern.modulus) * pattern.scale - pattern.offset
    assert values.dtype == np.float32 and np.array_equal(values.astype(np.float64), exact)


def test_checksums_are_compared_with_the_reference():
    from mlopt.bench.codegen import CONTENDERS, MLOPT, NUMBA, NUMPY, UPSTREAM, KernelResult
    from mlopt.bench.measure import Series

    kernel = kernel_set(quick=True)[0]
    checksums = {MLOPT: 100.0, UPSTREAM: 100.00001, NUMPY: 100.0, NUMBA: 101.0}
    series = {name: Series(name, [Sample(1e-3, 0.5, checksums[name])] if name in checksums else []) for name in CONTENDERS}
    result = KernelResult(kernel, series)
    result.check()
    assert result.reference == UPSTREAM
    assert set(result.mismatches) == {NUMBA}
