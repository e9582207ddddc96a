"""The start-up section of mlopt-bench (warm server, compiled-code cache):
one round of each measurement; every contender ran, printing what it should,
or says why not. No figure is checked."""

from __future__ import annotations

import pytest

from mlopt.bench import startup
from mlopt.bench.measure import Repeats


@pytest.fixture(scope="module")
def results():
    return startup.run(True, Repeats(1, 1, 0), log=lambda line: None)


def test_every_contender_ran_or_says_why(results):
    assert list(results.tiny) == [startup.COLD, startup.SERVER, startup.MLIR_OPT, startup.XDSL_OPT]
    assert list(results.run) == [startup.COLD, startup.CACHE_HIT, startup.SERVER_CACHE_HIT, startup.UPSTREAM_RUN]
    for group in (results.tiny, results.run):
        for name, series in group.items():
            if name in (startup.MLIR_OPT, startup.XDSL_OPT, startup.UPSTREAM_RUN) and series.not_run:
                continue  # an oracle or xdsl-opt that is not installed: listed with its reason
            assert series.ran, f"{name}: {series.not_run}"
    assert results.served


def test_section_has_both_tables_and_lists_what_did_not_run(results):
    lines = startup.tables(results)
    assert "### `mlopt tiny.mlir`" in lines and "### `mlrun` of a small program" in lines
    rows = [line for line in lines if line.startswith("| ")]
    assert len(rows) == 2 + len(results.tiny) + len(results.run)
    for what, why in startup.not_run(results):
        assert what.startswith("start-up: ") and why


def test_the_tiny_file_compares_with_both_mlir_opt_and_xdsl_opt(results):
    lines = startup.tables(results)
    header = lines[2]
    assert header.split("|")[3:5] == [" vs mlir-opt ", " vs xdsl-opt "]
    cold = next(line for line in lines if line.startswith(f"| {startup.COLD} |"))
    versus_xdsl = cold.split("|")[4].strip()
    if results.tiny[startup.XDSL_OPT].ran:
        assert versus_xdsl.endswith("×") and float(versus_xdsl[:-1]) > 0
    else:
        assert versus_xdsl == "–"
