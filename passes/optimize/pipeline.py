"""optimize: the default schedule for linalg on tensors or memrefs, written
down as transform IR and applied by the transform interpreter.

The schedule (``dump-schedule=FILE`` writes it, ``-`` for stderr) fuses
elementwise ops, packs large matmuls (``pack``: the decision and its
figures are in :mod:`mlopt.passes.optimize.contraction`), bufferizes, tiles
each kernel for the cache and the registers, vectorizes to the target's
vector width and hoists accumulators out of reduction loops. Appended to the input and run with
``--transform-interpreter --test-transform-dialect-erase-schedule`` it gives
the same IR as ``--optimize``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp
from xdsl.passes import ModulePass

from mlopt.diagnostics import DiagnosticError


@dataclass(frozen=True)
class OptimizePass(ModulePass):
    """Fuse, pack, tile, vectorize, hoist and bufferize linalg ops with a generated transform schedule"""

    name = "optimize"
    display_name: ClassVar[str] = "OptimizePass"

    target_cpu: str = field(
        default="", metadata={"help": "CPU to schedule for (empty: the host's; another CPU's vector width is not known: give vector-width)"}
    )
    vector_width: int = field(
        default=0, metadata={"help": "Vector register width in bits: 128, 256 or 512 (0: the target CPU's widest)"}
    )
    fuse: bool = field(default=True, metadata={"help": "Fuse elementwise producers and consumers"})
    tile: bool = field(default=True, metadata={"help": "Tile for the cache and the registers (vectorization needs register tiles)"})
    pack: bool | None = field(
        default=None,
        metadata={
            "help": "Pack (batch_)matmul operands into register-tile panels (data tiling): true for every static one "
            "on tensors, false for none (unset: those whose B exceeds 256 KiB, where packing pays)"
        },
    )
    vectorize: bool = field(default=True, metadata={"help": "Vectorize the register tiles"})
    hoist: bool = field(default=True, metadata={"help": "Hoist accumulator reads and writes out of reduction loops"})
    dump_schedule: str = field(default="", metadata={"help": "Write the transform schedule to this file ('-': stderr)"})

    def schedule(self, ctx: Context, op: ModuleOp) -> str:
        """The transform module this pass applies to ``op``."""
        from mlopt.passes.optimize.schedule import ScheduleOptions, build_schedule
        from mlopt.passes.optimize.target import resolve_target

        options = ScheduleOptions(
            resolve_target(self.target_cpu, self.vector_width), self.fuse, self.tile, self.vectorize, self.hoist, self.pack
        )
        return build_schedule(op, ctx, options)

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        from xdsl.parser import Parser

        from mlopt.passes.transforms.transform_interpreter import TransformInterpreterPass

        text = self.schedule(ctx, op)
        if self.dump_schedule:
            _write(self.dump_schedule, text)
        script = Parser(ctx, text, "<optimize schedule>").parse_module()
        op.body.block.add_op(script)
        try:
            TransformInterpreterPass().apply(ctx, op)
        finally:
            script.detach()
            script.erase(safe_erase=False)


def _write(path: str, text: str) -> None:
    if path == "-":
        import sys

        sys.stderr.write(text)
        return
    try:
        with open(path, "w") as file:
            file.write(text)
    except OSError as error:
        raise DiagnosticError.at(None, f"optimize: cannot write the schedule to '{path}': {error.strerror}") from None


def pipeline_text(options: bool | str | Mapping[str, object]) -> str:
    """The pipeline element running ``optimize`` with ``options``: text as in
    ``--optimize='vector-width=256 fuse=false'``, or a mapping of option names
    (dashes or underscores) to values."""
    if isinstance(options, bool):
        return "optimize"
    if not isinstance(options, str):
        options = " ".join(f"{str(key).replace('_', '-')}={_option_value(value)}" for key, value in options.items())
    return f"optimize{{{options}}}" if options.strip() else "optimize"


def _option_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
