"""nvvm-attach-target: add an ``#nvvm.target`` to gpu.modules, saying what
gpu-module-to-binary compiles them for.

Unlike upstream, the default chip is one current CUDA accepts
(:data:`mlopt.codegen.nvptx.DEFAULT_CHIP`; upstream's sm_50 is rejected by
ptxas 13), and a chip or feature string LLVM cannot generate code for is an
error here, naming what is wrong, rather than an abort at serialization.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import ArrayAttr, StringAttr, UnitAttr
from xdsl.ir import Attribute, Operation
from xdsl.passes import ModulePass

from mlopt.codegen.nvptx import DEFAULT_CHIP, TRIPLE
from mlopt.diagnostics import DiagnosticError


@dataclass(frozen=True)
class GpuNVVMAttachTarget(ModulePass):
    """Attaches an NVVM target attribute to a GPU Module."""

    name = "nvvm-attach-target"
    display_name: ClassVar[str] = "GpuNVVMAttachTarget"
    anchor: ClassVar[str] = "builtin.module"

    O: int = field(default=2, metadata={"help": "Optimization level."})
    chip: str = field(default=DEFAULT_CHIP, metadata={"help": "Target chip."})
    fast: bool = field(default=False, metadata={"help": "Enable fast math mode."})
    features: str = field(
        default="", metadata={"help": "Target features, default is to use the minimum PTX ISA version for the SM target."}
    )
    ftz: bool = field(default=False, metadata={"help": "Enable flush to zero for denormals."})
    l: tuple[str, ...] = field(default=(), metadata={"help": "Extra bitcode libraries paths to link to."})  # noqa: E741
    module: str = field(default="", metadata={"help": "Regex used to identify the modules to attach the target to."})
    ptxas_cmd_options: str = field(default="", metadata={"help": "Command line options passed to downstream compiler"})
    triple: str = field(default=TRIPLE, metadata={"help": "Target triple."})

    def target(self) -> Attribute:
        from mlopt.dialects.nvvm import NVVMTargetAttr

        flags: dict[str, Attribute] = {}
        if self.fast:
            flags["fast"] = UnitAttr()
        if self.ftz:
            flags["ftz"] = UnitAttr()
        if self.ptxas_cmd_options:
            flags["ptxas-cmd-options"] = ArrayAttr([StringAttr(o) for o in self.ptxas_cmd_options.split()])
        return NVVMTargetAttr.get(
            O=self.O, triple=self.triple, chip=self.chip, features=self.features, flags=flags, link=self.l
        )

    def apply(self, ctx: Context, op: Operation) -> None:
        from mlopt.codegen.nvptx import NVPTXTarget

        try:
            matcher = re.compile(self.module)
        except re.error as err:
            raise DiagnosticError.at(op, f"nvvm-attach-target: invalid module regex '{self.module}': {err}") from None
        if not 0 <= self.O <= 3:
            raise DiagnosticError.at(op, "nvvm-attach-target: the optimization level must be a number between 0 and 3")
        target = self.target()
        problem = NVPTXTarget.from_attr(target).problem()
        for module in op.regions[0].block.ops:
            if module.name != "gpu.module" or not matcher.search(module.properties["sym_name"].data):
                continue
            if problem is not None:
                raise DiagnosticError.at(module.location, f"nvvm-attach-target: {problem}")
            existing = module.properties.get("targets")
            targets = list(existing.data) if isinstance(existing, ArrayAttr) else []
            if target not in targets:
                targets.append(target)
            module.properties["targets"] = ArrayAttr(targets)
