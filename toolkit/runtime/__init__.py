"""The JIT runtime: mlir-runner's support functions and the memref <-> numpy bridge.

Plugins whose runtime functions print should use :func:`write` (and
:func:`flush`), which go through C's stdio so their output stays in order with
the output of JIT-compiled code and of mlopt's own runner utilities.
"""

from mlopt.runtime.runner_utils import flush, write

__all__ = ["flush", "write"]
