"""Upstream's vector folders and canonicalizations (VectorOps.cpp) that mlopt
lacked: transposes that cancel or compose, slices of the whole vector, masks of
constant sizes, and slices of constant masks."""

from __future__ import annotations

from xdsl.dialects import arith
from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    ArrayAttr,
    BoolAttr,
    DenseArrayBase,
    DenseIntOrFPElementsAttr,
    Float16Type,
    Float32Type,
    FloatAttr,
    IntegerAttr,
    IntegerType,
    VectorType,
    i64,
)
from xdsl.ir import Operation, SSAValue
from xdsl.ir.affine import AffineDimExpr
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern
from xdsl.traits import ConstantLike

from mlopt.dialects import vector
from mlopt.dialects.tensor_canonicalization import cast_folds_into_consumer, constant_int
from mlopt.xdsl_fixes import float_from_bits


def _mask_of(sizes: list[int], like: VectorType) -> vector.ConstantMaskOp:
    """A constant mask; any empty dimension empties the whole mask."""
    if 0 in sizes:
        sizes = [0] * len(sizes)
    return vector.ConstantMaskOp.create(
        properties={"mask_dim_sizes": DenseArrayBase.from_list(i64, sizes)}, result_types=[like]
    )


class ConstantMaskToSplat(RewritePattern):
    """A constant mask that sets all or nothing is a splat constant (upstream's
    ConstantMaskOp::fold)."""

    def match_and_rewrite(self, op: vector.ConstantMaskOp, rewriter: PatternRewriter, /) -> None:
        sizes, type = list(op.mask_dim_sizes.get_values()), op.result.type
        if not sizes or (sizes != list(type.get_shape()) and any(sizes)):
            return
        value = int(sizes == list(type.get_shape()))
        count = 1
        for extent in type.get_shape():
            count *= extent
        rewriter.replace(op, arith.ConstantOp(DenseIntOrFPElementsAttr.from_list(type, [value] * count)))


class FoldIdentityTranspose(RewritePattern):
    """A transpose that keeps every dimension in place is its source."""

    def match_and_rewrite(self, op: vector.TransposeOp, rewriter: PatternRewriter, /) -> None:
        if list(op.permutation.get_values()) == list(range(op.vector.type.get_num_dims())):
            rewriter.replace(op, [], [op.vector])


class ComposeTransposes(RewritePattern):
    """A transpose of a transpose is one transpose (upstream's TransposeFolder)."""

    def match_and_rewrite(self, op: vector.TransposeOp, rewriter: PatternRewriter, /) -> None:
        inner = op.vector.owner
        if not isinstance(inner, vector.TransposeOp):
            return
        first, second = inner.permutation.get_values(), op.permutation.get_values()
        composed = [first[index] for index in second]
        rewriter.replace(
            op,
            vector.TransposeOp.create(
                operands=[inner.vector],
                properties={"permutation": DenseArrayBase.from_list(i64, composed)},
                result_types=[op.result.type],
            ),
        )


class FoldWholeExtractStridedSlice(RewritePattern):
    """A strided slice of all of a vector is the vector."""

    def match_and_rewrite(self, op: vector.ExtractStridedSliceOp, rewriter: PatternRewriter, /) -> None:
        offsets = [offset.value.data for offset in op.offsets.data]
        if op.result.type == op.source.type and not any(offsets):
            rewriter.replace(op, [], [op.source])


def _ints(attr: ArrayAttr) -> list[int]:
    return [item.value.data for item in attr.data]


class ExtractStridedSliceOfInsert(RewritePattern):
    """A strided slice of what insert_strided_slice put in is a slice of the
    inserted vector; of what it did not touch, a slice of the destination
    (upstream's foldExtractStridedOpFromInsertChain)."""

    def match_and_rewrite(self, op: vector.ExtractStridedSliceOp, rewriter: PatternRewriter, /) -> None:
        offsets, sizes, strides = _ints(op.offsets), _ints(op.sizes), _ints(op.strides)
        insert = op.source.owner
        while isinstance(insert, vector.InsertStridedSliceOp):
            inserted = insert.valueToStore.type
            if inserted.get_num_dims() != op.source.type.get_num_dims() or len(offsets) > len(_ints(insert.offsets)):
                return
            within: list[int] = []
            for dim, (offset, size, stride) in enumerate(zip(offsets, sizes, strides)):
                if stride != _ints(insert.strides)[dim]:
                    return
                start = _ints(insert.offsets)[dim]
                end = start + inserted.get_shape()[dim]
                if not start <= offset < end:
                    break
                if offset + size > end:
                    return  # a partial overlap: neither the source nor the destination alone
                within.append(offset - start)
            else:
                rewriter.replace(
                    op,
                    vector.ExtractStridedSliceOp.create(
                        operands=[insert.valueToStore],
                        properties={**op.properties, "offsets": ArrayAttr(IntegerAttr(o, i64) for o in within)},
                        result_types=[op.result.type],
                    ),
                )
                return
            insert = insert.dest.owner


class TransferOfTensorCast(RewritePattern):
    """A transfer reads or writes through a tensor.cast that only forgets sizes
    from the cast's source (upstream's foldTensorCast on transfers; memref.cast
    folds into its users from the cast's own patterns)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        cast = op.source.owner
        if not cast_folds_into_consumer(cast):
            return
        if op.results and op.results[0].type == op.source.type:
            return  # a transfer_write on a tensor: its result type would change too
        op.operands[[o for o in op.operands].index(op.source)] = cast.operands[0]
        rewriter.notify_op_modified(op)


class TransferInBounds(RewritePattern):
    """Dimensions a transfer provably stays within are marked in bounds
    (upstream's foldTransferInBoundsAttribute)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        shape = op.source.type.get_shape()
        vector_shape = (op.result.type if op.name == "vector.transfer_read" else op.vector.type).get_shape()
        in_bounds = [flag.value.data != 0 for flag in op.in_bounds.data]
        updated, non_broadcast = list(in_bounds), []
        for position, expr in enumerate(op.permutation_map.data.results):
            if not isinstance(expr, AffineDimExpr):
                continue
            non_broadcast.append(position)
            index = constant_int(op.indices[expr.position])
            extent = shape[expr.position]
            if extent != DYNAMIC_INDEX and index is not None and index + vector_shape[position] <= extent:
                updated[position] = True
        if all(updated[position] for position in non_broadcast):
            updated = [True] * len(updated)
        if updated != in_bounds:
            op.properties["in_bounds"] = ArrayAttr(BoolAttr.from_bool(flag) for flag in updated)
            rewriter.notify_op_modified(op)


def _splat_of(value: SSAValue, type: VectorType) -> arith.ConstantOp | None:
    """A constant of ``type`` with the scalar or splat constant ``value`` everywhere."""
    constant = ConstantLike.get_constant_value(value)
    if isinstance(constant, DenseIntOrFPElementsAttr) and constant.is_splat():
        constant = constant.get_attrs()[0]
    if not isinstance(constant, IntegerAttr | FloatAttr) or any(type.get_scalable_dims()):
        return None
    return _splat(type, constant.value.data)


def _splat(type: VectorType, value: int | float) -> arith.ConstantOp:
    """A constant of ``type`` with ``value`` everywhere."""
    count = 1
    for extent in type.get_shape():
        count *= extent
    return arith.ConstantOp(DenseIntOrFPElementsAttr.from_list(type, [value] * count))


class BroadcastOfConstant(RewritePattern):
    """A broadcast of a constant is a splat constant (upstream's BroadcastOp folder)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if (splat := _splat_of(op.source, op.vector.type)) is not None:
            rewriter.replace(op, splat)


class BroadcastOfBroadcast(RewritePattern):
    """A broadcast of a broadcast is one broadcast (upstream's BroadcastFolder)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        inner = op.source.owner
        if isinstance(inner, Operation) and inner.name == "vector.broadcast":
            rewriter.replace(op, type(op)(inner.source, op.vector.type))


class ShapeCastOfConstant(RewritePattern):
    """A shape_cast of a splat constant is a splat constant (upstream's ShapeCastOp folder)."""

    def match_and_rewrite(self, op: vector.ShapeCastOp, rewriter: PatternRewriter, /) -> None:
        if (splat := _splat_of(op.source, op.result.type)) is not None:
            rewriter.replace(op, splat)


class ShapeCastOfBroadcast(RewritePattern):
    """A shape_cast of a broadcast is the broadcast's source when it has the
    result's type, else a broadcast of it to the result, when the source can
    broadcast to it (upstream's ShapeCastBroadcastFolder)."""

    def match_and_rewrite(self, op: vector.ShapeCastOp, rewriter: PatternRewriter, /) -> None:
        broadcast = op.source.owner
        if not isinstance(broadcast, Operation) or broadcast.name != "vector.broadcast":
            return
        source, result = broadcast.source.type, op.result.type
        if source == result:
            rewriter.replace(op, [], [broadcast.source])
            return
        source_shape = list(source.get_shape()) if isinstance(source, VectorType) else []
        result_shape = list(result.get_shape())
        trailing = result_shape[len(result_shape) - len(source_shape) :] if source_shape else []
        if len(source_shape) <= len(result_shape) and all(s in (1, r) for s, r in zip(source_shape, trailing)):
            rewriter.replace(op, type(broadcast)(broadcast.source, result))


class CreateMaskOfConstants(RewritePattern):
    """``vector.create_mask`` of constant sizes is a ``vector.constant_mask``, the
    sizes clamped to the vector (upstream's CreateMaskFolder, fixed-size vectors)."""

    def match_and_rewrite(self, op, rewriter: PatternRewriter, /) -> None:
        type = op.mask_vector.type
        sizes = [constant_int(operand) for operand in op.operands]
        if None in sizes or any(type.get_scalable_dims()):
            return
        clamped = [max(0, min(size, extent)) for size, extent in zip(sizes, type.get_shape())]
        rewriter.replace(op, _mask_of(clamped, type))


class ExtractStridedSliceOfConstantMask(RewritePattern):
    """A unit-stride slice of a constant mask is a constant mask (upstream's
    StridedSliceConstantMaskFolder)."""

    def match_and_rewrite(self, op: vector.ExtractStridedSliceOp, rewriter: PatternRewriter, /) -> None:
        mask = op.source.owner
        if not isinstance(mask, vector.ConstantMaskOp):
            return
        mask_sizes = list(mask.mask_dim_sizes.get_values())
        offsets, sizes = ([item.value.data for item in attr.data] for attr in (op.offsets, op.sizes))
        sliced = [max(0, min(offset + size, extent) - offset) for extent, offset, size in zip(mask_sizes, offsets, sizes)]
        rewriter.replace(op, _mask_of([*sliced, *mask_sizes[len(sliced) :]], op.result.type))


TRANSPOSE_PATTERNS = (FoldIdentityTranspose(), ComposeTransposes())
EXTRACT_STRIDED_SLICE_PATTERNS = (
    FoldWholeExtractStridedSlice(), ExtractStridedSliceOfConstantMask(), ExtractStridedSliceOfInsert()
)
CREATE_MASK_PATTERNS = (CreateMaskOfConstants(),)
CONSTANT_MASK_PATTERNS = (ConstantMaskToSplat(),)
TRANSFER_PATTERNS = (TransferOfTensorCast(), TransferInBounds())
BROADCAST_PATTERNS = (BroadcastOfConstant(), BroadcastOfBroadcast())
class FoldBitcast(RewritePattern):
    """A bitcast to its own type is its operand; one undoing a bitcast is the
    first operand, one following a bitcast starts from its operand (upstream's
    BitCastOp folder)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.source.type == op.result.type:
            rewriter.replace(op, [], [op.source])
            return
        inner = op.source.owner
        if not isinstance(inner, type(op)):
            return
        if inner.source.type == op.result.type:
            rewriter.replace(op, [], [inner.source])
        else:
            op.operands[0] = inner.source
            rewriter.notify_op_modified(op)


def _repeated_bits(bits: int, width: int, times: int) -> int:
    """``bits`` (``width`` wide) side by side ``times`` times."""
    return sum(bits << (width * position) for position in range(times))


class BitcastOfSplatConstant(RewritePattern):
    """A bitcast of a splat constant to wider elements repeats its bits: f16 to
    f32, or integers to wider integers (upstream's BitCastOp folder)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        constant = ConstantLike.get_constant_value(op.source)
        if not isinstance(constant, DenseIntOrFPElementsAttr) or not constant.is_splat():
            return
        source, result = op.source.type.element_type, op.result.type.element_type
        if isinstance(source, Float16Type) and isinstance(result, Float32Type):
            # From the stored bits, not the float: a NaN keeps its payload.
            half = int.from_bytes(constant.data.data[: source.compile_time_size], "little")
            value = float_from_bits(_repeated_bits(half, 16, 2), result)
        elif isinstance(source, IntegerType) and isinstance(result, IntegerType):
            width, wider = source.width.data, result.width.data
            if wider <= width or wider % width:
                return
            splat = constant.get_attrs()[0].value.data
            value = _repeated_bits(splat % (1 << width), width, wider // width)
            value = value - (1 << wider) if value >= 1 << (wider - 1) else value
        else:
            return
        rewriter.replace(op, _splat(op.result.type, value))


BITCAST_PATTERNS = (FoldBitcast(), BitcastOfSplatConstant())
SHAPE_CAST_PATTERNS = (ShapeCastOfConstant(), ShapeCastOfBroadcast())
