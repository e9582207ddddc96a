"""lit configuration for mlopt and for plugins.

A plugin's ``lit.cfg.py`` needs only::

    import lit.formats
    from mlopt.testing.lit import configure_lit

    config.name = "my-plugin"
    config.test_format = lit.formats.ShTest(execute_external=False)
    config.suffixes = [".mlir"]
    config.test_source_root = os.path.dirname(__file__)
    configure_lit(config, lit_config)

It provides the tools as substitutions (``mlopt``, ``mlrun``, ``mltranslate``,
``FileCheck``, ``%mlir_opt``, ``%mlir_runner``, ``%mlir_translate``,
``%python``) and the features ``mlir-opt``, ``mlir-runner``, ``mlir-translate``,
``llvm-tools``, ``ptxas`` and ``cuda-gpu`` for ``REQUIRES:`` lines; what is
missing is announced once, with the reason.
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any

from mlopt.testing.features import llvm_tool, llvm_tool_missing, nvidia_gpu_missing, ptxas_missing

TOOLS = ("mlopt", "mlrun", "mltranslate", "mlopt-bench")


def tool_substitution(name: str) -> str:
    """A regex matching ``name`` as a whole command word: not inside a longer
    name (``mlopt-foo``, ``test/mlopt/x``), as LLVM's ToolSubst guards it."""
    import re

    return r"(?<![\w.\-/%=])" + re.escape(name) + r"(?![\w.\-/])"


def _find_tool(name: str) -> str | None:
    beside_python = os.path.join(os.path.dirname(sys.executable), name)
    if os.access(beside_python, os.X_OK):
        return beside_python
    return shutil.which(name)


def configure_lit(config: Any, lit_config: Any, *, tools: tuple[str, ...] = TOOLS) -> None:
    """Add mlopt's substitutions, features and environment to a lit config."""
    for name in tools:
        path = _find_tool(name)
        if path:
            config.substitutions.append((tool_substitution(name), path))

    filecheck = _filecheck(lit_config)
    config.substitutions.append((tool_substitution("FileCheck"), filecheck))
    config.substitutions.append(("%python", sys.executable))

    for tool, substitution in (
        ("mlir-opt", "%mlir_opt"),
        ("mlir-runner", "%mlir_runner"),
        ("mlir-translate", "%mlir_translate"),
    ):
        reason = llvm_tool_missing(tool)
        if reason is None:
            config.available_features.add(tool)
            config.substitutions.append((substitution, llvm_tool(tool)))
        else:
            _note_once(lit_config, f"tests that REQUIRE {tool} are unsupported: {reason}")
    if all(llvm_tool(t) for t in ("llc", "lli", "opt", "llvm-as")):
        config.available_features.add("llvm-tools")
        for tool in ("llc", "lli", "opt", "llvm-as"):
            config.substitutions.append((f"%{tool.replace('-', '_')}", llvm_tool(tool)))
    lib_dir = os.path.join(os.path.dirname(os.path.dirname(llvm_tool("mlir-runner") or "/x/x")), "lib")
    config.substitutions.append(("%mlir_lib_dir", lib_dir))
    for feature, probe in (("ptxas", ptxas_missing), ("cuda-gpu", nvidia_gpu_missing)):
        reason = probe()
        if reason is None:
            config.available_features.add(feature)
        else:
            _note_once(lit_config, f"tests that REQUIRE {feature} are unsupported: {reason}")

    for variable in ("PATH", "HOME", "TMPDIR", "CUDA_HOME", "CUDA_PATH", "LD_LIBRARY_PATH"):
        if variable in os.environ:
            config.environment[variable] = os.environ[variable]
    for variable, value in os.environ.items():
        if variable.startswith("MLOPT_"):
            config.environment[variable] = value


def _filecheck(lit_config: Any) -> str:
    choice = lit_config.params.get("filecheck", "python")
    if choice == "llvm":
        path = llvm_tool("FileCheck")
        if path is None:
            lit_config.fatal("--param filecheck=llvm, but LLVM's FileCheck is not installed")
        return path
    path = _find_tool("filecheck")
    if path is None:
        lit_config.fatal("the 'filecheck' package is not installed (pip install filecheck)")
    return path


_announced: set[str] = set()


def _note_once(lit_config: Any, message: str) -> None:
    if message not in _announced:
        _announced.add(message)
        lit_config.note(message)
