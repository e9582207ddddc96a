"""fold-tensor-subset-ops and the tensor pattern sets of the transform
dialect (upstream's Tensor/Transforms FoldTensorSubsetOps.cpp and
MergeConsecutiveInsertExtractSlicePatterns.cpp):

- ``tensor.fold_tensor_subset_ops_into_vector_transfers``: a transfer_read of
  an extract_slice reads the slice's source; a transfer_write that fills a
  whole tensor then inserted by insert_slice writes the destination;
- ``tensor.fold_tensor_subset_ops``: those, and an insert_slice of an
  insert_slice that fills its whole destination inserts the inner source;
- ``tensor.merge_consecutive_insert_extract_slice``: an extract_slice of an
  extract_slice is one extract_slice; an insert_slice of a static, pure rank
  expansion (an insert_slice filling its destination) inserts its source;
- ``tensor.drop_redundant_insert_slice_rank_expansion``: an extract_slice
  dropping the unit dimensions a whole-tensor insert_slice added reads the
  inserted tensor; an insert_slice filling its destination with an
  extract_slice, adding back the dimensions it dropped, is that extract_slice
  without the rank reduction.

Slices with unit strides only, except when merging extract_slices.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import AffineMapAttr, ArrayAttr, BoolAttr, ModuleOp, TensorType
from xdsl.ir import Operation, SSAValue
from xdsl.ir.affine import AffineDimExpr, AffineMap
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, PatternRewriteWalker, RewritePattern, GreedyRewritePatternApplier

from mlopt.dialects.syntax import DYNAMIC
from mlopt.passes.transforms.loop_utils import constant_int

Mixed = int | SSAValue


def _mixed(op: Operation, kind: str) -> list[Mixed]:
    """The ``kind`` list (offset, size, stride) of a slice op, constants folded in."""
    dynamic = iter(getattr(op, f"{kind}s"))
    values = [next(dynamic) if v == DYNAMIC else v for v in op.properties[f"static_{kind}s"].get_values()]
    return [_folded(v) for v in values]


def _folded(value: Mixed) -> Mixed:
    constant = constant_int(value) if isinstance(value, SSAValue) else None
    return value if constant is None else constant


def _producer(op: Operation, name: str, producer_name: str) -> Operation | None:
    """When ``op`` is a ``name`` op whose first operand a ``producer_name`` op
    makes, that producer."""
    if op.name != name:
        return None
    producer = op.operands[0].owner
    return producer if isinstance(producer, Operation) and producer.name == producer_name else None


def _unit_strides(op: Operation) -> bool:
    return all(s == 1 for s in _mixed(op, "stride"))


def _dropped_dims(op: Operation) -> set[int]:
    """The dimensions of the larger tensor a rank-reducing slice op drops."""
    from mlopt.dialects.tensor import rank_reduction_mask

    if op.name == "tensor.extract_slice":
        sliced = op.results[0].type
    else:
        sliced = op.operands[0].type
    sizes = [s if isinstance(s, int) else DYNAMIC for s in _mixed(op, "size")]
    return rank_reduction_mask(sizes, list(sliced.get_shape()), match_dynamic=True) or set()  # type: ignore[attr-defined]


def _slice(name: str, operands: Sequence[SSAValue], result_type, offsets: Sequence[Mixed], sizes: Sequence[Mixed],
           strides: Sequence[Mixed]) -> Operation:  # fmt: skip
    """A new tensor.extract_slice (``operands``: the source) or insert_slice
    (source and destination) with these lists."""
    from mlopt.dialects import tensor
    from mlopt.dialects.tensor_canonicalization import _slice_operands_and_properties

    dynamic, properties = _slice_operands_and_properties({"offset": list(offsets), "size": list(sizes), "stride": list(strides)})
    op_class = tensor.ExtractSliceOp if name == "tensor.extract_slice" else tensor.InsertSliceOp
    return op_class.build(operands=[*operands, *dynamic], result_types=[result_type], properties=properties)


def _add(rewriter: PatternRewriter, a: Mixed, b: Mixed, scale: Mixed = 1) -> Mixed:
    """``a + b * scale``, a constant when all are."""
    from mlopt.passes.transforms.fold_memref_alias_ops import _source_index

    a, b, scale = (_folded(v) for v in (a, b, scale))
    if isinstance(a, int) and isinstance(b, int) and isinstance(scale, int):
        return a + b * scale
    if isinstance(b, int) and isinstance(scale, int):
        return a if b == 0 else _source_index(rewriter, b * scale, 1, a)  # type: ignore[arg-type]
    return _source_index(rewriter, a, scale, _index(rewriter, b))


def _index(rewriter: PatternRewriter, value: Mixed) -> SSAValue:
    from mlopt.passes.transforms.expand_strided_metadata import MixedArith

    return MixedArith(rewriter).value(value)


def _mul(rewriter: PatternRewriter, a: Mixed, b: Mixed) -> Mixed:
    from mlopt.passes.transforms.expand_strided_metadata import MixedArith

    return MixedArith(rewriter).mul(a, b)


# --------------------------------------------------------------------------- into vector transfers


def _source_map(map: AffineMap, source_rank: int, dropped: set[int]) -> AffineMap:
    """A transfer map over a rank-reduced slice, over the slice's source instead."""
    kept = [dim for dim in range(source_rank) if dim not in dropped]
    return map.replace_dims_and_symbols([AffineDimExpr(d) for d in kept], [], source_rank, map.num_symbols)


class TransferReadOfExtractSlice(RewritePattern):
    """``transfer_read (extract_slice %t)[i]`` → ``transfer_read %t[offset + i]``."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        slice_op = _producer(op, "vector.transfer_read", "tensor.extract_slice")
        if slice_op is None or op.mask is not None or not _unit_strides(slice_op):  # type: ignore[attr-defined]
            return
        dropped = _dropped_dims(slice_op)
        remaining = iter(op.indices)  # type: ignore[attr-defined]
        indices = [
            _index(rewriter, offset if dim in dropped else _add(rewriter, offset, next(remaining)))
            for dim, offset in enumerate(_mixed(slice_op, "offset"))
        ]
        source = slice_op.operands[0]
        permutation = _source_map(op.permutation_map.data, len(indices), dropped)  # type: ignore[attr-defined]
        read = type(op)(source, indices, op.padding, op.result.type, op.in_bounds, AffineMapAttr(permutation))  # type: ignore[attr-defined, call-arg]
        rewriter.replace(op, read)


class InsertSliceOfTransferWrite(RewritePattern):
    """``insert_slice (transfer_write %v, %t[0...]) into %d[offsets]``, the
    vector filling all of %t → ``transfer_write %v, %d[offsets]``."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        write = _producer(op, "tensor.insert_slice", "vector.transfer_write")
        if write is None or write.mask is not None or not _unit_strides(op):  # type: ignore[attr-defined]
            return
        written = write.source.type  # type: ignore[attr-defined]
        vector = write.vector.type  # type: ignore[attr-defined]
        if (
            not isinstance(written, TensorType)
            or list(vector.get_shape()) != list(written.get_shape())
            or not write.permutation_map.data.is_minor_identity()  # type: ignore[attr-defined]
            or any(constant_int(i) != 0 for i in write.indices)  # type: ignore[attr-defined]
        ):
            return
        dropped = _dropped_dims(op)
        offsets = [_index(rewriter, o) for o in _mixed(op, "offset")]
        rank = len(offsets)
        permutation = AffineMap(rank, 0, tuple(AffineDimExpr(d) for d in range(rank) if d not in dropped))
        in_bounds = ArrayAttr([BoolAttr.from_bool(True)] * len(vector.get_shape()))
        new_write = type(write)(write.vector, op.operands[1], offsets, in_bounds, None, AffineMapAttr(permutation),  # type: ignore[attr-defined, call-arg]
                                op.results[0].type)  # fmt: skip
        rewriter.replace(op, new_write)
        if not write.results[0].uses:
            rewriter.erase(write)  # a write into a tensor has no other effect


# --------------------------------------------------------------------------- slices of slices


def _fills_destination(op: Operation) -> bool:
    """An insert_slice writing all of its static destination (a pure rank expansion)."""
    source, dest = op.operands[0].type, op.operands[1].type
    if not source.has_static_shape() or not dest.has_static_shape():  # type: ignore[attr-defined]
        return False
    return (
        _unit_strides(op)
        and all(o == 0 for o in _mixed(op, "offset"))
        and _mixed(op, "size") == list(dest.get_shape())  # type: ignore[attr-defined]
    )


class InsertSliceOfInsertSlice(RewritePattern):
    """``insert_slice (insert_slice %x into %y) into %z``, %x filling %y →
    ``insert_slice %x into %z`` (upstream's InsertSliceOfInsertSliceFolder)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        inner = _producer(op, "tensor.insert_slice", "tensor.insert_slice")
        if inner is None:
            return
        if not _unit_strides(op) or not _unit_strides(inner):
            return
        dropped = _dropped_dims(op)
        outer_sizes = [s for d, s in enumerate(_mixed(op, "size")) if d not in dropped]
        if outer_sizes != _mixed(inner, "size"):
            return  # the inner insertion leaves part of its destination: a copy is needed
        offsets = list(_mixed(op, "offset"))
        inner_offsets = iter(_mixed(inner, "offset"))
        offsets = [o if d in dropped else _add(rewriter, o, next(inner_offsets)) for d, o in enumerate(offsets)]
        sizes = list(_mixed(op, "size"))
        rewriter.replace(op, _slice("tensor.insert_slice", [inner.operands[0], op.operands[1]], op.results[0].type,
                                       offsets, sizes, _mixed(op, "stride")))  # fmt: skip


class MergeConsecutiveExtractSlice(RewritePattern):
    """``extract_slice (extract_slice %t)`` → one extract_slice of %t."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        producer = _producer(op, "tensor.extract_slice", "tensor.extract_slice")
        if producer is None:
            return
        dropped = _dropped_dims(producer)
        inner = iter(zip(_mixed(op, "offset"), _mixed(op, "size"), _mixed(op, "stride")))
        offsets, sizes, strides = [], [], []
        for dim, (offset, size, stride) in enumerate(zip(*(_mixed(producer, k) for k in ("offset", "size", "stride")))):
            if dim in dropped:
                offsets.append(offset), sizes.append(size), strides.append(stride)
                continue
            consumer_offset, consumer_size, consumer_stride = next(inner)
            offsets.append(_add(rewriter, offset, consumer_offset, stride))
            sizes.append(consumer_size)
            strides.append(_mul(rewriter, stride, consumer_stride))
        rewriter.replace(op, _slice("tensor.extract_slice", [producer.operands[0]], op.results[0].type, offsets, sizes, strides))


class MergeConsecutiveInsertSlice(RewritePattern):
    """``insert_slice (insert_slice %x into %y) into %z``, the first a static
    pure rank expansion → ``insert_slice %x into %z`` at the second's place."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        inner = _producer(op, "tensor.insert_slice", "tensor.insert_slice")
        if inner is None:
            return
        if not _unit_strides(op) or not _fills_destination(inner):
            return
        rewriter.replace(op, _slice("tensor.insert_slice", [inner.operands[0], op.operands[1]], op.results[0].type,
                                       _mixed(op, "offset"), _mixed(op, "size"), _mixed(op, "stride")))  # fmt: skip


class DropRankExpansionOnExtractSlice(RewritePattern):
    """``extract_slice (insert_slice %x into %y)`` dropping exactly the unit
    dimensions the insertion (filling %y) added → an extract_slice of %x."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        insert = _producer(op, "tensor.extract_slice", "tensor.insert_slice")
        if insert is None:
            return
        dropped = _dropped_dims(op)
        if not dropped or dropped != _dropped_dims(insert) or not insert.results[0].has_one_use() or not _fills_destination(insert):
            return
        lists = [[v for d, v in enumerate(_mixed(op, k)) if d not in dropped] for k in ("offset", "size", "stride")]
        rewriter.replace(op, _slice("tensor.extract_slice", [insert.operands[0]], op.results[0].type, *lists))
        rewriter.erase(insert)


class DropRankExpansionOnInsertSlice(RewritePattern):
    """``insert_slice (extract_slice %x) into %z``, the insertion filling %z
    and adding back exactly the unit dimensions the extraction dropped → an
    extract_slice of %x of %z's type."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        extract = _producer(op, "tensor.insert_slice", "tensor.extract_slice")
        if extract is None or not extract.results[0].has_one_use():
            return
        if not _fills_destination(op) or extract.operands[0].type.get_num_dims() != op.results[0].type.get_num_dims():  # type: ignore[attr-defined]
            return
        if _dropped_dims(extract) != _dropped_dims(op):
            return
        lists = [_mixed(extract, k) for k in ("offset", "size", "stride")]
        rewriter.replace(op, _slice("tensor.extract_slice", [extract.operands[0]], op.results[0].type, *lists))
        rewriter.erase(extract)


# --------------------------------------------------------------------------- the sets


def into_vector_transfers_patterns() -> list[RewritePattern]:
    return [TransferReadOfExtractSlice(), InsertSliceOfTransferWrite()]


def fold_tensor_subset_patterns() -> list[RewritePattern]:
    return [*into_vector_transfers_patterns(), InsertSliceOfInsertSlice()]


def merge_consecutive_patterns() -> list[RewritePattern]:
    return [MergeConsecutiveExtractSlice(), MergeConsecutiveInsertSlice()]


def drop_redundant_rank_expansion_patterns() -> list[RewritePattern]:
    return [DropRankExpansionOnExtractSlice(), DropRankExpansionOnInsertSlice()]


@dataclass(frozen=True)
class FoldTensorSubsetOpsPass(ModulePass):
    """Fold tensor subset ops into producer/consumer ops"""

    name = "fold-tensor-subset-ops"
    display_name: ClassVar[str] = "FoldTensorSubsetOps"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        from xdsl.transforms.dead_code_elimination import region_dce

        walker = PatternRewriteWalker(GreedyRewritePatternApplier(fold_tensor_subset_patterns()), post_walk_func=region_dce)
        walker.rewrite_module(op)
