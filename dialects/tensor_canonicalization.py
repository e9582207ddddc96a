"""Canonicalization patterns of the tensor dialect (upstream's folders and
patterns of tensor.cast, tensor.dim and tensor.extract)."""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects import arith
from xdsl.dialects import tensor as xtensor
from xdsl.dialects.builtin import DYNAMIC_INDEX, DenseIntOrFPElementsAttr, IndexType, IntegerAttr, TensorType
from xdsl.ir import Attribute, SSAValue
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern, op_type_rewrite_pattern


def constant_int(value: SSAValue) -> int | None:
    """The value of an integer or index ``arith.constant``, else None."""
    owner = value.owner
    if isinstance(owner, arith.ConstantOp) and isinstance(owner.value, IntegerAttr):
        return owner.value.value.data
    return None


def _dynamic_position(shape: Sequence[int], dim: int) -> int:
    """The index of dimension ``dim`` among the dynamic dimensions of ``shape``."""
    return sum(1 for size in shape[:dim] if size == DYNAMIC_INDEX)


class FoldDimOfKnownSize(RewritePattern):
    """``tensor.dim`` of a static dimension is a constant; of a dynamic one of
    tensor.empty, tensor.generate or tensor.splat, the op's size operand."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.DimOp, rewriter: PatternRewriter) -> None:
        dim = constant_int(op.index)
        source_type = op.source.type
        if dim is None or not isinstance(source_type, TensorType) or not 0 <= dim < source_type.get_num_dims():
            return
        shape = source_type.get_shape()
        if shape[dim] != DYNAMIC_INDEX:
            rewriter.replace_op(op, arith.ConstantOp(IntegerAttr(shape[dim], IndexType())))
            return
        producer = op.source.owner
        sizes = {
            "tensor.empty": lambda: producer.operands,
            "tensor.generate": lambda: producer.operands,
            "tensor.splat": lambda: producer.operands[1:],
        }.get(getattr(producer, "name", ""))
        if sizes is not None:
            rewriter.replace_op(op, [], [sizes()[_dynamic_position(shape, dim)]])


def _join_shapes(one: Attribute, two: Attribute) -> Attribute | None:
    """The tensor type with the shape knowledge of both (upstream's joinShapes)."""
    if not isinstance(one, TensorType):
        return two
    if not isinstance(two, TensorType):
        return one
    if one.get_num_dims() != two.get_num_dims():
        return None
    shape = []
    for a, b in zip(one.get_shape(), two.get_shape()):
        if a != DYNAMIC_INDEX and b != DYNAMIC_INDEX and a != b:
            return None
        shape.append(b if a == DYNAMIC_INDEX else a)
    return TensorType(one.element_type, shape)


class ChainedTensorCast(RewritePattern):
    """A cast of a cast becomes one cast when that keeps every runtime check."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.CastOp, rewriter: PatternRewriter) -> None:
        inner = op.source.owner
        if not isinstance(inner, xtensor.CastOp):
            return
        source, middle, result = inner.source.type, inner.dest.type, op.dest.type
        first = _join_shapes(source, middle)
        joined_all = None if first is None else _join_shapes(first, result)
        if joined_all is None or joined_all != _join_shapes(source, result):
            return
        rewriter.replace_op(op, type(op)(inner.source, result))


class FoldIdentityCast(RewritePattern):
    """A cast to its own type is its operand."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.CastOp, rewriter: PatternRewriter) -> None:
        if op.source.type == op.dest.type:
            rewriter.replace_op(op, [], [op.source])


def _linear_index(shape: Sequence[int], indices: Sequence[int]) -> int | None:
    if any(not 0 <= i < size for i, size in zip(indices, shape, strict=True)):
        return None
    linear = 0
    for index, size in zip(indices, shape):
        linear = linear * size + index
    return linear


class FoldExtractOfKnownElement(RewritePattern):
    """``tensor.extract`` of tensor.from_elements at constant indices, or of a
    dense constant (upstream's ExtractOp folder; like upstream, an extract of
    tensor.splat stays)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: xtensor.ExtractOp, rewriter: PatternRewriter) -> None:
        producer = op.tensor.owner
        dense = producer.value if isinstance(producer, arith.ConstantOp) else None
        if isinstance(dense, DenseIntOrFPElementsAttr) and dense.is_splat():
            rewriter.replace_op(op, arith.ConstantOp(dense.get_attrs()[0]))
            return
        indices = [constant_int(index) for index in op.indices]
        if None in indices:
            return
        shape = op.tensor.type.get_shape()
        linear = _linear_index(shape, indices)
        if linear is None:
            return
        if isinstance(producer, xtensor.FromElementsOp):
            rewriter.replace_op(op, [], [producer.elements[linear]])
        elif isinstance(dense, DenseIntOrFPElementsAttr):
            rewriter.replace_op(op, arith.ConstantOp(dense.get_attrs()[linear]))


CAST_PATTERNS = (ChainedTensorCast(), FoldIdentityCast())
DIM_PATTERNS = (FoldDimOfKnownSize(),)
EXTRACT_PATTERNS = (FoldExtractOfKnownElement(),)
