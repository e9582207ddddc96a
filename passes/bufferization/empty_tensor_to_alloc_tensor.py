"""empty-tensor-to-alloc-tensor: ``tensor.empty`` → ``bufferization.alloc_tensor``
with the same dynamic sizes, as upstream's EmptyTensorToAllocTensor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import tensor
from xdsl.dialects.builtin import ModuleOp
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, PatternRewriteWalker, RewritePattern, op_type_rewrite_pattern

from mlopt.dialects.bufferization import AllocTensorOp


class EmptyToAllocTensor(RewritePattern):
    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: tensor.EmptyOp, rewriter: PatternRewriter) -> None:
        rewriter.replace(op, AllocTensorOp(op.tensor.type, list(op.dynamic_sizes)))


@dataclass(frozen=True)
class EmptyTensorToAllocTensorPass(ModulePass):
    """Replace all empty ops by alloc_tensor ops."""

    name = "empty-tensor-to-alloc-tensor"
    display_name: ClassVar[str] = "EmptyTensorToAllocTensorPass"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        PatternRewriteWalker(EmptyToAllocTensor()).rewrite_module(op)
