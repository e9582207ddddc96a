"""A fatal signal in JIT-compiled code: mlrun says which signal hit which
function, keeps what the program printed, and dies of that signal as
mlir-runner's crash handler does (the same exit status)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mlopt.codegen import crash_guard
from mlopt.testing.features import llvm_tool, llvm_tool_missing

PROGRAMS = Path(__file__).parent / "Inputs" / "crash.mlir"

CASES = [
    # entry point, result kind, -O level, signal, function named in the message
    ("null_store", "void", "-O0", signal.SIGSEGV, "store_to"),
    ("divide_by_zero", "i32", "-O0", signal.SIGFPE, "divide"),
    ("trap", "void", "-O2", signal.SIGILL, "trap"),
    ("recurse_forever", "void", "-O0", signal.SIGSEGV, "recurse"),
]


def mlrun(entry: str, result: str, level: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mlopt.run_main", str(PROGRAMS), "-e", entry, f"--entry-point-result={result}", level],
        capture_output=True, text=True,
    )


@pytest.mark.skipif(not crash_guard.supported(), reason="crashes are only reported on Linux x86-64 and AArch64")
@pytest.mark.parametrize(("entry", "result", "level", "fatal", "function"), CASES, ids=[c[0] for c in CASES])
def test_crash_is_reported_then_fatal(entry, result, level, fatal, function):
    run = mlrun(entry, result, level)
    assert run.returncode == -fatal, run.stderr
    name = signal.Signals(fatal).name
    assert run.stderr == f"mlrun: error: the program crashed: {name} ({signal.strsignal(fatal)}) in function '{function}'\n"


def test_output_before_the_crash_is_kept():
    run = mlrun("null_store", "void", "-O0")
    assert run.stdout == "42\n"


@pytest.mark.parametrize(("entry", "result", "level", "fatal"), [c[:4] for c in CASES], ids=[c[0] for c in CASES])
def test_same_signal_as_mlir_runner(entry, result, level, fatal):
    if reason := llvm_tool_missing("mlir-runner"):
        pytest.skip(reason)
    runner_utils = sorted(Path(llvm_tool("mlir-runner")).parent.parent.glob("lib/libmlir_c_runner_utils.so*"))
    if not runner_utils:
        pytest.skip("mlir-runner's libmlir_c_runner_utils is not installed")
    upstream = subprocess.run(
        [llvm_tool("mlir-runner"), str(PROGRAMS), "-e", entry, f"--entry-point-result={result}", level,
         f"--shared-libs={runner_utils[0]}"],
        capture_output=True, text=True,
    )
    assert upstream.returncode == mlrun(entry, result, level).returncode == -fatal
