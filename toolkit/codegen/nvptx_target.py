"""``mltranslate --mlir-to-ptx``: PTX for NVIDIA GPUs from a lowered
``gpu.module`` (llvm and nvvm dialects), or from a module of llvm and nvvm
ops itself.

The chip and features are ``--mcpu``/``--mattr``, else the gpu.module's
``#nvvm.target``, else mlopt's default chip; ``-O<n>`` sets the LLVM
optimisation level (default: the target's, 2).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from mlopt.diagnostics import DiagnosticError
from mlopt.targets import Target, TranslateOptions

if TYPE_CHECKING:
    from xdsl.dialects.builtin import ModuleOp
    from xdsl.ir import Operation


class PTXTarget(Target):
    name = "mlir-to-ptx"
    summary = "Translate a gpu.module (llvm + nvvm dialects) to PTX for --mcpu=sm_XX (default: its #nvvm.target)"

    def translate(self, module: ModuleOp, options: TranslateOptions) -> str:
        from mlopt.codegen import nvptx

        device = _device_module(module)
        target = _target_of(device)
        if options.cpu:
            target = replace(target, chip=options.cpu, features="")
        if options.features is not None:
            target = replace(target, features=options.features)
        if options.opt_level is not None:
            target = replace(target, opt_level=options.opt_level)
        if options.target_triple is not None:
            target = replace(target, triple=options.target_triple)
        try:
            return nvptx.compile_to_ptx(device, target).ptx
        except nvptx.NVPTXError as err:
            raise DiagnosticError.at(device.location, str(err)) from None


def _device_module(module: Operation) -> Operation:
    modules = [op for op in module.regions[0].block.ops if op.name == "gpu.module"]
    if len(modules) > 1:
        names = ", ".join("@" + op.properties["sym_name"].data for op in modules)
        raise DiagnosticError.at(modules[1], f"--mlir-to-ptx translates one gpu.module, and the input has {len(modules)} ({names})")
    return modules[0] if modules else module


def _target_of(device: Operation):
    from mlopt.codegen.nvptx import NVPTXTarget
    from mlopt.dialects.nvvm import NVVMTargetAttr

    targets = device.properties.get("targets") if device.name == "gpu.module" else None
    for attr in getattr(targets, "data", ()):
        if isinstance(attr, NVVMTargetAttr):
            return NVPTXTarget.from_attr(attr)
    return NVPTXTarget()
