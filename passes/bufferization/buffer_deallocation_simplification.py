"""buffer-deallocation-simplification: upstream's BufferDeallocationSimplification.

Uses what is statically known about buffer origins (a fresh allocation is
not any buffer that existed before it; views share their source's buffer)
to shrink ``bufferization.dealloc`` ops: retained values that cannot alias a
freed memref leave the retain list (their ownership is ``false``), a memref
that is exactly one retained buffer and no other passes its condition on as
that value's ownership, and a dealloc of pairwise distinct memrefs with
nothing retained is split into one dealloc per memref, which lowers to a
plain conditional ``memref.dealloc``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import (
    GreedyRewritePatternApplier,
    PatternRewriter,
    PatternRewriteWalker,
    RewritePattern,
    op_type_rewrite_pattern,
)
from xdsl.rewriter import InsertPoint

from mlopt.dialects.bufferization import DeallocOp
from mlopt.passes.bufferization.dealloc_rewrites import (
    CANONICALIZATION_PATTERNS,
    definitely_distinct,
    insert_bool,
    insert_or,
    replace_dealloc,
    same_buffer,
)


class RemoveRetainedNotAliasing(RewritePattern):
    """A retained value that is none of the freed buffers is not owned after the dealloc."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: DeallocOp, rewriter: PatternRewriter) -> None:
        keep = [r for r in op.retained if not all(definitely_distinct(r, m) for m in op.memrefs)]
        if len(keep) == len(op.retained):
            return
        false = insert_bool(rewriter, False)
        updated = [keep.index(r) if r in keep else false for r in op.retained]
        replace_dealloc(rewriter, op, op.memrefs, op.conditions, keep, updated)


class PassOwnershipToRetained(RewritePattern):
    """A memref that is the buffer of one retained value, and certainly not of
    any other value in the op, is never freed here: its condition becomes (part
    of) that retained value's ownership."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: DeallocOp, rewriter: PatternRewriter) -> None:
        memrefs, retained = list(op.memrefs), list(op.retained)
        for j, value in enumerate(memrefs):
            owners = [i for i, r in enumerate(retained) if same_buffer(value, r)]
            if len(owners) != 1:
                continue
            others = [r for i, r in enumerate(retained) if i != owners[0]] + memrefs[:j] + memrefs[j + 1 :]
            if not all(definitely_distinct(value, other) for other in others):
                continue
            conditions = list(op.conditions)
            condition = conditions.pop(j)
            del memrefs[j]
            new = DeallocOp(memrefs, conditions, retained)
            rewriter.insert(new, InsertPoint.before(op))
            updated = list(new.updated_conditions)
            owner = retained[owners[0]]
            if all(definitely_distinct(owner, other) for other in memrefs):
                updated[owners[0]] = condition
            else:
                updated[owners[0]] = insert_or(rewriter, updated[owners[0]], condition)
            rewriter.replace(op, [], updated)
            return


class SplitDistinctDeallocs(RewritePattern):
    """Pairwise distinct memrefs with nothing retained are freed one by one."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: DeallocOp, rewriter: PatternRewriter) -> None:
        memrefs = list(op.memrefs)
        if op.retained or len(memrefs) < 2:
            return
        if not all(definitely_distinct(a, b) for i, a in enumerate(memrefs) for b in memrefs[i + 1 :]):
            return
        for value, condition in zip(memrefs, op.conditions):
            rewriter.insert(DeallocOp([value], [condition]), InsertPoint.before(op))
        replace_dealloc(rewriter, op, [], [], [], [])


@dataclass(frozen=True)
class BufferDeallocationSimplificationPass(ModulePass):
    """Optimizes `bufferization.dealloc` operation for more efficient codegen"""

    name = "buffer-deallocation-simplification"
    display_name: ClassVar[str] = "BufferDeallocationSimplificationPass"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        patterns = [RemoveRetainedNotAliasing(), PassOwnershipToRetained(), SplitDistinctDeallocs(), *CANONICALIZATION_PATTERNS]
        PatternRewriteWalker(GreedyRewritePatternApplier(patterns)).rewrite_module(op)
