"""The 'xdsl' built-in plugin: every dialect and pass of xDSL that mlopt does
not provide under the same name itself.

It registers after the 'mlopt' plugin and leaves out the names that plugin
takes, so mlopt's upstream-compatible versions win without a conflict.
"""

from __future__ import annotations

from mlopt import builtin_plugin
from mlopt.hookspecs import hookimpl

EXCLUDED_PASSES = frozenset({"mlir-opt"})
"""xDSL's 'mlir-opt' pass shells out to mlir-opt, which mlopt never does."""


@hookimpl
def mlopt_register_dialects():
    from xdsl.dialects import get_all_dialects

    return {
        name: factory
        for name, factory in get_all_dialects().items()
        if name not in builtin_plugin.DIALECTS
    }


@hookimpl
def mlopt_register_passes():
    from xdsl.transforms import get_all_passes

    taken = builtin_plugin.PASSES.keys() | builtin_plugin.PIPELINES.keys() | EXCLUDED_PASSES
    return {name: factory for name, factory in get_all_passes().items() if name not in taken}
