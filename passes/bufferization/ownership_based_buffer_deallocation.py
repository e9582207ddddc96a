"""ownership-based-buffer-deallocation: upstream's OwnershipBasedBufferDeallocation.

Every memref value gets an *ownership indicator* per block: an i1 saying
whether that block is responsible for freeing it. Allocations are owned
(``true``), function arguments and what comes into a nested region from
outside are not (``false``), and ops that make views take the ownership of
their operands. Ownership crosses region boundaries as extra i1 operands,
block arguments and results (``scf.for``/``scf.while`` iteration values,
``scf.if`` results, ``cf.br``/``cf.cond_br`` block arguments, one dealloc
per edge). Before each terminator a ``bufferization.dealloc`` frees
what the block owns, retaining what the terminator passes on; its updated
conditions become the ownership passed along. Returned memrefs are always
owned by the caller: one not owned here is cloned (under a runtime check).

With ``private-function-dynamic-ownership``, private functions return one
extra i1 per memref result, its ownership, instead of cloning what they do
not own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith, cf, memref, scf
from xdsl.dialects.builtin import FunctionType, IntegerAttr, MemRefType, ModuleOp, UnrankedMemRefType, i1
from xdsl.dialects.func import CallOp, FuncOp, ReturnOp
from xdsl.ir import Block, BlockArgument, Operation, Region, SSAValue
from xdsl.passes import ModulePass
from xdsl.rewriter import InsertPoint, Rewriter
from xdsl.traits import IsTerminator

from mlopt.diagnostics import DiagnosticError
from mlopt.dialects.arith import SelectOp
from mlopt.dialects.bufferization import CloneOp, DeallocOp
from mlopt.dialects.cf import ConditionalBranchOp
from mlopt.dialects.scf import IfOp
from mlopt.passes.bufferization.dealloc_rewrites import constant_bool
from mlopt.passes.bufferization.rebuild import rebuilt


def is_memref(value: SSAValue) -> bool:
    return isinstance(value.type, MemRefType | UnrankedMemRefType)


_UNKNOWN = "unknown"
"""The ownership of a value that may alias several owned buffers."""


def defining_block(value: SSAValue) -> Block | None:
    return value.block if isinstance(value, BlockArgument) else value.op.parent_block()


def memref_live_ins(region: Region) -> dict[Block, list[SSAValue]]:
    """For each block of ``region``, the memrefs defined in other blocks of it
    that are live at its start (in a deterministic order)."""
    blocks = list(region.blocks)
    in_region = set(blocks)
    uses: dict[Block, dict[SSAValue, None]] = {}
    defs: dict[Block, set[SSAValue]] = {}
    for block in blocks:
        defined = {*block.args, *(r for op in block.ops for r in op.results)}
        used: dict[SSAValue, None] = {}
        for op in block.ops:
            for nested in op.walk():
                for operand in nested.operands:
                    if is_memref(operand) and operand not in defined and defining_block(operand) in in_region:
                        used[operand] = None
        uses[block], defs[block] = used, defined
    live_in: dict[Block, dict[SSAValue, None]] = {block: dict(uses[block]) for block in blocks}
    changed = True
    while changed:
        changed = False
        for block in reversed(blocks):
            successors = block.last_op.successors if block.last_op is not None else ()
            for successor in successors:
                for value in live_in[successor]:
                    if value not in defs[block] and value not in live_in[block]:
                        live_in[block][value] = None
                        changed = True
    return {block: list(values) for block, values in live_in.items()}


def reverse_postorder(entry: Block) -> list[Block]:
    order: list[Block] = []
    seen: set[Block] = {entry}
    stack: list[tuple[Block, int]] = [(entry, 0)]
    while stack:
        block, index = stack.pop()
        successors = list(block.last_op.successors) if block.last_op is not None else []
        if index < len(successors):
            stack.append((block, index + 1))
            if successors[index] not in seen:
                seen.add(successors[index])
                stack.append((successors[index], 0))
        else:
            order.append(block)
    return order[::-1]


def has_back_edge(order: list[Block]) -> bool:
    """Whether a branch goes back to a block at or before its own in ``order``
    (reverse postorder): a loop made of blocks."""
    position = {block: index for index, block in enumerate(order)}
    return any(
        position.get(successor, len(order)) <= position[block]
        for block in order
        if block.last_op is not None
        for successor in block.last_op.successors
    )


def _combine(first: SSAValue | str | None, second: SSAValue | str | None) -> SSAValue | str | None:
    """Upstream's Ownership::getCombined: uninitialized (None) is neutral;
    two different indicators make the ownership unknown."""
    if first is None:
        return second
    if second is None or first is second:
        return first
    return _UNKNOWN


def bool_constant(value: bool, point: InsertPoint) -> SSAValue:
    constant = arith.ConstantOp(IntegerAttr(int(value), i1))
    Rewriter.insert_op(constant, point)
    return constant.result


_ALLOCATING_OPS = (memref.AllocOp, CloneOp)
"""Results the block owns. ``memref.alloca`` is freed with its scope;
``memref.realloc`` must be expanded first (expand-realloc)."""

_REGION_BRANCH_OPS = (scf.IfOp, scf.ForOp, scf.WhileOp, scf.ExecuteRegionOp, scf.IndexSwitchOp)


@dataclass
class _FunctionDeallocation:
    function: FuncOp
    dynamic_functions: frozenset[str]
    ownership: dict[tuple[SSAValue, Block], SSAValue | str] = field(default_factory=dict)
    owned: dict[Block, list[SSAValue]] = field(default_factory=lambda: defaultdict(list))
    """Per block, the memrefs it may have to free, in order of appearance."""

    def run(self) -> None:
        region = self.function.body
        entry = region.blocks[0]
        dynamic = self.function.sym_name.data in self.dynamic_functions
        # A function never owns its arguments.
        for argument in [arg for arg in entry.args if is_memref(arg)]:
            self.take(argument, bool_constant(False, InsertPoint.at_start(entry)), entry)
        if dynamic:
            self._add_ownership_results()
        order = reverse_postorder(entry)
        if has_back_edge(order):
            raise DiagnosticError.at(self.function, "Only structured control-flow loops are supported.")
        self.live_in = memref_live_ins(region)
        # Dominators first: a block takes over what its predecessors owned.
        for block in order:
            if block is not entry:
                self.enter_block(block)
            self.process_block(block)

    def enter_block(self, block: Block) -> None:
        """Ownership of the block's memref arguments comes in as extra i1
        arguments; memrefs live on from dominating blocks keep theirs."""
        for value in self.live_in[block]:
            self.take(value, self.ownership[(value, defining_block(value))], block)
        for argument in [arg for arg in block.args if is_memref(arg)]:
            self.take(argument, block.insert_arg(i1, len(block.args)), block)

    def _add_ownership_results(self) -> None:
        function_type = self.function.function_type
        outputs = list(function_type.outputs.data)
        outputs += [i1] * sum(isinstance(t, MemRefType | UnrankedMemRefType) for t in outputs)
        self.function.function_type = FunctionType.from_lists(function_type.inputs.data, outputs)

    # ------------------------------------------------------------------ state

    def take(self, value: SSAValue, indicator: SSAValue, block: Block) -> None:
        """``block`` owns ``value`` as ``indicator`` says and frees it if so."""
        self.ownership[(value, block)] = indicator
        self.owned[block].append(value)

    def ownership_in(self, value: SSAValue, block: Block) -> SSAValue | str:
        """The ownership of ``value`` in ``block``; what a nested region uses from
        an enclosing one, it does not own."""
        if (value, block) not in self.ownership:
            self.ownership[(value, block)] = bool_constant(False, InsertPoint.at_start(block))
        return self.ownership[(value, block)]

    def unique_ownership(self, value: SSAValue, block: Block, before: Operation) -> tuple[SSAValue, SSAValue]:
        """``value`` with a single indicator: a value of unknown ownership is
        cloned, and the clone is owned."""
        indicator = self.ownership_in(value, block)
        if indicator is not _UNKNOWN:
            return value, indicator
        clone = CloneOp(value)
        Rewriter.insert_op(clone, InsertPoint.before(before))
        owned = bool_constant(True, InsertPoint.before(before))
        self.take(clone.output, owned, block)
        return clone.output, owned

    # ------------------------------------------------------------------ walk

    def process_block(self, block: Block) -> None:
        for op in list(block.ops):
            if op.has_trait(IsTerminator):
                self.process_terminator(op, block)
            elif isinstance(op, _REGION_BRANCH_OPS):
                self.process_region_branch(op, block)
            else:
                self.process_op(op, block)

    def process_op(self, op: Operation, block: Block) -> None:
        if isinstance(op, memref.DeallocOp | DeallocOp):
            raise DiagnosticError.at(op, "memory free side-effect on MemRef value not supported!")
        if op.regions:
            if any(is_memref(r) for r in op.results) or any(
                is_memref(arg) for region in op.regions for b in region.blocks for arg in b.args
            ):
                raise DiagnosticError.at(
                    op,
                    f"ownership-based-buffer-deallocation: '{op.name}' passes memrefs through its regions, "
                    "which is not supported",
                )
            for region in op.regions:
                for nested in region.blocks:
                    self.process_block(nested)
        if isinstance(op, CallOp):
            self.process_call(op, block)
            return
        for result in filter(is_memref, op.results):
            if isinstance(op, _ALLOCATING_OPS):
                self.take(result, bool_constant(True, InsertPoint.before(op)), block)
                continue
            # A view or cast may alias any memref operand.
            combined = None
            for operand in filter(is_memref, op.operands):
                combined = _combine(combined, self.ownership_in(operand, block))
            self.ownership[(result, block)] = combined or bool_constant(False, InsertPoint.before(op))

    def process_call(self, call: CallOp, block: Block) -> None:
        memref_results = [r for r in call.results if is_memref(r)]
        if call.callee.root_reference.data not in self.dynamic_functions:
            for result in memref_results:
                self.take(result, bool_constant(True, InsertPoint.before(call)), block)
            return
        # The callee says which of its results the caller owns.
        new_call = rebuilt(call, call.operands, [r.type for r in call.results] + [i1] * len(memref_results))
        Rewriter.replace_op(call, new_call, new_call.results[: len(call.results)])
        indicators = new_call.results[len(call.results) :]
        for result, indicator in zip([r for r in new_call.results[: len(call.results)] if is_memref(r)], indicators):
            self.take(result, indicator, block)

    def process_region_branch(self, op: Operation, block: Block) -> None:
        """Thread ownership through the op's regions as extra i1 values; the
        op's memref results are then owned by ``block`` as the new i1 results say."""
        extra_operands: list[SSAValue] = []
        if isinstance(op, scf.ForOp | scf.WhileOp):
            # What enters the loop stays owned by the enclosing block.
            inits = op.iter_args if isinstance(op, scf.ForOp) else op.arguments
            extra_operands = [bool_constant(False, InsertPoint.before(op)) for value in inits if is_memref(value)]
        for region in op.regions:
            for nested in region.blocks:
                for argument in [arg for arg in nested.args if is_memref(arg)]:
                    self.take(argument, nested.insert_arg(i1, len(nested.args)), nested)
                self.process_block(nested)
        memref_results = [r for r in op.results if is_memref(r)]
        if not memref_results and not extra_operands:
            return
        new_op = rebuilt(op, [*op.operands, *extra_operands], [r.type for r in op.results] + [i1] * len(memref_results))
        Rewriter.replace_op(op, new_op, new_op.results[: len(op.results)])
        indicators = new_op.results[len(op.results) :]
        for result, indicator in zip([r for r in new_op.results[: len(op.results)] if is_memref(r)], indicators):
            self.take(result, indicator, block)

    def process_terminator(self, terminator: Operation, block: Block) -> None:
        if isinstance(terminator, ReturnOp) and block.parent_op() is self.function:
            self.process_return(terminator, block)
            return
        if terminator.successors:
            self.process_branch(terminator, block)
            return
        forwarded = list(terminator.operands[1:] if isinstance(terminator, scf.ConditionOp) else terminator.operands)
        retained = [v for v in forwarded if is_memref(v)]
        updated = self.insert_dealloc(block, retained, terminator)
        if retained:
            terminator.operands = list(terminator.operands) + updated

    def process_branch(self, branch: Operation, block: Block) -> None:
        """One dealloc per successor, freeing what ``block`` owns on that edge
        only; the successor's memref arguments get the retained ownership, and
        memrefs live in a successor keep theirs, chosen by the branch taken."""
        if block.parent_op() is not self.function:
            raise DiagnosticError.at(
                branch, "ownership-based-buffer-deallocation: branches inside nested regions are not supported"
            )
        if isinstance(branch, cf.BranchOp):
            edges = [(branch.successor, list(branch.arguments), None)]
        elif isinstance(branch, cf.ConditionalBranchOp):
            taken = branch.cond
            not_taken = arith.XOrIOp(taken, bool_constant(True, InsertPoint.before(branch)))
            Rewriter.insert_op(not_taken, InsertPoint.before(branch))
            edges = [
                (branch.then_block, list(branch.then_arguments), taken),
                (branch.else_block, list(branch.else_arguments), not_taken.result),
            ]
        else:
            raise DiagnosticError.at(branch, "BranchOpInterface operations with multiple successors are not supported yet")
        forwarded_per_edge, live_ownership = [], defaultdict(dict)
        for index, (successor, forwarded, edge_condition) in enumerate(edges):
            live = [v for v in self.live_in[successor] if v not in forwarded]
            retained = [v for v in forwarded if is_memref(v)] + live
            updated = self.insert_dealloc(block, retained, branch, edge_condition)
            forwarded_per_edge.append(forwarded + updated[: len(retained) - len(live)])
            for value, indicator in zip(live, updated[len(retained) - len(live) :]):
                live_ownership[value][index] = indicator
        for value, per_edge in live_ownership.items():
            if len(edges) == 1:
                self.ownership[(value, block)] = per_edge[0]
                continue
            then_owned, else_owned = (per_edge.get(i) or bool_constant(False, InsertPoint.before(branch)) for i in (0, 1))
            select = SelectOp(branch.cond, then_owned, else_owned)
            Rewriter.insert_op(select, InsertPoint.before(branch))
            self.ownership[(value, block)] = select.result
        if isinstance(branch, cf.BranchOp):
            new_branch = cf.BranchOp(branch.successor, *forwarded_per_edge[0])
        else:
            new_branch = ConditionalBranchOp(branch.cond, branch.then_block, forwarded_per_edge[0], branch.else_block, forwarded_per_edge[1])
            new_branch.properties.update({k: v for k, v in branch.properties.items() if k == "branch_weights"})
        Rewriter.replace_op(branch, new_branch)

    def process_return(self, terminator: Operation, block: Block) -> None:
        dynamic = self.function.sym_name.data in self.dynamic_functions
        results = list(terminator.operands)
        if not dynamic:
            results = [self.owned_result(value, block, terminator) if is_memref(value) else value for value in results]
        retained = [v for v in results if is_memref(v)]
        updated = self.insert_dealloc(block, retained, terminator)
        terminator.operands = results + (updated if dynamic else [])

    def owned_result(self, value: SSAValue, block: Block, terminator: Operation) -> SSAValue:
        """``value`` if this block owns it, else a copy the caller will own."""
        value, indicator = self.unique_ownership(value, block, terminator)
        if constant_bool(indicator) is True:
            return value
        then_block, else_block = Block(), Block()
        then_block.add_op(scf.YieldOp(value))
        clone = CloneOp(value)
        else_block.add_ops([clone, scf.YieldOp(clone.output)])
        select = IfOp(indicator, [value.type], Region(then_block), Region(else_block))
        Rewriter.insert_op(select, InsertPoint.before(terminator))
        self.take(select.results[0], bool_constant(True, InsertPoint.before(terminator)), block)
        return select.results[0]

    def insert_dealloc(
        self, block: Block, retained: list[SSAValue], before: Operation, edge_condition: SSAValue | None = None
    ) -> list[SSAValue]:
        """Free what ``block`` owns except ``retained`` (only when
        ``edge_condition`` holds, if given); the ownership of each retained
        value after it."""
        memrefs, conditions = [], []
        for value in self.owned[block]:
            memrefs.append(self.base_buffer(value, before))
            condition = self.ownership[(value, block)]
            if edge_condition is not None:
                both = arith.AndIOp(condition, edge_condition)
                Rewriter.insert_op(both, InsertPoint.before(before))
                condition = both.result
            conditions.append(condition)
        if not memrefs and not retained:
            return []
        dealloc = DeallocOp(memrefs, conditions, retained)
        Rewriter.insert_op(dealloc, InsertPoint.before(before))
        return list(dealloc.updated_conditions)

    @staticmethod
    def base_buffer(value: SSAValue, before: Operation) -> SSAValue:
        if not isinstance(value.type, MemRefType):
            return value
        metadata = memref.ExtractStridedMetaDataOp(value)
        Rewriter.insert_op(metadata, InsertPoint.before(before))
        return metadata.base_buffer


@dataclass(frozen=True)
class OwnershipBasedBufferDeallocationPass(ModulePass):
    """Adds all required dealloc operations for all allocations in the input program"""

    name = "ownership-based-buffer-deallocation"
    display_name: ClassVar[str] = "OwnershipBasedBufferDeallocationPass"

    private_function_dynamic_ownership: bool = field(
        default=False,
        metadata={
            "help": "Allows to add additional arguments to private functions to dynamically pass ownership of "
            "memrefs to callees. This can enable earlier deallocations."
        },
    )

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        functions = [f for f in op.walk() if isinstance(f, FuncOp) and f.body.blocks]
        dynamic = frozenset(
            f.sym_name.data
            for f in functions
            if self.private_function_dynamic_ownership and f.sym_visibility is not None and f.sym_visibility.data == "private"
        )
        for function in functions:
            _FunctionDeallocation(function, dynamic).run()
