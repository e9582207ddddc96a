"""Upstream's vector transfer lowering (``apply_patterns.vector.lower_transfer``):
a transfer of a memref that stays in bounds, along its contiguous
innermost dimension, without a mask, is a plain vector.load or vector.store.
Once a store is a vector.store, its ``nontemporal`` flag can be set (the
transfer op has none). Masked, broadcast and permuted transfers are left to
convert-vector-to-llvm or -scf, which lower them directly."""

from __future__ import annotations

from xdsl.dialects import vector as xvector
from xdsl.dialects.builtin import AffineMapAttr, ArrayAttr, MemRefType, VectorType
from xdsl.ir import Operation
from xdsl.ir.affine import AffineDimExpr
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

from mlopt.passes.conversion.vector_to_scf import contiguous_innermost, provably_in_bounds


def _plain_transfer(op: Operation, memref_operand: int, vector_type: object, max_rank: int) -> bool:
    """A transfer of a memref along its contiguous innermost dimension, in
    bounds, unmasked, no wider than ``max_rank``."""
    memref_type = op.operands[memref_operand].type
    if not isinstance(memref_type, MemRefType) or not isinstance(vector_type, VectorType):
        return False
    rank = vector_type.get_num_dims()
    if rank > max_rank or memref_type.element_type != vector_type.element_type or not contiguous_innermost(memref_type):
        return False
    segments = op.properties.get("operandSegmentSizes")
    if segments is not None and segments.get_values()[-1] > 0:  # type: ignore[attr-defined]
        return False
    permutation = op.properties.get("permutation_map")
    dims = memref_type.get_num_dims()
    minor_identity = list(range(dims - rank, dims))
    if not isinstance(permutation, AffineMapAttr) or [
        e.position if isinstance(e, AffineDimExpr) else None for e in permutation.data.results
    ] != minor_identity:
        return False
    in_bounds = op.properties.get("in_bounds")
    flags = [bool(f.value.data) for f in in_bounds.data] if isinstance(in_bounds, ArrayAttr) else [False] * rank  # type: ignore[attr-defined]
    indices = op.operands[memref_operand + 1 : memref_operand + 1 + dims]
    # a transfer the vectorizer left unflagged is in bounds where its constant start and size fit the memref
    return all(
        flag or provably_in_bounds(memref_type, dim, indices[dim], size)
        for flag, dim, size in zip(flags, minor_identity, vector_type.get_shape(), strict=True)
    )


class TransferReadToVectorLoad(RewritePattern):
    def __init__(self, max_transfer_rank: int):
        self.max_transfer_rank = max_transfer_rank

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> None:
        if op.name != "vector.transfer_read" or not _plain_transfer(op, 0, op.results[0].type, self.max_transfer_rank):
            return
        source, *rest = op.operands
        indices = rest[: source.type.get_num_dims()]  # type: ignore[attr-defined]
        rewriter.replace_op(op, xvector.LoadOp(source, indices, op.results[0].type))  # type: ignore[arg-type]


class TransferWriteToVectorStore(RewritePattern):
    def __init__(self, max_transfer_rank: int):
        self.max_transfer_rank = max_transfer_rank

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> None:
        if op.name != "vector.transfer_write" or op.results:
            return
        if not _plain_transfer(op, 1, op.operands[0].type, self.max_transfer_rank):
            return
        value, destination, *rest = op.operands
        indices = rest[: destination.type.get_num_dims()]  # type: ignore[attr-defined]
        rewriter.replace_op(op, xvector.StoreOp(value, destination, indices))


def transfer_lowering_patterns(max_transfer_rank: int = 1) -> list[RewritePattern]:
    return [TransferReadToVectorLoad(max_transfer_rank), TransferWriteToVectorStore(max_transfer_rank)]
