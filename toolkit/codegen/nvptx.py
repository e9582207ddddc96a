"""NVIDIA GPU code generation: a ``gpu.module`` in the llvm and nvvm dialects
→ LLVM IR → PTX (llvmlite's NVPTX backend) → cubin or fatbin (ptxas and
fatbinary from a CUDA toolkit, or the CUDA driver's linker).

What upstream leaves to chance is checked here first, so that LLVM never
aborts the process:

- the chip and the PTX version (``+ptxNN``) are validated against what
  LLVM 22 knows, and a PTX version too old for the chip is an error, not
  LLVM's fatal error;
- libdevice (the ``__nv_*`` math functions) is linked when a CUDA toolkit or
  NVIDIA's pip packages provide it; without it the functions that have an
  exact or approximate NVVM equivalent get one, and any other is an error
  that names it;
- the NVPTX backend itself runs in a forked child, so an internal LLVM error
  ("Cannot select", "no libcall available") is reported, never fatal.
"""

from __future__ import annotations

import functools
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mlopt.codegen.translate import FunctionTranslator, ModuleTranslator, llvm_type

if TYPE_CHECKING:
    from xdsl.ir import Operation

TRIPLE = "nvptx64-nvidia-cuda"
DEFAULT_CHIP = "sm_75"
"""The oldest architecture CUDA 13 still compiles for; its PTX runs (JIT-compiled
by the driver) on every newer GPU. Upstream defaults to sm_50, which ptxas 13 rejects."""

MIN_PTX_OF_CHIP: dict[str, int] = {
    "sm_20": 32, "sm_21": 32, "sm_30": 32, "sm_32": 40, "sm_35": 32, "sm_37": 41,
    "sm_50": 40, "sm_52": 41, "sm_53": 42, "sm_60": 50, "sm_61": 50, "sm_62": 50,
    "sm_70": 60, "sm_72": 61, "sm_75": 63, "sm_80": 70, "sm_86": 71, "sm_87": 74,
    "sm_88": 90, "sm_89": 78, "sm_90": 78, "sm_90a": 80,
    "sm_100": 86, "sm_100a": 86, "sm_100f": 88, "sm_101": 86, "sm_101a": 86, "sm_101f": 88,
    "sm_103": 88, "sm_103a": 88, "sm_103f": 88, "sm_110": 90, "sm_110a": 90, "sm_110f": 90,
    "sm_120": 87, "sm_120a": 87, "sm_120f": 88, "sm_121": 88, "sm_121a": 88, "sm_121f": 88,
}  # fmt: skip
"""Every chip LLVM 22's NVPTX backend knows, with the PTX ISA version it needs
(what LLVM picks when no ``+ptxNN`` is given)."""

PTX_VERSIONS = (
    32, 40, 41, 42, 43, 50, 60, 61, 62, 63, 64, 65, 70, 71, 72, 73, 74, 75, 76, 77, 78,
    80, 81, 82, 83, 84, 85, 86, 87, 88, 90,
)  # fmt: skip
"""The ``+ptxNN`` features LLVM 22 knows."""

KERNEL_ATTR = "nvvm.kernel"
KERNEL_FUNCTION_ATTRIBUTES = ("nvvm.maxntid", "nvvm.reqntid", "nvvm.cluster_dim", "nvvm.minctasm", "nvvm.maxnreg", "nvvm.cluster_max_blocks")
"""Kernel attributes that become LLVM function attributes (``"nvvm.maxntid"="128,1,1"``)."""


class NVPTXError(Exception):
    """Something the user can fix: a bad chip or feature, a missing tool or
    library, code the NVPTX backend cannot compile. The message says what."""


# --------------------------------------------------------------------------- targets


def ptx_feature(version: int) -> str:
    return f"+ptx{version}"


def ptx_version_text(version: int) -> str:
    return f"{version // 10}.{version % 10}"


def parse_features(features: str) -> tuple[int | None, list[str]]:
    """The PTX version a feature string asks for, and any features LLVM does not know."""
    version = None
    unknown = []
    for feature in (f.strip() for f in features.split(",")):
        if not feature:
            continue
        match = re.fullmatch(r"\+ptx(\d+)", feature)
        if match and int(match.group(1)) in PTX_VERSIONS:
            version = int(match.group(1))
        else:
            unknown.append(feature)
    return version, unknown


def target_problem(chip: str, features: str) -> str | None:
    """Why LLVM cannot generate code for ``chip`` with ``features``, or None."""
    if chip not in MIN_PTX_OF_CHIP:
        known = ", ".join(sorted(MIN_PTX_OF_CHIP, key=_chip_order))
        return f"unsupported NVIDIA chip '{chip}' (LLVM 22 knows: {known})"
    version, unknown = parse_features(features)
    if unknown:
        return (
            f"unsupported NVPTX feature(s) {', '.join(repr(f) for f in unknown)} in '{features}' "
            f"(expected a PTX ISA version, +ptx{PTX_VERSIONS[0]} to +ptx{PTX_VERSIONS[-1]})"
        )
    needed = MIN_PTX_OF_CHIP[chip]
    if version is not None and version < needed:
        return (
            f"PTX ISA {ptx_version_text(version)} ({ptx_feature(version)}) does not support '{chip}'; it needs "
            f"at least {ptx_version_text(needed)}: use features={ptx_feature(needed)} or leave the PTX version out"
        )
    return None


def _chip_order(chip: str) -> tuple[int, str]:
    number = re.match(r"sm_(\d+)", chip)
    return (int(number.group(1)) if number else 0, chip)


@dataclass(frozen=True)
class NVPTXTarget:
    """What one gpu.module is compiled for (a ``#nvvm.target``, resolved)."""

    chip: str = DEFAULT_CHIP
    features: str = ""
    opt_level: int = 2
    triple: str = TRIPLE
    ftz: bool = False
    fast: bool = False
    link: tuple[str, ...] = ()
    ptxas_options: tuple[str, ...] = ()

    @staticmethod
    def from_attr(attr) -> NVPTXTarget:
        """From an ``#nvvm.target`` attribute (mlopt.dialects.nvvm.NVVMTargetAttr)."""
        options = attr.flags.data.get("ptxas-cmd-options")
        return NVPTXTarget(
            chip=attr.chip.data,
            features=attr.features.data,
            opt_level=attr.O.data,
            triple=attr.triple.data,
            ftz=attr.flag("ftz"),
            fast=attr.flag("fast"),
            link=tuple(attr.link_paths),
            ptxas_options=tuple(o.data for o in options.data) if options is not None else (),
        )

    def problem(self) -> str | None:
        if self.triple != TRIPLE:
            return f"unsupported NVPTX triple '{self.triple}' (mlopt generates code for {TRIPLE})"
        return target_problem(self.chip, self.features)

    def check(self) -> None:
        problem = self.problem()
        if problem is not None:
            raise NVPTXError(problem)

    @property
    def ptx_version(self) -> int:
        version, _ = parse_features(self.features)
        return version if version is not None else MIN_PTX_OF_CHIP[self.chip]

    @property
    def sm_number(self) -> str:
        """``90a`` for sm_90a: the form ptxas and fatbinary take."""
        return self.chip.removeprefix("sm_")


# --------------------------------------------------------------------------- CUDA toolkit


def _toolkit_roots(toolkit: str | None) -> list[Path]:
    """Where a CUDA toolkit may be: the ``toolkit`` option alone when given;
    else $CUDA_HOME/$CUDA_PATH, the directory of ptxas or nvcc on PATH, the
    standard install locations, and NVIDIA's pip packages, in that order."""
    if toolkit:
        return [Path(toolkit)]
    roots: list[Path] = []
    for variable in ("CUDA_HOME", "CUDA_PATH", "CUDA_ROOT"):
        if os.environ.get(variable):
            roots.append(Path(os.environ[variable]))
    for tool in ("ptxas", "nvcc"):
        found = shutil.which(tool)
        if found:
            roots.append(Path(found).resolve().parent.parent)
    roots += [Path(p) for p in sorted(glob.glob("/usr/local/cuda*"), reverse=True)]
    roots += [Path("/opt/cuda"), Path("/usr/lib/cuda"), Path("/usr/lib/nvidia-cuda-toolkit")]
    for entry in sys.path:
        roots += [Path(p) for p in sorted(glob.glob(os.path.join(entry or ".", "nvidia", "*")))]
    return roots


def find_libdevice(toolkit: str | None = None) -> Path | None:
    """libdevice.10.bc from a CUDA toolkit or NVIDIA's pip packages
    (nvidia-cuda-nvcc-cu12 / -cu13), or None."""
    for root in _toolkit_roots(toolkit):
        candidate = root / "nvvm" / "libdevice" / "libdevice.10.bc"
        if candidate.is_file():
            return candidate
    return None


def find_cuda_tool(name: str, toolkit: str | None = None) -> str | None:
    """A CUDA tool (ptxas, fatbinary): in ``toolkit``, on PATH, or in a known location."""
    found = None if toolkit else shutil.which(name)
    if found:
        return found
    for root in _toolkit_roots(toolkit):
        candidate = root / "bin" / name
        if os.access(candidate, os.X_OK):
            return str(candidate)
    return None


@functools.cache
def _read_bytes(path: Path) -> bytes:
    return path.read_bytes()


# --------------------------------------------------------------------------- nvvm → LLVM IR

_SHUFFLE_TYPES = {"i32": "i32", "float": "f32"}


class NVVMFunctionTranslator(FunctionTranslator):
    """Translates nvvm ops to their NVVM intrinsics and kernels to the
    ``ptx_kernel`` calling convention, as upstream's NVVM translation does."""

    def _op(self, op: Operation) -> None:
        if not op.name.startswith("nvvm."):
            super()._op(op)
            return
        from mlopt.dialects.nvvm import SPECIAL_REGISTER_OPS

        if op.name in SPECIAL_REGISTER_OPS:
            self._special_register(op, SPECIAL_REGISTER_OPS[op.name].REGISTER.intrinsic)
        elif op.name == "nvvm.barrier0":
            self.emit("call void @llvm.nvvm.barrier.cta.sync.aligned.all(i32 0)")
        elif op.name == "nvvm.shfl.sync":
            self._shuffle(op)
        elif op.name == "nvvm.vote.sync":
            self._call(op, f"llvm.nvvm.vote.{op.properties['kind'].data.value}.sync")
        elif op.name == "nvvm.redux.sync":
            self._redux(op)
        else:
            super()._op(op)

    def _call(self, op: Operation, intrinsic: str, attributes: str = "") -> None:
        args = ", ".join(self.typed(v) for v in op.operands)
        result = llvm_type(op.results[0].type, op)
        self.define(op, f"call {attributes}{result} @{intrinsic}({args})")

    def _special_register(self, op: Operation, intrinsic: str) -> None:
        range_ = op.properties.get("range")
        attributes = ""
        if range_ is not None:
            attributes = f"range({llvm_type(range_.type, op)} {range_.lower.data}, {range_.upper.data}) "
        self._call(op, intrinsic, attributes)

    def _shuffle(self, op: Operation) -> None:
        from mlopt.diagnostics import DiagnosticError

        value_type = llvm_type(op.operands[1].type, op)
        suffix = _SHUFFLE_TYPES.get(value_type)
        if suffix is None:
            raise DiagnosticError.at(op, f"'nvvm.shfl.sync' op on {value_type}: NVVM shuffles only i32 and f32")
        predicate = "p" if op.properties.get("return_value_and_is_valid") is not None else ""
        self._call(op, f"llvm.nvvm.shfl.sync.{op.properties['kind'].data.value}.{suffix}{predicate}")

    def _redux(self, op: Operation) -> None:
        kind = op.properties["kind"].data.value
        name = f"llvm.nvvm.redux.sync.{kind}"
        if kind in ("fmin", "fmax"):
            if op.properties["abs"].value.data:
                name += ".abs"
            if op.properties["nan"].value.data:
                name += ".NaN"
        self._call(op, name)

    def _cconv(self, op: Operation) -> str:
        if op.name == "llvm.func" and KERNEL_ATTR in op.attributes:
            return "ptx_kernel "
        return super()._cconv(op)

    def _function_attributes(self) -> str:
        text = super()._function_attributes()
        for name in KERNEL_FUNCTION_ATTRIBUTES:
            value = self.func.attributes.get(name)
            if value is None:
                continue
            values = [str(v) for v in value.get_values()] if hasattr(value, "get_values") else [str(value.value.data)]
            text += f' "{name}"="{",".join(values)}"'
        return text


class NVVMModuleTranslator(ModuleTranslator):
    def function_translator(self, func: Operation) -> FunctionTranslator:
        return NVVMFunctionTranslator(func)


LOWERING_HINT_OF_DIALECT = {"scf": "convert-scf-to-cf", "affine": "lower-affine", "vector": "convert-vector-to-llvm"}


def check_gpu_module_lowered(gpu_module: Operation) -> None:
    """Every op of the module must be in the llvm or nvvm dialect."""
    from mlopt.diagnostics import DiagnosticError

    for op in gpu_module.walk():
        if op is gpu_module or op.name.startswith(("llvm.", "nvvm.")):
            continue
        dialect = op.name.partition(".")[0]
        hint = LOWERING_HINT_OF_DIALECT.get(dialect, "convert-gpu-to-nvvm")
        raise DiagnosticError.at(
            op,
            f"'{op.name}' op was not lowered to the llvm and nvvm dialects; run gpu.module({hint}) "
            "(or the gpu-lower-to-nvvm-pipeline) before gpu-module-to-binary",
        )


def gpu_module_to_llvm_ir(gpu_module: Operation, target: NVPTXTarget) -> str:
    """LLVM IR text of a gpu.module, without a data layout (the target machine sets it)."""
    check_gpu_module_lowered(gpu_module)
    text = NVVMModuleTranslator(gpu_module).translate()
    flags = [f'!{{i32 4, !"nvvm-reflect-ftz", i32 {int(target.ftz)}}}']
    metadata = "".join(f"!{i} = {flag}\n" for i, flag in enumerate(flags))
    return text + "!llvm.module.flags = !{" + ", ".join(f"!{i}" for i in range(len(flags))) + "}\n" + metadata


# --------------------------------------------------------------------------- math without libdevice


@dataclass(frozen=True)
class Fallback:
    """An implementation of a libdevice function in LLVM IR the NVPTX backend compiles."""

    signature: str
    body: str
    exact: bool


_LOG2E = "0x3FF7154760000000"  # log2(e) as float, written as LLVM's double literal
_LN2 = "0x3FE62E4300000000"
_LOG10_2 = "0x3FD3441360000000"


def _unary(type_: str, body: str, exact: bool = True) -> Fallback:
    return Fallback(f"{type_} ({type_} %x)", body, exact)


def _intrinsic_call(name: str, type_: str, arity: int = 1) -> Fallback:
    args = ", ".join(f"{type_} %{v}" for v in "xyz"[:arity])
    params = ", ".join(f"{type_} %{v}" for v in "xyz"[:arity])
    return Fallback(f"{type_} ({params})", f"%r = call {type_} @{name}({args})\n  ret {type_} %r", True)


def _approx(body: str) -> Fallback:
    return _unary("float", body, exact=False)


_EXP2_OF = lambda scale: f"%s = fmul float %x, {scale}\n  %r = call float @llvm.exp2.f32(float %s)\n  ret float %r"  # noqa: E731
_LOG2_TIMES = lambda scale: f"%l = call float @llvm.nvvm.lg2.approx.f(float %x)\n  %r = fmul float %l, {scale}\n  ret float %r"  # noqa: E731
_TANH = (
    f"%a = fmul float %x, {_LOG2E}\n  %b = fmul float %a, 2.0\n  %e = call float @llvm.exp2.f32(float %b)\n"
    "  %d = fadd float %e, 1.0\n  %q = fdiv float 2.0, %d\n  %r = fsub float 1.0, %q\n  ret float %r"
)


def _classify(type_: str, test: str) -> Fallback:
    """isnan/isinf/finite, returning i32 as libdevice does."""
    tests = {
        "nan": f"%c = fcmp uno {type_} %x, %x",
        "inf": f"%a = call {type_} @llvm.fabs.{_suffix(type_)}({type_} %x)\n  %c = fcmp oeq {type_} %a, 0x7FF0000000000000",
        "finite": f"%a = call {type_} @llvm.fabs.{_suffix(type_)}({type_} %x)\n  %c = fcmp olt {type_} %a, 0x7FF0000000000000",
    }
    return Fallback(f"i32 ({type_} %x)", tests[test] + "\n  %r = zext i1 %c to i32\n  ret i32 %r", True)


def _suffix(type_: str) -> str:
    return {"float": "f32", "double": "f64"}[type_]


def _both(f32_name: str, f64_name: str, make: Callable[[str], Fallback]) -> dict[str, Fallback]:
    return {f32_name: make("float"), f64_name: make("double")}


FALLBACKS: dict[str, Fallback] = {
    **_both("__nv_sqrtf", "__nv_sqrt", lambda t: _intrinsic_call(f"llvm.sqrt.{_suffix(t)}", t)),
    **_both("__nv_fabsf", "__nv_fabs", lambda t: _intrinsic_call(f"llvm.fabs.{_suffix(t)}", t)),
    **_both("__nv_floorf", "__nv_floor", lambda t: _intrinsic_call(f"llvm.floor.{_suffix(t)}", t)),
    **_both("__nv_ceilf", "__nv_ceil", lambda t: _intrinsic_call(f"llvm.ceil.{_suffix(t)}", t)),
    **_both("__nv_roundf", "__nv_round", lambda t: _intrinsic_call(f"llvm.round.{_suffix(t)}", t)),
    **_both("__nv_rintf", "__nv_rint", lambda t: _intrinsic_call(f"llvm.rint.{_suffix(t)}", t)),
    **_both("__nv_fmaf", "__nv_fma", lambda t: _intrinsic_call(f"llvm.fma.{_suffix(t)}", t, 3)),
    **_both("__nv_copysignf", "__nv_copysign", lambda t: _intrinsic_call(f"llvm.copysign.{_suffix(t)}", t, 2)),
    **_both("__nv_fminf", "__nv_fmin", lambda t: _intrinsic_call(f"llvm.minnum.{_suffix(t)}", t, 2)),
    **_both("__nv_fmaxf", "__nv_fmax", lambda t: _intrinsic_call(f"llvm.maxnum.{_suffix(t)}", t, 2)),
    **_both("__nv_fmodf", "__nv_fmod", lambda t: Fallback(f"{t} ({t} %x, {t} %y)", f"%r = frem {t} %x, %y\n  ret {t} %r", True)),
    **_both("__nv_rsqrtf", "__nv_rsqrt", lambda t: _unary(t, f"%s = call {t} @llvm.sqrt.{_suffix(t)}({t} %x)\n  %r = fdiv {t} 1.0, %s\n  ret {t} %r")),
    **_both("__nv_isnanf", "__nv_isnand", lambda t: _classify(t, "nan")),
    **_both("__nv_isinff", "__nv_isinfd", lambda t: _classify(t, "inf")),
    **_both("__nv_finitef", "__nv_isfinited", lambda t: _classify(t, "finite")),
    "__nv_abs": Fallback("i32 (i32 %x)", "%r = call i32 @llvm.abs.i32(i32 %x, i1 false)\n  ret i32 %r", True),
    "__nv_exp2f": _approx("%r = call float @llvm.exp2.f32(float %x)\n  ret float %r"),
    "__nv_expf": _approx(_EXP2_OF(_LOG2E)),
    "__nv_fast_expf": _approx(_EXP2_OF(_LOG2E)),
    "__nv_log2f": _approx("%r = call float @llvm.nvvm.lg2.approx.f(float %x)\n  ret float %r"),
    "__nv_fast_log2f": _approx("%r = call float @llvm.nvvm.lg2.approx.f(float %x)\n  ret float %r"),
    "__nv_logf": _approx(_LOG2_TIMES(_LN2)),
    "__nv_fast_logf": _approx(_LOG2_TIMES(_LN2)),
    "__nv_log10f": _approx(_LOG2_TIMES(_LOG10_2)),
    "__nv_fast_log10f": _approx(_LOG2_TIMES(_LOG10_2)),
    "__nv_sinf": _approx("%r = call float @llvm.nvvm.sin.approx.f(float %x)\n  ret float %r"),
    "__nv_fast_sinf": _approx("%r = call float @llvm.nvvm.sin.approx.f(float %x)\n  ret float %r"),
    "__nv_cosf": _approx("%r = call float @llvm.nvvm.cos.approx.f(float %x)\n  ret float %r"),
    "__nv_fast_cosf": _approx("%r = call float @llvm.nvvm.cos.approx.f(float %x)\n  ret float %r"),
    "__nv_tanhf": _approx(_TANH),
}
"""libdevice functions with an NVVM implementation, for when libdevice is not
installed. ``exact`` ones are correctly rounded like libdevice's; the others
use the GPU's approximate instructions (about 2 ulp, like ``-use_fast_math``)."""


def fallback_definitions(names: Iterable[str], where: Operation) -> str:
    """LLVM IR definitions of the libdevice functions ``names``, or an error
    naming the first one that needs libdevice itself."""
    from mlopt.diagnostics import DiagnosticError

    definitions = []
    for name in sorted(names):
        fallback = FALLBACKS.get(name)
        if fallback is None:
            raise DiagnosticError.at(
                _first_call(where, name).location,
                f"'{name}' (a math op inside a kernel) needs libdevice, which was not found: install a CUDA "
                "toolkit (set CUDA_HOME) or NVIDIA's pip package nvidia-cuda-nvcc-cu12, or pass "
                "toolkit=<path> to gpu-module-to-binary",
            )
        result, _, params = fallback.signature.partition(" ")
        definitions.append(f"define internal {result} @{name}{params} alwaysinline {{\n  {fallback.body}\n}}\n")
    return "\n".join(definitions)


def _first_call(module: Operation, callee: str) -> Operation:
    """The first call to ``callee`` in ``module`` (located at the op it came from), or the module."""
    for op in module.walk():
        target = op.properties.get("callee") if op.name == "llvm.call" else None
        if target is not None and target.root_reference.data == callee:
            return op
    return module


# --------------------------------------------------------------------------- LLVM IR → PTX


@dataclass
class CompiledModule:
    """The PTX of one gpu.module and how it was made."""

    ptx: str
    libdevice: Path | None
    approximated: list[str] = field(default_factory=list)
    """libdevice functions replaced by approximate NVVM instructions."""


DEVICE_RUNTIME_FUNCTIONS = frozenset({"vprintf", "malloc", "free", "__assertfail"})
"""Functions the CUDA driver provides to every kernel (gpu.printf calls vprintf)."""


def _declared_functions(llvm_ir: str) -> set[str]:
    return set(re.findall(r"^declare [^@]*@([\w.$]+)\(", llvm_ir, re.MULTILINE))


@dataclass(frozen=True)
class PreparedModule:
    """A gpu.module's LLVM IR with what it must be linked with."""

    llvm_ir: str
    libraries: tuple[bytes, ...]
    kernels: frozenset[str]
    libdevice: Path | None
    approximated: tuple[str, ...]


def prepare(gpu_module: Operation, target: NVPTXTarget, *, toolkit: str | None = None) -> PreparedModule:
    """LLVM IR of a lowered gpu.module (llvm + nvvm dialects), with libdevice
    (or replacements for its functions) and the target's link files."""
    target.check()
    llvm_ir = gpu_module_to_llvm_ir(gpu_module, target)
    needed = {name for name in _declared_functions(llvm_ir) if name.startswith("__nv_")}
    libdevice = find_libdevice(toolkit) if needed else None
    approximated: tuple[str, ...] = ()
    if needed and libdevice is None:
        llvm_ir = _without_declarations(llvm_ir, needed) + fallback_definitions(needed, gpu_module)
        approximated = tuple(sorted(n for n in needed if not FALLBACKS[n].exact))
    external = sorted(
        n for n in _declared_functions(llvm_ir) if not n.startswith(("llvm.", "__nv_")) and n not in DEVICE_RUNTIME_FUNCTIONS
    )
    if external and not target.link:
        from mlopt.diagnostics import DiagnosticError

        raise DiagnosticError.at(
            gpu_module.location,
            f"the gpu.module calls '{external[0]}', which it does not define; a kernel can only call "
            "functions of its own module, libdevice's, the CUDA device runtime's (vprintf, malloc, free) "
            "or those of files given with link=[...]",
        )
    libraries = []
    for path in target.link:
        try:
            libraries.append(_read_bytes(Path(path)))
        except OSError as err:
            raise NVPTXError(f"cannot read the bitcode file '{path}' to link: {err.strerror}") from None
    if libdevice is not None:
        libraries.append(_read_bytes(libdevice))
    kernels = frozenset(
        op.properties["sym_name"].data for op in gpu_module.regions[0].block.ops if op.name == "llvm.func" and KERNEL_ATTR in op.attributes
    )
    return PreparedModule(llvm_ir, tuple(libraries), kernels, libdevice, approximated)


def compile_to_ptx(gpu_module: Operation, target: NVPTXTarget, *, toolkit: str | None = None) -> CompiledModule:
    """PTX for a lowered gpu.module (llvm + nvvm dialects)."""
    prepared = prepare(gpu_module, target, toolkit=toolkit)
    ptx = run_guarded(lambda: _emit_ptx(prepared, target), what=f"compiling gpu.module for {target.chip}")
    return CompiledModule(ptx, prepared.libdevice, list(prepared.approximated))


def compile_to_bitcode(gpu_module: Operation, target: NVPTXTarget, *, toolkit: str | None = None) -> bytes:
    """The linked, optimised LLVM bitcode of a gpu.module (format=llvm)."""
    prepared = prepare(gpu_module, target, toolkit=toolkit)
    module, _ = _linked_module(prepared, target)
    return module.as_bitcode()


def _without_declarations(llvm_ir: str, names: Iterable[str]) -> str:
    for name in names:
        llvm_ir = re.sub(rf"^declare [^@]*@{re.escape(name)}\(.*\n", "", llvm_ir, flags=re.MULTILINE)
    return llvm_ir


def _linked_module(prepared: PreparedModule, target: NVPTXTarget):
    """The module parsed, linked, internalised (only kernels are entry
    points) and optimised, and its target machine."""
    from mlopt.codegen.llvm import TargetOptions, binding, create_target_machine, optimize, parse_ir, prepare_for_target

    llvm = binding()
    machine = create_target_machine(TargetOptions(target.triple, target.chip, ptx_feature(target.ptx_version), target.opt_level))
    module = parse_ir(prepared.llvm_ir, name=TRIPLE)
    prepare_for_target(module, machine)
    for data in prepared.libraries:
        library = llvm.parse_bitcode(data)
        prepare_for_target(library, machine)
        module.link_in(library)
    for function in module.functions:
        if not function.is_declaration and function.name not in prepared.kernels:
            function.linkage = "internal"
    # A linked library is only trimmed to what is used by an optimising pipeline.
    optimize(module, machine, max(target.opt_level, 1) if prepared.libraries else target.opt_level)
    return module, machine


def _emit_ptx(prepared: PreparedModule, target: NVPTXTarget) -> str:
    module, machine = _linked_module(prepared, target)
    return machine.emit_assembly(module)


# --------------------------------------------------------------------------- guarding LLVM


def run_guarded(work: Callable[[], str], *, what: str) -> str:
    """``work()`` in a forked child, so that an LLVM fatal error (which
    aborts the process) becomes an NVPTXError with LLVM's message."""
    if not hasattr(os, "fork"):
        return work()
    read_result, write_result = os.pipe()
    read_errors, write_errors = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        status = 1
        try:
            import faulthandler

            # LLVM's abort is the expected failure here, not a crash to dump.
            faulthandler.disable()
            os.close(read_result)
            os.close(read_errors)
            os.dup2(write_errors, 2)
            try:
                data = b"0" + work().encode()
            except Exception as err:  # noqa: BLE001 - sent to the parent, which raises it
                data = b"1" + f"{type(err).__name__}: {err}".encode()
            with os.fdopen(write_result, "wb") as out:
                out.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write_result)
    os.close(write_errors)
    with os.fdopen(read_result, "rb") as result_pipe, os.fdopen(read_errors, "rb") as error_pipe:
        data = result_pipe.read()
        errors = error_pipe.read().decode(errors="replace")
    _, status = os.waitpid(pid, 0)
    if data[:1] == b"0":
        return data[1:].decode()
    detail = data[1:].decode() if data[:1] == b"1" else _last_lines(errors) or f"exit status {status}"
    raise NVPTXError(f"LLVM's NVPTX backend failed {what}: {detail}")


def _last_lines(text: str, count: int = 4) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return " | ".join(lines[-count:]) if lines else ""


# --------------------------------------------------------------------------- PTX → cubin, fatbin


def _run_tool(command: list[str], what: str) -> None:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except OSError as err:
        raise NVPTXError(f"could not run {command[0]}: {err}") from None
    if result.returncode != 0:
        message = (result.stderr or result.stdout).strip()
        raise NVPTXError(f"{what} failed: {message}")


def ptxas_command(ptxas: str, target: NVPTXTarget, source: str, output: str) -> list[str]:
    return [ptxas, "-arch", target.chip, f"-O{target.opt_level}", *target.ptxas_options, source, "-o", output]


def assemble_cubin(ptx: str, target: NVPTXTarget, *, toolkit: str | None = None) -> bytes:
    """A cubin for the target chip: with ptxas when there is one, else with
    the CUDA driver's linker (which needs a GPU)."""
    ptxas = find_cuda_tool("ptxas", toolkit)
    if ptxas is None:
        return _assemble_with_driver(ptx, target)
    with tempfile.TemporaryDirectory(prefix="mlopt-ptxas-") as directory:
        source, output = os.path.join(directory, "kernel.ptx"), os.path.join(directory, "kernel.cubin")
        Path(source).write_text(ptx)
        _run_tool(ptxas_command(ptxas, target, source, output), "ptxas")
        return Path(output).read_bytes()


def _assemble_with_driver(ptx: str, target: NVPTXTarget) -> bytes:
    from mlopt.runtime.cuda import CudaUnavailable, driver

    try:
        return driver().link_ptx(ptx, opt_level=target.opt_level)
    except CudaUnavailable as err:
        raise NVPTXError(
            f"format=bin needs ptxas (from a CUDA toolkit or the pip package nvidia-cuda-nvcc-cu12) or the "
            f"CUDA driver, and neither is available ({err}); use format=isa to embed PTX instead"
        ) from None


def assemble_fatbin(ptx: str, target: NVPTXTarget, *, toolkit: str | None = None) -> bytes:
    """A fatbin holding the cubin for the chip and the PTX (for newer GPUs)."""
    ptxas = find_cuda_tool("ptxas", toolkit)
    fatbinary = find_cuda_tool("fatbinary", toolkit)
    missing = [name for name, path in (("ptxas", ptxas), ("fatbinary", fatbinary)) if path is None]
    if missing:
        raise NVPTXError(
            f"format=fatbin needs {' and '.join(missing)} from a CUDA toolkit (set CUDA_HOME, or pass "
            "toolkit=<path>); use format=isa (PTX, compiled by the driver) or format=bin instead"
        )
    assert ptxas is not None and fatbinary is not None
    with tempfile.TemporaryDirectory(prefix="mlopt-fatbin-") as directory:
        source = os.path.join(directory, "kernel.ptx")
        cubin = os.path.join(directory, "kernel.cubin")
        output = os.path.join(directory, "kernel.fatbin")
        Path(source).write_text(ptx)
        _run_tool(ptxas_command(ptxas, target, source, cubin), "ptxas")
        number = target.sm_number
        _run_tool(
            [
                fatbinary, "-64", "--create", output,
                f"--image3=kind=elf,sm={number},file={cubin}",
                f"--image3=kind=ptx,sm={number},file={source}",
            ],
            "fatbinary",
        )  # fmt: skip
        return Path(output).read_bytes()
