"""lit configuration for mlopt and for plugins.

mlopt's own suite calls :func:`configure_lit`; a plugin's ``lit.cfg.py``
needs only::

    import os
    from mlopt.testing.lit import configure_plugin_lit

    configure_plugin_lit(config, lit_config, name="my-plugin", plugin="mlopt_my.plugin",
                         test_root=os.path.dirname(__file__), suffixes=[".mlir"])

It provides the tools as substitutions (``mlopt``, ``mlrun``, ``mltranslate``,
``FileCheck``, ``%mlir_opt``, ``%mlir_runner``, ``%mlir_translate``,
``%python``) and the features ``mlir-opt``, ``mlir-runner``, ``mlir-translate``,
``llvm-tools``, ``ptxas`` and ``cuda-gpu`` for ``REQUIRES:`` lines; what is
missing is announced once, with the reason. With a GPU, ``%cuda_chip`` is
its chip (``sm_90``), for cubins that must match it.
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any

from mlopt.plugins import AUTOLOAD_ENV
from mlopt.testing.features import llvm_tool, llvm_tool_missing, nvidia_gpu_missing, ptxas_missing

TOOLS = ("mlopt", "mlrun", "mltranslate", "mlopt-bench", "mlopt-bisect", "mlopt-reduce")
PLUGIN_AWARE_TOOLS = frozenset({"mlopt", "mlrun", "mltranslate"})
"""The tools that take ``--load-plugin``."""


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


def configure_lit(
    config: Any,
    lit_config: Any,
    *,
    tools: tuple[str, ...] = TOOLS,
    tool_arguments: tuple[str, ...] = (),
) -> None:
    """Add mlopt's substitutions, features and environment to a lit config.

    ``tool_arguments`` are added to every mlopt, mlrun and mltranslate command.
    """
    for name in tools:
        path = _find_tool(name)
        if path:
            command = " ".join((path, *tool_arguments)) if name in PLUGIN_AWARE_TOOLS else path
            config.substitutions.append((tool_substitution(name), command))

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
            if feature == "cuda-gpu":
                from mlopt.runtime.cuda import driver

                config.substitutions.append(("%cuda_chip", driver().device_info().chip))
        else:
            _note_once(lit_config, f"tests that REQUIRE {feature} are unsupported: {reason}")

    for variable in ("PATH", "HOME", "TMPDIR", "CUDA_HOME", "CUDA_PATH", "LD_LIBRARY_PATH"):
        if variable in os.environ:
            config.environment[variable] = os.environ[variable]
    for variable, value in os.environ.items():
        if variable.startswith("MLOPT_"):
            config.environment[variable] = value


def configure_plugin_lit(
    config: Any,
    lit_config: Any,
    *,
    name: str,
    plugin: str,
    test_root: str,
    suffixes: list[str],
    python_path: tuple[str, ...] = (),
) -> None:
    """Configure the lit suite of a plugin: every test runs the tools with
    ``--load-plugin=PLUGIN`` (a module name) and with no other plugin than
    mlopt's own, so the suite tests exactly mlopt plus this plugin, installed
    or not. ``python_path`` directories (e.g. the plugin's ``src``) are put on
    PYTHONPATH so that a checkout is tested without installing it.
    """
    import lit.formats

    config.name = name
    config.test_format = lit.formats.ShTest(execute_external=False)
    config.suffixes = suffixes
    config.test_source_root = test_root
    config.excludes = ["Inputs", "Output", "lit.cfg.py"]
    configure_lit(config, lit_config, tool_arguments=(f"--load-plugin={plugin}",))
    config.environment[AUTOLOAD_ENV] = "1"
    if python_path:
        inherited = [os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else []
        config.environment["PYTHONPATH"] = os.pathsep.join([*map(os.path.abspath, python_path), *inherited])


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
