"""Upstream's linalg::hoistRedundantVectorTransfers (Linalg/Transforms/Hoisting):
on memrefs, a vector.transfer_read / transfer_write pair at the same
loop-invariant indices of the same buffer leaves its scf.for: the read goes
before the loop, the write after it, and the vector travels as an iter_arg.
A read alone leaves its loop when nothing in the loop may write its buffer.

As MLIR 22: only when the buffer is no view (and has no view taken of it),
every other access to it in the loop is a transfer of a provably disjoint
part, and, with ``verify_non_zero_trip``, the loop's constant bounds show it
runs at least once.
"""

from __future__ import annotations

from collections.abc import Callable

from xdsl.dialects.builtin import MemRefType
from xdsl.ir import Operation, SSAValue

from mlopt.passes.transforms import subsets
from mlopt.passes.transforms.loop_utils import add_iter_args, constant_int, defined_outside

VIEW_LIKE_OPS = frozenset(
    {"memref.cast", "memref.subview", "memref.reinterpret_cast", "memref.expand_shape", "memref.collapse_shape",
     "memref.view", "memref.memory_space_cast", "memref.transpose", "memref.assume_alignment"}
)  # fmt: skip
"""memref ops implementing upstream's ViewLikeOpInterface."""


def _runs_at_least_once(loop: Operation) -> bool:
    lower, upper = constant_int(loop.lb), constant_int(loop.ub)  # type: ignore[attr-defined]
    return lower is not None and upper is not None and upper > lower


def _forward_slice(op: Operation) -> list[Operation]:
    """The ops using ``op``'s results, transitively, in program order of discovery."""
    seen: list[Operation] = []
    work = [use.operation for result in op.results for use in result.uses]
    while work:
        user = work.pop(0)
        if user in seen:
            continue
        seen.append(user)
        work.extend(use.operation for result in user.results for use in result.uses)
    return seen


def _is_view(value: SSAValue) -> bool:
    return isinstance(value.owner, Operation) and value.owner.name in VIEW_LIKE_OPS


def _no_aliasing_write_in_loop(read: Operation, loop: Operation) -> bool:
    from xdsl.traits import is_side_effect_free

    source = read.source  # type: ignore[attr-defined]
    while _is_view(source):
        source = source.owner.operands[0]
    users = [use.operation for use in source.uses]
    processed: set[int] = set()
    while users:
        user = users.pop()
        if id(user) in processed:
            continue
        processed.add(id(user))
        if user.name in VIEW_LIKE_OPS:
            users.extend(use.operation for result in user.results for use in result.uses)
            continue
        if is_side_effect_free(user) or user.name == "vector.transfer_read" or not loop.is_ancestor(user):
            continue
        return False
    return True


def _matching_write(read: Operation, loop: Operation) -> Operation | None | bool:
    """The write paired with ``read`` (None: no write; False: not hoistable)."""
    writes = [op for op in _forward_slice(read) if op.name == "vector.transfer_write" and op.source is read.source]  # type: ignore[attr-defined]
    if not writes:
        return None
    write = writes[0]
    if (
        len(write.indices) != len(read.indices)  # type: ignore[attr-defined]
        or any(a is not b for a, b in zip(write.indices, read.indices))  # type: ignore[attr-defined]
        or write.vector.type != read.result.type  # type: ignore[attr-defined]
        or write.permutation_map != read.permutation_map  # type: ignore[attr-defined]
    ):
        return False
    base = read.source  # type: ignore[attr-defined]
    if _is_view(base) or any(use.operation.name in VIEW_LIKE_OPS for use in base.uses):
        return False
    if write.parent_block() is not read.parent_block() or write.parent_block().get_operation_index(write) < read.parent_block().get_operation_index(read):  # type: ignore[union-attr]
        return False
    for use in base.uses:
        user = use.operation
        if not loop.is_ancestor(user) or user is read or user is write:
            continue
        if user.name not in ("vector.transfer_read", "vector.transfer_write") or not subsets.disjoint(write, user):
            return False
    return write


def _hoist_one(root: Operation, verify_non_zero_trip: bool, on_replace) -> bool:
    for read in [op for op in root.walk() if op.name == "vector.transfer_read"]:
        if not isinstance(read.source.type, MemRefType):  # type: ignore[attr-defined]
            continue
        loop = read.parent_op()
        if loop is None or loop.name != "scf.for" or (verify_non_zero_trip and not _runs_at_least_once(loop)):
            continue
        write = _matching_write(read, loop)
        if not all(defined_outside(operand, loop) for operand in read.operands) or write is False:
            continue
        if write is None:
            if _no_aliasing_write_in_loop(read, loop):
                read.detach()
                loop.parent_block().insert_op_before(read, loop)  # type: ignore[union-attr]
            continue
        read.detach()
        loop.parent_block().insert_op_before(read, loop)  # type: ignore[union-attr]
        write.detach()
        loop.parent_block().insert_op_after(write, loop)  # type: ignore[union-attr]
        stored = write.vector  # type: ignore[attr-defined]
        new_loop = add_iter_args(loop, [read.results[0]], lambda _: [stored], replace_init_uses_in_loop=True)
        write.operands[0] = new_loop.results[-1]
        if on_replace is not None:
            on_replace(loop, new_loop)
        return True
    return False


def hoist_redundant_vector_transfers(
    root: Operation,
    verify_non_zero_trip: bool = False,
    on_replace: Callable[[Operation, Operation], None] | None = None,
) -> None:
    """Hoist the redundant transfer pairs of every scf.for in ``root``, until
    none is left; ``on_replace(old, new)`` hears of each loop replaced."""
    from mlopt.passes.transforms.loop_invariant_code_motion import LOOP_LIKE_OPS, move_loop_invariant_code

    changed = True
    while changed:
        for loop in [op for op in root.walk(region_first=True) if op.name in LOOP_LIKE_OPS]:
            move_loop_invariant_code(loop)
        changed = _hoist_one(root, verify_non_zero_trip, on_replace)
