"""The Toy runtime prints exactly what C's printf("%f ") prints, as toyc's does."""

from __future__ import annotations

import ctypes
import ctypes.util
import math

import pytest

from mlopt.runtime.runner_utils import flush
from mlopt_toy import runtime

VALUES = [0.0, -0.0, 1.0, -2.5, 1e-7, 123456789.123456789, 1e300, -1e-300, 2.0**-1074,
          0.5 + 1e-7, math.inf, -math.inf, math.nan, -math.nan]


def c_printf(value: float) -> str:
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    buffer = ctypes.create_string_buffer(512)
    libc.snprintf(buffer, len(buffer), b"%f ", ctypes.c_double(value))
    return buffer.value.decode()


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_element_format_matches_c(value):
    assert runtime.format_element(value) == c_printf(value)


def test_registered_symbols_print_through_c_stdout(capfd):
    runtime.mlopt_toy_print_f64()(1.5)
    runtime.mlopt_toy_print_f64()(-2.0)
    runtime.mlopt_toy_print_newline()()
    flush()
    assert capfd.readouterr().out == "1.500000 -2.000000 \n"
