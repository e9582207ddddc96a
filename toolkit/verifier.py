"""Verifying IR the way mlir-opt does, on top of xDSL's per-op verifiers.

:func:`verify` checks what xDSL's verifier leaves out (scoping across
isolated-from-above ops, dominance, successor operands, terminators, symbol
redefinitions) and reports the op at fault with its location, as mlir-opt does
after parsing and after each pass.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from xdsl.dialects import builtin
from xdsl.ir import Block, BlockArgument, Operation, OpResult, Region, SSAValue
from xdsl.traits import IsolatedFromAbove, IsTerminator, NoTerminator, SymbolTable

from mlopt import xdsl_fixes
from mlopt.diagnostics import DiagnosticError, exception_text

GRAPH_REGION_OPS = frozenset({"builtin.module", "gpu.module"})
"""Ops whose regions are graph regions (no dominance requirement), as upstream's
RegionKindInterface says."""


def verify(root: Operation, since: VerificationCache | None = None) -> None:
    """Verify ``root`` and everything nested in it; raise DiagnosticError at the
    first op that fails, as mlir-opt does after parsing and after each pass.

    With ``since``, ops that did not change since the last successful
    verification with that cache are not verified again (see VerificationCache).
    """
    # Scoping first: xDSL's own verifiers report a use across an isolated op
    # at the isolated op, where mlir-opt reports it at the use.
    _DominanceChecker().check(root)
    ops = list(walk_preorder(root))
    to_verify = since.stale(ops) if since is not None else ops
    # Every use was checked against isolated-from-above ops just now.
    isolation_checked = xdsl_fixes.ISOLATION_CHECKED.set(True)
    try:
        for op in to_verify:
            _check_symbol_redefinition(op)
            _verify_op(op)
    finally:
        xdsl_fixes.ISOLATION_CHECKED.reset(isolation_checked)
    if since is not None:
        since.remember()


class VerificationCache:
    """What was verified last time, to verify only what a pass changed.

    xDSL's per-op verification dominates the run time of a pipeline that
    verifies after every pass. An op is verified again when it changed
    (operands and their types, results, properties, attributes, successors,
    parent, or its blocks' arguments and ends), when a direct child changed,
    when its parent's own state changed (a function's signature constrains
    its return), when it branches to a block whose arguments changed, or when
    it refers to a symbol (a change anywhere can break a symbol use).

    One cache serves a whole pipeline: verifying one function also notices
    what a pass changed in a sibling function since that one was verified.
    """

    def __init__(self) -> None:
        self._snapshots: dict[Operation, tuple[tuple, tuple]] = {}
        self._pending: dict[Operation, tuple[tuple, tuple]] = {}

    def assume_verified(self, root: Operation) -> None:
        """Take ``root`` as it is now to be valid (its caller verified it)."""
        self._snapshots.update((op, (_own_state(op), _body_state(op))) for op in walk_preorder(root))

    def stale(self, ops: list[Operation]) -> list[Operation]:
        """The ops of ``ops`` (in preorder) to verify again, in that order."""
        snapshots = {op: (_own_state(op), _body_state(op)) for op in ops}
        self._pending = snapshots
        stale: set[Operation] = set()
        for op, (own, body) in snapshots.items():
            previous = self._snapshots.get(op)
            if previous == (own, body):
                continue
            stale.add(op)
            if (parent := op.parent_op()) is not None:
                stale.add(parent)
            if previous is None or previous[0] != own:
                for region in op.regions:
                    for block in region.blocks:
                        stale.update(block.ops)
            elif previous[1] != body:
                for region in op.regions:
                    for block in region.blocks:
                        stale.update(use.operation for use in block.uses)
        stale.update(op for op in ops if _refers_to_symbols(op))
        return [op for op in ops if op in stale]

    def remember(self) -> None:
        self._snapshots.update(self._pending)
        self._pending = {}


def _own_state(op: Operation) -> tuple:
    # Read xDSL's fields directly: the public views are rebuilt on each access.
    operands = op._operands
    return (
        operands,
        tuple([operand.type for operand in operands]),
        tuple([result.type for result in op.results]),
        tuple(op.properties.items()),
        tuple(op.attributes.items()),
        op._successors,
        op.parent,
    )


def _body_state(op: Operation) -> tuple:
    if not op.regions:
        return ()
    return tuple(
        (tuple(arg.type for arg in block.args), block.first_op, block.last_op)
        for region in op.regions
        for block in region.blocks
    )


def _refers_to_symbols(op: Operation) -> bool:
    return any(
        isinstance(attr, builtin.SymbolRefAttr)
        for attrs in (op.properties, op.attributes)
        for attr in attrs.values()
    )


def walk_preorder(root: Operation) -> Iterator[Operation]:
    """``root`` and every nested op, parents first, in constant time per op
    (xDSL's recursive ``walk`` costs time proportional to the nesting depth
    for every op, which deeply nested input turns quadratic)."""
    stack: list[Operation] = [root]
    while stack:
        op = stack.pop()
        yield op
        for region in reversed(op.regions):
            for block in reversed(region.blocks):
                stack.extend(reversed(list(block.ops)))


def _check_symbol_redefinition(op: Operation) -> None:
    if not op.has_trait(SymbolTable, value_if_unregistered=False):
        return
    seen: dict[str, Operation] = {}
    for region in op.regions:
        for block in region.blocks:
            for child in block.ops:
                name = child.properties.get("sym_name") or child.attributes.get("sym_name")
                if not isinstance(name, builtin.StringAttr):
                    continue
                if name.data in seen:
                    raise DiagnosticError.at(
                        child,
                        f"redefinition of symbol named '{name.data}'",
                        notes=[(seen[name.data], "see existing symbol definition here")],
                    )
                seen[name.data] = child


def _verify_op(op: Operation) -> None:
    try:
        op.verify(verify_nested_ops=False)
    except DiagnosticError:
        raise
    except Exception as err:  # noqa: BLE001 - xDSL verifiers raise assorted errors
        raise DiagnosticError.at(op, f"'{op.name}' op {_verifier_text(err)}") from None
    if not op.has_trait(NoTerminator, value_if_unregistered=True):
        for region in op.regions:
            for block in region.blocks:
                last = block.last_op
                if last is None:
                    raise DiagnosticError.at(op, "empty block: expect at least a terminator")
                if not last.has_trait(IsTerminator, value_if_unregistered=True):
                    raise DiagnosticError.at(
                        last, f"block with no terminator, has '{last.name}'"
                    )
    # Successors are numbered by position: one block may be several successors.
    for successor, (block, operands) in enumerate(successor_operands(op)):
        if len(operands) != len(block.args):
            raise DiagnosticError.at(
                op,
                f"'{op.name}' op branch has {len(operands)} operands for successor "
                f"#{successor}, but target block has {len(block.args)}",
            )
        for index, (operand, arg) in enumerate(zip(operands, block.args)):
            if operand.type != arg.type:
                raise DiagnosticError.at(
                    op,
                    f"'{op.name}' op type mismatch for bb argument #{index} of successor #{successor}",
                )


def _verifier_text(err: BaseException) -> str:
    text = exception_text(err)
    for prefix in ("Operation does not verify: ",):
        text = text.removeprefix(prefix)
    return text


def successor_operands(op: Operation) -> list[tuple[Block, Sequence[SSAValue]]]:
    """The operands a branch op forwards to each of its successors."""
    match op.name:
        case "cf.br" | "llvm.br":
            return [(op.successors[0], op.operands)]
        case "cf.cond_br" | "llvm.cond_br":
            then_args = getattr(op, "then_arguments")
            else_args = getattr(op, "else_arguments")
            return [(op.successors[0], then_args), (op.successors[1], else_args)]
        case "cf.switch":
            pairs = [(op.successors[0], getattr(op, "default_operands"))]
            segments = getattr(op, "case_operand_segments").get_values()
            case_operands = getattr(op, "case_operands")
            start = 0
            for block, size in zip(op.successors[1:], segments):
                pairs.append((block, case_operands[start : start + size]))
                start += size
            return pairs
        case _:
            return []


class _BlockFrame:
    """Where the dominance check is in one block: the ops left, the values
    defined so far, and what is visible there (those and the enclosing
    blocks' values defined before the op that holds this block)."""

    __slots__ = ("ops", "defined", "visible", "pending")

    def __init__(self, block: Block, enclosing: tuple[set[SSAValue], ...]) -> None:
        self.ops = iter(block.ops)
        self.defined: set[SSAValue] = set(block.args)
        self.visible = (self.defined, *enclosing)
        self.pending: Operation | None = None


class _DominanceChecker:
    """Checks that every use is dominated by its definition (SSA regions only)."""

    def __init__(self) -> None:
        self._positions: dict[Block, dict[Operation, int]] = {}
        self._dominators: dict[Region, dict[Block, set[Block]]] = {}

    def check(self, root: Operation) -> None:
        # Depth first, as upstream's verifier: the uses in an op's regions
        # before those of the ops after it. A value defined earlier in the
        # same block or in an enclosing block (below the nearest isolated op)
        # dominates its use: that is almost every use, settled by set lookups.
        self._check_uses(root, ())
        frames: list[_BlockFrame] = []
        self._enter_regions(root, (), frames)
        while frames:
            frame = frames[-1]
            if frame.pending is not None:
                frame.defined.update(frame.pending.results)
                frame.pending = None
            op = next(frame.ops, None)
            if op is None:
                frames.pop()
                continue
            self._check_uses(op, frame.visible)
            if op.regions:
                frame.pending = op  # its results are not visible in its own regions
                enclosing = () if op.has_trait(IsolatedFromAbove, value_if_unregistered=False) else frame.visible
                self._enter_regions(op, enclosing, frames)
            else:
                frame.defined.update(op.results)

    @staticmethod
    def _enter_regions(op: Operation, enclosing: tuple[set[SSAValue], ...], frames: list[_BlockFrame]) -> None:
        for region in reversed(op.regions):
            for block in reversed(region.blocks):
                frames.append(_BlockFrame(block, enclosing))

    def _check_uses(self, op: Operation, visible: tuple[set[SSAValue], ...]) -> None:
        for index, operand in enumerate(op._operands):
            for defined in visible:
                if operand in defined:
                    break
            else:
                self._check_use(op, index, operand)

    def _check_use(self, op: Operation, index: int, operand: SSAValue) -> None:
        problem = self._use_problem(operand, op)
        if problem is None:
            return
        if isinstance(problem, Operation):
            raise DiagnosticError.at(
                op,
                f"'{op.name}' op using value defined outside the region",
                notes=[(problem, "required by region isolation constraints")],
            )
        raise DiagnosticError.at(
            op,
            f"operand #{index} does not dominate this use",
            notes=[(_defining_op_or_block_owner(operand), "operand defined here")],
        )

    def _use_problem(self, value: SSAValue, user: Operation) -> Operation | str | None:
        """None if ``user`` may use ``value``; the isolated op the use crosses;
        or "dominance" when the definition does not dominate the use."""
        if user.parent is not None and not self._is_reachable(user.parent):
            return None  # upstream checks dominance in reachable blocks only
        def_block = value.owner if isinstance(value, BlockArgument) else value.owner.parent
        if def_block is None or def_block.parent is None:
            return "dominance"
        def_region = def_block.parent
        # Walk up from the user to the op that sits directly in the def region;
        # crossing an isolated-from-above op on the way puts the value out of scope.
        ancestor = user
        while ancestor.parent is None or ancestor.parent.parent is not def_region:
            parent_op = ancestor.parent_op()
            if parent_op is None:
                return "dominance"
            if parent_op.has_trait(IsolatedFromAbove, value_if_unregistered=False):
                return parent_op
            ancestor = parent_op
        region_owner = def_region.parent
        if region_owner is not None and (
            region_owner.name in GRAPH_REGION_OPS or isinstance(region_owner, builtin.UnregisteredOp)
        ):
            return None  # graph region (an unregistered op's regions may be ones)
        use_block = ancestor.parent
        assert use_block is not None
        if not self._is_reachable(use_block):
            return None
        if isinstance(value, OpResult):
            if value.owner is ancestor:
                return "dominance"
            if use_block is def_block:
                positions = self._block_positions(def_block)
                return None if positions[value.owner] < positions[ancestor] else "dominance"
        elif use_block is def_block:
            return None
        dominators = self._region_dominators(def_region)
        if use_block not in dominators:
            return None  # unreachable code: upstream does not check it
        return None if def_block in dominators[use_block] else "dominance"

    def _is_reachable(self, block: Block) -> bool:
        region = block.parent
        if region is None or region.blocks.first is block:
            return True
        return block in self._region_dominators(region)

    def _block_positions(self, block: Block) -> dict[Operation, int]:
        if block not in self._positions:
            self._positions[block] = {op: i for i, op in enumerate(block.ops)}
        return self._positions[block]

    def _region_dominators(self, region: Region) -> dict[Block, set[Block]]:
        if region not in self._dominators:
            self._dominators[region] = _compute_dominators(region)
        return self._dominators[region]


def _defining_op_or_block_owner(value: SSAValue) -> Operation | None:
    if isinstance(value, OpResult):
        return value.owner
    block = value.owner
    return block.parent_op() if isinstance(block, Block) else None


def _successors(block: Block) -> Iterator[Block]:
    last = block.last_op
    if last is not None and last.has_trait(IsTerminator, value_if_unregistered=True):
        yield from last.successors


def _compute_dominators(region: Region) -> dict[Block, set[Block]]:
    """Dominator sets of the blocks reachable from the entry block."""
    blocks = list(region.blocks)
    if not blocks:
        return {}
    entry = blocks[0]
    reachable: list[Block] = []
    seen = {entry}
    stack = [entry]
    while stack:
        block = stack.pop()
        reachable.append(block)
        for succ in _successors(block):
            if succ not in seen:
                seen.add(succ)
                stack.append(succ)
    predecessors: dict[Block, list[Block]] = {b: [] for b in reachable}
    for block in reachable:
        for succ in _successors(block):
            predecessors[succ].append(block)
    every = set(reachable)
    dominators = {b: set(every) for b in reachable}
    dominators[entry] = {entry}
    changed = True
    while changed:
        changed = False
        for block in reachable[1:]:
            preds = [dominators[p] for p in predecessors[block]]
            new = set.intersection(*preds) if preds else set()
            new = new | {block}
            if new != dominators[block]:
                dominators[block] = new
                changed = True
    return dominators
