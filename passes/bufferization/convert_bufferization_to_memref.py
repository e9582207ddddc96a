"""convert-bufferization-to-memref: ``bufferization.clone`` → ``memref.alloc``
+ ``memref.copy``, and ``bufferization.dealloc`` lowered as by
bufferization-lower-deallocations, as upstream's BufferizationToMemRef."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith, memref
from xdsl.dialects.builtin import DYNAMIC_INDEX, IndexType, MemRefType, ModuleOp
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
from mlopt.dialects.memref import CastOp, CopyOp
from mlopt.passes.bufferization.bufferization_lower_deallocations import LowerDealloc


class LowerClone(RewritePattern):
    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: CloneOp, rewriter: PatternRewriter) -> None:
        source_type, result_type = op.input.type, op.output.type
        if not isinstance(source_type, MemRefType) or not isinstance(result_type, MemRefType):
            raise DiagnosticError.at(op, "convert-bufferization-to-memref: cloning an unranked memref is not supported")
        sizes = []
        for dim, size in enumerate(result_type.get_shape()):
            if size == DYNAMIC_INDEX:
                index = arith.ConstantOp.from_int_and_width(dim, IndexType())
                extent = memref.DimOp.from_source_and_index(op.input, index)
                rewriter.insert_op([index, extent])
                sizes.append(extent.result)
        # The copy gets the identity layout; a cast restores the declared type.
        identity = MemRefType(result_type.element_type, result_type.get_shape(), memory_space=result_type.memory_space)
        alloc = memref.AllocOp(sizes, [], identity)
        rewriter.insert_op(alloc)
        rewriter.insert_op(CopyOp.create(operands=[op.input, alloc.memref]))
        if alloc.memref.type == result_type:
            rewriter.replace_op(op, [], [alloc.memref])
            return
        rewriter.replace_op(op, CastOp.create(operands=[alloc.memref], result_types=[result_type]))


@dataclass(frozen=True)
class ConvertBufferizationToMemRefPass(ModulePass):
    """Convert operations from the Bufferization dialect to the MemRef dialect"""

    name = "convert-bufferization-to-memref"
    display_name: ClassVar[str] = "ConvertBufferizationToMemRefPass"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        PatternRewriteWalker(GreedyRewritePatternApplier([LowerClone(), LowerDealloc()])).rewrite_module(op)
