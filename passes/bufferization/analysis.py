"""One-shot analysis: which tensor operands can bufferize in place.

Upstream's OneShotAnalysis, with the same heuristic and rules so that mlopt
makes the same in-place decisions as mlir-opt: ops are visited bottom-up; an
operand goes in place unless that would make a read see a later write
(read-after-write interference) or write into a buffer that may not be written
(a constant, an unknown op's result, a non-writable function argument).
Values are grouped in *alias sets* (buffers that may be the same) and
*equivalence sets* (buffers that are the same).
"""

from __future__ import annotations

import itertools

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from xdsl.dialects.builtin import ArrayAttr, StringAttr, UnitAttr
from xdsl.ir import Block, BlockArgument, Operation, OpResult, Region, SSAValue
from xdsl.traits import IsTerminator

from mlopt.diagnostics import DiagnosticError
from mlopt.passes.bufferization.interface import (
    BufferizableOpModel,
    BufferRelation,
    Operand,
    UnknownOpModel,
    has_tensor_semantics,
    is_tensor,
)

IN_PLACE_ATTR = "__inplace_operands_attr__"
UNKNOWN_MODEL = UnknownOpModel()


class UnionFind:
    """Disjoint sets of SSA values, with their members."""

    def __init__(self) -> None:
        self._parent: dict[SSAValue, SSAValue] = {}
        self._members: dict[SSAValue, list[SSAValue]] = {}

    def find(self, value: SSAValue) -> SSAValue:
        parent = self._parent.get(value)
        if parent is None:
            return value
        root = self.find(parent)
        self._parent[value] = root
        return root

    def union(self, a: SSAValue, b: SSAValue) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra is rb:
            return
        members_a, members_b = self.members(ra), self.members(rb)
        if len(members_a) < len(members_b):
            ra, rb, members_a, members_b = rb, ra, members_b, members_a
        self._parent[rb] = ra
        self._members[ra] = members_a + members_b
        self._members.pop(rb, None)

    def members(self, value: SSAValue) -> list[SSAValue]:
        root = self.find(value)
        return self._members.get(root, [root])

    def same(self, a: SSAValue, b: SSAValue) -> bool:
        return self.find(a) is self.find(b)


@dataclass
class AnalysisOptions:
    """The options of one-shot-bufferize that the analysis reads."""

    allow_return_allocs_from_loops: bool = False
    print_conflicts: bool = False
    heuristic: str = "bottom-up"
    """The order ops are decided in: bottom-up, top-down, bottom-up-from-terminators or fuzzer."""
    fuzzer_seed: int = 0
    copy_before_write: bool = False
    """Decide nothing in place: every write gets a fresh buffer."""
    check_parallel_regions: bool = True
    is_allowed: Callable[[Operation], bool] = lambda op: True


def owner_of(value: SSAValue) -> Operation | None:
    """The op defining ``value``, or the op whose block has it as argument."""
    if isinstance(value, OpResult):
        return value.op
    assert isinstance(value, BlockArgument)
    region = value.block.parent
    return region.parent if region is not None else None


def parent_region(op_or_value: Operation | SSAValue) -> Region | None:
    if isinstance(op_or_value, BlockArgument):
        return op_or_value.block.parent
    op = op_or_value.op if isinstance(op_or_value, OpResult) else op_or_value
    block = op.parent
    return block.parent if block is not None else None


class Dominance:
    """Op and block dominance over a tree of regions, for ``happens_before``."""

    def __init__(self, root: Operation):
        self._position: dict[Operation, int] = {}
        for index, op in enumerate(root.walk()):
            self._position[op] = index
        self._dominators: dict[Region, dict[Block, set[Block]]] = {}

    def _block_dominators(self, region: Region) -> dict[Block, set[Block]]:
        if region not in self._dominators:
            blocks = list(region.blocks)
            predecessors: dict[Block, list[Block]] = {b: [] for b in blocks}
            for block in blocks:
                terminator = block.last_op
                for successor in terminator.successors if terminator is not None else ():
                    predecessors[successor].append(block)
            all_blocks = set(blocks)
            dominators = {b: set(all_blocks) for b in blocks}
            dominators[blocks[0]] = {blocks[0]}
            changed = True
            while changed:
                changed = False
                for block in blocks[1:]:
                    preds = [dominators[p] for p in predecessors[block]]
                    new = (set.intersection(*preds) if preds else set()) | {block}
                    if new != dominators[block]:
                        dominators[block] = new
                        changed = True
            self._dominators[region] = dominators
        return self._dominators[region]

    def properly_dominates(self, a: Operation, b: Operation) -> bool:
        """Upstream's properlyDominates with enclosingOpOk: ``a`` runs before ``b``
        on every path, or encloses it."""
        if a is b:
            return False
        a_region = parent_region(a)
        ancestor: Operation | None = b
        while ancestor is not None and parent_region(ancestor) is not a_region:
            ancestor = ancestor.parent_op()
        if ancestor is None:
            return False
        if ancestor is a:
            return True
        if a.parent is ancestor.parent:
            return self._position[a] < self._position[ancestor]
        assert a_region is not None and a.parent is not None and ancestor.parent is not None
        return a.parent in self._block_dominators(a_region).get(ancestor.parent, set())

    def happens_before(self, a: Operation, b: Operation) -> bool:
        """``a`` or one of its ancestors properly dominates ``b``, and ``b`` is not inside ``a``."""
        current: Operation | None = a
        while current is not None:
            if current is not b and current.is_ancestor(b):
                return False
            if self.properly_dominates(current, b):
                return True
            current = current.parent_op()
        return False


def block_reaches(start: Block, target: Block, avoid: Block | None) -> bool:
    """Whether control can flow from ``start`` to ``target`` (in one or more
    steps) without passing through ``avoid``."""
    seen: set[Block] = set()
    work = [start]
    while work:
        block = work.pop()
        terminator = block.last_op
        for successor in terminator.successors if terminator is not None else ():
            if successor is target:
                return True
            if successor in seen or successor is avoid:
                continue
            seen.add(successor)
            work.append(successor)
    return False


@dataclass
class AnalysisState:
    """Alias and equivalence sets, and the in-place decisions."""

    root: Operation
    models: Callable[[Operation], BufferizableOpModel | None]
    options: AnalysisOptions = field(default_factory=AnalysisOptions)
    aliases: UnionFind = field(default_factory=UnionFind)
    equivalences: UnionFind = field(default_factory=UnionFind)
    in_place: set[Operand] = field(default_factory=set)
    undefined_uses: set[Operand] = field(default_factory=set)
    unanalyzed: set[Operation] = field(default_factory=set)
    """Scopes left out of the analysis (no-analysis-func-filter)."""
    function_state: object | None = None
    """Module bufferization's per-function facts (see module_bufferize)."""

    def __post_init__(self) -> None:
        self.dominance = Dominance(self.root)

    # ------------------------------------------------------------------ models

    def model(self, op: Operation | None) -> BufferizableOpModel | None:
        """The op's model when it is bufferized by this run, else None."""
        if op is None or not self.options.is_allowed(op):
            return None
        return self.models(op)

    def model_or_unknown(self, op: Operation) -> BufferizableOpModel:
        return self.model(op) or UNKNOWN_MODEL

    def reads(self, operand: Operand) -> bool:
        op, index = operand
        return self.model_or_unknown(op).reads(op, index, self)

    def writes(self, operand: Operand) -> bool:
        op, index = operand
        return self.model_or_unknown(op).writes(op, index, self)

    def aliasing_results(self, operand: Operand) -> list[tuple[OpResult, BufferRelation]]:
        op, index = operand
        return self.model_or_unknown(op).aliasing_results(op, index, self)

    def aliasing_operands(self, value: SSAValue) -> list[tuple[Operand, BufferRelation]]:
        if not isinstance(value, OpResult):
            return []
        return self.model_or_unknown(value.op).aliasing_operands(value.op, value, self)

    def value_writes(self, value: SSAValue) -> bool:
        """Upstream's bufferizesToMemoryWrite(Value): whether ``value`` holds
        freshly written data rather than an alias of another tensor."""
        if not isinstance(value, OpResult):
            return True
        model = self.model(value.op)
        return True if model is None else model.result_writes(value.op, value, self)

    def is_in_place_write(self, operand: Operand) -> bool:
        return self.writes(operand) and operand in self.in_place

    def are_equivalent(self, a: SSAValue, b: SSAValue) -> bool:
        return self.equivalences.same(a, b)

    def are_aliasing(self, a: SSAValue, b: SSAValue) -> bool:
        return self.aliases.same(a, b)

    def bufferize_in_place(self, operand: Operand) -> None:
        self.in_place.add(operand)
        for result, _ in self.aliasing_results(operand):
            self.aliases.union(result, operand[0].operands[operand[1]])

    # ----------------------------------------------------------- use-def walks

    def find_in_reverse_use_def_chain(
        self,
        start: SSAValue,
        condition: Callable[[SSAValue], bool],
        *,
        include_leaves: bool = True,
        follow_in_place_only: bool = False,
        follow_equivalent_only: bool = False,
        follow_unknown_ops: bool = False,
    ) -> list[SSAValue]:
        """Upstream's findValueInReverseUseDefChain: the values met when following
        aliasing operands backwards from ``start`` that satisfy ``condition``
        (and, with ``include_leaves``, the values where the walk ends)."""
        result: dict[SSAValue, None] = {}
        visited: set[SSAValue] = set()
        work = [start]
        while work:
            value = work.pop()
            if value in visited:
                if include_leaves:
                    result[value] = None
                continue
            visited.add(value)
            if condition(value):
                result[value] = None
                continue
            if not follow_unknown_ops and isinstance(value, OpResult) and self.model(value.op) is None:
                if include_leaves:
                    result[value] = None
                continue
            aliases = self.aliasing_operands(value)
            if not aliases:
                if include_leaves:
                    result[value] = None
                continue
            for (op, index), relation in aliases:
                if (follow_equivalent_only and relation is not BufferRelation.EQUIVALENT) or (
                    follow_in_place_only and (op, index) not in self.in_place
                ):
                    if include_leaves:
                        result[value] = None
                    continue
                work.append(op.operands[index])
        return list(result)

    def find_definitions(self, operand: Operand) -> list[SSAValue]:
        """The values whose writes the read of ``operand`` expects to see."""
        op, index = operand
        return self.find_in_reverse_use_def_chain(op.operands[index], self.value_writes, include_leaves=False)

    def written_inside(self, op: Operation, operand: Operand) -> bool:
        """Whether the value of ``operand`` (inside ``op``) is written by an op nested in ``op``."""

        def written_by_nested_op(value: SSAValue) -> bool:
            owner = owner_of(value)
            return owner is not None and owner is not op and op.is_ancestor(owner) and self.value_writes(value)

        owner_op, index = operand
        if owner_op is op:
            return False
        return bool(self.find_in_reverse_use_def_chain(owner_op.operands[index], written_by_nested_op, include_leaves=False))

    def is_value_read(self, value: SSAValue) -> bool:
        """Whether any alias of ``value`` is read (following aliasing results)."""
        work = [value]
        seen: set[SSAValue] = set()
        while work:
            current = work.pop()
            if current in seen:
                continue
            seen.add(current)
            for use in list(current.uses):
                operand = (use.operation, use.index)
                if self.reads(operand):
                    return True
                work.extend(result for result, _ in self.aliasing_results(operand))
        return False

    def is_value_written(self, value: SSAValue) -> bool:
        return any(
            self.is_in_place_write((use.operation, use.index))
            for alias in self.aliases.members(value)
            for use in list(alias.uses)
        )

    def is_writable(self, value: SSAValue) -> bool:
        owner = owner_of(value)
        model = self.model(owner)
        return model is not None and model.is_writable(owner, value, self)

    # -------------------------------------------------------------- regions

    def enclosing_repetitive_region(self, where: Operation | SSAValue) -> Region | None:
        region = parent_region(where)
        while region is not None:
            op = region.parent
            if op is None:
                return None
            model = self.model_or_unknown(op)
            if model.is_repetitive_region(op, op.regions.index(region)):
                return region
            region = parent_region(op)
        return None

    def next_enclosing_repetitive_region(self, region: Region) -> Region | None:
        op = region.parent
        return self.enclosing_repetitive_region(op) if op is not None else None

    def inside_mutually_exclusive_regions(self, a: Operation, b: Operation) -> bool:
        """Whether ``a`` and ``b`` sit in different branches of one op (scf.if's then and else)."""
        a_regions: dict[Operation, Region] = {}
        region = parent_region(a)
        while region is not None and region.parent is not None:
            a_regions.setdefault(region.parent, region)
            region = parent_region(region.parent)
        region = parent_region(b)
        while region is not None and region.parent is not None:
            op = region.parent
            if op in a_regions:
                if a_regions[op] is region:
                    return False
                return self.model_or_unknown(op).branches_exclusive
            region = parent_region(op)
        return False


# --------------------------------------------------------------------- conflicts


def _can_use_op_dominance(read: Operand, write: Operand, definitions: Sequence[SSAValue], state: AnalysisState) -> bool:
    """Whether op order can rule out a conflict: not when a loop that does not
    contain a definition repeats both the read and the write."""
    read_op, write_op = read[0], write[0]
    for definition in definitions:
        read_region = state.enclosing_repetitive_region(read_op)
        def_region = state.enclosing_repetitive_region(definition)
        if read_region is def_region:
            continue
        assert read_region is not None
        while (next_region := state.next_enclosing_repetitive_region(read_region)) is not def_region:
            if next_region is None:
                break
            read_region = next_region
        loop = read_region.parent
        if loop is not None and loop.is_ancestor(write_op):
            return False
    # Loops made of blocks (cf branches) repeat ops the same way.
    if parent_region(read_op) is not parent_region(write_op):
        return True
    read_block, write_block = read_op.parent, write_op.parent
    assert read_block is not None and write_block is not None
    for definition in definitions:
        def_block = definition.block if isinstance(definition, BlockArgument) else definition.op.parent
        if block_reaches(read_block, write_block, def_block) and block_reaches(write_block, read_block, def_block):
            return False
    return True


def _matches_insert_destination(state: AnalysisState, value: SSAValue, insert_op: Operation) -> bool:
    """Whether ``value`` is exactly the part of the destination that ``insert_op`` overwrites."""
    model = state.model_or_unknown(insert_op)

    def matching_subset(candidate: SSAValue) -> bool:
        return isinstance(candidate, OpResult) and model.is_equivalent_subset(insert_op, candidate, state)

    leaves = state.find_in_reverse_use_def_chain(value, matching_subset)
    return bool(leaves) and all(matching_subset(leaf) for leaf in leaves)


def _subset_insertion(state: AnalysisState, op: Operation) -> tuple[int, int] | None:
    model = state.model(op)
    return model.subset_insertion_operands(op) if model is not None else None


def _are_non_conflicting_subsets(read: Operand, write: Operand, state: AnalysisState) -> bool:
    """Upstream's special rules for an extract_slice → compute → insert_slice
    round trip into the same tensor."""
    reading_op, writing_op = read[0], write[0]
    if (operands := _subset_insertion(state, reading_op)) is not None:
        source, dest = ((reading_op, operands[0]), (reading_op, operands[1]))
        if read == dest and _matches_insert_destination(state, writing_op.operands[write[1]], reading_op):
            return True
        if read == source and write == dest and _matches_insert_destination(state, reading_op.operands[read[1]], reading_op):
            return True
    if (operands := _subset_insertion(state, writing_op)) is not None:
        source_value = writing_op.operands[operands[0]]
        if (
            write == (writing_op, operands[1])
            and state.are_equivalent(read[0].operands[read[1]], source_value)
            and _matches_insert_destination(state, source_value, writing_op)
        ):
            return True
    return False


def _has_equivalent_value_in_reverse_use_def_chain(state: AnalysisState, start: SSAValue, other: SSAValue) -> bool:
    return bool(
        state.find_in_reverse_use_def_chain(
            start, lambda v: v is other, include_leaves=False, follow_equivalent_only=True
        )
    )


_conflict_labels = itertools.count()
_non_writable_labels = itertools.count()
"""print-conflicts numbers its annotations per process, as upstream does."""


def _annotate_value(value: SSAValue, text: str) -> None:
    """Mark ``value``'s defining op (or the op owning its block) with ``text``."""
    if isinstance(value, OpResult):
        value.op.attributes[f"{text}result {value.index}]"] = UnitAttr()
    else:
        assert isinstance(value, BlockArgument)
        owner = owner_of(value)
        if owner is not None:
            owner.attributes[f"{text}bbArg {value.index}]"] = UnitAttr()


def _annotate_non_writable(value: SSAValue) -> None:
    _annotate_value(value, f"W_{next(_non_writable_labels)}[NOT-WRITABLE: ")


def _annotate_conflict(read: Operand, write: Operand, definition: SSAValue) -> None:
    label = f"C_{next(_conflict_labels)}"
    write[0].attributes[f"{label}[CONFL-WRITE: {write[1]}]"] = UnitAttr()
    read[0].attributes[f"{label}[READ: {read[1]}]"] = UnitAttr()
    _annotate_value(definition, f"{label}[DEF: ")


def _parallel_region(state: AnalysisState, region: Region | None) -> Region | None:
    while region is not None and region.parent is not None:
        op = region.parent
        if state.model_or_unknown(op).is_parallel_region(op, op.regions.index(region)):
            return region
        region = parent_region(op)
    return None


def _needs_privatization(reads: list[Operand], writes: list[Operand], state: AnalysisState) -> bool:
    """A write in a parallel region to a buffer defined outside of it races
    with the other threads: it must go to a private copy (check-parallel-regions)."""
    if not state.options.check_parallel_regions or not reads:
        return False
    for write in writes:
        owner, index = write
        definitions = state.find_in_reverse_use_def_chain(owner.operands[index], state.value_writes)
        writer_region = _parallel_region(state, parent_region(owner))
        if any(_parallel_region(state, parent_region(d)) is not writer_region for d in definitions):
            return True
    return False


def _has_read_after_write_interference(reads: Iterable[Operand], writes: Iterable[Operand], state: AnalysisState) -> bool:
    dominance = state.dominance
    reads, writes = list(reads), list(writes)
    if _needs_privatization(reads, writes, state):
        return True
    for read in reads:
        reading_op = read[0]
        definitions = state.find_definitions(read)
        if not definitions:
            continue
        for write in writes:
            writing_op = write[0]
            if _can_use_op_dominance(read, write, definitions, state):
                if dominance.happens_before(reading_op, writing_op):
                    continue
                if write == read:
                    continue
                if state.inside_mutually_exclusive_regions(reading_op, writing_op):
                    continue
                if writing_op is reading_op:
                    model = state.model(reading_op)
                    if (
                        model is not None
                        and model.elementwise_access(reading_op, [read, write], state)
                        and (
                            _has_equivalent_value_in_reverse_use_def_chain(state, reading_op.operands[read[1]], writing_op.operands[write[1]])
                            or _has_equivalent_value_in_reverse_use_def_chain(state, writing_op.operands[write[1]], reading_op.operands[read[1]])
                        )
                    ):
                        continue
            if _are_non_conflicting_subsets(read, write, state):
                continue
            reading_model = state.model(reading_op)
            if reading_model is not None and reading_model.is_not_conflicting(reading_op, read, write, state):
                continue
            if writing_op is not reading_op:
                writing_model = state.model(writing_op)
                if writing_model is not None and writing_model.is_not_conflicting(writing_op, read, write, state):
                    continue
            for definition in definitions:
                if isinstance(definition, OpResult):
                    defining_op = definition.op
                    if dominance.happens_before(writing_op, defining_op):
                        continue
                    if defining_op is not writing_op and defining_op.is_ancestor(writing_op):
                        continue
                else:
                    assert isinstance(definition, BlockArgument)
                    if definition.block.find_ancestor_op_in_block(writing_op) is None:
                        continue
                aliasing = state.aliasing_results(write)
                if len(aliasing) == 1 and aliasing[0][0] is definition:
                    continue
                if state.options.print_conflicts:
                    _annotate_conflict(read, write, definition)
                return True
    return False


def _aliasing_reads_and_writes(state: AnalysisState, values: Iterable[SSAValue]) -> tuple[dict[Operand, None], dict[Operand, None]]:
    reads: dict[Operand, None] = {}
    writes: dict[Operand, None] = {}
    seen_sets: set[SSAValue] = set()
    for value in values:
        root = state.aliases.find(value)
        if root in seen_sets:
            continue
        seen_sets.add(root)
        for alias in state.aliases.members(value):
            for use in list(alias.uses):
                operand = (use.operation, use.index)
                if state.reads(operand):
                    reads[operand] = None
                if state.is_in_place_write(operand):
                    writes[operand] = None
    return reads, writes


def would_create_read_after_write_interference(operand: Operand, state: AnalysisState, *, consistency_only: bool = False) -> bool:
    op, index = operand
    values = [op.operands[index], *(result for result, _ in state.aliasing_results(operand))]
    reads, writes = _aliasing_reads_and_writes(state, values)
    if not consistency_only and state.writes(operand):
        writes[operand] = None
    return _has_read_after_write_interference(reads, writes, state)


def would_create_write_to_non_writable_buffer(operand: Operand, state: AnalysisState) -> bool:
    """Whether the operand, in place, makes a write (its own, or an in-place
    write to an alias) to a buffer that may not be written."""
    op, index = operand
    values = [op.operands[index], *(result for result, _ in state.aliasing_results(operand))]
    if not state.writes(operand) and not _aliasing_reads_and_writes(state, values)[1]:
        return False
    read_only = [alias for value in values for alias in state.aliases.members(value) if not state.is_writable(alias)]
    if state.options.print_conflicts:
        for alias in read_only:
            _annotate_non_writable(alias)
    return bool(read_only)


# ------------------------------------------------------------------------ driver


def _set_up_must_in_place(state: AnalysisState, scope: Operation) -> None:
    for op in scope.walk():
        model = state.model(op)
        if model is None:
            continue
        for index, value in enumerate(op.operands):
            if is_tensor(value) and model.must_bufferize_in_place(op, index, state):
                for result, _ in model.aliasing_results(op, index, state):
                    state.aliases.union(value, result)
                state.in_place.add((op, index))


def analysis_order(state: AnalysisState, ops: list[Operation]) -> list[Operation]:
    """``ops`` (in post-order, as upstream collects them) in the order the
    heuristic decides them."""
    options = state.options
    if options.fuzzer_seed:
        import random

        shuffled = list(ops)
        random.Random(options.fuzzer_seed).shuffle(shuffled)
        return shuffled
    if options.heuristic == "top-down":
        return list(ops)
    bottom_up = list(reversed(ops))
    if options.heuristic != "bottom-up-from-terminators":
        return bottom_up
    # Follow use-def chains backwards from the terminators first.
    candidates = set(ops)
    order: dict[Operation, None] = {}
    work = [op for op in bottom_up if op.has_trait(IsTerminator) and any(is_tensor(v) for v in op.operands)]
    while work:
        op = work.pop(0)
        if op in order:
            continue
        order[op] = None
        for value in op.operands:
            if isinstance(value, OpResult) and is_tensor(value) and value.op in candidates:
                work.append(value.op)
    order.update((op, None) for op in bottom_up)
    return list(order)


def _in_place_analysis(state: AnalysisState, ops: list[Operation]) -> None:
    for op in analysis_order(state, ops):
        for index, value in enumerate(op.operands):
            if not is_tensor(value) or (op, index) in state.in_place:
                continue
            operand = (op, index)
            conflict = would_create_write_to_non_writable_buffer(operand, state) or would_create_read_after_write_interference(
                operand, state
            )
            if not conflict:
                state.bufferize_in_place(operand)


def _equivalence_analysis(state: AnalysisState, ops: list[Operation]) -> None:
    for op in ops:
        model = state.model(op)
        if model is None:
            continue
        for result in op.results:
            if not is_tensor(result):
                continue
            for (owner, index), relation in model.aliasing_operands(op, result, state):
                if (owner, index) in state.in_place and relation is BufferRelation.EQUIVALENT:
                    state.equivalences.union(result, owner.operands[index])


def _post_order(root: Operation) -> list[Operation]:
    order: list[Operation] = []

    def visit(op: Operation) -> None:
        for region in op.regions:
            for block in region.blocks:
                for nested in block.ops:
                    visit(nested)
        order.append(op)

    visit(root)
    return order


def gather_undefined_uses(state: AnalysisState, scope: Operation) -> None:
    """Uses of tensors whose contents nobody wrote (tensor.empty and its
    aliases): a copy of them is never needed."""
    for op in scope.walk():
        model = state.model(op)
        if model is None:
            continue
        for result in op.results:
            if not is_tensor(result):
                continue
            last_writes = state.find_in_reverse_use_def_chain(result, state.value_writes)
            if all(not state.value_writes(w) and isinstance(w, OpResult) and state.model(w.op) is not None for w in last_writes):
                for use in list(result.uses):
                    state.undefined_uses.add((use.operation, use.index))


def _check_pre_bufferization_assumptions(state: AnalysisState, scope: Operation) -> None:
    """Upstream's checks before any decision: structured control flow where a
    model needs it, to_tensor marked restrict, and no conflict that the ops
    forced to bufferize in place (materialize_in_destination) make unavoidable."""
    modeled = [op for op in scope.walk() if state.model(op) is not None]
    for op in modeled:
        if not state.model(op).supports_unstructured_control_flow and any(len(r.blocks) > 1 for r in op.regions):  # type: ignore[union-attr]
            raise DiagnosticError.at(
                op,
                f"'{op.name}' op op or BufferizableOpInterface implementation does not support unstructured control "
                "flow, but at least one region has multiple blocks",
            )
    for op in modeled:
        if op.name == "bufferization.to_tensor" and "restrict" not in op.properties and op.results[0].uses:
            raise DiagnosticError.at(op, f"'{op.name}' op to_tensor ops without `restrict` are not supported by One-Shot Analysis")
        for index, value in enumerate(op.operands):
            if not is_tensor(value):
                continue
            if would_create_read_after_write_interference((op, index), state, consistency_only=True):
                raise DiagnosticError.at(op, f"'{op.name}' op not bufferizable under the given constraints: cannot avoid RaW conflict")


def skip_analysis(state: AnalysisState, scope: Operation) -> None:
    """Leave ``scope`` unanalyzed: every write in it gets a copy, and it is not annotated."""
    _set_up_must_in_place(state, scope)
    state.unanalyzed.add(scope)


def analyze(state: AnalysisState, scope: Operation) -> None:
    """Decide every tensor operand inside ``scope``; raises DiagnosticError
    where upstream's analysis fails. With copy-before-write nothing is
    analyzed: every write gets a copy."""
    _set_up_must_in_place(state, scope)
    if state.options.copy_before_write:
        for op in scope.walk():
            for index, value in enumerate(op.operands):
                if is_tensor(value) and not state.writes((op, index)):
                    state.bufferize_in_place((op, index))
        gather_undefined_uses(state, scope)
        return
    _check_pre_bufferization_assumptions(state, scope)
    _in_place_analysis(state, [op for op in _post_order(scope) if has_tensor_semantics(op)])
    _equivalence_analysis(state, [op for op in _post_order(scope) if any(is_tensor(r) for r in op.results)])
    gather_undefined_uses(state, scope)
    for op in scope.walk():
        model = state.model(op)
        if model is not None:
            model.verify_analysis(op, state)


def annotate_in_place_decisions(state: AnalysisState) -> None:
    """test-analysis-only: ``__inplace_operands_attr__`` on every analyzed op."""
    for op in state.root.walk():
        if not any(is_tensor(v) for v in op.operands) or any(scope.is_ancestor(op) for scope in state.unanalyzed):
            continue
        decisions = [
            ("true" if (op, i) in state.in_place else "false") if is_tensor(v) else "none" for i, v in enumerate(op.operands)
        ]
        op.attributes[IN_PLACE_ATTR] = ArrayAttr([StringAttr(d) for d in decisions])
