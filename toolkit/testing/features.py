"""What the test machine has: oracle tools from LLVM 22, ptxas, an NVIDIA GPU.

Each probe returns None when the thing is present, or the reason it is not,
so that skips can say why.
"""

from __future__ import annotations

import functools
import glob
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


RUNNER_LIBRARIES = ("libmlir_runner_utils", "libmlir_c_runner_utils")


def mlir_runner_libraries() -> list[str]:
    """Upstream's runner support libraries installed beside mlir-runner (Debian
    ships them only as versioned ``.so.22.1`` files); LookupError says why not."""
    runner = llvm_tool("mlir-runner")
    if runner is None:
        raise LookupError(llvm_tool_missing("mlir-runner"))
    lib_dir = os.path.join(os.path.dirname(os.path.dirname(runner)), "lib")
    found = []
    for name in RUNNER_LIBRARIES:
        candidates = sorted(glob.glob(os.path.join(lib_dir, name + ".so*")))
        if not candidates:
            raise LookupError(f"{name}.so not found in {lib_dir}")
        found.append(candidates[0])
    return found


def ptxas_missing() -> str | None:
    return None if shutil.which("ptxas") else "ptxas not on PATH (it comes with a CUDA toolkit)"


@functools.cache
def nvidia_gpu_missing() -> str | None:
    """None when the CUDA driver loads and reports at least one device."""
    from mlopt.runtime.cuda import gpu_missing

    return gpu_missing()
