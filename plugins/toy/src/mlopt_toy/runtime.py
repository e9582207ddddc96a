"""The Toy runtime: what ``toy.print`` calls when a Toy program runs in the JIT.

toyc prints each element with C's ``printf("%f ")`` and ends rows with a
newline; these two functions print exactly that, through C's stdout as mlopt's
own runtime functions do (so the text stays in order with theirs). mlopt binds
them into JIT-ed code through the plugin's ``mlopt_register_runtime_symbols``
hook.
"""

from __future__ import annotations

import ctypes
import math

from mlopt.runtime import write

PRINT_F64 = "mlopt_toy_print_f64"
PRINT_NEWLINE = "mlopt_toy_print_newline"


def format_element(value: float) -> str:
    """C's ``printf("%f ", value)``: glibc spells NaNs with their sign."""
    if math.isnan(value):
        return "-nan " if math.copysign(1.0, value) < 0 else "nan "
    return "%f " % value


_print_f64 = ctypes.CFUNCTYPE(None, ctypes.c_double)(lambda value: write(format_element(value)))
_print_newline = ctypes.CFUNCTYPE(None)(lambda: write("\n"))


def mlopt_toy_print_f64() -> ctypes._CFuncPtr:
    return _print_f64


def mlopt_toy_print_newline() -> ctypes._CFuncPtr:
    return _print_newline
