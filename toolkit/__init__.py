"""mlopt: an mlir-opt compatible toolkit on xDSL, extensible through plugins.

Importing this package is cheap; the pieces below load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

from mlopt.hookspecs import hookimpl, hookspec

if TYPE_CHECKING:
    from mlopt.execution_engine import ExecutionEngine

__all__ = ["ExecutionEngine", "__version__", "hookimpl", "hookspec"]


def __getattr__(name: str):
    if name == "ExecutionEngine":
        from mlopt.execution_engine import ExecutionEngine

        return ExecutionEngine
    raise AttributeError(f"module 'mlopt' has no attribute {name!r}")
