"""gpu-module-to-binary: compile each gpu.module for its ``#nvvm.target``s
and replace it by a ``gpu.binary`` holding one ``#gpu.object`` per target.

Formats, as upstream names them: ``isa`` (or ``assembly``): PTX text, made by
llvmlite's NVPTX backend; ``bin`` (``binary``): a cubin from ptxas, or from
the CUDA driver's linker when there is no ptxas; ``fatbin`` (``fatbinary``):
cubin and PTX in a fatbin (ptxas and fatbinary); ``llvm`` (``offloading``):
the module's LLVM bitcode, libdevice linked.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import ArrayAttr, BytesAttr, DictionaryAttr, IntegerAttr, StringAttr, UnitAttr, i32
from xdsl.ir import Attribute, Operation
from xdsl.passes import ModulePass

from mlopt.diagnostics import DiagnosticError

FORMATS = {
    "offloading": "offload",
    "llvm": "offload",
    "assembly": "assembly",
    "isa": "assembly",
    "binary": "bin",
    "bin": "bin",
    "fatbinary": "fatbin",
    "fatbin": "fatbin",
}
"""Option spellings → the #gpu.object format."""


@dataclass(frozen=True)
class GpuModuleToBinaryPass(ModulePass):
    """Transforms a GPU module into a GPU binary."""

    name = "gpu-module-to-binary"
    display_name: ClassVar[str] = "GpuModuleToBinaryPass"
    anchor: ClassVar[str] = "builtin.module"

    format: str = field(default="fatbin", metadata={"help": "The target representation of the compilation process."})
    l: tuple[str, ...] = field(default=(), metadata={"help": "Extra files to link to."})  # noqa: E741
    opts: str = field(default="", metadata={"help": "Command line options to pass to the tools."})
    section: str = field(default="", metadata={"help": "ELF section where binary is to be located."})
    toolkit: str = field(default="", metadata={"help": "Toolkit path."})

    def apply(self, ctx: Context, op: Operation) -> None:
        object_format = FORMATS.get(self.format)
        if object_format is None:
            raise DiagnosticError.at(op, f"Invalid format specified: '{self.format}' (expected {', '.join(FORMATS)})")
        block = op.regions[0].block
        for module in [child for child in block.ops if child.name == "gpu.module"]:
            binary = self._binary(module, object_format)
            block.insert_op_before(binary, module)
            module.detach()
            module.erase()

    def _binary(self, module: Operation, object_format: str) -> Operation:
        from mlopt.dialects.gpu import BinaryOp, select_object

        targets = module.properties.get("targets")
        if not isinstance(targets, ArrayAttr) or not targets.data:
            raise DiagnosticError.at(module, "the module has no target attributes")
        objects = [self._object(module, target, object_format) for target in targets.data]
        handler = module.properties.get("offloadingHandler") or select_object()
        binary = BinaryOp.build(
            properties={"sym_name": module.properties["sym_name"], "objects": ArrayAttr(objects), "offloadingHandler": handler}
        )
        binary.location = module.location
        return binary

    def _object(self, module: Operation, target_attr: Attribute, object_format: str) -> Attribute:
        from mlopt.codegen import nvptx
        from mlopt.dialects.gpu import ObjectAttr
        from mlopt.dialects.nvvm import NVVMTargetAttr

        if not isinstance(target_attr, NVVMTargetAttr):
            raise DiagnosticError.at(module, f"gpu-module-to-binary: unsupported target {target_attr} (mlopt compiles #nvvm.target)")
        target = nvptx.NVPTXTarget.from_attr(target_attr)
        target = replace(target, link=(*target.link, *self.l), ptxas_options=(*target.ptxas_options, *self.opts.split()))
        toolkit = self.toolkit or None
        try:
            problem = target.problem()
            if problem is not None:
                raise nvptx.NVPTXError(problem)
            data = self._compile(module, target, object_format, toolkit)
        except nvptx.NVPTXError as err:
            raise DiagnosticError.at(module.location, str(err)) from None
        properties: dict[str, Attribute] = {"O": IntegerAttr(target.opt_level, i32)}
        if self.section:
            properties["section"] = StringAttr(self.section)
        blob = StringAttr(data) if isinstance(data, str) else BytesAttr(data)
        return ObjectAttr(target_attr, StringAttr(object_format), blob, DictionaryAttr(properties), UnitAttr())

    @staticmethod
    def _compile(module: Operation, target, object_format: str, toolkit: str | None) -> str | bytes:
        from mlopt.codegen import nvptx

        if object_format == "offload":
            return nvptx.compile_to_bitcode(module, target, toolkit=toolkit)
        compiled = nvptx.compile_to_ptx(module, target, toolkit=toolkit)
        if compiled.approximated:
            from mlopt.diagnostics import emit_warning

            emit_warning(
                module,
                "libdevice was not found: " + ", ".join(compiled.approximated) + " use the GPU's approximate "
                "instructions (install a CUDA toolkit or nvidia-cuda-nvcc-cu12 for libdevice's accuracy)",
            )
        if object_format == "assembly":
            return compiled.ptx
        if object_format == "bin":
            return nvptx.assemble_cubin(compiled.ptx, target, toolkit=toolkit)
        return nvptx.assemble_fatbin(compiled.ptx, target, toolkit=toolkit)
