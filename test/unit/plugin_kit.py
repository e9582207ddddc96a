"""Installing a plugin package the way a user would, and running its own tests."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata, util
from pathlib import Path

BIN = Path(sys.executable).parent


def _can_build_wheels_offline() -> bool:
    """setuptools from 70.1 builds wheels by itself; older ones need 'wheel'."""
    version = tuple(int(part) for part in metadata.version("setuptools").split(".")[:2])
    return version >= (70, 1) or util.find_spec("wheel") is not None


def install(package: Path, target: Path) -> None:
    """pip-install ``package`` (without dependencies: mlopt is there) into ``target``."""
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps"]
    if _can_build_wheels_offline():
        command.append("--no-build-isolation")
    command += ["--target", str(target), str(package)]
    subprocess.run(command, check=True, capture_output=True, text=True)


def environment(target: Path) -> dict[str, str]:
    """The environment in which ``target``'s packages are installed."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(target), env.get("PYTHONPATH")]))
    env["PATH"] = os.pathsep.join([str(BIN), env.get("PATH", "")])
    env.pop("MLOPT_DISABLE_PLUGIN_AUTOLOAD", None)
    return env


def run(command: list[str], cwd: Path, target: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, env=environment(target), capture_output=True, text=True)


def run_package_tests(package: Path, target: Path) -> None:
    """The package's pytest tests and lit suite, as its author runs them."""
    pytest = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], package, target)
    assert pytest.returncode == 0, pytest.stdout + pytest.stderr
    assert " passed" in pytest.stdout and "skipped" not in pytest.stdout, pytest.stdout
    lit = run([str(BIN / "lit"), "-v", "test"], package, target)
    assert lit.returncode == 0, lit.stdout + lit.stderr
    assert "Passed" in lit.stdout and "Unsupported" not in lit.stdout, lit.stdout
