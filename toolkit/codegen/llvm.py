"""LLVM through llvmlite: parsing and verifying IR, target machines,
optimisation pipelines, assembly/object emission and the JIT.

Everything LLVM does for mlopt goes through here, so the rest of mlopt never
touches llvmlite's initialisation or error conventions.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import llvmlite.binding as llvm

OPT_LEVELS = (0, 1, 2, 3)


class CodegenError(Exception):
    """LLVM rejected something (a triple, a CPU, IR mlopt produced); the
    message is LLVM's own."""


@functools.cache
def binding():
    """llvmlite.binding with every target initialised (once per process)."""
    import llvmlite.binding as llvm

    llvm.initialize_all_targets()
    llvm.initialize_all_asmprinters()
    llvm.initialize_native_target()
    llvm.initialize_native_asmprinter()
    return llvm


@functools.cache
def host_triple() -> str:
    return binding().get_process_triple()


@functools.cache
def host_cpu() -> str:
    return binding().get_host_cpu_name()


@functools.cache
def host_features() -> str:
    try:
        return binding().get_host_cpu_features().flatten()
    except RuntimeError:
        return ""


@dataclass(frozen=True)
class TargetOptions:
    """What code is generated for: triple, CPU, features and -O level.

    ``None`` for triple/cpu/features means the host's (what mlir-runner uses).
    """

    triple: str | None = None
    cpu: str | None = None
    features: str | None = None
    opt_level: int = 2
    reloc: str = "default"
    code_model: str = "default"

    def resolved(self) -> tuple[str, str, str]:
        triple = self.triple or host_triple()
        native = self.triple is None or self.triple == host_triple()
        cpu = self.cpu if self.cpu is not None else (host_cpu() if native else "")
        features = self.features if self.features is not None else (host_features() if native and self.cpu is None else "")
        return triple, cpu, features


def create_target_machine(options: TargetOptions, *, jit: bool = False) -> llvm.TargetMachine:
    llvm = binding()
    triple, cpu, features = options.resolved()
    try:
        target = llvm.Target.from_triple(triple)
    except RuntimeError as err:
        raise CodegenError(f"unknown target triple '{triple}': {str(err).strip()}") from None
    return target.create_target_machine(
        cpu=cpu,
        features=features,
        opt=options.opt_level,
        reloc="pic" if jit else options.reloc,
        codemodel="jitdefault" if jit else options.code_model,
        jit=jit,
    )


def parse_ir(text: str, name: str = "LLVMDialectModule") -> llvm.ModuleRef:
    """Parse and verify LLVM IR text."""
    llvm = binding()
    try:
        module = llvm.parse_assembly(text)
        module.verify()
    except RuntimeError as err:
        raise CodegenError(f"LLVM rejected the generated IR: {str(err).strip()}") from None
    module.name = name
    return module


def prepare_for_target(module: llvm.ModuleRef, machine: llvm.TargetMachine) -> None:
    """Set the module's triple and data layout from the target machine."""
    module.triple = machine.triple
    module.data_layout = str(machine.target_data)


def optimize(module: llvm.ModuleRef, machine: llvm.TargetMachine, level: int) -> None:
    """Run LLVM's default -O``level`` module pipeline, with the tuning options
    MLIR's ExecutionEngine uses (loop unrolling, interleaving, vectorisation)."""
    if level not in OPT_LEVELS:
        raise ValueError(f"optimisation level must be 0..3, got {level}")
    llvm = binding()
    tuning = llvm.create_pipeline_tuning_options(speed_level=level)
    if level > 0:
        tuning.loop_unrolling = True
        tuning.loop_interleaving = True
        tuning.loop_vectorization = True
        tuning.slp_vectorization = True
    builder = llvm.create_pass_builder(machine, tuning)
    manager = builder.getModulePassManager()
    manager.run(module, builder)


def emit_assembly(module: llvm.ModuleRef, machine: llvm.TargetMachine) -> str:
    return machine.emit_assembly(module)


def emit_object(module: llvm.ModuleRef, machine: llvm.TargetMachine) -> bytes:
    return machine.emit_object(module)


def compile_ir(text: str, options: TargetOptions, *, jit: bool = False) -> tuple[llvm.ModuleRef, llvm.TargetMachine]:
    """Parse, target and optimise LLVM IR text."""
    machine = create_target_machine(options, jit=jit)
    module = parse_ir(text)
    prepare_for_target(module, machine)
    optimize(module, machine, options.opt_level)
    return module, machine
