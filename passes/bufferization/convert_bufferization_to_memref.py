"""convert-bufferization-to-memref: ``bufferization.clone`` → ``memref.alloc``
+ ``memref.copy``, and ``bufferization.dealloc`` lowered as by
bufferization-lower-deallocations, as upstream's BufferizationToMemRef."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import MemRefType, ModuleOp
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import (
    GreedyRewritePatternApplier,
    PatternRewriter,
    PatternRewriteWalker,
    RewritePattern,
    op_type_rewrite_pattern,
)

from mlopt.diagnostics import DiagnosticError
from mlopt.dialects.bufferization import CloneOp
from mlopt.dialects.bufferization_canonicalization import insert_copy
from mlopt.dialects.memref import CastOp
from mlopt.passes.bufferization.bufferization_lower_deallocations import LowerDealloc


class LowerClone(RewritePattern):
    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: CloneOp, rewriter: PatternRewriter) -> None:
        source_type, result_type = op.input.type, op.output.type
        if not isinstance(source_type, MemRefType) or not isinstance(result_type, MemRefType):
            raise DiagnosticError.at(op, "convert-bufferization-to-memref: cloning an unranked memref is not supported")
        # The copy gets the identity layout; a cast restores the declared type.
        identity = MemRefType(result_type.element_type, result_type.get_shape(), memory_space=result_type.memory_space)
        copy = insert_copy(rewriter, op.input, identity)
        if identity == result_type:
            rewriter.replace(op, [], [copy])
            return
        rewriter.replace(op, CastOp.create(operands=[copy], result_types=[result_type]))


@dataclass(frozen=True)
class ConvertBufferizationToMemRefPass(ModulePass):
    """Convert operations from the Bufferization dialect to the MemRef dialect"""

    name = "convert-bufferization-to-memref"
    display_name: ClassVar[str] = "ConvertBufferizationToMemRefPass"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        PatternRewriteWalker(GreedyRewritePatternApplier([LowerClone(), LowerDealloc()])).rewrite_module(op)
