"""Plugin loading: modules, files, entry points, failures, conflicts, laziness."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import INPUTS, run_mlopt

ANSWER = "func.func @f() -> i32 {\n  %0 = example.answer : i32\n  return %0 : i32\n}\n"


def write_plugin(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.py"
    path.write_text(textwrap.dedent(body))
    return path


def test_plugin_from_path_registers_dialect_and_pass(tmp_path):
    sys.path.insert(0, str(INPUTS / "example_plugin"))
    try:
        plugin = write_plugin(
            tmp_path,
            "answer_plugin",
            """
            from mlopt import hookimpl
            from mlopt_example_plugin import mlopt_register_dialects, mlopt_register_passes
            """,
        )
        result = run_mlopt([f"--load-plugin={plugin}", "--example-lower-answer"], ANSWER)
    finally:
        sys.path.remove(str(INPUTS / "example_plugin"))
    assert result.code == 0, result.err
    assert "arith.constant 42 : i32" in result.out
    assert "example.answer" not in result.out


def test_plugin_by_module_name_and_alias_flags(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(INPUTS / "example_plugin"))
    for flag in ("--load-plugin", "--load-pass-plugin", "--load-dialect-plugin"):
        result = run_mlopt([f"{flag}=mlopt_example_plugin", "--example-lower-answer"], ANSWER)
        assert result.code == 0, (flag, result.err)
        assert "arith.constant 42" in result.out


def test_unused_plugin_dialect_is_not_imported(monkeypatch):
    monkeypatch.syspath_prepend(str(INPUTS / "example_plugin"))
    for module in [m for m in sys.modules if m.startswith("mlopt_example_plugin")]:
        monkeypatch.delitem(sys.modules, module)
    result = run_mlopt(["--load-plugin=mlopt_example_plugin"], "func.func @f() { return }")
    assert result.code == 0, result.err
    assert "mlopt_example_plugin.dialect" not in sys.modules
    assert "mlopt_example_plugin.passes" not in sys.modules


def test_broken_plugin_asked_for_is_a_named_error(tmp_path):
    plugin = write_plugin(tmp_path, "broken_plugin", "import no_such_module_anywhere\n")
    result = run_mlopt([f"--load-plugin={plugin}", "--cse"], "func.func @f() { return }")
    assert result.code == 1
    assert "plugin 'broken_plugin'" in result.err
    assert "No module named 'no_such_module_anywhere'" in result.err
    assert result.out == ""
    assert result.err.count("\n") == 1, "one line per plugin problem"


def test_strict_mode_makes_plugin_problems_fatal(tmp_path, monkeypatch):
    plugin = write_plugin(tmp_path, "broken_plugin", "raise RuntimeError('boom')\n")
    monkeypatch.setenv("MLOPT_STRICT_PLUGINS", "1")
    result = run_mlopt([f"--load-plugin={plugin}"], "func.func @f() { return }")
    assert result.code == 1
    assert "plugin 'broken_plugin'" in result.err and "boom" in result.err
    assert result.out == ""


def test_conflicting_name_is_reported_and_builtin_wins(tmp_path):
    plugin = write_plugin(
        tmp_path,
        "greedy_plugin",
        """
        from dataclasses import dataclass
        from xdsl.passes import ModulePass
        from mlopt import hookimpl

        @dataclass(frozen=True)
        class FakeCSE(ModulePass):
            name = "cse"
            def apply(self, ctx, op):
                raise AssertionError("the built-in cse must win")

        @hookimpl
        def mlopt_register_passes():
            return {"cse": lambda: FakeCSE}
        """,
    )
    source = "func.func @f(%a: i32) -> i32 {\n %0 = arith.addi %a, %a : i32\n %1 = arith.addi %a, %a : i32\n %2 = arith.muli %0, %1 : i32\n return %2 : i32\n}"
    result = run_mlopt([f"--load-plugin={plugin}", "--cse"], source)
    assert result.code == 0, result.err
    assert "plugin 'greedy_plugin'" in result.err
    assert "registers pass 'cse', already registered by plugin 'mlopt'" in result.err
    assert result.out.count("arith.addi") == 1


def test_misspelled_hook_is_caught(tmp_path):
    plugin = write_plugin(
        tmp_path,
        "typo_plugin",
        """
        from mlopt import hookimpl

        @hookimpl
        def mlopt_register_passess():
            return {}
        """,
    )
    result = run_mlopt([f"--load-plugin={plugin}", "--list-plugins"])
    assert "plugin 'typo_plugin'" in result.err
    assert "mlopt_register_passess" in result.err
    assert "typo_plugin" not in result.out


@pytest.mark.parametrize("spec", ["nope.py", "no_such_plugin_module"])
def test_missing_plugin_file_or_module_is_an_error(tmp_path, spec):
    missing = str(tmp_path / spec) if spec.endswith(".py") else spec
    result = run_mlopt([f"--load-plugin={missing}"], "")
    assert result.code == 1
    assert ("no such file" if spec.endswith(".py") else "plugin 'no_such_plugin_module'") in result.err
    assert "Traceback" not in result.err


def test_disable_plugin(tmp_path):
    result = run_mlopt(["--disable-plugin=xdsl", "--dce"], "")
    assert result.code == 1
    assert "unknown command line argument '--dce'" in result.err
    assert run_mlopt(["--dce"], "").code == 0


def test_list_plugins_names_origin_and_registrations():
    result = run_mlopt(["--list-plugins"])
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].startswith("mlopt (built-in; distribution mlopt ")
    assert any(line.startswith("  passes") and "canonicalize" in line for line in lines)
    assert any(line.startswith("xdsl (built-in") for line in lines)


@pytest.fixture(scope="module")
def installed_example(tmp_path_factory) -> Path:
    """The example plugin pip-installed into a private directory."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
         "--target", str(target), str(INPUTS / "example_plugin")],
        check=True,
        capture_output=True,
    )
    return target


def run_installed(site: Path, args: list[str], stdin: str, **env_extra: str):
    env = dict(os.environ, PYTHONPATH=str(site), **env_extra)
    env.pop("MLOPT_DISABLE_PLUGIN_AUTOLOAD", None) if "MLOPT_DISABLE_PLUGIN_AUTOLOAD" not in env_extra else None
    return subprocess.run(
        [sys.executable, "-m", "mlopt.opt_main", *args], input=stdin, capture_output=True, text=True, env=env
    )


def test_installed_plugin_is_discovered_through_its_entry_point(installed_example):
    result = run_installed(installed_example, ["--example-lower-answer"], ANSWER)
    assert result.returncode == 0, result.stderr
    assert "arith.constant 42 : i32" in result.stdout
    listing = run_installed(installed_example, ["--list-plugins"], "")
    assert "example (entry point; distribution mlopt-example-plugin 1.2.3)" in listing.stdout


def test_autoload_can_be_turned_off(installed_example):
    result = run_installed(installed_example, ["--example-lower-answer"], ANSWER, MLOPT_DISABLE_PLUGIN_AUTOLOAD="1")
    assert result.returncode == 1
    assert "unknown command line argument '--example-lower-answer'" in result.stderr


def test_broken_installed_plugin_names_its_distribution(installed_example, tmp_path):
    broken_site = tmp_path / "site"
    import shutil

    shutil.copytree(installed_example, broken_site)
    (broken_site / "mlopt_example_plugin" / "__init__.py").write_text("raise ImportError('half-installed')\n")
    result = run_installed(broken_site, ["--cse"], "func.func @f() { return }")
    assert result.returncode == 0
    assert "plugin 'example' (distribution mlopt-example-plugin 1.2.3) failed to load" in result.stderr
    assert "half-installed" in result.stderr
    assert "Traceback" not in result.stderr
