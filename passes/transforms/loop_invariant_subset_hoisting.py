"""loop-invariant-subset-hoisting: a matching extraction / insertion pair on
a loop's iter_arg (tensor.extract_slice + insert_slice, vector.transfer_read
+ transfer_write on tensors) at a loop-invariant place moves out of the loop:
the extraction before it, the insertion after it, and the extracted value
becomes a new iter_arg, as upstream's hoistLoopInvariantSubsets.

Only when every use along the iter_arg's chain to the yield is a subset op
(or a nested loop carrying it), and all other subset ops on the chain touch
provably disjoint parts; one chain per iter_arg, no swapped yields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.ir import BlockArgument, Operation, SSAValue
from xdsl.passes import ModulePass

from mlopt.passes.transforms.loop_utils import add_iter_args, defined_outside
from mlopt.passes.transforms import subsets


@dataclass
class _MatchingSubsets:
    extractions: list[Operation | None] = field(default_factory=list)
    insertions: list[Operation | None] = field(default_factory=list)
    all_ops: list[Operation] = field(default_factory=list)

    def insert(self, op: Operation, hoistable: bool) -> None:
        self.all_ops.append(op)
        if not hoistable:
            return
        extraction = subsets.is_extraction(op)
        mine, others = (self.extractions, self.insertions) if extraction else (self.insertions, self.extractions)
        for index, other in enumerate(others):
            if other is not None and subsets.equivalent(other, op):
                mine[index] = op
                return
        mine.append(op)
        others.append(None)

    def hoistable_pairs(self) -> list[tuple[Operation, Operation]]:
        pairs = []
        for extraction, insertion in zip(self.extractions, self.insertions):
            if extraction is None or insertion is None:
                continue  # lone extractions or insertions are left to canonicalization, as upstream
            if extraction.results[0].type != insertion.operands[subsets.SOURCE].type:
                continue
            others = [op for op in self.all_ops if op is not extraction and op is not insertion]
            if all(subsets.disjoint(other, extraction) and subsets.disjoint(other, insertion) for other in others):
                pairs.append((extraction, insertion))
        return pairs

    def populate(self, loop: Operation, iter_arg: BlockArgument, hoistable: bool = True) -> bool:
        """Follow the iter_arg's single chain of subset ops to the loop's yield."""
        value: SSAValue = iter_arg
        while True:
            uses = list(value.uses)
            if len(uses) == 1 and uses[0].operation.name == "scf.yield":
                break
            next_value: SSAValue | None = None
            for use in uses:
                user = use.operation
                if user.name == "scf.for" and use.index >= 3:
                    nested_arg = user.body.block.args[use.index - 2]  # type: ignore[attr-defined]
                    if not self.populate(user, nested_arg, hoistable=False):
                        return False
                    next_value = user.results[use.index - 3]
                    continue
                if not (subsets.is_extraction(user) or subsets.is_insertion(user)):
                    return False
                self.insert(user, hoistable)
                if subsets.is_insertion(user):
                    if use.index != subsets.DESTINATION or next_value is not None:
                        return False  # inserting the whole tensor reads it; a second chain is a branch
                    next_value = user.results[0]
            if next_value is None:
                return False
            value = next_value
        (yield_use,) = value.uses
        return yield_use.index == iter_arg.index - 1


def _can_hoist(op: Operation, loop: Operation, free: tuple[int, ...]) -> bool:
    """Whether ``op`` sits right in the loop's body (not in a vector.mask,
    say) and needs nothing from the loop but its ``free`` operands."""
    in_body = op.parent_block() is loop.body.block  # type: ignore[attr-defined]
    return in_body and not op.regions and all(i in free or defined_outside(v, loop) for i, v in enumerate(op.operands))


def _hoist_at_iter_arg(loop: Operation, position: int) -> Operation:
    matching = _MatchingSubsets()
    if not matching.populate(loop, loop.body.block.args[position + 1]):  # type: ignore[attr-defined]
        return loop
    for extraction, insertion in matching.hoistable_pairs():
        if not _can_hoist(extraction, loop, (subsets.SOURCE,)):
            continue
        if not _can_hoist(insertion, loop, (subsets.SOURCE, subsets.DESTINATION)):
            continue
        inserted = insertion.operands[subsets.SOURCE]
        loop = add_iter_args(loop, [extraction.results[0]], lambda _: [inserted], replace_init_uses_in_loop=True)
        loop_result = loop.results[position]
        new_result = loop.results[-1]
        extraction.detach()
        loop.parent_block().insert_op_before(extraction, loop)  # type: ignore[union-attr]
        insertion.detach()
        loop.parent_block().insert_op_after(insertion, loop)  # type: ignore[union-attr]
        insertion.results[0].replace_all_uses_with(insertion.operands[subsets.DESTINATION])
        extraction.operands[subsets.SOURCE] = loop.operands[3 + position]
        loop_result.replace_all_uses_with(insertion.results[0])
        insertion.operands[subsets.SOURCE] = new_result
        insertion.operands[subsets.DESTINATION] = loop_result
    return loop


def hoist_loop_invariant_subsets(loop: Operation) -> Operation:
    """Hoist the matching subset pairs of every iter_arg of the scf.for
    ``loop`` (new iter_args included); the loop that replaced it."""
    position = 0
    while loop.name == "scf.for" and position < len(loop.body.block.args) - 1:  # type: ignore[attr-defined]
        loop = _hoist_at_iter_arg(loop, position)
        position += 1
    return loop


def hoist_in_all_loops(root: Operation, on_replace: Callable[[Operation, Operation], None] | None = None) -> None:
    """:func:`hoist_loop_invariant_subsets` on each scf.for in ``root``, inner loops first."""
    for loop in [op for op in root.walk(region_first=True) if op.name == "scf.for"]:
        new_loop = hoist_loop_invariant_subsets(loop)
        if new_loop is not loop and on_replace is not None:
            on_replace(loop, new_loop)


@dataclass(frozen=True)
class LoopInvariantSubsetHoistingPass(ModulePass):
    """Hoist loop invariant subset ops outside of the loop"""

    name = "loop-invariant-subset-hoisting"
    display_name: ClassVar[str] = "LoopInvariantSubsetHoisting"

    def apply(self, ctx: Context, op: Operation) -> None:
        hoist_in_all_loops(op)
