"""Test kit for mlopt and its plugins.

- :mod:`mlopt.testing.tools`: run ``mlopt`` and ``mlrun`` in-process on a
  source string, with given plugins registered (``run_mlopt``, ``run_mlrun``).
- :mod:`mlopt.testing.lit`: a lit configuration in a few lines
  (``configure_lit``, ``configure_plugin_lit``).
- :mod:`mlopt.testing.features`: what the machine has (LLVM 22 oracle tools,
  ptxas, a GPU), for skips that say why.
"""

from mlopt.testing.tools import ToolResult, run_mlopt, run_mlrun, run_tool

__all__ = ["ToolResult", "run_mlopt", "run_mlrun", "run_tool"]
