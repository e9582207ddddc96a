"""The distribution: one namespace, every package listed, pins exact."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def _package_name(directory: Path) -> str:
    mapping = PYPROJECT["tool"]["setuptools"]["package-dir"]
    relative = directory.relative_to(ROOT)
    for package, folder in sorted(mapping.items(), key=lambda item: -len(item[1])):
        if relative.parts[: len(Path(folder).parts)] == Path(folder).parts:
            rest = relative.parts[len(Path(folder).parts) :]
            return ".".join((package, *rest))
    raise AssertionError(f"{relative} is outside every mapped folder")


def test_every_python_package_is_listed():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = set()
    for folder in PYPROJECT["tool"]["setuptools"]["package-dir"].values():
        for init in (ROOT / folder).rglob("__init__.py"):
            found.add(_package_name(init.parent))
    assert found == listed


def test_everything_installs_under_the_mlopt_namespace():
    assert all(p == "mlopt" or p.startswith("mlopt.") for p in PYPROJECT["tool"]["setuptools"]["packages"])


def test_extended_dependencies_are_pinned_exactly():
    dependencies = PYPROJECT["project"]["dependencies"]
    assert "xdsl==0.74.0" in dependencies
    assert "llvmlite==0.50.0" in dependencies
