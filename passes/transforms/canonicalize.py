"""canonicalize: upstream's Canonicalizer, with its options, on xDSL's patterns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

from xdsl.context import Context
from xdsl.dialect_interfaces.constant_materialization import ConstantMaterializationInterface
from xdsl.dialects.builtin import UnregisteredOp
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import (
    GreedyRewritePatternApplier,
    PatternRewriter,
    PatternRewriteWalker,
    RewritePattern,
)
from xdsl.rewriter import InsertPoint
from xdsl.traits import ConstantLike, HasCanonicalizationPatternsTrait, HasFolder, IsolatedFromAbove
from xdsl.transforms.dead_code_elimination import region_dce

from mlopt.diagnostics import DiagnosticError
from mlopt.xdsl_fixes import fix_branch_cycles


@dataclass
class _RewriteBudget:
    """Counts applied rewrites against ``max-num-rewrites`` (-1: no limit)."""

    limit: int
    used: int = 0

    @property
    def exhausted(self) -> bool:
        return 0 <= self.limit <= self.used


_SUPERSEDED = frozenset({"RehoistConstInLoops", "SimplifyPassThroughCondBranch", "SimplifyTrivialLoops"})
"""xDSL patterns mlopt does without: the constant uniquer hoists constants out
of loops already, and RehoistConstInLoops also hoists unregistered ops (it takes
them for constants), above the loop values they use; cf.cond_br runs
SimplifyPassThroughCondBranch through a pattern that keeps its branch weights,
and scf.for SimplifyTrivialLoops through one that leaves unsigned loops alone."""


@dataclass
class _CanonicalizationPatterns(RewritePattern):
    """Applies each op's canonicalization patterns, filtered by name."""

    disabled: frozenset[str]
    enabled: frozenset[str]
    budget: _RewriteBudget

    def _selected(self, pattern: RewritePattern) -> bool:
        name = type(pattern).__name__
        if name in _SUPERSEDED:
            return False
        if self.enabled and name not in self.enabled:
            return False
        return name not in self.disabled

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        if self.budget.exhausted:
            return
        patterns = [
            pattern
            for trait in op.get_traits_of_type(HasCanonicalizationPatternsTrait)
            for pattern in trait.get_patterns(type(op))
            if self._selected(pattern)
        ]
        for pattern in patterns:
            pattern.match_and_rewrite(op, rewriter)
            if rewriter.has_done_action:
                self.budget.used += 1
                return


@dataclass
class _ConstantUniquer:
    """Upstream's OperationFolder: one constant per (dialect, value, type) in
    each region isolated from above, kept at the start of its entry block."""

    context: Context
    constants: dict[Block, dict[tuple, Operation]] = field(default_factory=dict)

    def adopt_existing(self, region: Region) -> None:
        """Merge the region's duplicate constants and hoist the rest to the top."""
        owned: set[Operation] = set()
        for op in list(region.walk()):
            if op.parent is None or not _is_constant(op) or (key := _constant_key(op)) is None:
                continue
            block = _insertion_block(op)
            known = self.constants.setdefault(block, {})
            existing = known.get(key)
            if existing is not None and existing.parent is not None:
                op.results[0].replace_all_uses_with(existing.results[0])
                op.detach()
                op.erase()
                continue
            known[key] = op
            owned.add(op)
            # Constants already at the top (or right after one) stay in order.
            if op.parent is not block or (op.prev_op is not None and op.prev_op not in owned):
                op.detach()
                block.insert_op_before(op, block.first_op) if block.first_op else block.add_op(op)

    def get_or_create(self, folded: Operation, value: Attribute, type: Attribute, rewriter: PatternRewriter) -> SSAValue | None:
        block = _insertion_block(folded)
        known = self.constants.setdefault(block, {})
        key = _hashable((folded.dialect_name(), value, type))
        existing = known.get(key) if key is not None else None
        if existing is not None and existing.parent is not None:
            return existing.results[0]
        interface = self.context.get_dialect(folded.dialect_name()).get_interface(ConstantMaterializationInterface)
        constant = interface.materialize_constant(value, type) if interface is not None else None
        if constant is None:
            return None
        rewriter.insert(constant, InsertPoint.at_start(block))
        if key is not None:
            known[key] = constant
        return constant.results[0]


@dataclass
class _FoldIntoUniqueConstants(RewritePattern):
    """Folds an op; the constants it folds to are shared and placed at the top."""

    uniquer: _ConstantUniquer

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /):
        if _is_constant(op) or (folder := op.get_trait(HasFolder)) is None:
            return
        folded = folder.fold(op)
        if folded is None or any(isinstance(v, SSAValue) and v.owner is op for v in folded):
            return
        values: list[SSAValue] = []
        for value, result in zip(folded, op.results, strict=True):
            if not isinstance(value, SSAValue):
                value = self.uniquer.get_or_create(op, value, result.type, rewriter)
                if value is None:
                    return
            values.append(value)
        rewriter.replace(op, [], values)


def _is_constant(op: Operation) -> bool:
    return len(op.results) == 1 and op.has_trait(ConstantLike, value_if_unregistered=False)


def _constant_key(op: Operation) -> tuple | None:
    folder = op.get_trait(HasFolder)
    folded = folder.fold(op) if folder is not None else (op.properties.get("value"),)
    if not folded or not isinstance(folded[0], Attribute):
        return None
    return _hashable((op.dialect_name(), folded[0], op.results[0].type))


def _hashable(key: tuple) -> tuple | None:
    try:
        hash(key)
    except TypeError:
        return None
    return key


def _insertion_block(op: Operation) -> Block:
    """The entry block of the nearest region isolated from above (or top level)."""
    block = op.parent_block()
    while True:
        region = block.parent
        parent = region.parent
        if (
            parent is None
            or parent.parent_block() is None
            or isinstance(parent, UnregisteredOp)
            or parent.has_trait(IsolatedFromAbove, value_if_unregistered=True)
        ):
            return region.blocks.first
        block = parent.parent_block()


class _GreedyIteration(PatternRewriteWalker):
    """One iteration of upstream's greedy driver: the ops a rewrite creates or
    changes are visited next, in the same iteration (a branch created by one
    fold is simplified before the next op is). xDSL's walker visits them only
    when it repeats its walk, and repeats it until nothing changes: the
    Canonicalizer counts iterations itself, for max-iterations."""

    def rewrite_region(self, region: Region) -> bool:
        listener = self._get_rewriter_listener()
        self._populate_worklist(region)
        changed = self._process_worklist(listener)
        if self.post_walk_func is not None:
            changed |= self.post_walk_func(region, listener)
        return changed


@dataclass(frozen=True)
class Canonicalizer(ModulePass):
    """Canonicalize operations"""

    name = "canonicalize"
    display_name: ClassVar[str] = "Canonicalizer"

    max_iterations: int = field(
        default=10, metadata={"help": "Max. iterations between applying patterns / simplifying regions"}
    )
    max_num_rewrites: int = field(
        default=-1, metadata={"help": "Max. number of pattern rewrites within an iteration (-1: no limit)"}
    )
    region_simplify: Literal["disabled", "normal", "aggressive"] = field(
        default="normal",
        metadata={"help": "Region simplification: dead code elimination after each iteration"},
    )
    test_convergence: bool = field(
        default=False, metadata={"help": "Fail if the patterns did not converge within max-iterations"}
    )
    top_down: bool = field(
        default=True, metadata={"help": "Seed the worklist in general top-down order"}
    )
    disable_patterns: tuple[str, ...] = field(
        default=(), metadata={"help": "Labels (class names) of patterns that should be filtered out"}
    )
    enable_patterns: tuple[str, ...] = field(
        default=(), metadata={"help": "Labels (class names) of the only patterns that may be applied"}
    )

    def apply(self, ctx: Context, op: Operation) -> None:
        fix_branch_cycles()
        budget = _RewriteBudget(self.max_num_rewrites)
        pattern = _CanonicalizationPatterns(
            frozenset(self.disable_patterns), frozenset(self.enable_patterns), budget
        )
        uniquer = _ConstantUniquer(ctx)
        walker = _GreedyIteration(
            GreedyRewritePatternApplier([_FoldIntoUniqueConstants(uniquer), pattern], ctx=ctx),
            walk_reverse=not self.top_down,
            apply_recursively=True,
            post_walk_func=None if self.region_simplify == "disabled" else region_dce,
        )
        for region in op.regions:
            converged = False
            for _ in range(max(1, self.max_iterations)):
                uniquer.constants.clear()
                uniquer.adopt_existing(region)
                if not walker.rewrite_region(region):
                    converged = True
                    break
            if self.test_convergence and not converged:
                raise DiagnosticError.at(
                    op, f"Canonicalizer failed to converge within {self.max_iterations} iterations"
                )
