"""The built-in runner utilities: C's formatting, registration, and
--shared-libs taking precedence over them."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
import sys

import numpy as np
import pytest

from mlopt import builtin_plugin
from mlopt.runtime import runner_utils
from mlopt.runtime.memref import MemRefView, descriptor_for_array

_libc = ctypes.CDLL(None)


def c_format(value: float) -> str:
    """What C's printf("%g") writes: the reference for printF32/printF64."""
    buffer = ctypes.create_string_buffer(64)
    _libc.snprintf(buffer, 64, b"%g", ctypes.c_double(value))
    return buffer.value.decode()


def test_float_formatting_matches_c() -> None:
    rng = np.random.default_rng(7)
    values = [0.0, -0.0, 1.0, -1.5, 0.1, 1e-7, 123456789.0, 1e100, 5e-324, 2.5e-308, 0.000123456789,
              float("inf"), float("-inf"), float("nan"), -float("nan")]
    values += list(rng.standard_normal(200) * 10.0 ** rng.integers(-12, 12, 200))
    values += [float(np.float32(v)) for v in rng.standard_normal(100)]
    for value in values:
        assert runner_utils.format_float(value) == c_format(value), value


def test_every_runtime_symbol_is_registered() -> None:
    registered = {name for name, ref in builtin_plugin.RUNTIME_SYMBOLS.items() if ref.startswith("mlopt.runtime.runner_utils:")}
    assert registered == set(runner_utils.SYMBOLS)
    for name in runner_utils.SYMBOLS:
        assert runner_utils.symbol(name)


def test_memref_layout_and_views() -> None:
    base = np.arange(24, dtype=np.float32).reshape(4, 6)
    view = base[1:, ::2].T
    descriptor, _ = descriptor_for_array(view)
    read = MemRefView.of(descriptor, 2)
    assert (read.offset, read.sizes, read.strides) == (6, (3, 3), (2, 6))
    np.testing.assert_array_equal(read.array(np.float32), view)
    text = runner_utils.format_memref(read, runner_utils.ELEMENT_KINDS["F32"], unranked=True)
    lines = text.split("\n")
    assert lines[0].endswith("rank = 2 offset = 6 sizes = [3, 3] strides = [2, 6] data = ")
    assert lines[1:] == ["[[6,   12,   18], ", " [8,   14,   20], ", " [10,   16,   22]]", ""]


@pytest.mark.skipif(shutil.which("cc") is None, reason="no C compiler to build a test library")
def test_shared_libs_take_precedence(tmp_path) -> None:
    source = tmp_path / "mine.c"
    source.write_text('#include <stdio.h>\nvoid printNewline(void) { printf("<newline from the library>\\n"); }\n')
    library = tmp_path / "libmine.so"
    subprocess.run(["cc", "-shared", "-fPIC", str(source), "-o", str(library)], check=True)
    program = tmp_path / "main.mlir"
    program.write_text(
        "llvm.func @printNewline()\nllvm.func @printI64(i64)\n"
        "llvm.func @main() {\n  %c = llvm.mlir.constant(5 : i64) : i64\n"
        "  llvm.call @printI64(%c) : (i64) -> ()\n  llvm.call @printNewline() : () -> ()\n  llvm.return\n}\n"
    )
    command = [sys.executable, "-m", "mlopt.tools.mlrun", str(program), "--entry-point-result=void"]
    built_in = subprocess.run(command, capture_output=True, text=True, check=True)
    assert built_in.stdout == "5\n"
    from_library = subprocess.run([*command, f"--shared-libs={library}"], capture_output=True, text=True, check=True)
    assert from_library.stdout == "5<newline from the library>\n"
