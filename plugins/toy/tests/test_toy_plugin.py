"""The Toy plugin as a distribution: its entry point, its registrations, and
that loading it imports nothing heavy."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

import mlopt_toy.plugin
from mlopt.testing import run_mlopt

ROOT = Path(__file__).resolve().parents[1]


def test_distribution_declares_the_entry_point():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["entry-points"]["mlopt"] == {"toy": "mlopt_toy.plugin"}


def test_installed_plugin_is_found_through_its_entry_point():
    try:
        metadata.distribution("mlopt-toy")
    except metadata.PackageNotFoundError:
        pytest.skip("mlopt-toy is not installed (pip install -e plugins/toy)")
    result = run_mlopt(None, ["--list-plugins"], isolated=False)
    assert result.exit_code == 0, result.stderr
    assert "toy" in result.stdout and "mlopt-toy" in result.stdout


def test_passes_and_pipelines_are_listed_with_their_summaries():
    listing = run_mlopt(None, ["--list-passes"], plugins=[mlopt_toy.plugin]).check()
    for name, summary in [
        ("toy-inline", "Inline toy.generic_call calls"),
        ("toy-shape-inference", "Shape Inference"),
        ("toy-to-affine", "Lower the toy dialect to affine loops"),
        ("toy-lower-print", "Lower toy.print of memrefs"),
        ("toy-optimize", "Inline, infer shapes and simplify Toy IR"),
        ("toy-to-llvm", "Lower a Toy program to the llvm dialect"),
    ]:
        line = next(line for line in listing.splitlines() if line.strip().startswith(f"--{name} "))
        assert summary in line


def test_loading_the_plugin_imports_none_of_its_modules():
    code = (
        "import sys\n"
        "from mlopt.testing import run_mlopt\n"
        "import mlopt_toy.plugin\n"
        "run_mlopt('func.func @f() { return }', plugins=[mlopt_toy.plugin]).check()\n"
        "print(sorted(m for m in sys.modules if m.startswith('mlopt_toy')))\n"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert loaded.stdout.strip() == "['mlopt_toy', 'mlopt_toy.plugin']"


def test_toy_source_is_picked_by_its_extension():
    program = "def main() { print([1, 2]); }"
    assert "toy.print" in run_mlopt(program, plugins=[mlopt_toy.plugin], filename="p.toy").check()
    not_toy = run_mlopt(program, plugins=[mlopt_toy.plugin], filename="p.mlir")
    assert not_toy.exit_code == 1 and not_toy.stderr.startswith("p.mlir:1:1: error:")
