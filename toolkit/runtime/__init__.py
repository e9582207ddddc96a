"""The JIT runtime: mlir-runner's support functions and the memref <-> numpy bridge.

Plugins whose runtime functions print should use :func:`write` (and
:func:`flush`), which go through C's stdio so their output stays in order with
the output of JIT-compiled code and of mlopt's own runner utilities.
(They load on first use: importing this package stays cheap.)
"""

from __future__ import annotations

from typing import Any

__all__ = ["flush", "write"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from mlopt.runtime import runner_utils

        return getattr(runner_utils, name)
    raise AttributeError(f"module 'mlopt.runtime' has no attribute {name!r}")
