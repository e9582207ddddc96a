"""bufferize-tensors: the tensor-to-buffer steps of ``lower-to-llvm``, run only
when the module holds tensors.

Upstream leaves it to the user to put ``one-shot-bufferize``, the
deallocation pipeline and ``convert-bufferization-to-memref`` in front of a
lowering; ``lower-to-llvm`` (and so ``mlrun`` and ``ExecutionEngine``) start
with this pass instead, so a tensor program runs as it is. A module without
tensors is left alone: its memref code, deallocations included, is the
user's. ``--mlir-print-ir-after=bufferize-tensors`` shows the bufferized
program; the steps themselves can be run one by one with mlopt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp
from xdsl.passes import ModulePass

from mlopt.passes.bufferization.interface import has_tensor_types


@dataclass(frozen=True)
class BufferizeTensorsPass(ModulePass):
    """When the module holds tensors: convert-elementwise-to-linalg, one-shot-bufferize across function boundaries, buffer-deallocation-pipeline, convert-bufferization-to-memref"""

    name = "bufferize-tensors"
    display_name: ClassVar[str] = "BufferizeTensorsPass"
    anchor: ClassVar[str] = "builtin.module"

    function_boundary_type_conversion: Literal["infer-layout-map", "identity-layout-map", "fully-dynamic-layout-map"] = field(
        default="infer-layout-map", metadata={"help": "Controls layout maps when bufferizing function signatures."}
    )
    allow_return_allocs_from_loops: bool = field(
        default=True, metadata={"help": "Allows returning/yielding new allocations from a loop."}
    )

    def steps(self) -> str:
        allow = "true" if self.allow_return_allocs_from_loops else "false"
        return (
            "builtin.module(func.func(convert-elementwise-to-linalg),one-shot-bufferize{bufferize-function-boundaries=true "
            f"function-boundary-type-conversion={self.function_boundary_type_conversion} "
            f"allow-return-allocs-from-loops={allow}}},"
            "buffer-deallocation-pipeline,convert-bufferization-to-memref)"
        )

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        if not any(has_tensor_types(nested) for nested in op.walk()):
            return
        from mlopt.passes.bufferization.one_shot_bufferize import registry_of
        from mlopt.pass_runner import PassRunner
        from mlopt.pipeline import PipelineBuilder

        manager = PipelineBuilder(registry_of(ctx)).from_text(self.steps())
        PassRunner(ctx).run(manager, op)
