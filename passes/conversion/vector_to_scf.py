"""convert-vector-to-scf: n-D vector.transfer_read/transfer_write → transfers
of rank ``target-rank``, one per leading position, as upstream's VectorToSCF
does with ``full-unroll``. A leading dimension that may run out of bounds is
guarded with scf.if (the padding is read there; nothing is written).

Unlike upstream, mlopt always unrolls (the shapes are static), so the result
does not depend on ``full-unroll``; vector.print of a vector is lowered
directly by convert-vector-to-llvm.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith, memref, scf
from xdsl.dialects.builtin import (
    AffineMapAttr,
    ArrayAttr,
    BoolAttr,
    DenseArrayBase,
    IndexType,
    IntegerAttr,
    MemRefType,
    VectorType,
    i32,
    i64,
)
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.ir.affine import AffineDimExpr, AffineMap
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

from mlopt.passes.conversion.llvm_common import apply_conversion


def minor_identity_rank(op: Operation, memref_type: MemRefType, vector_rank: int) -> bool:
    """Whether the permutation map is the minor identity of the memref's last dims."""
    permutation = op.properties.get("permutation_map")
    if not isinstance(permutation, AffineMapAttr):
        return True
    rank = memref_type.get_num_dims()
    results = permutation.data.results
    return len(results) == vector_rank and all(
        isinstance(expr, AffineDimExpr) and expr.position == rank - vector_rank + k for k, expr in enumerate(results)
    )


def in_bounds_flags(op: Operation, rank: int) -> list[bool]:
    attr = op.properties.get("in_bounds")
    if not isinstance(attr, ArrayAttr):
        return [False] * rank
    return [flag.value.data != 0 for flag in attr.data]  # type: ignore[attr-defined]


@dataclass
class TransferSplitter(RewritePattern):
    """Splits a transfer of rank > target_rank into transfers of the trailing dims."""

    ctx: Context
    target_rank: int

    def op_class(self, name: str) -> type[Operation]:
        return self.ctx.get_op(name)

    def row_transfer(
        self, name: str, operands: list[SSAValue], result_types: list, rank: int, in_bounds: list[bool], has_mask: bool
    ) -> Operation:
        memref_rank = operands[1 if name.endswith("write") else 0].type.get_num_dims()  # type: ignore[attr-defined]
        permutation = AffineMap(memref_rank, 0, tuple(AffineDimExpr(memref_rank - rank + k) for k in range(rank)))
        index_segment = memref_rank
        segments = [1, 1, index_segment, int(has_mask)] if name.endswith("write") else [1, index_segment, 1, int(has_mask)]
        return self.op_class(name).create(
            operands=operands,
            result_types=result_types,
            properties={
                "permutation_map": AffineMapAttr(permutation),
                "in_bounds": ArrayAttr([BoolAttr.from_bool(flag) for flag in in_bounds]),
                "operandSegmentSizes": DenseArrayBase.from_list(i32, segments),
            },
        )

    def shifted_indices(
        self, rewriter: PatternRewriter, indices: list[SSAValue], first_vector_dim: int, position: tuple[int, ...]
    ) -> list[SSAValue]:
        shifted = list(indices)
        for offset, step in enumerate(position):
            if step:
                dim = first_vector_dim + offset
                constant = rewriter.insert(arith.ConstantOp(IntegerAttr(step, IndexType()))).results[0]
                shifted[dim] = rewriter.insert(arith.AddiOp(indices[dim], constant)).results[0]
        return shifted

    def inside(
        self, rewriter: PatternRewriter, source: SSAValue, indices: list[SSAValue], dims: list[int]
    ) -> SSAValue | None:
        """index < dim(source) for each of ``dims`` (the leading dims that may be out of bounds)."""
        condition: SSAValue | None = None
        for dim in dims:
            constant = rewriter.insert(arith.ConstantOp(IntegerAttr(dim, IndexType()))).results[0]
            size = rewriter.insert(memref.DimOp(source, constant)).results[0]
            check = rewriter.insert(arith.CmpiOp(indices[dim], size, "slt")).results[0]
            condition = check if condition is None else rewriter.insert(arith.AndIOp(condition, check)).results[0]
        return condition

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        is_write = op.name == "vector.transfer_write"
        if op.name not in ("vector.transfer_read", "vector.transfer_write") or (is_write and op.results):
            return
        vector_type = op.operands[0].type if is_write else op.results[0].type
        source = op.operands[1] if is_write else op.operands[0]
        memref_type = source.type
        if not isinstance(vector_type, VectorType) or not isinstance(memref_type, MemRefType):
            return
        shape = list(vector_type.get_shape())
        rank = len(shape)
        if rank <= self.target_rank or not minor_identity_rank(op, memref_type, rank):
            return
        memref_rank = memref_type.get_num_dims()
        first = 2 if is_write else 1
        indices = list(op.operands[first : first + memref_rank])
        rest = list(op.operands[first + memref_rank :])
        padding = None if is_write else rest[0]
        segments = op.properties.get("operandSegmentSizes")
        mask = op.operands[-1] if segments is not None and segments.get_values()[-1] else None  # type: ignore[attr-defined]
        flags = in_bounds_flags(op, rank)
        split = rank - self.target_rank
        row_type = VectorType(vector_type.element_type, shape[split:])
        first_vector_dim = memref_rank - rank
        result = None
        if not is_write:
            result = rewriter.insert(self.op_class("vector.broadcast").create(operands=[padding], result_types=[vector_type])).results[0]  # type: ignore[list-item]
        for position in itertools.product(*(range(n) for n in shape[:split])):
            shifted = self.shifted_indices(rewriter, indices, first_vector_dim, position)
            row_mask = []
            if mask is not None:
                row_mask = [self.extract(rewriter, mask, position)]
            guarded = [first_vector_dim + d for d in range(split) if not flags[d]]
            condition = self.inside(rewriter, source, shifted, guarded)
            if is_write:
                value = self.extract(rewriter, op.operands[0], position)
                transfer = self.row_transfer(op.name, [value, source, *shifted, *row_mask], [], self.target_rank, flags[split:], mask is not None)
                self.guarded(rewriter, condition, [transfer], None)
            else:
                transfer = self.row_transfer(op.name, [source, *shifted, padding, *row_mask], [row_type], self.target_rank, flags[split:], mask is not None)  # type: ignore[list-item]
                fallback = self.op_class("vector.broadcast").create(operands=[padding], result_types=[row_type])  # type: ignore[list-item]
                row = self.guarded(rewriter, condition, [transfer], fallback)
                insert = self.op_class("vector.insert").create(
                    operands=[row, result],  # type: ignore[list-item]
                    result_types=[vector_type],
                    properties={"static_position": DenseArrayBase.from_list(i64, list(position))},
                )
                result = rewriter.insert(insert).results[0]
        rewriter.replace(op, [], [result] if not is_write else [])

    def extract(self, rewriter: PatternRewriter, vector: SSAValue, position: tuple[int, ...]) -> SSAValue:
        vector_type = vector.type
        assert isinstance(vector_type, VectorType)
        result_type = VectorType(vector_type.element_type, vector_type.get_shape()[len(position) :])
        extract = self.op_class("vector.extract").create(
            operands=[vector], result_types=[result_type], properties={"static_position": DenseArrayBase.from_list(i64, list(position))}
        )
        return rewriter.insert(extract).results[0]

    def guarded(
        self, rewriter: PatternRewriter, condition: SSAValue | None, ops: list[Operation], fallback: Operation | None
    ) -> SSAValue | None:
        """The ops, inside ``scf.if condition`` when there is one; the value of the last op (or the fallback's)."""
        if condition is None:
            for new in ops:
                rewriter.insert(new)
            return ops[-1].results[0] if ops[-1].results else None
        result_types = list(ops[-1].result_types)
        then_block = Block()
        then_block.add_ops(ops)
        then_block.add_op(scf.YieldOp(*ops[-1].results))
        else_block = Block()
        if fallback is not None:
            else_block.add_op(fallback)
        else_block.add_op(scf.YieldOp(*(fallback.results if fallback is not None else ())))
        if_op = scf.IfOp(condition, result_types, Region(then_block), Region(else_block))
        rewriter.insert(if_op)
        return if_op.results[0] if if_op.results else None


@dataclass(frozen=True)
class ConvertVectorToSCFPass(ModulePass):
    """Lower the operations from the vector dialect into the SCF dialect"""

    name = "convert-vector-to-scf"
    display_name: ClassVar[str] = "ConvertVectorToSCF"

    full_unroll: bool = field(default=False, metadata={"help": "Perform full unrolling when converting vector transfers to SCF (mlopt always unrolls)"})
    lower_scalable: bool = field(default=False, metadata={"help": "Add scalable vector specific lowerings (that introduce loops)"})
    lower_tensors: bool = field(default=False, metadata={"help": "Lower transfer ops that operate on tensors"})
    target_rank: int = field(default=1, metadata={"help": "Target vector rank to which transfer ops should be lowered"})

    def apply(self, ctx: Context, op: Operation) -> None:
        apply_conversion(op, [TransferSplitter(ctx, max(1, self.target_rank))], fold_casts=False)
