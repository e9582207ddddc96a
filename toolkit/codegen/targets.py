"""mlopt's LLVM translations for mltranslate: LLVM IR, assembly, object files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlopt.codegen.llvm import TargetOptions, create_target_machine, emit_assembly, emit_object, optimize, parse_ir, prepare_for_target
from mlopt.codegen.translate import translate_to_llvm_ir
from mlopt.targets import Target, TranslateOptions

if TYPE_CHECKING:
    from xdsl.dialects.builtin import ModuleOp

DEFAULT_CODEGEN_OPT_LEVEL = 2
"""llc's default."""


def _compiled(module: ModuleOp, options: TranslateOptions, opt_level: int | None):
    """The module in LLVM, targeted when a triple/CPU is given or code is
    generated, optimised when a level is given."""
    llvm_module = parse_ir(translate_to_llvm_ir(module))
    machine = None
    if options.target_triple or options.cpu or options.features or opt_level is not None:
        level = opt_level if opt_level is not None else DEFAULT_CODEGEN_OPT_LEVEL
        target = TargetOptions(options.target_triple, options.cpu, options.features, level)
        machine = create_target_machine(target)
        prepare_for_target(llvm_module, machine)
        if opt_level is not None:
            optimize(llvm_module, machine, opt_level)
    return llvm_module, machine


class LLVMIRTarget(Target):
    name = "mlir-to-llvmir"
    summary = "Translate MLIR (llvm dialect) to LLVM IR, as mlir-translate does (optimised with -O<n>)"

    def translate(self, module: ModuleOp, options: TranslateOptions) -> str:
        llvm_module, _ = _compiled(module, options, options.opt_level)
        return str(llvm_module)


class AssemblyTarget(Target):
    name = "mlir-to-asm"
    summary = "Translate MLIR (llvm dialect) to assembly for --target-triple/--mcpu/--mattr at -O<n> (default -O2)"

    def translate(self, module: ModuleOp, options: TranslateOptions) -> str:
        level = options.opt_level if options.opt_level is not None else DEFAULT_CODEGEN_OPT_LEVEL
        llvm_module, machine = _compiled(module, options, level)
        return emit_assembly(llvm_module, machine)


class ObjectTarget(Target):
    name = "mlir-to-obj"
    summary = "Translate MLIR (llvm dialect) to an object file for --target-triple/--mcpu/--mattr at -O<n> (default -O2)"
    binary = True

    def translate(self, module: ModuleOp, options: TranslateOptions) -> bytes:
        level = options.opt_level if options.opt_level is not None else DEFAULT_CODEGEN_OPT_LEVEL
        llvm_module, machine = _compiled(module, options, level)
        return emit_object(llvm_module, machine)
