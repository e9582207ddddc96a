"""promote-buffers-to-stack: small heap allocations that do not outlive their
function become ``memref.alloca``, as upstream's PromoteBuffersToStack.

An allocation is small when it has a static shape of at most
``max-alloc-size-in-bytes`` bytes, or a rank of at most
``max-rank-of-allocated-memref`` and sizes that are constants. One that is
returned (directly or through views and region results) or freed explicitly
stays on the heap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import prod
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith, memref, scf
from xdsl.dialects.builtin import IndexType, ModuleOp
from xdsl.dialects.func import ReturnOp
from xdsl.ir import SSAValue
from xdsl.passes import ModulePass
from xdsl.rewriter import Rewriter

from mlopt.passes.bufferization.dealloc_rewrites import VIEW_OPS

INDEX_BITWIDTH = 64


def _element_bytes(element_type) -> int | None:
    if isinstance(element_type, IndexType):
        return INDEX_BITWIDTH // 8
    width = getattr(element_type, "bitwidth", None)
    return None if width is None else (width + 7) // 8


def _escapes_or_freed(value: SSAValue) -> bool:
    """Whether ``value`` or an alias of it is returned from the function or freed."""
    pending, seen = [value], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        for use in current.uses:
            user = use.operation
            if isinstance(user, ReturnOp | memref.DeallocOp):
                return True
            if isinstance(user, VIEW_OPS):
                pending.extend(user.results)
            elif isinstance(user, scf.YieldOp | scf.ConditionOp) and (parent := user.parent_op()) is not None:
                pending.extend(parent.results)
                pending.extend(arg for region in parent.regions for block in region.blocks for arg in block.args)
            elif user.successors:
                return True
    return False


@dataclass(frozen=True)
class PromoteBuffersToStackPass(ModulePass):
    """Promotes heap-based allocations to automatically managed stack-based allocations"""

    name = "promote-buffers-to-stack"
    display_name: ClassVar[str] = "PromoteBuffersToStackPass"

    max_alloc_size_in_bytes: int = field(
        default=1024, metadata={"help": "Maximal size in bytes to promote allocations to stack."}
    )
    max_rank_of_allocated_memref: int = field(
        default=1, metadata={"help": "Maximal memref rank to promote dynamic buffers."}
    )

    def _is_small(self, alloc: memref.AllocOp) -> bool:
        memref_type = alloc.memref.type
        element_bytes = _element_bytes(memref_type.element_type)
        if element_bytes is None:
            return False
        shape = memref_type.get_shape()
        if all(size >= 0 for size in shape):
            return prod(shape) * element_bytes <= self.max_alloc_size_in_bytes
        return len(shape) <= self.max_rank_of_allocated_memref and all(
            isinstance(size.owner, arith.ConstantOp) for size in alloc.dynamic_sizes
        )

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        for alloc in [o for o in op.walk() if isinstance(o, memref.AllocOp)]:
            if not self._is_small(alloc) or _escapes_or_freed(alloc.memref):
                continue
            alloca = memref.AllocaOp.create(
                operands=list(alloc.operands),
                result_types=[alloc.memref.type],
                properties=dict(alloc.properties),
                attributes=dict(alloc.attributes),
            )
            Rewriter.replace_op(alloc, alloca)
