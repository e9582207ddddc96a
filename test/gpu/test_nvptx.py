"""NVPTX code generation: the chip table against LLVM, target checks, LLVM
failures caught instead of aborting, math without libdevice, the CUDA
toolkit search, and the binary formats ptxas and fatbinary make."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from mlopt.codegen import nvptx
from mlopt.testing.features import ptxas_missing

KERNEL_TEMPLATE = """
gpu.module @kernels {{
  {declarations}
  llvm.func @k(%x: f32, %d: f64, %i: i32, %out: !llvm.ptr) attributes {{gpu.kernel, nvvm.kernel}} {{
    {body}
    llvm.return
  }}
}}
"""


def _gpu_module(source: str):
    from mlopt.asm import parse_source
    from mlopt.diagnostics import SourceManager
    from mlopt.plugins import load_plugins
    from mlopt.registry import Registry

    registry = Registry(load_plugins())
    module = parse_source(registry.make_context(), SourceManager().add("kernels.mlir", source))
    return next(op for op in module.regions[0].block.ops if op.name == "gpu.module")


def _ptx_version(chip: str) -> int:
    from mlopt.codegen.llvm import TargetOptions, binding, create_target_machine, parse_ir, prepare_for_target

    binding()
    machine = create_target_machine(TargetOptions(nvptx.TRIPLE, chip, "", 2))
    module = parse_ir(f'target triple = "{nvptx.TRIPLE}"\n')
    prepare_for_target(module, machine)
    major, minor = re.search(r"\.version (\d+)\.(\d+)", machine.emit_assembly(module)).groups()
    return int(major) * 10 + int(minor)


def test_chip_table_is_llvms():
    """Every chip's minimum PTX version is what LLVM picks for it."""
    assert {chip: _ptx_version(chip) for chip in nvptx.MIN_PTX_OF_CHIP} == nvptx.MIN_PTX_OF_CHIP


@pytest.mark.parametrize(
    ("chip", "features", "problem"),
    [
        ("sm_90", "+ptx80", None),
        ("sm_90", "", None),
        ("sm_90a", "+ptx80", None),
        ("sm_90", "+ptx60", "PTX ISA 6.0 (+ptx60) does not support 'sm_90'; it needs at least 7.8"),
        ("sm_50x", "", "unsupported NVIDIA chip 'sm_50x'"),
        ("sm_80", "+ptx99", "unsupported NVPTX feature(s) '+ptx99'"),
        ("sm_80", "+sm_80", "unsupported NVPTX feature(s) '+sm_80'"),
    ],
)
def test_target_problems(chip, features, problem):
    found = nvptx.target_problem(chip, features)
    assert (found is None) if problem is None else (problem in found)


def test_default_chip_works_with_current_cuda():
    assert nvptx.NVPTXTarget().problem() is None
    assert nvptx.MIN_PTX_OF_CHIP[nvptx.DEFAULT_CHIP] <= 90


def test_llvm_failures_are_errors_not_aborts():
    """sin on f32 has no NVPTX instruction without fast-math: LLVM's fatal
    error ends the child process, not this one."""
    module = _gpu_module(
        KERNEL_TEMPLATE.format(
            declarations="",
            body="%s = llvm.intr.sin(%x) : (f32) -> f32\n    llvm.store %s, %out : f32, !llvm.ptr",
        )
    )
    with pytest.raises(nvptx.NVPTXError, match="LLVM's NVPTX backend failed compiling gpu.module for sm_90"):
        nvptx.compile_to_ptx(module, nvptx.NVPTXTarget(chip="sm_90"))


def test_every_fallback_compiles_without_libdevice(tmp_path):
    """Each libdevice replacement is code the NVPTX backend (and ptxas) accepts."""
    declarations, body = [], []
    for index, (name, fallback) in enumerate(sorted(nvptx.FALLBACKS.items())):
        result, _, params = fallback.signature.partition(" ")
        types = [p.split()[0] for p in params.strip("()").split(",")]
        mlir = {"float": "f32", "double": "f64", "i32": "i32"}
        arguments = {"float": "%x", "double": "%d", "i32": "%i"}
        declarations.append(f"llvm.func @{name}({', '.join(mlir[t] for t in types)}) -> {mlir[result]}")
        call = f"llvm.call @{name}({', '.join(arguments[t] for t in types)}) : ({', '.join(mlir[t] for t in types)}) -> {mlir[result]}"
        body.append(f"%r{index} = {call}\n    %p{index} = llvm.getelementptr %out[{index}] : (!llvm.ptr) -> !llvm.ptr, i64")
        body.append(f"llvm.store %r{index}, %p{index} : {mlir[result]}, !llvm.ptr")
    module = _gpu_module(KERNEL_TEMPLATE.format(declarations="\n  ".join(declarations), body="\n    ".join(body)))
    compiled = nvptx.compile_to_ptx(module, nvptx.NVPTXTarget(chip="sm_75"), toolkit=str(tmp_path))
    assert compiled.libdevice is None
    assert "__nv_" not in compiled.ptx.replace("// ", "")
    assert set(compiled.approximated) == {n for n, f in nvptx.FALLBACKS.items() if not f.exact}
    if ptxas_missing() is None:
        path = tmp_path / "fallbacks.ptx"
        path.write_text(compiled.ptx)
        subprocess.run(["ptxas", "--gpu-name", "sm_90", str(path), "-o", str(tmp_path / "fallbacks.cubin")], check=True)


def test_libdevice_is_found_in_a_toolkit_and_in_pip_packages(tmp_path, monkeypatch):
    toolkit = tmp_path / "cuda"
    (toolkit / "nvvm" / "libdevice").mkdir(parents=True)
    (toolkit / "nvvm" / "libdevice" / "libdevice.10.bc").write_bytes(b"BC")
    monkeypatch.setenv("CUDA_HOME", str(toolkit))
    assert nvptx.find_libdevice() == toolkit / "nvvm" / "libdevice" / "libdevice.10.bc"
    assert nvptx.find_libdevice(str(tmp_path / "elsewhere")) is None
    site = tmp_path / "site-packages"
    wheel = site / "nvidia" / "cu13" / "nvvm" / "libdevice"
    wheel.mkdir(parents=True)
    monkeypatch.syspath_prepend(str(site))
    assert site / "nvidia" / "cu13" in nvptx._toolkit_roots(None)


@pytest.mark.skipif(ptxas_missing() is not None, reason=str(ptxas_missing()))
@pytest.mark.parametrize(("object_format", "magic"), [("bin", b"\x7fELF"), ("fatbin", b"\x50\xed\x55\xba")])
def test_binary_formats(object_format, magic):
    if object_format == "fatbin" and nvptx.find_cuda_tool("fatbinary") is None:
        pytest.skip("fatbinary not found (it comes with a CUDA toolkit)")
    module = _gpu_module(KERNEL_TEMPLATE.format(declarations="", body="llvm.store %x, %out : f32, !llvm.ptr"))
    target = nvptx.NVPTXTarget(chip="sm_90")
    ptx = nvptx.compile_to_ptx(module, target).ptx
    assemble = nvptx.assemble_cubin if object_format == "bin" else nvptx.assemble_fatbin
    assert assemble(ptx, target).startswith(magic)


def test_ptxas_errors_are_reported(tmp_path):
    if shutil.which("ptxas") is None:
        pytest.skip(str(ptxas_missing()))
    with pytest.raises(nvptx.NVPTXError, match="ptxas failed: .*"):
        nvptx.assemble_cubin(".version 8.0\n.target sm_90\n.address_size 64\nbogus;\n", nvptx.NVPTXTarget(chip="sm_90"))
