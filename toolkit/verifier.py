"""Verifying IR the way mlir-opt does, on top of xDSL's per-op verifiers.

:func:`verify` checks what xDSL's verifier leaves out (scoping across
isolated-from-above ops, dominance, successor operands, terminators, symbol
redefinitions) and reports the op at fault with its location, as mlir-opt does
after parsing and after each pass.
"""

from __future__ import annotations

import operator
import re
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
    walk = _Walk(root, since)
    walk.run()
    # Every use was checked against isolated-from-above ops just now.
    isolation_checked = xdsl_fixes.ISOLATION_CHECKED.set(True)
    try:
        for op in walk.to_verify():
            _check_symbol_redefinition(op)
            _verify_op(op)
    finally:
        xdsl_fixes.ISOLATION_CHECKED.reset(isolation_checked)
    if since is not None:
        since.remember(walk)


class VerificationCache:
    """What was verified last time, to verify only what a pass changed.

    xDSL's per-op verification dominates the run time of a pipeline that
    verifies after every pass. An op is verified again when it changed
    (operands, results and their types, properties, attributes, successors,
    parent, or its blocks' arguments and ends), when a direct child changed,
    when its parent's own state changed (a function's signature constrains
    its return), when it uses a value whose type changed, when it branches to
    a block whose arguments changed, or when it refers to a symbol and a
    symbol changed (was added, removed, renamed or retyped).

    One cache serves a whole pipeline: verifying one function also notices
    what a pass changed in a sibling function since that one was verified.
    """

    def __init__(self) -> None:
        self._snapshots: dict[Operation, tuple[tuple, tuple]] = {}
        self._symbol_users: set[Operation] = set()
        self._trees: dict[Region, tuple[tuple, _DominatorTree]] = {}
        """Each multi-block region's dominator tree, with the control flow it was built for."""

    def assume_verified(self, root: Operation) -> None:
        """Take ``root`` as it is now to be valid (its caller verified it)."""
        for op in walk_preorder(root):
            self._snapshots[op] = (_own_state(op), _body_state(op))
            if _refers_to_symbols(op):
                self._symbol_users.add(op)

    def remember(self, walk: _Walk) -> None:
        if walk.root.parent is None:
            # The whole IR was walked: forget the ops that are gone.
            self._snapshots = walk.snapshots
            self._symbol_users.intersection_update(walk.snapshots)
            self._trees = {region: self._trees[region] for region in walk._trees if region in self._trees}
        else:
            self._snapshots.update(walk.snapshots)


def _own_state(op: Operation) -> tuple:
    # Read xDSL's fields directly: the public views are rebuilt on each access.
    # Operand types are left out: a value's type changes with its definer's
    # state, and the uses are then marked stale from there.
    return (
        op._operands,
        _result_types(op),
        dict(op.properties),
        dict(op.attributes),
        op._successors,
        op.parent,
    )


def _result_types(op: Operation) -> tuple:
    return tuple(map(_TYPE, op.results))


_TYPE = operator.attrgetter("_type")


def _unchanged(op: Operation, snapshot: tuple[tuple, tuple]) -> bool:
    """Whether ``op`` is as ``snapshot`` saw it (compared in place: most ops
    are unchanged, and their state need not be built again)."""
    own, body = snapshot
    return (
        own[5] is op.parent
        and own[0] == op._operands
        and own[2] == op.properties
        and own[3] == op.attributes
        and own[1] == _result_types(op)
        and own[4] == op._successors
        and (not op.regions or body == _body_state(op))
    )


def _body_state(op: Operation) -> tuple:
    """The argument types of the op's blocks, then their ends (and, for a
    symbol table, its symbols: one added or removed changes what symbol uses
    resolve to)."""
    if not op.regions:
        return ()
    blocks = [block for region in op.regions for block in region.blocks]
    return (
        tuple([tuple(map(_TYPE, block._args)) for block in blocks]),
        tuple([(block._first_op, block._last_op) for block in blocks]),
        tuple(child for block in blocks for child in block.ops) if op.has_trait(SymbolTable, value_if_unregistered=False) else (),
    )


def _refers_to_symbols(op: Operation) -> bool:
    return any(
        isinstance(attr, builtin.SymbolRefAttr)
        for attrs in (op.properties, op.attributes)
        for attr in attrs.values()
    )


def _defines_symbol(op: Operation) -> bool:
    return "sym_name" in op.properties or "sym_name" in op.attributes


def walk_preorder(root: Operation) -> Iterator[Operation]:
    """``root`` and every nested op, parents first, in constant time per op
    (xDSL's recursive ``walk`` costs time proportional to the nesting depth
    for every op, which deeply nested input turns quadratic)."""
    stack: list[Operation] = [root]
    while stack:
        op = stack.pop()
        yield op
        # Pushed last to first, through xDSL's links (its iterators cost a call per op).
        for region in reversed(op.regions):
            block = region._last_block
            while block is not None:
                child = block._last_op
                while child is not None:
                    stack.append(child)
                    child = child._prev_op
                block = block._prev_block


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


_TRAIT_WORDING = (
    (re.compile(r"^'[^']*' must be the last operation in its parent block$"), "must be the last operation in the parent block"),
)
"""xDSL's trait verifiers' messages → upstream's (the op's name comes before them)."""


def _verifier_text(err: BaseException) -> str:
    text = exception_text(err).removeprefix("Operation does not verify: ")
    for pattern, replacement in _TRAIT_WORDING:
        text = pattern.sub(replacement, text)
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


class _Frame:
    """Where the walk is in one block: the next op, the values visible there
    (one set per isolated-from-above scope: each block adds its values while
    the walk is inside it and inside the blocks it dominates), and the
    dominated blocks to walk once this one is done."""

    __slots__ = ("block", "next_op", "owner", "owner_changed", "live", "defined", "pending", "tree")

    def __init__(
        self,
        block: Block | None,
        first_op: Operation | None,
        owner: Operation | None,
        owner_changed: bool,
        live: set[SSAValue],
        tree: _DominatorTree | None,
    ):
        self.block = block
        self.next_op = first_op
        self.owner = owner
        self.owner_changed = owner_changed
        self.live = live
        self.defined: list[SSAValue] | None = None
        """The values this block added to ``live``; None until the walk enters it."""
        self.pending: Operation | None = None
        """An op whose results become visible once the walk leaves its regions."""
        self.tree = tree


class _Walk:
    """One walk over ``root`` that checks that every use is dominated by its
    definition and, with a cache, finds the ops to verify again.

    Blocks are walked in dominator-tree order, so that the values visible at
    an op are exactly those that dominate it: almost every use is settled by
    one set lookup. A use that is not (unreachable code, graph regions, or an
    error) is checked on its own, as upstream's verifier does.
    """

    def __init__(self, root: Operation, cache: VerificationCache | None) -> None:
        self.root = root
        self.cache = cache
        self.order: list[Operation] = []
        """Every op, in preorder."""
        self.stale: set[Operation] = set()
        self.snapshots: dict[Operation, tuple[tuple, tuple]] = {}
        """The state of every op walked, for the next verification."""
        self.symbols_changed = False
        self._trees: dict[Region, _DominatorTree] = {}
        self._positions: dict[Block, dict[Operation, int]] = {}

    def to_verify(self) -> list[Operation]:
        """The ops to verify, in preorder."""
        if self.cache is None:
            return self.order
        stale = self.stale
        if self.symbols_changed:
            stale.update(self.cache._symbol_users)
        return [op for op in self.order if op in stale]

    def run(self) -> None:
        # Depth first, as upstream's verifier: an op, the ops in its regions,
        # then the ops after it. The root sits alone in a frame of its own.
        root = self.root
        frames = [_Frame(None, root, root.parent_op(), False, set(), None)]
        order, stale, snapshots, cache = self.order, self.stale, self.snapshots, self.cache
        known = cache._snapshots if cache is not None else {}
        while frames:
            frame = frames[-1]
            live = frame.live
            defined = frame.defined
            if defined is None:
                defined = frame.defined = list(frame.block._args) if frame.block is not None else []
                live.update(defined)
            elif frame.pending is not None:
                results = frame.pending.results
                live.update(results)
                defined.extend(results)
                frame.pending = None
            op = frame.next_op
            in_block = frame.block is not None  # else the root's frame: the root only
            # The ops of the block up to one with regions, in one go: most ops.
            while op is not None:
                order.append(op)
                for operand in op._operands:
                    if operand not in live and self._use_problem(operand, op) is not None:
                        self._report_first_use_problem()
                own_changed = False
                if cache is not None:
                    previous = known.get(op)
                    if previous is not None and _unchanged(op, previous):
                        snapshots[op] = previous
                        if frame.owner_changed:
                            stale.add(op)
                    else:
                        own_changed = self._changed(op, previous, frame.owner)
                if op.regions:
                    break
                results = op.results
                if results:
                    live.update(results)
                    defined.extend(results)
                op = op._next_op if in_block else None
            if op is not None:
                frame.next_op = op._next_op if in_block else None
                frame.pending = op  # its results are not visible in its own regions
                self._enter(op, own_changed, live, frames)
                continue
            frame.next_op = None
            tree = frame.tree
            if tree is not None:
                frame.tree = None
                if dominated := tree.children.get(frame.block):
                    # Walked while this block's values are still visible.
                    frames.extend(_Frame(block, block._first_op, frame.owner, frame.owner_changed, live, tree) for block in reversed(dominated))
                    continue
            frames.pop()
            live.difference_update(defined)

    def _enter(self, op: Operation, own_changed: bool, live: set[SSAValue], frames: list[_Frame]) -> None:
        scope = set() if op.has_trait(IsolatedFromAbove, value_if_unregistered=False) else live
        for region in reversed(op.regions):
            entry = region._first_block
            if entry is None:
                continue
            if entry._next_block is None:
                frames.append(_Frame(entry, entry._first_op, op, own_changed, scope, None))
                continue
            tree = self._tree(region)
            # Unreachable blocks last, seeing only what encloses the region.
            frames.extend(_Frame(block, block._first_op, op, own_changed, scope, None) for block in reversed(tree.unreachable))
            frames.append(_Frame(entry, entry._first_op, op, own_changed, scope, tree))

    def _changed(self, op: Operation, previous: tuple[tuple, tuple] | None, owner: Operation | None) -> bool:
        """Take note of what changed in ``op`` since ``previous`` (None: a new
        op); whether its own state changed (then its children are verified again)."""
        assert self.cache is not None
        own = _own_state(op)
        body = _body_state(op) if op.regions else ()
        self.snapshots[op] = (own, body)
        stale = self.stale
        stale.add(op)
        if owner is not None:
            stale.add(owner)
        if previous is None or previous[0] != own:
            if previous is not None and previous[0][1] != own[1]:
                for result in op.results:
                    stale.update(use._operation for use in result.uses)
            if _defines_symbol(op):
                self.symbols_changed = True
            if _refers_to_symbols(op):
                self.cache._symbol_users.add(op)
            else:
                self.cache._symbol_users.discard(op)
            return True
        if previous[1][0] != body[0]:
            for region in op.regions:
                for block in region.blocks:
                    # Branches to the block and uses of its arguments see the new types.
                    stale.update(use._operation for use in block.uses)
                    for arg in block._args:
                        stale.update(use._operation for use in arg.uses)
        if previous[1][2] != body[2]:
            self.symbols_changed = True
        return False

    def _report_first_use_problem(self) -> None:
        """Raise the problem of the first bad use in preorder, as upstream reports it."""
        for op in walk_preorder(self.root):
            for index, operand in enumerate(op._operands):
                problem = self._use_problem(operand, op)
                if problem is None:
                    continue
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
        raise AssertionError("a bad use went missing")

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
        return None if self._tree(def_region).dominates(def_block, use_block) else "dominance"

    def _is_reachable(self, block: Block) -> bool:
        region = block.parent
        if region is None or region._first_block is block:
            return True
        return self._tree(region).is_reachable(block)

    def _block_positions(self, block: Block) -> dict[Operation, int]:
        if block not in self._positions:
            self._positions[block] = {op: i for i, op in enumerate(block.ops)}
        return self._positions[block]

    def _tree(self, region: Region) -> _DominatorTree:
        tree = self._trees.get(region)
        if tree is None:
            # The tree of the last walk serves while the region's control flow is the same.
            flow = tuple((block, block._last_op, block._last_op and block._last_op._successors) for block in region.blocks)
            known = self.cache._trees.get(region) if self.cache is not None else None
            if known is not None and known[0] == flow:
                tree = known[1]
            else:
                tree = _DominatorTree(region)
                if self.cache is not None:
                    self.cache._trees[region] = (flow, tree)
            self._trees[region] = tree
        return tree


def _defining_op_or_block_owner(value: SSAValue) -> Operation | None:
    if isinstance(value, OpResult):
        return value.owner
    block = value.owner
    return block.parent_op() if isinstance(block, Block) else None


def _successors(block: Block) -> list[Block]:
    last = block._last_op
    if last is not None and last.has_trait(IsTerminator, value_if_unregistered=True):
        return [succ for succ in last._successors if succ.parent is block.parent]
    return []


class _DominatorTree:
    """The dominator tree of a region's blocks reachable from its entry
    (Cooper, Harvey and Kennedy's iteration over reverse postorder), numbered
    so that whether one block dominates another is two comparisons."""

    __slots__ = ("children", "unreachable", "_interval")

    def __init__(self, region: Region) -> None:
        blocks = list(region.blocks)
        entry = blocks[0]
        successors = {block: _successors(block) for block in blocks}
        postorder: list[Block] = []
        seen = {entry}
        stack = [(entry, iter(successors[entry]))]
        while stack:
            block, pending = stack[-1]
            for succ in pending:
                if succ not in seen:
                    seen.add(succ)
                    stack.append((succ, iter(successors[succ])))
                    break
            else:
                stack.pop()
                postorder.append(block)
        rpo_index = {block: len(postorder) - 1 - i for i, block in enumerate(postorder)}
        predecessors: dict[Block, list[Block]] = {block: [] for block in postorder}
        for block in postorder:
            for succ in successors[block]:
                predecessors[succ].append(block)
        idom = {entry: entry}

        def common(a: Block, b: Block) -> Block:
            while a is not b:
                while rpo_index[a] > rpo_index[b]:
                    a = idom[a]
                while rpo_index[b] > rpo_index[a]:
                    b = idom[b]
            return a

        changed = True
        while changed:
            changed = False
            for block in reversed(postorder[:-1]):
                new = None
                for pred in predecessors[block]:
                    if pred in idom:
                        new = pred if new is None else common(pred, new)
                if idom.get(block) is not new:
                    idom[block] = new
                    changed = True
        self.children: dict[Block, list[Block]] = {}
        """Each block's immediately dominated blocks, in region order."""
        for block in blocks:
            if block is not entry and block in idom:
                self.children.setdefault(idom[block], []).append(block)
        self.unreachable = [block for block in blocks if block not in idom]
        self._interval: dict[Block, tuple[int, int]] = {}
        counter = 0
        stack2: list[tuple[Block, bool]] = [(entry, False)]
        first: dict[Block, int] = {}
        while stack2:
            block, done = stack2.pop()
            if done:
                self._interval[block] = (first[block], counter)
                continue
            first[block] = counter
            counter += 1
            stack2.append((block, True))
            stack2.extend((child, False) for child in reversed(self.children.get(block, ())))

    def is_reachable(self, block: Block) -> bool:
        return block in self._interval

    def dominates(self, a: Block, b: Block) -> bool:
        """Whether ``a`` dominates ``b`` (both reachable blocks of the region)."""
        if a not in self._interval:
            return False
        first_a, last_a = self._interval[a]
        first_b, last_b = self._interval[b]
        return first_a <= first_b and last_b <= last_a
