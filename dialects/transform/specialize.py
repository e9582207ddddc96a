"""transform.structured.specialize: a linalg.generic that is a named op in
disguise becomes that op (over the matching of linalg-specialize-generic-ops)."""

from __future__ import annotations

from typing import ClassVar

from xdsl.dialects.transform import TransformHandleType
from xdsl.ir import Operation
from xdsl.irdl import IRDLOperation, irdl_op_definition, operand_def, result_def

from mlopt.dialects.transform.state import SilenceableFailure, TransformOp, TransformState, apply_each


@irdl_op_definition
class SpecializeOp(TransformOp, IRDLOperation):
    """transform.structured.specialize: linalg.generic → the named op it is;
    other linalg ops are left as they are."""

    name = "transform.structured.specialize"
    target = operand_def(TransformHandleType)
    transformed = result_def(TransformHandleType)
    assembly_format = "$target attr-dict `:` functional-type(operands, results)"
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    def apply(self, state: TransformState) -> None:
        from mlopt.dialects.transform.structured import _implements, _replace
        from mlopt.passes.transforms.linalg_specialize_generic_ops import specialized

        def run(target: Operation) -> list[list[Operation]]:
            if not _implements(target, "LinalgOp"):
                raise SilenceableFailure(self, "transform applied to the wrong op kind", [(target, "when applied to this op")])
            if target.name != "linalg.generic":
                return [[target]]
            named = specialized(target)
            if named is None:
                raise SilenceableFailure(self, f"{self.name} failed to apply", [(target, "when applied to this op")])
            named.location = target.location
            _replace(target, named)
            return [[named]]

        apply_each(state, self, state.payload_ops(self.target), run)


OPS: tuple[type[Operation], ...] = (SpecializeOp,)
