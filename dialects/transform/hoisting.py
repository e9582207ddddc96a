"""The hoisting transform ops: transform.structured.hoist_redundant_vector_transfers
(upstream's LinalgTransformOps.td) and transform.loop.hoist_loop_invariant_subsets
(LoopExtensionOps.td), over :mod:`mlopt.passes.transforms.linalg_hoisting` and
:mod:`mlopt.passes.transforms.loop_invariant_subset_hoisting`."""

from __future__ import annotations

from typing import ClassVar

from xdsl.dialects.builtin import UnitAttr
from xdsl.dialects.transform import TransformHandleType
from xdsl.ir import Operation
from xdsl.irdl import IRDLOperation, ParsePropInAttrDict, irdl_op_definition, operand_def, opt_prop_def, result_def

from mlopt.dialects.transform.state import SilenceableFailure, TransformOp, TransformState, apply_each


def wrong_op_kind(transform: Operation, target: Operation) -> SilenceableFailure:
    """Upstream's failure of a TransformEachOp given a payload op of another kind."""
    return SilenceableFailure(transform, "transform applied to the wrong op kind", [(target, "when applied to this op")])


@irdl_op_definition
class HoistRedundantVectorTransfersOp(TransformOp, IRDLOperation):
    """transform.structured.hoist_redundant_vector_transfers: in each payload
    function, transfer_read/transfer_write pairs on memrefs at loop-invariant
    indices leave their loops, the vector carried as an iter_arg."""

    name = "transform.structured.hoist_redundant_vector_transfers"
    target = operand_def(TransformHandleType)
    transformed = result_def(TransformHandleType)
    verify_non_zero_trip = opt_prop_def(UnitAttr)
    assembly_format = "$target attr-dict `:` functional-type(operands, results)"
    irdl_options = (ParsePropInAttrDict(),)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    def apply(self, state: TransformState) -> None:
        from mlopt.passes.transforms.linalg_hoisting import hoist_redundant_vector_transfers

        def run(target: Operation) -> list[list[Operation]]:
            if target.name != "func.func":
                raise wrong_op_kind(self, target)
            hoist_redundant_vector_transfers(target, self.verify_non_zero_trip is not None, state.replace_payload_op)
            return [[target]]

        apply_each(state, self, state.payload_ops(self.target), run)


@irdl_op_definition
class HoistLoopInvariantSubsetsOp(TransformOp, IRDLOperation):
    """transform.loop.hoist_loop_invariant_subsets: matching extraction and
    insertion subset ops on the iter_args of each payload loop, at
    loop-invariant places, move out of it (the handle follows the new loop)."""

    name = "transform.loop.hoist_loop_invariant_subsets"
    target = operand_def(TransformHandleType)
    assembly_format = "$target attr-dict `:` type($target)"

    def apply(self, state: TransformState) -> None:
        from mlopt.passes.transforms.loop_invariant_code_motion import LOOP_LIKE_OPS
        from mlopt.passes.transforms.loop_invariant_subset_hoisting import hoist_loop_invariant_subsets

        def run(target: Operation) -> list[list[Operation]]:
            if target.name not in LOOP_LIKE_OPS:
                raise wrong_op_kind(self, target)
            new_loop = hoist_loop_invariant_subsets(target)
            if new_loop is not target:
                state.replace_payload_op(target, new_loop)
            return []

        apply_each(state, self, state.payload_ops(self.target), run)


OPS: tuple[type[Operation], ...] = (HoistRedundantVectorTransfersOp, HoistLoopInvariantSubsetsOp)
