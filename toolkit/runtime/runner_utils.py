"""mlir-runner's support functions, built into mlopt.

The functions of ``libmlir_c_runner_utils`` and ``libmlir_runner_utils``
(printF32, printMemrefF32, rtclock, memrefCopy, ...) as native callbacks
whose output is byte-for-byte what upstream's C++ prints: C's ``%g`` for
scalars, ``std::ostream``'s defaults inside printMemref, the same header,
brackets, spacing and trailing blanks. Text goes through C's ``stdout``
(``fwrite``), so it stays in order with anything else the program prints.

Each symbol is registered through ``mlopt_register_runtime_symbols``
(builtin_plugin.RUNTIME_SYMBOLS maps ``"printF32"`` to
``"mlopt.runtime.runner_utils:printF32"``); the attribute is a factory that
returns the callback, created on first use.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import math
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from mlopt.runtime.memref import MemRefView

# numpy is imported only when a memref is printed or copied: a program that
# prints scalars (and a cached mlrun run) starts without it.

# --------------------------------------------------------------------------- output

_libc = ctypes.CDLL(None, use_errno=True)
_libc.fwrite.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_void_p]
_libc.fflush.argtypes = [ctypes.c_void_p]
_libc.ferror.argtypes = [ctypes.c_void_p]


def _stream(name: str) -> int:
    return ctypes.c_void_p.in_dll(_libc, name).value


def write(text: str, stream: str = "stdout") -> None:
    """Write through C's stdio, in order with native code's output."""
    data = text.encode("utf-8", errors="surrogateescape")
    _libc.fwrite(data, 1, len(data), _stream(stream))


def flush() -> None:
    """Flush C's stdout and stderr (before Python writes, and at exit)."""
    _libc.fflush(None)


def finish_output() -> None:
    """Flush C's stdout at the end of a run; raise OSError if the program's
    output could not be written (a full disk, ``> /dev/full``)."""
    stdout = _stream("stdout")
    # An earlier flush (in a print callback) may have failed already: stdio
    # keeps the error indicator, and ctypes that call's errno.
    if _libc.fflush(stdout) != 0 or _libc.ferror(stdout):
        error = ctypes.get_errno() or errno.EIO
        raise OSError(error, os.strerror(error))


# --------------------------------------------------------------------------- formatting


def format_float(value: float) -> str:
    """C's ``%g`` (and ``std::ostream``'s default): 6 significant digits, and
    ``-nan`` for a NaN with the sign bit set, as glibc prints it."""
    if math.isnan(value):
        return "-nan" if math.copysign(1.0, value) < 0 else "nan"
    return "%g" % value


def _format_char(value: int) -> str:
    # std::ostream prints int8_t as a character: the raw byte.
    byte = int(value) & 0xFF
    return chr(byte) if byte < 0x80 else chr(0xDC00 + byte)


def _format_complex(value: complex) -> str:
    return f"({format_float(value.real)},{format_float(value.imag)})"


@dataclass(frozen=True)
class ElementKind:
    """How printMemref reads and prints one element type."""

    dtype: str
    """numpy's name of the element type."""
    format: Callable[[object], str]


def _bf16_array(raw: np.ndarray) -> np.ndarray:
    import numpy as np

    return (raw.astype(np.uint32) << 16).view(np.float32)


ELEMENT_KINDS: dict[str, ElementKind] = {
    "F32": ElementKind("float32", lambda v: format_float(float(v))),
    "F64": ElementKind("float64", lambda v: format_float(float(v))),
    "F16": ElementKind("float16", lambda v: format_float(float(v))),
    "BF16": ElementKind("uint16", lambda v: format_float(float(v))),
    "I8": ElementKind("int8", _format_char),
    "I16": ElementKind("int16", lambda v: str(int(v))),
    "I32": ElementKind("int32", lambda v: str(int(v))),
    "I64": ElementKind("int64", lambda v: str(int(v))),
    "Ind": ElementKind("int64", lambda v: str(int(v))),
    "C32": ElementKind("complex64", lambda v: _format_complex(complex(v))),
    "C64": ElementKind("complex128", lambda v: _format_complex(complex(v))),
}


def _pointer_text(address: int) -> str:
    return f"0x{address:x}" if address else "0"


def format_memref(view: MemRefView, kind: ElementKind, *, unranked: bool) -> str:
    """What upstream's printMemRef prints for a memref (header, data, newline)."""
    sizes = ", ".join(str(s) for s in view.sizes)
    strides = ", ".join(str(s) for s in view.strides)
    parts = [
        "Unranked " if unranked else "",
        f"Memref base@ = {_pointer_text(view.aligned)} rank = {view.rank} offset = {view.offset} ",
        f"sizes = [{sizes}] strides = [{strides}] data = \n",
    ]
    array = view.array(kind.dtype)
    if kind is ELEMENT_KINDS["BF16"]:
        array = _bf16_array(array)
    if view.rank == 0:
        parts.append("[" + kind.format(array[()]) + "]")
    else:
        _format_data(parts, array, kind.format, view.rank)
    parts.append("\n")
    return "".join(parts)


def _format_data(out: list[str], array: np.ndarray, fmt: Callable[[object], str], rank: int) -> None:
    """upstream's MemRefDataPrinter: rows separated by ``, \\n`` and indented
    by their depth, elements by ``, `` plus the depth's indentation."""
    dim = array.ndim
    if dim == 0:
        out.append(fmt(array[()]))
        return
    size = array.shape[0]
    out.append("[")
    if size == 0:
        # Upstream reads one element even here (out of bounds); print none.
        out.append("]")
        return
    _format_data(out, array[0], fmt, rank)
    if size == 1:
        out.append("]")
        return
    separator = ", \n" if dim > 1 else ", "
    indent = " " * (rank - dim + 1)
    out.append(separator)
    for index in range(1, size - 1):
        out.append(indent)
        _format_data(out, array[index], fmt, rank)
        out.append(separator)
    out.append(indent)
    _format_data(out, array[size - 1], fmt, rank)
    out.append("]")


# --------------------------------------------------------------------------- the functions


def _print_unranked(kind: ElementKind, rank: int, descriptor: int) -> None:
    from mlopt.runtime.memref import MemRefView

    write(format_memref(MemRefView.at(descriptor, rank), kind, unranked=True))


def _print_unranked_ciface(kind: ElementKind, address: int) -> None:
    from mlopt.runtime.memref import MemRefView

    write(format_memref(MemRefView.unranked_at(address), kind, unranked=True))


def _print_ranked_ciface(kind: ElementKind, rank: int, address: int) -> None:
    from mlopt.runtime.memref import MemRefView

    write(format_memref(MemRefView.at(address, rank), kind, unranked=False))


def _memref_copy(element_size: int, source: int, target: int) -> None:
    import numpy as np

    from mlopt.runtime.memref import MemRefView

    src = MemRefView.unranked_at(source)
    dst = MemRefView.unranked_at(target)
    dtype = np.dtype((np.void, element_size))
    np.copyto(dst.array(dtype), src.array(dtype))


CVOID = None
_SCALARS: dict[str, tuple[Callable, tuple]] = {
    "printF32": (lambda x: write(format_float(x)), (CVOID, ctypes.c_float)),
    "printF64": (lambda x: write(format_float(x)), (CVOID, ctypes.c_double)),
    "printI64": (lambda x: write(str(x)), (CVOID, ctypes.c_int64)),
    "printU64": (lambda x: write(str(x)), (CVOID, ctypes.c_uint64)),
    "printNewline": (lambda: write("\n"), (CVOID,)),
    "printOpen": (lambda: write("( "), (CVOID,)),
    "printClose": (lambda: write(" )"), (CVOID,)),
    "printComma": (lambda: write(", "), (CVOID,)),
    "printString": (lambda s: write((s or b"").decode("utf-8", errors="surrogateescape")), (CVOID, ctypes.c_char_p)),
    "printFlops": (lambda f: write("%f GFLOPS\n" % (f / 1.0e9), "stderr"), (CVOID, ctypes.c_double)),
    "rtclock": (time.time, (ctypes.c_double,)),
    "_mlir_ciface_nanoTime": (time.monotonic_ns, (ctypes.c_int64,)),
    "memrefCopy": (_memref_copy, (CVOID, ctypes.c_int64, ctypes.c_void_p, ctypes.c_void_p)),
}

_LIBC_ALIASES = {
    "mlirAlloc": "malloc",
    "mlirAlignedAlloc": "aligned_alloc",
    "mlirFree": "free",
    "mlirAlignedFree": "free",
}
"""Allocation functions that are libc's own, with the same signatures."""

UNRANKED_PRINTERS = ("F32", "F64", "I32", "I64", "Ind", "C32", "C64")
"""``printMemrefX(i64 rank, ptr descriptor)``, as libmlir_runner_utils exports them."""
CIFACE_PRINTERS = ("F32", "F64", "F16", "BF16", "I8", "I16", "I32", "I64", "Ind", "C32", "C64")
"""``_mlir_ciface_printMemrefX(ptr unranked)``."""
RANKED_PRINTERS = {
    "0dF32": 0, "1dF32": 1, "2dF32": 2, "3dF32": 3, "4dF32": 4,
    "1dF64": 1, "1dI8": 1, "1dI32": 1, "1dI64": 1, "1dInd": 1, "1dC32": 1, "1dC64": 1,
}
"""``_mlir_ciface_printMemref<rank>d<type>(ptr descriptor)``."""


def _printer_table() -> dict[str, tuple[Callable, tuple]]:
    table: dict[str, tuple[Callable, tuple]] = {}
    for name in UNRANKED_PRINTERS:
        kind = ELEMENT_KINDS[name]
        table[f"printMemref{name}"] = (
            functools.partial(_print_unranked, kind),
            (CVOID, ctypes.c_int64, ctypes.c_void_p),
        )
    for name in CIFACE_PRINTERS:
        kind = ELEMENT_KINDS[name]
        table[f"_mlir_ciface_printMemref{name}"] = (functools.partial(_print_unranked_ciface, kind), (CVOID, ctypes.c_void_p))
    for name, rank in RANKED_PRINTERS.items():
        kind = ELEMENT_KINDS[name[2:]]
        table[f"_mlir_ciface_printMemref{name}"] = (
            functools.partial(_print_ranked_ciface, kind, rank),
            (CVOID, ctypes.c_void_p),
        )
    return table


CALLBACKS: dict[str, tuple[Callable, tuple]] = {**_SCALARS, **_printer_table()}

SYMBOLS: tuple[str, ...] = tuple(CALLBACKS) + tuple(_LIBC_ALIASES)
"""Every symbol this module provides (builtin_plugin registers these names)."""

_made: dict[str, object] = {}


def _guarded(name: str, function: Callable) -> Callable:
    """A callback never lets a Python exception unwind into native code."""

    def call(*args):
        try:
            return function(*args)
        except Exception as err:  # noqa: BLE001 - reported, then the program goes on
            flush()
            sys.stderr.write(f"mlopt runtime: {name} failed: {type(err).__name__}: {err}\n")
            return 0

    return call


def symbol(name: str) -> object:
    """The native function for ``name``: a ctypes callback (kept alive here)
    or a libc address."""
    if name in _made:
        return _made[name]
    if name in _LIBC_ALIASES:
        made: object = ctypes.cast(getattr(_libc, _LIBC_ALIASES[name]), ctypes.c_void_p).value
    else:
        function, signature = CALLBACKS[name]
        made = ctypes.CFUNCTYPE(*signature)(_guarded(name, function))
    _made[name] = made
    return made


def __getattr__(name: str) -> Callable[[], object]:
    # builtin_plugin names "mlopt.runtime.runner_utils:printF32": a factory.
    if name in CALLBACKS or name in _LIBC_ALIASES:
        return functools.partial(symbol, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

