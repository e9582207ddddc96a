"""Rewrites of ``bufferization.dealloc`` shared by canonicalize (the op's
canonicalization patterns) and buffer-deallocation-simplification, with the
small buffer-origin analysis the simplification needs."""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects import arith, memref
from xdsl.dialects.builtin import IntegerAttr, i1
from xdsl.ir import Block, BlockArgument, Operation, OpResult, SSAValue
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern, op_type_rewrite_pattern
from xdsl.rewriter import InsertPoint

from mlopt.dialects.bufferization import CloneOp, DeallocOp


def constant_bool(value: SSAValue) -> bool | None:
    owner = value.owner
    if isinstance(owner, arith.ConstantOp) and isinstance(owner.value, IntegerAttr):
        return owner.value.value.data != 0
    return None


def insert_bool(rewriter: PatternRewriter, value: bool) -> SSAValue:
    constant = arith.ConstantOp(IntegerAttr(int(value), i1))
    rewriter.insert(constant)
    return constant.result


def insert_or(rewriter: PatternRewriter, first: SSAValue, second: SSAValue) -> SSAValue:
    """``first or second``, folded where either is a constant."""
    for a, b in ((first, second), (second, first)):
        if constant_bool(a) is False:
            return b
        if constant_bool(a) is True:
            return a
    combined = arith.OrIOp(first, second)
    rewriter.insert(combined)
    return combined.result


def replace_dealloc(
    rewriter: PatternRewriter,
    dealloc: DeallocOp,
    memrefs: Sequence[SSAValue],
    conditions: Sequence[SSAValue],
    retained: Sequence[SSAValue],
    updated: Sequence[SSAValue | int],
) -> None:
    """Replace ``dealloc`` by one over ``memrefs``/``retained``; ``updated``
    gives each old result: an SSA value, or the index of a new result."""
    new = DeallocOp(list(memrefs), list(conditions), list(retained)) if memrefs or retained else None
    if new is not None:
        rewriter.insert(new, InsertPoint.before(dealloc))
    values = [new.updated_conditions[u] if isinstance(u, int) else u for u in updated]
    rewriter.replace(dealloc, [], values)


class EraseFalseAndDuplicateMemrefs(RewritePattern):
    """Upstream's DeallocRemoveDuplicateDeallocMemrefs and
    EraseAlwaysFalseDealloc: a memref never freed is dropped; one listed twice
    is freed under either condition."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: DeallocOp, rewriter: PatternRewriter) -> None:
        memrefs: list[SSAValue] = []
        conditions: list[SSAValue] = []
        for value, condition in zip(op.memrefs, op.conditions):
            if constant_bool(condition) is False:
                continue
            if value in memrefs:
                index = memrefs.index(value)
                conditions[index] = insert_or(rewriter, conditions[index], condition)
                continue
            memrefs.append(value)
            conditions.append(condition)
        if len(memrefs) == len(op.memrefs):
            return
        replace_dealloc(rewriter, op, memrefs, conditions, op.retained, list(range(len(op.retained))))


class EraseDuplicateRetained(RewritePattern):
    """A value retained twice gets one result (DeallocRemoveDuplicateRetainedMemrefs)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: DeallocOp, rewriter: PatternRewriter) -> None:
        retained = list(dict.fromkeys(op.retained))
        if len(retained) == len(op.retained):
            return
        replace_dealloc(rewriter, op, op.memrefs, op.conditions, retained, [retained.index(v) for v in op.retained])


class EraseEmptyDealloc(RewritePattern):
    """With nothing to free, no retained value is owned afterwards."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: DeallocOp, rewriter: PatternRewriter) -> None:
        if op.memrefs:
            return
        false = insert_bool(rewriter, False) if op.retained else None
        rewriter.replace(op, [], [false] * len(op.retained))


CANONICALIZATION_PATTERNS = (EraseFalseAndDuplicateMemrefs(), EraseDuplicateRetained(), EraseEmptyDealloc())

# --------------------------------------------------------------------------- buffer origins

VIEW_OPS = (
    memref.CastOp,
    memref.SubviewOp,
    memref.ReinterpretCastOp,
    memref.ExpandShapeOp,
    memref.CollapseShapeOp,
    memref.ViewOp,
    memref.MemorySpaceCastOp,
)
_FRESH_ALLOCATIONS = (memref.AllocOp, memref.AllocaOp, CloneOp)


def buffer_origin(value: SSAValue) -> SSAValue:
    """The value ``value`` is a view of (through casts, views and base buffers)."""
    while isinstance(value, OpResult):
        owner = value.op
        if isinstance(owner, memref.ExtractStridedMetaDataOp) and value is owner.base_buffer:
            value = owner.source
        elif isinstance(owner, VIEW_OPS):
            value = owner.operands[0]
        else:
            break
    return value


def _ancestor_in(op: Operation, block: Block) -> Operation | None:
    while op is not None and op.parent_block() is not block:
        op = op.parent_op()
    return op


def _defined_before(value: SSAValue, allocation: Operation) -> bool:
    """Whether ``value`` exists before ``allocation`` runs, so cannot be its buffer."""
    block = value.block if isinstance(value, BlockArgument) else value.op.parent_block()
    ancestor = _ancestor_in(allocation, block)
    if ancestor is None:
        return False
    if isinstance(value, BlockArgument):
        return True
    return value.op is not ancestor and value.op.is_before_in_block(ancestor)


def definitely_distinct(first: SSAValue, second: SSAValue) -> bool:
    """Whether the buffers of ``first`` and ``second`` cannot be the same."""
    a, b = buffer_origin(first), buffer_origin(second)
    if a is b:
        return False
    for fresh, other in ((a, b), (b, a)):
        if isinstance(fresh, OpResult) and isinstance(fresh.op, _FRESH_ALLOCATIONS):
            if isinstance(other, OpResult) and isinstance(other.op, _FRESH_ALLOCATIONS):
                return True
            if _defined_before(other, fresh.op):
                return True
    return False


def same_buffer(first: SSAValue, second: SSAValue) -> bool:
    return buffer_origin(first) is buffer_origin(second)
