"""What the test machine has: oracle tools from LLVM 22, ptxas, an NVIDIA GPU.

Each probe returns None when the thing is present, or the reason it is not,
so that skips can say why.
"""

from __future__ import annotations

import functools
import os
import shutil

LLVM_BIN_DIRS = ("/usr/lib/llvm-22/bin",)
LLVM_BIN_ENV = "MLOPT_LLVM_BIN"
"""Directory holding mlir-opt, mlir-runner, FileCheck, ... (overrides the default)."""


def llvm_tool(name: str) -> str | None:
    """The path of an LLVM 22 tool (mlir-opt, mlir-runner, FileCheck, llc, ...)."""
    dirs = [os.environ[LLVM_BIN_ENV]] if os.environ.get(LLVM_BIN_ENV) else []
    dirs += list(LLVM_BIN_DIRS)
    for directory in dirs:
        candidate = os.path.join(directory, name)
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which(f"{name}-22")


def llvm_tool_missing(name: str) -> str | None:
    if llvm_tool(name):
        return None
    return f"{name} not installed (apt-get install mlir-22-tools llvm-22, or set {LLVM_BIN_ENV})"


def ptxas_missing() -> str | None:
    return None if shutil.which("ptxas") else "ptxas not on PATH (it comes with a CUDA toolkit)"


@functools.cache
def nvidia_gpu_missing() -> str | None:
    """None when the CUDA driver loads and reports at least one device."""
    from mlopt.runtime.cuda import gpu_missing

    return gpu_missing()
