"""convert-vector-to-scf: vector.transfer_read/transfer_write of any
permutation map → 1-D transfers of a memref's dimensions, as upstream's
VectorToSCF with ``full-unroll``.

As upstream, permutation maps are lowered first: a transposing map becomes a
transfer with sorted dimensions and a vector.transpose, broadcast dimensions a
smaller transfer and a vector.broadcast. Then each leading vector dimension is
unrolled (a position that may be out of bounds is guarded with scf.if: the
padding is read there, nothing is written), down to transfers of rank
``target-rank``; a 1-D transfer along a memref dimension other than the
innermost one becomes scalar loads and stores.

Unlike upstream, mlopt always unrolls (the shapes are static), so the result
does not depend on ``full-unroll``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith, memref, scf
from xdsl.dialects import vector as xvector
from xdsl.dialects.builtin import (
    AffineMapAttr,
    ArrayAttr,
    BoolAttr,
    IndexType,
    IntegerAttr,
    MemRefType,
    VectorType,
)
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.ir.affine import AffineConstantExpr, AffineDimExpr, AffineExpr, AffineMap
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

from mlopt.passes.conversion.llvm_common import apply_conversion
from mlopt.passes.transforms import vector_ir


@dataclass
class Transfer:
    """A transfer op on a memref, decoded: which memref dimension each vector
    dimension walks (None: broadcast), its indices, mask and in-bounds flags."""

    op: Operation
    is_write: bool
    vector_type: VectorType
    source: SSAValue
    indices: list[SSAValue]
    padding: SSAValue | None
    mask: SSAValue | None
    dims: list[int | None]
    in_bounds: list[bool]

    @property
    def memref_type(self) -> MemRefType:
        return self.source.type  # type: ignore[return-value]

    @property
    def value(self) -> SSAValue:
        return self.op.operands[0]


def permutation_dims(results: Sequence[AffineExpr]) -> list[int | None] | None:
    """The source dimension each vector dimension of a transfer walks (None:
    broadcast), from its permutation map's results; None for other maps."""
    dims: list[int | None] = []
    for expr in results:
        if isinstance(expr, AffineDimExpr):
            dims.append(expr.position)
        elif isinstance(expr, AffineConstantExpr) and expr.value == 0:
            dims.append(None)
        else:
            return None
    return dims


TRANSFER_OPS = ("vector.transfer_read", "vector.transfer_write")


def decode_transfer(op: Operation) -> Transfer | None:
    """The transfer ``op`` on a memref, decoded; None for other ops and for a
    transfer inside vector.mask (lower-vector-mask folds the mask in first)."""
    is_write = op.name == "vector.transfer_write"
    if op.name not in TRANSFER_OPS or (is_write and op.results):
        return None
    if vector_ir.enclosing_mask(op) is not None:
        return None
    vector_type = op.operands[0].type if is_write else op.results[0].type
    source = op.operands[1] if is_write else op.operands[0]
    if not isinstance(vector_type, VectorType) or not isinstance(source.type, MemRefType):
        return None
    rank = source.type.get_num_dims()
    vector_rank = len(vector_type.get_shape())
    permutation = op.properties.get("permutation_map")
    results: Sequence[AffineExpr] = (
        permutation.data.results
        if isinstance(permutation, AffineMapAttr)
        else tuple(AffineDimExpr(rank - vector_rank + k) for k in range(vector_rank))
    )
    dims = permutation_dims(results)
    if dims is None:
        return None
    first = 2 if is_write else 1
    rest = list(op.operands[first + rank :])
    segments = op.properties["operandSegmentSizes"].get_values()  # type: ignore[attr-defined]
    flags = op.properties.get("in_bounds")
    in_bounds = [bool(f.value.data) for f in flags.data] if isinstance(flags, ArrayAttr) else [False] * vector_rank  # type: ignore[attr-defined]
    indices = list(op.operands[first : first + rank])
    in_bounds = [
        flag or (dim is not None and provably_in_bounds(source.type, dim, indices[dim], size))
        for flag, dim, size in zip(in_bounds, dims, vector_type.get_shape())
    ]
    return Transfer(
        op,
        is_write,
        vector_type,
        source,
        indices,
        None if is_write else rest[0],
        op.operands[-1] if segments[-1] else None,
        dims,
        in_bounds,
    )


def new_transfer(
    transfer: Transfer,
    vector_type: VectorType,
    indices: Sequence[SSAValue],
    dims: Sequence[int | None],
    in_bounds: Sequence[bool],
    mask: SSAValue | None,
    value: SSAValue | None = None,
) -> Operation:
    """A transfer like ``transfer`` of ``vector_type`` along ``dims`` (writing ``value``)."""
    rank = transfer.memref_type.get_num_dims()
    exprs = tuple(AffineConstantExpr(0) if d is None else AffineDimExpr(d) for d in dims)
    permutation = AffineMapAttr(AffineMap(rank, 0, exprs))
    flags = ArrayAttr([BoolAttr.from_bool(flag) for flag in in_bounds])
    if transfer.is_write:
        assert value is not None
        return xvector.TransferWriteOp(value, transfer.source, indices, flags, mask, permutation)
    assert transfer.padding is not None
    return xvector.TransferReadOp(transfer.source, indices, transfer.padding, vector_type, flags, permutation, mask)


def index_constant(rewriter: PatternRewriter, value: int) -> SSAValue:
    return vector_ir.emit(rewriter, arith.ConstantOp(IntegerAttr(value, IndexType())))


def constant_index(value: SSAValue) -> int | None:
    owner = value.owner
    if isinstance(owner, arith.ConstantOp) and isinstance(owner.value, IntegerAttr):
        return owner.value.value.data
    return None


def shifted(rewriter: PatternRewriter, index: SSAValue, step: int) -> SSAValue:
    if not step:
        return index
    start = constant_index(index)
    if start is not None:
        return index_constant(rewriter, start + step)
    return vector_ir.emit(rewriter, arith.AddiOp(index, index_constant(rewriter, step)))


def contiguous_innermost(memref_type: MemRefType) -> bool:
    """Whether the innermost dimension has a static unit stride (what a vector
    load or store of it needs)."""
    from mlopt.passes.conversion.llvm_common import strides_and_offset

    layout = strides_and_offset(memref_type)
    return memref_type.get_num_dims() == 0 or (layout is not None and layout[0][-1] == 1)


def provably_in_bounds(memref_type: MemRefType, dim: int, index: SSAValue, size: int) -> bool:
    """Whether ``size`` elements from a constant ``index`` stay inside a static
    dimension (what upstream's fold of transfer ops marks as in bounds)."""
    extent = memref_type.get_shape()[dim]
    start = constant_index(index)
    return extent >= 0 and start is not None and 0 <= start and start + size <= extent


def inside(rewriter: PatternRewriter, transfer: Transfer, indices: Sequence[SSAValue], dims: Sequence[int]) -> SSAValue | None:
    """index < dim(source) for each memref dimension in ``dims``; None when there are none."""
    condition: SSAValue | None = None
    for dim in dims:
        size = vector_ir.emit(rewriter, memref.DimOp(transfer.source, index_constant(rewriter, dim)))
        check = vector_ir.emit(rewriter, arith.CmpiOp(indices[dim], size, "slt"))
        condition = check if condition is None else vector_ir.emit(rewriter, arith.AndIOp(condition, check))
    return condition


def guarded(
    rewriter: PatternRewriter, condition: SSAValue | None, ops: list[Operation], fallback: Operation | SSAValue | None
) -> SSAValue | None:
    """The ops, inside ``scf.if condition`` when there is one; the value of the
    last op, or else the fallback (an op built in the else branch, or a value)."""
    if condition is None:
        for new in ops:
            rewriter.insert(new)
        return ops[-1].results[0] if ops[-1].results else None
    then_block = Block()
    then_block.add_ops(ops)
    then_block.add_op(scf.YieldOp(*ops[-1].results))
    else_block = Block()
    if isinstance(fallback, Operation):
        else_block.add_op(fallback)
        fallback = fallback.results[0]
    else_block.add_op(scf.YieldOp(*([fallback] if fallback is not None else [])))
    if_op = scf.IfOp(condition, list(ops[-1].result_types), Region(then_block), Region(else_block))
    rewriter.insert(if_op)
    return if_op.results[0] if if_op.results else None


def canonical_order(dims: Sequence[int | None]) -> list[int]:
    """Vector dimensions reordered: broadcasts first, then by memref dimension."""
    return sorted(range(len(dims)), key=lambda k: (dims[k] is not None, dims[k] or 0, k))


@dataclass
class TransferReadPermutationLowering(RewritePattern):
    """A read whose map transposes → a read in canonical order + vector.transpose."""

    source_name: ClassVar[str] = "vector.transfer_read"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        transfer = decode_transfer(op)
        if transfer is None:
            return
        order = canonical_order(transfer.dims)
        if order == list(range(len(order))):
            return
        shape = transfer.vector_type.get_shape()
        read_type = VectorType(transfer.vector_type.element_type, [shape[k] for k in order])
        read = new_transfer(
            transfer, read_type, transfer.indices, [transfer.dims[k] for k in order], [transfer.in_bounds[k] for k in order], transfer.mask
        )
        rewriter.insert(read)
        rewriter.replace(op, [], [vector_ir.transpose(rewriter, read.results[0], [order.index(k) for k in range(len(order))])])


@dataclass
class TransferReadBroadcastLowering(RewritePattern):
    """A read with leading broadcast dimensions → a read of the others + vector.broadcast."""

    source_name: ClassVar[str] = "vector.transfer_read"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        transfer = decode_transfer(op)
        if transfer is None or len(transfer.dims) < 2 or transfer.dims[0] is not None:
            return
        kept = next((k for k, d in enumerate(transfer.dims) if d is not None), len(transfer.dims) - 1)
        if transfer.mask is not None and transfer.dims[kept] is None:
            return
        shape = transfer.vector_type.get_shape()
        read_type = VectorType(transfer.vector_type.element_type, shape[kept:])
        read = new_transfer(transfer, read_type, transfer.indices, transfer.dims[kept:], transfer.in_bounds[kept:], transfer.mask)
        rewriter.insert(read)
        rewriter.replace(op, [], [vector_ir.broadcast(rewriter, read.results[0], transfer.vector_type)])


@dataclass
class TransferWritePermutationLowering(RewritePattern):
    """A write whose map transposes → vector.transpose + a write in memref order."""

    source_name: ClassVar[str] = "vector.transfer_write"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        transfer = decode_transfer(op)
        if transfer is None or None in transfer.dims:
            return
        order = canonical_order(transfer.dims)
        if order == list(range(len(order))):
            return
        value = vector_ir.transpose(rewriter, transfer.value, order)
        write = new_transfer(
            transfer,
            value.type,  # type: ignore[arg-type]
            transfer.indices,
            [transfer.dims[k] for k in order],
            [transfer.in_bounds[k] for k in order],
            transfer.mask,
            value,
        )
        rewriter.replace(op, write)


UNROLLED_UNIFORM_ROWS = 64
"""Rows of a write of one scalar (a vectorized linalg.fill) unrolled at
most; past this, a loop writes them. A fill of a padded 1000x1024 operand
is a thousand rows: unrolled, a thousand stores to compile for a loop's
work (and LLVM would not unroll a loop that long either)."""


def broadcast_scalar(value: SSAValue) -> SSAValue | None:
    """The scalar every element of ``value`` is, where it is a vector.broadcast of one."""
    owner = value.owner
    if isinstance(owner, xvector.BroadcastOp) and not isinstance(owner.source.type, VectorType):
        return owner.source
    return None


@dataclass
class TransferSplitter(RewritePattern):
    """A transfer of rank > target_rank in memref order → one transfer of the
    trailing dimensions per position of the leading ones; a long in-bounds
    write of one scalar → a loop nest writing a row per iteration."""

    target_rank: int
    source_name: ClassVar[None] = None
    source_names: ClassVar[tuple[str, ...]] = TRANSFER_OPS

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        transfer = decode_transfer(op)
        if transfer is None or len(transfer.dims) <= self.target_rank or None in transfer.dims:
            return
        if canonical_order(transfer.dims) != list(range(len(transfer.dims))):
            return
        shape = transfer.vector_type.get_shape()
        split = len(shape) - self.target_rank
        leading: list[int] = transfer.dims[:split]  # type: ignore[assignment]
        row_type = VectorType(transfer.vector_type.element_type, shape[split:])
        scalar = broadcast_scalar(transfer.value) if transfer.is_write and transfer.mask is None else None
        if scalar is not None and all(transfer.in_bounds[:split]) and math.prod(shape[:split]) > UNROLLED_UNIFORM_ROWS:
            _uniform_write_loops(rewriter, transfer, split, vector_ir.broadcast(rewriter, scalar, row_type))
            rewriter.erase(op)
            return
        result = None if transfer.is_write else vector_ir.broadcast(rewriter, transfer.padding, transfer.vector_type)  # type: ignore[arg-type]
        for position in itertools.product(*(range(n) for n in shape[:split])):
            indices = list(transfer.indices)
            for dim, step in zip(leading, position):
                indices[dim] = shifted(rewriter, indices[dim], step)
            row_mask = vector_ir.extract(rewriter, transfer.mask, position) if transfer.mask is not None else None
            may_leave = [
                d
                for d, flag in zip(leading, transfer.in_bounds)
                if not flag and not provably_in_bounds(transfer.memref_type, d, indices[d], 1)
            ]
            condition = inside(rewriter, transfer, indices, may_leave)
            value = vector_ir.extract(rewriter, transfer.value, position) if transfer.is_write else None
            row = new_transfer(transfer, row_type, indices, transfer.dims[split:], transfer.in_bounds[split:], row_mask, value)
            fallback = None if transfer.is_write else xvector.BroadcastOp(transfer.padding, row_type)  # type: ignore[arg-type]
            row_value = guarded(rewriter, condition, [row], fallback)
            if not transfer.is_write:
                result = vector_ir.insert(rewriter, row_value, result, position)  # type: ignore[arg-type]
        rewriter.replace(op, [], [] if transfer.is_write else [result])  # type: ignore[list-item]


def _uniform_write_loops(rewriter: PatternRewriter, transfer: Transfer, split: int, row: SSAValue) -> None:
    """An scf.for per leading dimension of ``transfer`` (a write in bounds),
    the innermost writing ``row`` where the loops are."""
    # the bounds first: the loops go in after them
    start, step = index_constant(rewriter, 0), index_constant(rewriter, 1)
    ends = [index_constant(rewriter, extent) for extent in transfer.vector_type.get_shape()[:split]]
    indices = list(transfer.indices)
    body: Block | None = None
    for dim, end in zip(transfer.dims[:split], ends):
        assert dim is not None
        block = Block(arg_types=[IndexType()])
        loop = scf.ForOp(start, end, step, [], Region(block))
        if body is None:
            rewriter.insert(loop)
        else:
            body.add_ops([loop, scf.YieldOp()])
        body = block
        position = block.args[0]
        if constant_index(indices[dim]) != 0:
            add = arith.AddiOp(indices[dim], position)
            block.add_op(add)
            position = add.result
        indices[dim] = position
    assert body is not None
    body.add_op(new_transfer(transfer, row.type, indices, transfer.dims[split:], transfer.in_bounds[split:], None, row))  # type: ignore[arg-type]
    body.add_op(scf.YieldOp())


@dataclass
class StridedTransferLowering(RewritePattern):
    """A 1-D transfer along a memref dimension other than the innermost one,
    or along a strided innermost one → one scalar memref.load/store per lane,
    guarded by its bound and mask (upstream's TransferOp1dConversion, unrolled)."""

    source_name: ClassVar[None] = None
    source_names: ClassVar[tuple[str, ...]] = TRANSFER_OPS

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        transfer = decode_transfer(op)
        if transfer is None or len(transfer.dims) != 1:
            return
        (dim,) = transfer.dims
        innermost = dim == transfer.memref_type.get_num_dims() - 1
        if dim is None or innermost and contiguous_innermost(transfer.memref_type):
            return
        result = None if transfer.is_write else vector_ir.broadcast(rewriter, transfer.padding, transfer.vector_type)  # type: ignore[arg-type]
        for lane in range(transfer.vector_type.get_shape()[0]):
            indices = list(transfer.indices)
            indices[dim] = shifted(rewriter, indices[dim], lane)
            condition = inside(rewriter, transfer, indices, [] if transfer.in_bounds[0] else [dim])
            if transfer.mask is not None:
                lane_mask = vector_ir.extract(rewriter, transfer.mask, [lane])
                condition = lane_mask if condition is None else vector_ir.emit(rewriter, arith.AndIOp(condition, lane_mask))
            if transfer.is_write:
                scalar = vector_ir.extract(rewriter, transfer.value, [lane])
                guarded(rewriter, condition, [memref.StoreOp.get(scalar, transfer.source, indices)], None)
                continue
            load = memref.LoadOp.get(transfer.source, indices)
            scalar = guarded(rewriter, condition, [load], transfer.padding)
            result = vector_ir.insert(rewriter, scalar, result, [lane])  # type: ignore[arg-type]
        rewriter.replace(op, [], [] if transfer.is_write else [result])  # type: ignore[list-item]


def transfer_permutation_patterns() -> list[RewritePattern]:
    """Upstream's ``apply_patterns.vector.transfer_permutation_patterns``."""
    return [TransferReadPermutationLowering(), TransferReadBroadcastLowering(), TransferWritePermutationLowering()]


def transfer_patterns(target_rank: int) -> list[RewritePattern]:
    return [*transfer_permutation_patterns(), TransferSplitter(max(1, target_rank)), StridedTransferLowering()]


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
        apply_conversion(op, transfer_patterns(self.target_rank), fold_casts=False)
