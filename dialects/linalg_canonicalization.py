"""Upstream's linalg canonicalizations (LinalgOps.cpp) that mlopt lacked:
copies of a buffer onto itself, and generics that only pass their operands on."""

from __future__ import annotations

from xdsl.dialects.builtin import MemRefType, TensorType
from xdsl.ir import Operation, SSAValue
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern
from xdsl.rewriter import InsertPoint

from mlopt.dialects import tensor
from mlopt.dialects.tensor_canonicalization import join_shapes


def _has_buffer_semantics(op: Operation) -> bool:
    return all(isinstance(value.type, MemRefType) for value in (*op.inputs, *op.outputs))


def _has_tensor_semantics(op: Operation) -> bool:
    return all(not isinstance(value.type, MemRefType) for value in (*op.inputs, *op.outputs))


class EraseSelfCopy(RewritePattern):
    """``linalg.copy`` of a value onto itself copies nothing (upstream's EraseSelfCopy)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if list(op.inputs) != list(op.outputs):
            return
        if _has_buffer_semantics(op):
            rewriter.erase_op(op)
        else:
            rewriter.replace_op(op, [], list(op.inputs))


class EraseIdentityGeneric(RewritePattern):
    """A generic with one indexing map for all operands whose body yields its
    arguments computes nothing: on tensors its results are those operands (cast
    to the result type), on a buffer copied onto itself it goes (upstream's
    EraseIdentityLinalgOp)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        maps = op.indexing_maps.data
        block = op.body.block
        if any(m != maps[0] for m in maps) or block.first_op is not block.last_op:
            return
        yielded = list(block.last_op.operands)
        if not all(value.owner is block for value in yielded):
            return
        if _has_buffer_semantics(op):
            if len(op.inputs) == len(op.outputs) == 1 and op.inputs[0] == op.outputs[0]:
                rewriter.erase_op(op)
            return
        if not _has_tensor_semantics(op) or len(yielded) != len(op.results):
            return
        passed = [op.operands[value.index] for value in yielded]
        for value, result in zip(passed, op.results):
            castable = isinstance(value.type, TensorType) and value.type.element_type == result.type.element_type
            if value.type != result.type and (not castable or join_shapes(value.type, result.type) is None):
                return
        replacements: list[SSAValue] = []
        for value, result in zip(passed, op.results):
            if value.type != result.type:
                cast = tensor.CastOp(value, result.type)
                rewriter.insert_op(cast, InsertPoint.before(op))
                value = cast.dest
            replacements.append(value)
        rewriter.replace_op(op, [], replacements)


COPY_PATTERNS = (EraseSelfCopy(),)
GENERIC_PATTERNS = (EraseIdentityGeneric(),)
