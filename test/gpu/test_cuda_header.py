"""mlopt calls the CUDA driver through ctypes, so nothing but this test
checks its prototypes against the driver's: each function's parameters,
as cuda.h declares them after its version macros (cuMemAlloc is
cuMemAlloc_v2), must match mlopt's ctypes types in number, size and kind
(pointer, integer, floating point). A mismatch would corrupt arguments only
on a real GPU. The same goes for the enum values mlopt copied from cuda.h.
Skipped, with the reason, without cuda.h or a C++ compiler."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
from pathlib import Path

import pytest

from mlopt.codegen.nvptx import _toolkit_roots
from mlopt.runtime import cuda
from mlopt.runtime.cuda import ALIASES, PROTOTYPES

DESCRIBE = r"""
#include <cuda.h>
#include <cstdio>
#include <type_traits>

template <typename T> void describe_one() {
  std::printf(" %zu%c", sizeof(T), std::is_pointer<T>::value ? 'p' : std::is_floating_point<T>::value ? 'f' : 'i');
}
template <typename F> struct Describe;
template <typename R, typename... A> struct Describe<R(A...)> {
  static void print(const char *name) {
    std::printf("%s", name);
    (describe_one<A>(), ...);
    std::printf(" ->");
    describe_one<R>();
    std::printf("\n");
  }
};
int main() {
BODY
}
"""


def _cuda_header() -> Path | None:
    for root in _toolkit_roots(None):
        if (root / "include" / "cuda.h").is_file():
            return root / "include" / "cuda.h"
    return None


def _kind(ctype) -> str:
    if ctype in (ctypes.c_void_p, ctypes.c_char_p) or issubclass(ctype, ctypes._Pointer):
        return f"{ctypes.sizeof(ctype)}p"
    if ctype in (ctypes.c_float, ctypes.c_double):
        return f"{ctypes.sizeof(ctype)}f"
    return f"{ctypes.sizeof(ctype)}i"


HEADER = _cuda_header()
COMPILER = shutil.which("c++")
pytestmark = [
    pytest.mark.skipif(HEADER is None, reason="cuda.h not found (it comes with a CUDA toolkit)"),
    pytest.mark.skipif(COMPILER is None, reason="no C++ compiler (c++) on PATH"),
]


def _compiled_output(tmp_path: Path, body: str) -> dict[str, str]:
    """What a program built against cuda.h prints: a line per name, "NAME TEXT"."""
    source = tmp_path / "describe.cpp"
    source.write_text(DESCRIBE.replace("BODY", body))
    program = tmp_path / "describe"
    subprocess.run([COMPILER, "-std=c++17", f"-I{HEADER.parent}", str(source), "-o", str(program)], check=True, capture_output=True)
    output = subprocess.run([str(program)], check=True, capture_output=True, text=True).stdout
    return dict(line.split(" ", 1) for line in output.splitlines())


def test_ctypes_prototypes_match_cuda_h(tmp_path):
    # The name cuda.h maps each function to, as a driver built from it exports.
    names = {name: ALIASES.get(name, (name,))[0] for name in PROTOTYPES}
    described = _compiled_output(tmp_path, "".join(f'Describe<decltype({c})>::print("{n}");\n' for n, c in names.items()))
    ours = {name: " ".join([*map(_kind, arguments), "->", _kind(ctypes.c_int)]) for name, arguments in PROTOTYPES.items()}
    assert ours == described


def test_enum_values_match_cuda_h(tmp_path):
    constants = {name: value for name, value in vars(cuda).items() if name.startswith("CU_") and isinstance(value, int)}
    assert len(constants) > 10
    body = "".join(f'std::printf("{name} %lld\\n", (long long){name});\n' for name in constants)
    assert {name: str(value) for name, value in constants.items()} == _compiled_output(tmp_path, body)
