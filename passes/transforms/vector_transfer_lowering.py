"""Upstream's vector transfer lowering (``apply_patterns.vector.lower_transfer``):
a transfer of a memref that stays in bounds, along its contiguous
innermost dimension, without a mask, is a plain vector.load or vector.store.
Once a store is a vector.store, its ``nontemporal`` flag can be set (the
transfer op has none). Masked, broadcast and permuted transfers are left to
convert-vector-to-llvm or -scf, which lower them directly."""

from __future__ import annotations

from xdsl.dialects import vector as xvector
from xdsl.ir import Operation
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

from mlopt.passes.conversion.vector_to_scf import Transfer, contiguous_innermost, decode_transfer


def _plain_transfer(op: Operation, max_rank: int) -> Transfer | None:
    """``op`` decoded, if it is a transfer no wider than ``max_rank``, in
    bounds along the contiguous innermost dimensions of its memref (a minor
    identity map), with no mask: neither an operand nor an enclosing
    vector.mask, whose lanes a plain load or store would ignore."""
    transfer = decode_transfer(op)
    if transfer is None or transfer.mask is not None:
        return None
    memref_type, vector_type = transfer.memref_type, transfer.vector_type
    rank, dims = vector_type.get_num_dims(), memref_type.get_num_dims()
    if rank > max_rank or memref_type.element_type != vector_type.element_type:
        return None
    if transfer.dims != list(range(dims - rank, dims)) or not all(transfer.in_bounds):
        return None
    return transfer if contiguous_innermost(memref_type) else None


class TransferReadToVectorLoad(RewritePattern):
    def __init__(self, max_transfer_rank: int):
        self.max_transfer_rank = max_transfer_rank

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> None:
        transfer = _plain_transfer(op, self.max_transfer_rank)
        if transfer is None or transfer.is_write:
            return
        rewriter.replace(op, xvector.LoadOp(transfer.source, transfer.indices, transfer.vector_type))


class TransferWriteToVectorStore(RewritePattern):
    def __init__(self, max_transfer_rank: int):
        self.max_transfer_rank = max_transfer_rank

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> None:
        transfer = _plain_transfer(op, self.max_transfer_rank)
        if transfer is None or not transfer.is_write:
            return
        rewriter.replace(op, xvector.StoreOp(transfer.value, transfer.source, transfer.indices))


def transfer_lowering_patterns(max_transfer_rank: int = 1) -> list[RewritePattern]:
    return [TransferReadToVectorLoad(max_transfer_rank), TransferWriteToVectorStore(max_transfer_rank)]
