"""Start-up stays lazy: nothing heavy is imported until it is used."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from mlopt.opt_main import run
import io
run({args!r}, stdin=io.StringIO({stdin!r}), stdout=io.StringIO(), stderr=io.StringIO())
print("\\n".join(sorted(sys.modules)))
"""


def imported_modules(args: list[str], stdin: str = "") -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args, stdin=stdin)], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_help_imports_no_xdsl_dialect_or_pass():
    modules = imported_modules(["--help"])
    assert not any(m.startswith(("xdsl", "mlopt.passes", "mlopt.dialects", "llvmlite", "numpy")) for m in modules)


def test_tiny_file_imports_only_the_dialects_it_uses():
    modules = imported_modules([], "func.func @f() { return }")
    assert "xdsl.dialects.func" in modules
    for unused in ("xdsl.dialects.arith", "xdsl.dialects.riscv", "xdsl.dialects.csl", "xdsl.transforms.canonicalize"):
        assert unused not in modules
    assert not any(m.startswith(("mlopt.passes", "llvmlite", "numpy")) for m in modules)


def test_a_pass_flag_imports_only_that_pass():
    modules = imported_modules(["--cse"], "func.func @f() { return }")
    assert "mlopt.passes.transforms.cse" in modules
    assert "mlopt.passes.transforms.canonicalize" not in modules
