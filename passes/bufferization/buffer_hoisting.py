"""buffer-hoisting: an allocation whose buffer flows into other blocks (as a
region result or a branch argument) is made in the block that dominates
all of them, as upstream's BufferHoisting, so that its deallocation can be
placed once.

It leaves non-loop region ops (``scf.if``, ``scf.execute_region``,
``scf.index_switch``) but never a loop (buffer-loop-hoisting does that) nor
any other op with regions, and never rises above the definitions of its
dynamic sizes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import cf, memref, scf
from xdsl.dialects.builtin import ModuleOp
from xdsl.ir import Block, Region, SSAValue
from xdsl.passes import ModulePass
from xdsl.rewriter import InsertPoint, Rewriter

from mlopt.passes.bufferization.dealloc_rewrites import VIEW_OPS
from mlopt.passes.bufferization.ownership_based_buffer_deallocation import defining_block, reverse_postorder

_LEAVABLE = (scf.IfOp, scf.ExecuteRegionOp, scf.IndexSwitchOp)


def _alias_blocks(value: SSAValue) -> set[Block] | None:
    """The blocks where ``value`` or a value it flows into is defined; None
    when it flows somewhere this pass does not follow."""
    blocks, pending, seen = set(), [value], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        blocks.add(defining_block(current))
        for use in current.uses:
            user = use.operation
            if isinstance(user, VIEW_OPS):
                pending.extend(user.results)
            elif isinstance(user, scf.YieldOp) and isinstance(user.parent_op(), _LEAVABLE):
                pending.append(user.parent_op().results[use.index])
            elif isinstance(user, cf.BranchOp | cf.ConditionalBranchOp):
                edges = (
                    [(user.successor, user.arguments)]
                    if isinstance(user, cf.BranchOp)
                    else [(user.then_block, user.then_arguments), (user.else_block, user.else_arguments)]
                )
                for successor, arguments in edges:
                    pending.extend(arg for arg, operand in zip(successor.args, arguments) if operand is current)
            elif user.successors:
                return None
    return blocks


def _ancestor_in(block: Block, region: Region) -> Block | None:
    while block is not None and block.parent is not region:
        op = block.parent_op()
        block = op.parent_block() if op is not None else None
    return block


def _dominators(region: Region) -> dict[Block, set[Block]]:
    order = reverse_postorder(region.blocks[0])
    predecessors: dict[Block, list[Block]] = {block: [] for block in order}
    for block in order:
        for successor in block.last_op.successors if block.last_op is not None else ():
            predecessors.setdefault(successor, []).append(block)
    dominators = {block: set(order) for block in order}
    dominators[order[0]] = {order[0]}
    changed = True
    while changed:
        changed = False
        for block in order[1:]:
            incoming = [dominators[p] for p in predecessors[block] if p in dominators]
            new = set.intersection(*incoming) | {block} if incoming else {block}
            if new != dominators[block]:
                dominators[block], changed = new, True
    return dominators


def _placement(alloc: memref.AllocOp) -> Block | None:
    """The block the allocation should move to, or None to stay."""
    home = alloc.parent_block()
    blocks = _alias_blocks(alloc.memref)
    if blocks is None:
        return None
    region = home.parent
    # The innermost region holding every alias, reached through leavable ops only.
    while any(_ancestor_in(block, region) is None for block in blocks):
        owner = region.parent_op()
        if not isinstance(owner, _LEAVABLE):
            return None
        region = owner.parent_block().parent
    lifted = {_ancestor_in(block, region) for block in blocks}
    dominators = _dominators(region)
    common = set.intersection(*(dominators.get(block, {block}) for block in lifted))
    # The deepest common dominator has the most dominators itself.
    target = max(common, key=lambda block: len(dominators.get(block, ())), default=None)
    if target is None or target is home:
        return None
    for operand in alloc.operands:
        source = defining_block(operand)
        encloses_target = _ancestor_in(target, source.parent) is source
        dominates_target = source.parent is region and source in dominators.get(target, ())
        if not (encloses_target or dominates_target):
            return None
    return target


@dataclass(frozen=True)
class BufferHoistingPass(ModulePass):
    """Optimizes placement of allocation operations by moving them into common dominators and out of nested regions"""

    name = "buffer-hoisting"
    display_name: ClassVar[str] = "BufferHoistingPass"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        for alloc in [o for o in op.walk() if isinstance(o, memref.AllocOp)]:
            target = _placement(alloc)
            if target is None:
                continue
            ancestor = alloc
            while ancestor.parent_block() is not target and ancestor.parent_op() is not None:
                ancestor = ancestor.parent_op()
            point = InsertPoint.before(ancestor if ancestor.parent_block() is target else target.last_op)
            alloc.detach()
            Rewriter.insert_op(alloc, point)
