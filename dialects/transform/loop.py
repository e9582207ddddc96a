"""transform.loop.*: unroll, peel, outline, coalesce,
promote_if_one_iteration, forall_to_for and forall_to_parallel (upstream's
SCFTransformOps.td), over :mod:`mlopt.passes.transforms.scf_loop_transforms`
and the scf-forall-to-for / -parallel patterns.

(``transform.loop.hoist_loop_invariant_subsets`` is in
:mod:`mlopt.dialects.transform.hoisting`; MLIR 22 has no
``loop.get_parent_for``: ``transform.get_parent_op {op_name = "scf.for"}``
does its job.)
"""

from __future__ import annotations

from typing import ClassVar

from xdsl.dialects.builtin import BoolAttr, IntegerAttr, StringAttr, i64
from xdsl.dialects.transform import OperationType, TransformHandleType
from xdsl.ir import Operation
from xdsl.irdl import IRDLOperation, ParsePropInAttrDict, irdl_op_definition, operand_def, prop_def, result_def, var_result_def
from xdsl.utils.exceptions import VerifyException

from mlopt.dialects.transform.hoisting import wrong_op_kind
from mlopt.dialects.transform.state import SilenceableFailure, TransformOp, TransformState, apply_each

_FALSE = BoolAttr.from_bool(False)


def _failure(transform: Operation, message: str) -> SilenceableFailure:
    return SilenceableFailure(transform, message)


@irdl_op_definition
class LoopUnrollOp(TransformOp, IRDLOperation):
    """transform.loop.unroll: ``factor`` body copies per iteration of each
    payload scf.for or affine.for, and a loop for the rest."""

    name = "transform.loop.unroll"
    target = operand_def(TransformHandleType)
    factor = prop_def(IntegerAttr[i64])
    assembly_format = "$target attr-dict `:` type($target)"
    irdl_options = (ParsePropInAttrDict(),)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    def verify_(self) -> None:
        if self.factor.value.data <= 0:
            raise VerifyException(
                "attribute 'factor' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive"
            )

    def apply(self, state: TransformState) -> None:
        from mlopt.passes.transforms import affine_loop_unroll
        from mlopt.passes.transforms.scf_loop_transforms import unroll_by_factor

        def run(target: Operation) -> list[list[Operation]]:
            if target.name == "scf.for":
                unroll_by_factor(target, self.factor.value.data)
            elif target.name == "affine.for":
                if not affine_loop_unroll.unroll_by_factor(target, self.factor.value.data):  # type: ignore[arg-type]
                    raise _failure(self, "failed to unroll")
            else:
                raise _failure(self, "failed to unroll, incorrect type of payload")
            return []

        apply_each(state, self, state.payload_ops(self.target), run)


@irdl_op_definition
class LoopPeelOp(TransformOp, IRDLOperation):
    """transform.loop.peel: split each payload scf.for so that its step
    divides its range; the results are the loop and the peeled iterations
    (with ``peel_front``: the loop of the later iterations and the first one)."""

    name = "transform.loop.peel"
    target = operand_def(TransformHandleType)
    peeled_loop = result_def(TransformHandleType)
    remainder_loop = result_def(TransformHandleType)
    peel_front = prop_def(BoolAttr, default_value=_FALSE)
    fail_if_already_divisible = prop_def(BoolAttr, default_value=_FALSE)
    assembly_format = "$target attr-dict `:` functional-type(operands, results)"
    irdl_options = (ParsePropInAttrDict(),)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    def verify_(self) -> None:
        if self.target.type != OperationType("scf.for"):
            raise VerifyException(
                f"operand #0 must be Transform IR handle to scf.for operations, but got '{self.target.type}'"
            )

    def apply(self, state: TransformState) -> None:
        from mlopt.passes.transforms.scf_loop_transforms import peel_first_iteration, peel_last_iteration

        front = self.peel_front.value.data

        def run(target: Operation) -> list[list[Operation]]:
            peeled = (peel_first_iteration if front else peel_last_iteration)(target)
            if peeled is None:
                raise _failure(self, f"failed to peel the {'first' if front else 'last'} iteration")
            return [[target], [peeled]]

        apply_each(state, self, state.payload_ops(self.target), run)


@irdl_op_definition
class LoopOutlineOp(TransformOp, IRDLOperation):
    """transform.loop.outline: each payload loop becomes a function named
    after ``func_name`` and a call to it; the results are the functions and the calls."""

    name = "transform.loop.outline"
    target = operand_def(TransformHandleType)
    function = result_def(TransformHandleType)
    call = result_def(TransformHandleType)
    func_name = prop_def(StringAttr)
    assembly_format = "$target attr-dict `:` functional-type(operands, results)"
    irdl_options = (ParsePropInAttrDict(),)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    def apply(self, state: TransformState) -> None:
        from mlopt.passes.transforms.scf_loop_transforms import outline

        functions: list[Operation] = []
        calls: list[Operation] = []
        for target in state.payload_ops(self.target):
            function, call = outline(target, self.func_name.data)
            functions.append(function)
            calls.append(call)
        state.set_results(self, [functions, calls])


@irdl_op_definition
class LoopCoalesceOp(TransformOp, IRDLOperation):
    """transform.loop.coalesce: the perfect scf.for nest from each payload
    loop becomes one loop over the product of the trip counts."""

    name = "transform.loop.coalesce"
    target = operand_def(TransformHandleType)
    transformed = result_def(TransformHandleType)
    assembly_format = "$target attr-dict `:` functional-type(operands, results)"
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    def apply(self, state: TransformState) -> None:
        from mlopt.passes.transforms.scf_loop_transforms import coalesce

        def run(target: Operation) -> list[list[Operation]]:
            coalesced = coalesce(target) if target.name == "scf.for" else None
            if coalesced is None:
                raise _failure(self, "failed to coalesce")
            return [[coalesced]]

        apply_each(state, self, state.payload_ops(self.target), run)


@irdl_op_definition
class LoopPromoteIfOneIterationOp(TransformOp, IRDLOperation):
    """transform.loop.promote_if_one_iteration: a payload loop of exactly
    one iteration is replaced by its body."""

    name = "transform.loop.promote_if_one_iteration"
    target = operand_def(TransformHandleType)
    assembly_format = "$target attr-dict `:` type($target)"
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    def apply(self, state: TransformState) -> None:
        from mlopt.passes.transforms.loop_invariant_code_motion import LOOP_LIKE_OPS
        from mlopt.passes.transforms.scf_loop_transforms import promote_if_one_iteration

        def run(target: Operation) -> list[list[Operation]]:
            if target.name not in LOOP_LIKE_OPS:
                raise wrong_op_kind(self, target)
            promote_if_one_iteration(target)
            return []

        apply_each(state, self, state.payload_ops(self.target), run)


def _forall_payload(transform: Operation, state: TransformState) -> Operation:
    """The single scf.forall without shared outputs the target handle holds."""
    payload = state.payload_ops(transform.target)  # type: ignore[attr-defined]
    if len(payload) != 1:
        raise _failure(transform, "expected a single payload op")
    target = payload[0]
    if target.name != "scf.forall":
        raise SilenceableFailure(transform, "expected the payload to be scf.forall", [(target, "payload op")])
    if target.outputs:  # type: ignore[attr-defined]
        raise _failure(transform, "unsupported shared outputs (didn't bufferize?)")
    return target


def _rewrite_in_place(target: Operation, pattern) -> Operation:
    """Apply ``pattern`` to ``target``; the op that took its place."""
    from xdsl.pattern_rewriter import PatternRewriter

    following = target.next_op
    assert following is not None  # a forall is never its block's terminator
    location = target.location  # type: ignore[attr-defined]
    pattern.match_and_rewrite(target, PatternRewriter(target))
    replacement = following.prev_op
    assert replacement is not None
    for loop in replacement.walk():
        if loop.name in ("scf.for", "scf.parallel"):
            loop.location = location  # type: ignore[attr-defined]
    return replacement


@irdl_op_definition
class ForallToForOp(TransformOp, IRDLOperation):
    """transform.loop.forall_to_for: the payload scf.forall becomes a nest of
    scf.for loops, one result handle per loop, outermost first."""

    name = "transform.loop.forall_to_for"
    target = operand_def(TransformHandleType)
    transformed = var_result_def(TransformHandleType)
    assembly_format = "$target attr-dict `:` functional-type(operands, results)"
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    def apply(self, state: TransformState) -> None:
        from mlopt.passes.transforms.scf_forall_to_for import ForallToFor

        target = _forall_payload(self, state)
        rank = len(target.regions[0].block.args)
        if len(self.results) != rank:
            raise SilenceableFailure(self, f"op expects as many results ({len(self.results)}) as payload has induction "
                                     f"variables ({rank})", [(target, "payload op")])  # fmt: skip
        loops = [_rewrite_in_place(target, ForallToFor())]
        while len(loops) < rank:
            loops.append(next(op for op in loops[-1].body.block.ops if op.name == "scf.for"))  # type: ignore[attr-defined]
        state.set_results(self, [[loop] for loop in loops])


@irdl_op_definition
class ForallToParallelOp(TransformOp, IRDLOperation):
    """transform.loop.forall_to_parallel: the payload scf.forall becomes an scf.parallel."""

    name = "transform.loop.forall_to_parallel"
    target = operand_def(TransformHandleType)
    transformed = var_result_def(TransformHandleType)
    assembly_format = "$target attr-dict `:` functional-type(operands, results)"
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    def apply(self, state: TransformState) -> None:
        from mlopt.passes.transforms.scf_forall_to_parallel import ForallToParallel

        target = _forall_payload(self, state)
        if len(self.results) != 1:
            raise _failure(self, f"op expects one result, given {len(self.results)}")
        state.set_results(self, [[_rewrite_in_place(target, ForallToParallel())]])


OPS: tuple[type[Operation], ...] = (
    LoopUnrollOp, LoopPeelOp, LoopOutlineOp, LoopCoalesceOp, LoopPromoteIfOneIterationOp, ForallToForOp, ForallToParallelOp,
)  # fmt: skip
