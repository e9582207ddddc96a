"""mlopt: an mlir-opt compatible toolkit on xDSL, extensible through plugins.

Importing this package is cheap; the pieces below load on first use.
"""

from __future__ import annotations

# Not typing's TYPE_CHECKING: typing imports re, collections and functools,
# 10 ms of the tools' start-up, which this package's entry points stay clear of.
TYPE_CHECKING = False

__version__ = "0.1.0"

if TYPE_CHECKING:
    from mlopt.execution_engine import ExecutionEngine
    from mlopt.hookspecs import hookimpl, hookspec
    from mlopt.ir import load_plugin

__all__ = ["ExecutionEngine", "__version__", "hookimpl", "hookspec", "load_plugin"]


def __getattr__(name: str):
    # pluggy loads with the hook markers, not with the package: the tools'
    # entry points (mlopt.server.client) import only this file of mlopt.
    if name in ("hookimpl", "hookspec"):
        from mlopt import hookspecs

        return getattr(hookspecs, name)
    if name == "ExecutionEngine":
        from mlopt.execution_engine import ExecutionEngine

        return ExecutionEngine
    if name == "load_plugin":
        from mlopt.ir import load_plugin

        return load_plugin
    raise AttributeError(f"module 'mlopt' has no attribute {name!r}")
