"""canonicalize: upstream's Canonicalizer, with its options, on xDSL's patterns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

from xdsl.context import Context
from xdsl.ir import Operation
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import (
    GreedyRewritePatternApplier,
    PatternRewriter,
    PatternRewriteWalker,
    RewritePattern,
)
from xdsl.traits import HasCanonicalizationPatternsTrait
from xdsl.transforms.dead_code_elimination import region_dce

from mlopt.diagnostics import DiagnosticError


@dataclass
class _RewriteBudget:
    """Counts applied rewrites against ``max-num-rewrites`` (-1: no limit)."""

    limit: int
    used: int = 0

    @property
    def exhausted(self) -> bool:
        return 0 <= self.limit <= self.used


@dataclass
class _CanonicalizationPatterns(RewritePattern):
    """Applies each op's canonicalization patterns, filtered by name."""

    disabled: frozenset[str]
    enabled: frozenset[str]
    budget: _RewriteBudget

    def _selected(self, pattern: RewritePattern) -> bool:
        name = type(pattern).__name__
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
        budget = _RewriteBudget(self.max_num_rewrites)
        pattern = _CanonicalizationPatterns(
            frozenset(self.disable_patterns), frozenset(self.enable_patterns), budget
        )
        walker = PatternRewriteWalker(
            GreedyRewritePatternApplier([pattern], ctx=ctx, folding_enabled=True),
            walk_reverse=not self.top_down,
            apply_recursively=False,
            post_walk_func=None if self.region_simplify == "disabled" else region_dce,
        )
        for region in op.regions:
            converged = False
            for _ in range(max(1, self.max_iterations)):
                if not walker.rewrite_region(region):
                    converged = True
                    break
            if self.test_convergence and not converged:
                raise DiagnosticError.at(
                    op, f"Canonicalizer failed to converge within {self.max_iterations} iterations"
                )
