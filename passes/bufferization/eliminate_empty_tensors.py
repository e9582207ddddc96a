"""eliminate-empty-tensors: a tensor.empty whose contents end up inserted into
another tensor becomes that part of the destination, so the ops that fill it
write straight into the destination's buffer (no allocation, no copy), as
upstream's EmptyTensorElimination.

It runs one-shot bufferization's analysis (across function boundaries) and
follows, from the source of each insertion (insert_slice,
parallel_insert_slice, materialize_in_destination) that bufferizes in place,
the chain of equivalent tensors of the same type back to a tensor.empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp
from xdsl.ir import BlockArgument, Operation, OpResult, SSAValue
from xdsl.passes import ModulePass
from xdsl.rewriter import InsertPoint

from mlopt.passes.bufferization.interface import BufferRelation, Operand


@dataclass(frozen=True)
class EliminateEmptyTensorsPass(ModulePass):
    """Try to eliminate all tensor.empty ops."""

    name = "eliminate-empty-tensors"
    display_name: ClassVar[str] = "EmptyTensorElimination"
    anchor: ClassVar[str] = "builtin.module"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        from mlopt.passes.bufferization.analysis import AnalysisOptions
        from mlopt.passes.bufferization.one_shot_bufferize import analyze_module

        options = AnalysisOptions(allow_return_allocs_from_loops=True)
        state, _ = analyze_module(op, ctx, options, bufferize_function_boundaries=True)
        for insertion in list(op.walk()):
            model = state.model(insertion)
            operands = model.subset_insertion_operands(insertion) if model is not None else None
            if operands is None or (insertion, operands[0]) not in state.in_place:
                continue
            for use in _empty_tensor_uses(state, (insertion, operands[0])):
                _replace_with_destination_part(state, model, insertion, use)


def _empty_tensor_uses(state, start: Operand) -> list[Operand]:
    """The uses of tensor.empty results reached from ``start`` through
    equivalent tensors of the same type (or casts)."""
    found: list[Operand] = []
    work = [start]
    seen: set[Operand] = set()
    while work:
        use = work.pop()
        if use in seen:
            continue
        seen.add(use)
        value = use[0].operands[use[1]]
        if isinstance(value, OpResult) and value.op.name == "tensor.empty":
            found.append(use)
            continue
        for operand, relation in state.aliasing_operands(value):
            source = operand[0].operands[operand[1]]
            if relation is BufferRelation.EQUIVALENT and (source.type == value.type or operand[0].name == "tensor.cast"):
                work.append(operand)
    return found


def _replace_with_destination_part(state, model, insertion: Operation, use: Operand) -> None:
    user, index = use
    empty = user.operands[index].op  # type: ignore[attr-defined]
    needed = model.subset_extraction_values(insertion)
    at = _insertion_point(state, empty, user, needed)
    if at is None:
        return
    replacement = model.build_subset_extraction(insertion, InsertPoint.before(at))
    if replacement is None or replacement.type != empty.results[0].type:
        return
    user.operands[index] = replacement


def _insertion_point(state, empty: Operation, user: Operation, needed: list[SSAValue]) -> Operation | None:
    """Where the extraction can go: at the tensor.empty, or right after a value
    it needs, provided everything it needs is defined there and it runs before
    the user; failing that, before the user after moving the computation of
    the needed values up to it (upstream's moveValueDefinitions)."""
    found = _first_valid_point(state, empty, user, needed)
    if found is None and _move_definitions_before(state, needed, user):
        found = _first_valid_point(state, empty, user, needed)
    return found


def _move_definitions_before(state, needed: list[SSAValue], anchor: Operation) -> bool:
    """Move the ops computing ``needed`` (and what they use from after
    ``anchor`` in its block) before ``anchor``, if they are free of side
    effects and do not depend on ``anchor``."""
    block = anchor.parent
    assert block is not None
    position = {op: i for i, op in enumerate(block.ops)}
    to_move: set[Operation] = set()
    work = [v.op for v in needed if isinstance(v, OpResult)]
    while work:
        op = work.pop()
        if op in to_move or op.parent is not block or position[op] < position[anchor]:
            continue
        if op is anchor or not _movable(op):
            return False
        to_move.add(op)
        work.extend(v.op for v in op.operands if isinstance(v, OpResult))
        work.extend(
            v.op for nested in op.walk() for v in nested.operands if isinstance(v, OpResult) and v.op.parent is block
        )
    for op in sorted(to_move, key=position.__getitem__):
        op.detach()
        block.insert_op_before(op, anchor)
    if to_move:
        state.dominance = type(state.dominance)(state.root)
    return True


def _movable(op: Operation) -> bool:
    """Ops on values only: no memrefs, no calls, nothing that is not bufferizable."""
    from xdsl.dialects.builtin import MemRefType, UnrankedMemRefType

    for nested in op.walk():
        if nested.name in ("func.call", "func.call_indirect") or any(
            isinstance(v.type, MemRefType | UnrankedMemRefType) for v in (*nested.operands, *nested.results)
        ):
            return False
    return True


def _first_valid_point(state, empty: Operation, user: Operation, needed: list[SSAValue]) -> Operation | None:
    candidates = [empty]
    for value in needed:
        if isinstance(value, BlockArgument):
            candidates.append(value.block.first_op)  # type: ignore[arg-type]
        else:
            candidates.append(value.op.next_op)  # type: ignore[attr-defined]
    for candidate in candidates:
        if candidate is None:
            continue
        if all(_dominates(state, value, candidate) for value in needed) and (
            candidate is user or state.dominance.properly_dominates(candidate, user)
        ):
            return candidate
    return None


def _dominates(state, value: SSAValue, op: Operation) -> bool:
    if isinstance(value, BlockArgument):
        return value.block.find_ancestor_op_in_block(op) is not None
    defining = value.op  # type: ignore[attr-defined]
    return defining is not op and state.dominance.properly_dominates(defining, op)

