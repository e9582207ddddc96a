"""--explore=report.html: what the page holds, and the page in a real browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROGRAM = """\
func.func @axpy(%a: f32, %x: memref<16xf32>, %y: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  scf.for %i = %c0 to %c16 step %c1 {
    %xi = memref.load %x[%i] : memref<16xf32>
    %yi = memref.load %y[%i] : memref<16xf32>
    %ax = arith.mulf %a, %xi : f32
    %s = arith.addf %ax, %yi : f32
    memref.store %s, %y[%i] : memref<16xf32>
  }
  return
}

func.func @twice(%v: i32) -> i32 {
  %0 = arith.addi %v, %v : i32
  %1 = arith.addi %v, %v : i32
  %2 = arith.addi %0, %1 : i32
  return %2 : i32
}
"""

PIPELINE = "builtin.module(func.func(cse,canonicalize),convert-scf-to-cf,convert-to-llvm)"


def _mlopt(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mlopt.tools.mlopt", *args], input=stdin, capture_output=True, text=True)


def _page_data(page: str) -> dict:
    payload = re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.DOTALL).group(1)
    return json.loads(payload.replace("<\\/", "</"))


def _text(data: dict, snapshot: int) -> str:
    return "\n".join(data["lines"][i] for i in data["texts"][snapshot])


@pytest.fixture
def report(tmp_path) -> tuple[Path, subprocess.CompletedProcess]:
    source = tmp_path / "prog.mlir"
    source.write_text(PROGRAM)
    page = tmp_path / "report.html"
    result = _mlopt(str(source), f"--pass-pipeline={PIPELINE}", f"--explore={page}")
    assert result.returncode == 0, result.stderr
    return page, result


def test_page_is_self_contained(report):
    page = report[0].read_text()
    assert "<script src" not in page and "<link" not in page and "@import" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page), "nothing is fetched from the network"


def test_page_records_each_pass_execution_in_order(report):
    data = _page_data(report[0].read_text())
    executions = data["executions"]
    ran = [(e["pass_argument"], e["target"]) for e in executions]
    assert ran[:4] == [
        ("cse", "func.func @axpy"),
        ("canonicalize", "func.func @axpy"),
        ("cse", "func.func @twice"),
        ("canonicalize", "func.func @twice"),
    ]
    assert [argument for argument, _ in ran[4:]] == ["convert-scf-to-cf", "convert-to-llvm"]
    assert "func.func(" in data["pipeline"] and "convert-to-llvm" in data["pipeline"]


def test_snapshots_are_the_real_ir_before_and_after(report):
    page, result = report
    data = _page_data(page.read_text())
    executions = data["executions"]
    cse_twice = executions[2]
    assert _text(data, cse_twice["before"]).count("arith.addi") == 3
    assert _text(data, cse_twice["after"]).count("arith.addi") == 2, "cse merged the duplicate add"
    assert cse_twice["counts_before"]["arith"] == 3 and cse_twice["counts_after"]["arith"] == 2
    last = executions[-1]
    assert _text(data, last["after"]) + "\n\n" == result.stdout, "the last snapshot is what mlopt printed"
    assert "arith" not in last["counts_after"] and last["counts_after"]["llvm"] > 0
    assert last["module_ops"] == sum(last["counts_after"].values())
    untouched = executions[1]  # canonicalize after cse on @axpy changes nothing
    assert untouched["before"] == untouched["after"]


def test_diagnostics_are_recorded_with_their_location(tmp_path):
    source = tmp_path / "remark.mlir"
    source.write_text(
        "func.func @f() {\n  return\n}\n"
        "module attributes {transform.with_named_sequence} {\n"
        "  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {\n"
        '    %f = transform.structured.match ops{["func.return"]} in %root : (!transform.any_op) -> !transform.any_op\n'
        '    transform.debug.emit_remark_at %f, "found it" : !transform.any_op\n'
        "    transform.yield\n  }\n}\n"
    )
    page = tmp_path / "remark.html"
    result = _mlopt(str(source), "--transform-interpreter", f"--explore={page}")
    assert result.returncode == 0, result.stderr
    diagnostics = _page_data(page.read_text())["diagnostics"]
    assert [(d["severity"], d["message"], d["line"]) for d in diagnostics] == [("remark", "found it", 2)]


def test_a_failing_pipeline_still_writes_the_report(tmp_path):
    source = tmp_path / "bad.mlir"
    source.write_text("func.func @f(%m: memref<4xf32>) -> index {\n  %c = arith.constant 0 : index\n  return %c : index\n}\n")
    page = tmp_path / "bad.html"
    result = _mlopt(str(source), "--pass-pipeline=builtin.module(func.func(cse),no-such-pass)", f"--explore={page}")
    assert result.returncode == 1 and not page.exists(), "a pipeline that never ran writes nothing"
    plugin = tmp_path / "failing_pass.py"
    plugin.write_text(
        "from dataclasses import dataclass\n"
        "from xdsl.passes import ModulePass\n"
        "from mlopt import hookimpl\n"
        "from mlopt.diagnostics import DiagnosticError\n\n"
        "@dataclass(frozen=True)\nclass Refuse(ModulePass):\n"
        '    """Rejects every constant"""\n'
        '    name = "refuse-constants"\n'
        "    def apply(self, ctx, op):\n"
        "        for inner in op.walk():\n"
        '            if inner.name == "arith.constant":\n'
        '                raise DiagnosticError.at(inner, "no constants")\n\n'
        "@hookimpl\ndef mlopt_register_passes():\n"
        '    return {"refuse-constants": lambda: Refuse}\n'
    )
    result = _mlopt(str(source), f"--load-plugin={plugin}", "--cse", "--refuse-constants", f"--explore={page}")
    assert result.returncode == 1
    data = _page_data(page.read_text())
    assert [(e["pass_argument"], e["failed"]) for e in data["executions"]] == [("cse", False), ("refuse-constants", True)]
    assert [(d["severity"], d["message"], d["line"]) for d in data["diagnostics"]] == [("error", "no constants", 2)]


def test_mlrun_and_the_python_api_write_reports(tmp_path):
    source = tmp_path / "main.mlir"
    source.write_text(
        "func.func @main() {\n  %c = arith.constant 42 : i64\n  call @printI64(%c) : (i64) -> ()\n"
        "  call @printNewline() : () -> ()\n  return\n}\n"
        "func.func private @printI64(i64)\nfunc.func private @printNewline()\n"
    )
    page = tmp_path / "run.html"
    result = subprocess.run(
        [sys.executable, "-m", "mlopt.tools.mlrun", str(source), "-e", "main", "--entry-point-result=void", f"--explore={page}"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0 and result.stdout == "42\n", result.stderr
    arguments = [e["pass_argument"] for e in _page_data(page.read_text())["executions"]]
    assert "convert-func-to-llvm" in arguments

    from mlopt.execution_engine import ExecutionEngine
    from mlopt.ir import Module
    from mlopt.passmanager import PassManager

    module = Module.parse(PROGRAM)
    api_page = tmp_path / "api.html"
    PassManager.parse("builtin.module(func.func(cse))").run(module, explore=str(api_page))
    assert [e["pass_argument"] for e in _page_data(api_page.read_text())["executions"]] == ["cse", "cse"]
    engine_page = tmp_path / "engine.html"
    ExecutionEngine(PROGRAM, explore=str(engine_page)).twice(4)
    assert "convert-func-to-llvm" in [e["pass_argument"] for e in _page_data(engine_page.read_text())["executions"]]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
def test_page_works_in_a_headless_browser(report, tmp_path):
    page = report[0]
    browser = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(
        [*browser, "--dump-dom", f"{page.as_uri()}#selftest"], capture_output=True, text=True, timeout=240
    ).stdout
    errors = re.search(r'<body[^>]*data-errors="([^"]*)"', dom)
    assert errors is None, f"script errors: {errors.group(1)}"
    found = re.search(r'data-selftest="([^"]*)"', dom)
    assert found, "the page's self-test did not run"
    result = json.loads(found.group(1).replace("&quot;", '"'))
    executions = len(_page_data(page.read_text())["executions"])
    assert result["executions"] == executions and result["listed"] == executions, "every execution is listed"
    assert result["selected"] == 2, "the first execution that changed the IR is selected (cse on @twice)"
    assert result["removed"] >= 1 and result["split_rows"] > 0, "the diff shows the removed add"
    screenshot = tmp_path / "explorer.png"
    subprocess.run([*browser, "--window-size=1400,900", f"--screenshot={screenshot}", page.as_uri()], capture_output=True, timeout=240)
    assert screenshot.stat().st_size > 10_000
    print(f"explorer screenshot: {screenshot}")
