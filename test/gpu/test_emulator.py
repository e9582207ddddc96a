"""The kernel emulator (PTX's shuffle rules, what it refuses), and the GPU
lit tests of test/mlrun/gpu run on it: each RUN line executed in this
process, with the kernels on the CPU, and its output checked by FileCheck
against the test's own CHECK lines."""

from __future__ import annotations

import ctypes
import io
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from gpu_testing import emulated_cuda  # noqa: F401 - a fixture
from kernel_emulator import SHUFFLE_MODES, EmulationError, EmulatedModule, cooperative_kernels, format_vprintf, shuffle_source

from mlopt.testing.features import ptxas_missing

GPU_LIT_DIRECTORY = Path(__file__).parents[1] / "mlrun" / "gpu"
FILECHECK = Path(sys.executable).with_name("filecheck")
UP, DOWN, BFLY, IDX = (SHUFFLE_MODES[mode] for mode in ("up", "down", "bfly", "idx"))
FULL_WARP_CLAMP = 31


@pytest.mark.parametrize(
    ("mode", "lane", "b", "c", "expected"),
    [
        (UP, 5, 1, 0, (4, True)),
        (UP, 0, 1, 0, (0, False)),  # below the first lane: keeps its own value
        (DOWN, 30, 1, FULL_WARP_CLAMP, (31, True)),
        (DOWN, 31, 1, FULL_WARP_CLAMP, (31, False)),
        (BFLY, 6, 16, FULL_WARP_CLAMP, (22, True)),
        (IDX, 9, 3, FULL_WARP_CLAMP, (3, True)),
        # Segments of 8 lanes (c = segment mask << 8 | clamp): lane 12 is in 8..15.
        (IDX, 12, 2, (24 << 8) | 7, (10, True)),
        (DOWN, 14, 2, (24 << 8) | 7, (14, False)),
        (BFLY, 12, 4, (24 << 8) | 7, (8, True)),
    ],
)
def test_shuffle_source_follows_ptx(mode, lane, b, c, expected):
    assert shuffle_source(mode, lane, b, c) == expected


class PrintfArguments(ctypes.Structure):
    """How the lowering packs (i64, f64, i32, i32, i64): natural alignment."""

    _fields_ = [("a", ctypes.c_int64), ("b", ctypes.c_double), ("c", ctypes.c_int32), ("d", ctypes.c_int32), ("e", ctypes.c_int64)]


def test_vprintf_reads_each_argument_at_its_alignment():
    arguments = PrintfArguments(-7, 2.5, -3, ord("x"), 1 << 40)
    text = format_vprintf(b"%lld|%6.2f|%d|%c|%llx%%", ctypes.addressof(arguments))
    assert text == "-7|  2.50|-3|x|10000000000%"


KERNEL = """
define ptx_kernel void @k(ptr %out) {
  %t = call i32 @llvm.nvvm.read.ptx.sreg.tid.x()
  BODY
  ret void
}
"""


def test_an_intrinsic_it_does_not_know_is_an_error():
    module = EmulatedModule(KERNEL.replace("BODY", "%c = call i32 @llvm.nvvm.read.ptx.sreg.clock()"))
    with pytest.raises(EmulationError, match="special register 'clock' is not emulated"):
        module._engine(False)
    module = EmulatedModule(KERNEL.replace("BODY", "%m = call i32 @llvm.nvvm.match.any.sync.i32(i32 -1, i32 %t)"))
    with pytest.raises(EmulationError, match=r"not emulated: llvm\.nvvm\.match\.any\.sync\.i32"):
        module._engine(False)


def test_a_barrier_not_every_thread_reaches_fails_the_launch(monkeypatch):
    """Thread 0 alone waits at the barrier: on a GPU a hang, here an error."""
    import kernel_emulator
    from fake_cuda import Launch

    monkeypatch.setattr(kernel_emulator, "BARRIER_TIMEOUT_S", 0.2)
    divergent = (
        "%first = icmp eq i32 %t, 0\n  br i1 %first, label %wait, label %done\n"
        "wait:\n  call void @llvm.nvvm.barrier.cta.sync.aligned.all(i32 0)\n  br label %done\ndone:"
    )
    module = EmulatedModule(KERNEL.replace("BODY", divergent))
    out = ctypes.c_int32()
    slot = ctypes.c_void_p(ctypes.addressof(out))
    params = (ctypes.c_void_p * 1)(ctypes.addressof(slot))
    launch = Launch("k", (1, 1, 1), (4, 1, 1), 0, 0, ctypes.addressof(params))
    with pytest.raises(EmulationError, match="did not all reach a barrier"):
        module.launch(launch)


def test_only_kernels_that_synchronise_run_as_threads():
    barrier = "call void @llvm.nvvm.barrier.cta.sync.aligned.all(i32 0)"
    text = KERNEL.replace("BODY", barrier) + KERNEL.replace("@k(", "@plain(").replace("BODY", "")
    assert cooperative_kernels(text) == {"k"}
    helper = "define void @helper() {\n  " + barrier + "\n  ret void\n}\n"
    assert cooperative_kernels(text + helper) == {"k", "plain"}


# --------------------------------------------------------------------------- the GPU lit tests


def _run_lines(path: Path) -> list[str]:
    lines, current = [], ""
    for line in path.read_text().splitlines():
        if "RUN:" not in line:
            continue
        current += line.split("RUN:", 1)[1].strip()
        if current.endswith("\\"):
            current = current[:-1] + " "
            continue
        lines.append(current)
        current = ""
    return lines


def _lit_cases() -> list:
    cases = []
    for path in sorted(GPU_LIT_DIRECTORY.glob("*.mlir")):
        if "REQUIRES: cuda-gpu" not in path.read_text():
            continue
        for number, line in enumerate(_run_lines(path), 1):
            cases.append(pytest.param(path, line, id=f"{path.name}:RUN{number}"))
    return cases


def _command(line: str, path: Path, chip: str) -> list[list[str]]:
    """The stages of a RUN line's pipeline, substituted; ``%if ptxas %{ X %}`` is X."""
    if line.startswith("%if ptxas %{"):
        missing = ptxas_missing()
        if missing:
            pytest.skip(missing)
        line = line.removeprefix("%if ptxas %{").removesuffix("%}").strip()
    line = line.replace("%cuda_chip", chip)
    return [[str(path) if word == "%s" else word for word in shlex.split(stage)] for stage in line.split("|")]


@pytest.mark.parametrize(("path", "line"), _lit_cases())
def test_gpu_lit_test_on_the_emulator(path, line, emulated_cuda, tmp_path, capfd):
    from mlopt.opt_main import run as mlopt
    from mlopt.run_main import run as mlrun

    major, minor = emulated_cuda.compute_capability
    *stages, check = _command(line, path, f"sm_{major}{minor}")
    assert check[0] == "FileCheck", f"a RUN line this test cannot run: {line}"
    source = None
    for tool, *arguments in stages:
        if tool == "mlopt":
            source = tmp_path / "lowered.mlir"
            assert mlopt([*arguments, "-o", str(source)]) == 0
        elif tool == "mlrun":
            stderr = io.StringIO()
            code = mlrun([*arguments, *([str(source)] if source is not None else [])], stderr=stderr)
            assert code == 0, stderr.getvalue() + capfd.readouterr().err
        else:
            pytest.fail(f"a RUN line this test cannot run ({tool}): {line}")
    output = capfd.readouterr().out
    checked = subprocess.run([str(FILECHECK), *check[1:]], input=output, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert emulated_cuda.launches, "no kernel ran"
