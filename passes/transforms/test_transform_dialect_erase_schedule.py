"""test-transform-dialect-erase-schedule: erase the transform ops at the top
of the module's nested regions (the schedule), leaving their modules empty,
as upstream's test pass."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.ir import Operation
from xdsl.passes import ModulePass


@dataclass(frozen=True)
class TestTransformDialectEraseSchedulePass(ModulePass):
    """erase transform dialect schedule from the IR"""

    name = "test-transform-dialect-erase-schedule"
    display_name: ClassVar[str] = "TestTransformDialectEraseSchedulePass"

    def apply(self, ctx: Context, op: Operation) -> None:
        schedule = [o for o in op.walk() if o.name.startswith("transform.") and not o.parent_op().name.startswith("transform.")]  # type: ignore[union-attr]
        for transform_op in schedule:
            transform_op.detach()
            transform_op.erase(safe_erase=False)
