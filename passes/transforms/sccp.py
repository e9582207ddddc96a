"""sccp: sparse conditional constant propagation, as upstream's SCCP.

The analysis runs optimistically: a value starts unknown, becomes a constant,
and falls to "overdefined" when two different constants (or anything not
constant) reach it; a block runs only once a live branch reaches it. It follows
cf branches, scf.if/for/while/execute_region (a constant condition picks the
region), and calls: a private function's arguments join over its call sites,
and a call's results join over the callee's returns. Ops are evaluated with
:mod:`sccp_eval`. Then, as upstream, every value found constant is replaced by
an ``arith.constant`` at the start of its function (one per constant, newest
first), and ops left unused and free of effects are erased. Branches are not
folded and dead blocks stay (canonicalize does that).
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import FloatAttr, IntegerAttr
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue
from xdsl.passes import ModulePass
from xdsl.traits import IsolatedFromAbove, is_side_effect_free

from mlopt.passes.transforms.sccp_eval import evaluate
from mlopt.passes.transforms.symbol_dce import own_references, visibility


class _Overdefined:
    def __repr__(self) -> str:
        return "<overdefined>"


OVERDEFINED = _Overdefined()
"""The lattice's bottom: not one constant. (None is its top: not known yet.)"""

Lattice = Attribute | _Overdefined | None


def _join(old: Lattice, new: Lattice) -> Lattice:
    if old is None:
        return new
    if new is None or old == new:
        return old
    return OVERDEFINED


_REGION_OPS = ("scf.if", "scf.for", "scf.while", "scf.execute_region")


class Solver:
    def __init__(self, root: Operation):
        self.values: dict[SSAValue, Lattice] = {}
        self.live: set[Block] = set()
        self.returns: dict[Operation, list[Lattice]] = {}
        self.callers: dict[Operation, list[Operation]] = defaultdict(list)
        self.worklist: deque[Operation] = deque()
        functions = [op for op in root.walk() if op.name == "func.func" and op.regions[0].blocks]
        self.call_only = self._call_only_functions(root, functions)
        for function in functions:
            self.returns[function] = [None] * len(function.properties["function_type"].outputs.data)  # type: ignore[attr-defined]
            if function not in self.call_only:
                self._enter(function.regions[0].blocks.first, None)  # type: ignore[arg-type]

    def _call_only_functions(self, root: Operation, functions: list[Operation]) -> set[Operation]:
        """Private functions whose every use is a func.call: their callers are all known."""
        other_uses = {
            ref.root_reference.data for op in root.walk() if op.name != "func.call" for ref in own_references(op)
        }
        return {
            f for f in functions
            if visibility(f) == "private" and f.properties["sym_name"].data not in other_uses  # type: ignore[attr-defined]
        }  # fmt: skip

    # ------------------------------------------------------------ lattice updates

    def get(self, value: SSAValue) -> Lattice:
        return self.values.get(value)

    def update(self, value: SSAValue, new: Lattice) -> None:
        old = self.values.get(value)
        joined = _join(old, new)
        if joined is old:
            return
        self.values[value] = joined
        for use in value.uses:
            if use.operation.parent_block() in self.live:
                self.worklist.append(use.operation)

    def _enter(self, block: Block, operands: Iterable[Lattice] | None) -> None:
        """Joins ``operands`` into the block's arguments (None: overdefined) and makes it live."""
        if operands is None:
            operands = [OVERDEFINED] * len(block.args)
        for arg, lattice in zip(block.args, operands, strict=True):
            self.update(arg, lattice)
        if block not in self.live:
            self.live.add(block)
            self.worklist.extend(block.ops)

    def _enter_values(self, block: Block, values: Iterable[SSAValue]) -> None:
        self._enter(block, [self.get(value) for value in values])

    def run(self) -> None:
        while self.worklist:
            self.visit(self.worklist.popleft())

    # ------------------------------------------------------------ transfer functions

    def visit(self, op: Operation) -> None:
        name = op.name
        if name == "func.return":
            function = op.parent_op()
            returned = self.returns.get(function)  # type: ignore[arg-type]
            if returned is None:
                return
            changed = False
            for index, operand in enumerate(op.operands):
                joined = _join(returned[index], self.get(operand))
                changed |= joined is not returned[index]
                returned[index] = joined
            if changed:
                self.worklist.extend(self.callers[function])  # type: ignore[index]
        elif name == "func.call":
            self._visit_call(op)
        elif name == "cf.br":
            self._enter_values(op.successors[0], op.operands)
        elif name == "cf.cond_br":
            self._visit_cond_br(op)
        elif name in _REGION_OPS:
            self._visit_region_op(op)
        elif name in ("scf.yield", "scf.condition"):
            self._visit_region_terminator(op)
        elif op.regions or op.successors:
            self._overdefine(op)
        else:
            self._visit_plain(op)

    def _overdefine(self, op: Operation) -> None:
        """Unknown control flow: every result, successor and nested block is reachable with any value."""
        for result in op.results:
            self.update(result, OVERDEFINED)
        for block in (*op.successors, *(b for region in op.regions for b in region.blocks)):
            self._enter(block, None)

    def _visit_plain(self, op: Operation) -> None:
        lattices = [self.get(operand) for operand in op.operands]
        if any(lattice is None for lattice in lattices):
            return
        known = [lattice if isinstance(lattice, Attribute) else None for lattice in lattices]
        folded = evaluate(op, known) if op.name.startswith("arith.") else None
        if folded is None:
            for result in op.results:
                self.update(result, OVERDEFINED)
            return
        for result, value in zip(op.results, folded, strict=True):
            self.update(result, self.get(value) if isinstance(value, SSAValue) else value)

    def _visit_call(self, call: Operation) -> None:
        from xdsl.utils.symbol_table import SymbolTable

        callee = SymbolTable.lookup_nearest_symbol_from(call, call.properties["callee"])  # type: ignore[arg-type]
        returned = self.returns.get(callee)  # type: ignore[arg-type]
        if callee is None or returned is None:
            for result in call.results:
                self.update(result, OVERDEFINED)
            return
        if call not in self.callers[callee]:
            self.callers[callee].append(call)
        if callee in self.call_only:
            self._enter_values(callee.regions[0].blocks.first, call.operands)  # type: ignore[arg-type]
        for result, lattice in zip(call.results, returned, strict=True):
            self.update(result, lattice)

    def _visit_cond_br(self, op: Operation) -> None:
        condition = self.get(op.operands[0])
        if condition is None:
            return
        true_operands, false_operands = op.then_arguments, op.else_arguments  # type: ignore[attr-defined]
        if condition is OVERDEFINED or (isinstance(condition, IntegerAttr) and condition.value.data):
            self._enter_values(op.successors[0], true_operands)
        if condition is OVERDEFINED or (isinstance(condition, IntegerAttr) and not condition.value.data):
            self._enter_values(op.successors[1], false_operands)

    def _visit_region_op(self, op: Operation) -> None:
        if op.name == "scf.if":
            condition = self.get(op.operands[0])
            if condition is None:
                return
            for index, region in enumerate(op.regions):
                taken = condition is OVERDEFINED or bool(condition.value.data) == (index == 0)  # type: ignore[union-attr]
                if not taken:
                    continue
                if region.blocks:
                    self._enter(region.blocks.first, [])  # type: ignore[arg-type]
                else:
                    for result in op.results:  # an empty else yields nothing and has no results
                        self.update(result, OVERDEFINED)
        elif op.name == "scf.for":
            inits = op.operands[3:]
            body = op.regions[0].blocks.first
            assert body is not None
            self._enter(body, [OVERDEFINED, *(self.get(v) for v in inits)])
            for result, init in zip(op.results, inits, strict=True):
                self.update(result, self.get(init))
        elif op.name == "scf.while":
            self._enter_values(op.regions[0].blocks.first, op.operands)  # type: ignore[arg-type]
        else:
            self._enter(op.regions[0].blocks.first, [])  # type: ignore[arg-type]

    def _visit_region_terminator(self, op: Operation) -> None:
        parent = op.parent_op()
        if parent is None or parent.name not in _REGION_OPS:
            return
        values = list(op.operands)
        if op.name == "scf.condition":
            condition = self.get(values[0])
            if condition is None:
                return
            forwarded = values[1:]
            if condition is OVERDEFINED or condition.value.data:  # type: ignore[union-attr]
                self._enter_values(parent.regions[1].blocks.first, forwarded)  # type: ignore[arg-type]
            if condition is OVERDEFINED or not condition.value.data:  # type: ignore[union-attr]
                for result, value in zip(parent.results, forwarded, strict=True):
                    self.update(result, self.get(value))
            return
        if parent.name == "scf.for":
            body = parent.regions[0].blocks.first
            assert body is not None
            for arg, value in zip(body.args[1:], values, strict=True):
                self.update(arg, self.get(value))
        if parent.name == "scf.while":
            self._enter_values(parent.regions[0].blocks.first, values)  # type: ignore[arg-type]
            return
        for result, value in zip(parent.results, values, strict=True):
            self.update(result, self.get(value))


# ------------------------------------------------------------ rewrite


class _Constants:
    """Upstream's OperationFolder: one arith.constant per (value, type) in each
    isolated region, created at the front of its entry block."""

    def __init__(self) -> None:
        self.made: dict[tuple[int, Attribute, Attribute], SSAValue] = {}

    def get(self, where: Block, value: Attribute, type: Attribute) -> SSAValue | None:
        from xdsl.dialects import arith

        if not isinstance(value, IntegerAttr | FloatAttr) and not hasattr(value, "get_values"):
            return None
        region = _isolated_region(where)
        if region is None:
            return None
        key = (id(region), value, type)
        if key not in self.made:
            entry = region.blocks.first
            assert entry is not None
            constant = arith.ConstantOp(value, type)  # type: ignore[arg-type]
            if entry.first_op is None:
                entry.add_op(constant)
            else:
                entry.insert_op_before(constant, entry.first_op)
            self.made[key] = constant.result
        return self.made[key]


def _isolated_region(block: Block) -> Region | None:
    region = block.parent
    while region is not None:
        parent = region.parent
        if parent is None or parent.has_trait(IsolatedFromAbove) or parent.name == "func.func":
            return region
        region = parent.parent_region()
    return None


def _replace_with_constant(solver: Solver, constants: _Constants, value: SSAValue, where: Block) -> bool:
    lattice = solver.get(value)
    if not isinstance(lattice, Attribute):
        return False
    constant = constants.get(where, lattice, value.type)
    if constant is None:
        return False
    value.replace_all_uses_with(constant)
    return True


def rewrite(solver: Solver, root: Operation) -> None:
    """Replaces constant values, block by block in upstream's order (a block's
    ops, then its arguments; nested blocks after the enclosing one)."""
    constants = _Constants()
    worklist: list[Block] = []

    def push(regions: Iterable[Region]) -> None:
        for region in regions:
            worklist.extend(reversed(list(region.blocks)))

    push(root.regions)
    while worklist:
        block = worklist.pop()
        for op in list(block.ops):
            replaced_all = bool(op.results)
            for result in op.results:
                replaced_all &= _replace_with_constant(solver, constants, result, block)
            if replaced_all and is_side_effect_free(op) and not any(r.uses for r in op.results):
                op.detach()
                op.erase()
                continue
            push(op.regions)
        for arg in block.args:
            _replace_with_constant(solver, constants, arg, block)


class SCCP(ModulePass):
    """Sparse Conditional Constant Propagation"""

    name = "sccp"
    display_name: ClassVar[str] = "SCCP"

    def apply(self, ctx: Context, op: Operation) -> None:
        solver = Solver(op)
        solver.run()
        rewrite(solver, op)
