"""mlopt.testing: in-process runs with chosen plugins, and the plugin lit config."""

from __future__ import annotations

import os
import types

import pytest

from mlopt.plugins import AUTOLOAD_ENV
from mlopt.testing import ToolResult, run_mlopt, run_mlrun
from mlopt.testing.lit import configure_plugin_lit

FUNCTION = "func.func @f() -> i32 {\n  %0 = arith.constant 7 : i32\n  return %0 : i32\n}\n"


def answer_plugin():
    """A plugin object registering one pass that renames every function."""
    from dataclasses import dataclass

    from xdsl.dialects import func
    from xdsl.dialects.builtin import StringAttr
    from xdsl.passes import ModulePass

    from mlopt import hookimpl

    @dataclass(frozen=True)
    class Rename(ModulePass):
        """Rename every function to 'answer'"""

        name = "test-rename"

        def apply(self, ctx, op):
            for inner in op.walk():
                if isinstance(inner, func.FuncOp):
                    inner.sym_name = StringAttr("answer")

    module = types.ModuleType("answer_plugin")
    module.mlopt_register_passes = hookimpl(lambda: {"test-rename": lambda: Rename})
    return module


def test_plugin_module_is_registered_for_the_run():
    plugin = answer_plugin()
    assert "@answer" in run_mlopt(FUNCTION, ["--test-rename"], plugins=[plugin]).check()
    assert "@answer" in run_mlopt(FUNCTION, ["--test-rename"], plugins=[("renamer", plugin)]).check()
    unknown = run_mlopt(FUNCTION, ["--test-rename"])
    assert unknown.exit_code == 1 and "unknown command line argument '--test-rename'" in unknown.stderr


def test_diagnostics_name_the_given_file_and_state_is_restored(monkeypatch):
    monkeypatch.delenv(AUTOLOAD_ENV, raising=False)
    before = os.getcwd()
    result = run_mlopt("%0 = arith.constant 1 : i32\n%0 = arith.constant 2 : i32\n", filename="twice.mlir")
    assert result.exit_code == 1
    assert result.stderr.startswith("twice.mlir:2:")
    assert os.getcwd() == before
    assert AUTOLOAD_ENV not in os.environ


def test_isolation_keeps_installed_plugins_out(monkeypatch):
    from mlopt.testing.tools import run_tool

    monkeypatch.delenv(AUTOLOAD_ENV, raising=False)
    autoload_setting = []

    def fake_run(argv, *, stdin, stdout, stderr, plugins):
        autoload_setting.append(os.environ.get(AUTOLOAD_ENV))
        return 0

    run_tool(fake_run, None)
    run_tool(fake_run, None, isolated=False)
    assert autoload_setting == ["1", None]


def test_check_fails_with_the_tools_stderr():
    with pytest.raises(AssertionError, match="exit code 1; stderr:\nboom"):
        ToolResult("", "boom", 1).check()


def test_run_mlrun_captures_the_programs_output():
    program = (
        "llvm.func @printF64(f64)\nllvm.func @printNewline()\nllvm.func @main() {\n"
        "  %c = llvm.mlir.constant(1.5 : f64) : f64\n  llvm.call @printF64(%c) : (f64) -> ()\n"
        "  llvm.call @printNewline() : () -> ()\n  llvm.return\n}\n"
    )
    result = run_mlrun(program, ["-entry-point-result=void"])
    assert (result.exit_code, result.stdout) == (0, "1.5\n"), result.stderr


class _LitConfig:
    def __init__(self):
        self.params: dict[str, str] = {}
        self.notes: list[str] = []

    def note(self, message):
        self.notes.append(message)

    def fatal(self, message):
        raise AssertionError(message)


def test_plugin_lit_config_loads_only_the_plugin(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", "/already/there")
    config = types.SimpleNamespace(substitutions=[], available_features=set(), environment={})
    configure_plugin_lit(
        config, _LitConfig(), name="demo", plugin="mlopt_demo.plugin", test_root=str(tmp_path),
        suffixes=[".mlir"], python_path=("src",),
    )
    commands = dict(config.substitutions)
    mlopt_command = next(command for key, command in commands.items() if "mlopt" in key and "bench" not in key)
    assert mlopt_command.endswith("mlopt --load-plugin=mlopt_demo.plugin")
    assert config.environment[AUTOLOAD_ENV] == "1"
    assert config.environment["PYTHONPATH"] == os.pathsep.join([os.path.abspath("src"), "/already/there"])
    assert (config.name, config.suffixes, config.test_source_root) == ("demo", [".mlir"], str(tmp_path))
