"""Building vector IR in rewrite patterns: the small ops that upstream's
vector-to-vector lowerings (multi-reduction, mask, contraction, transfer
permutation maps) emit, and the vector.mask an op may sit in.

Each helper inserts at the rewriter's insertion point and returns the value.
"""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects import arith
from xdsl.dialects.builtin import (
    AnyFloat,
    DenseArrayBase,
    DenseIntOrFPElementsAttr,
    FloatAttr,
    IntegerAttr,
    VectorType,
    i64,
)
from xdsl.dialects import vector as xvector
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue
from xdsl.pattern_rewriter import PatternRewriter

from mlopt.dialects import vector

FLOAT_COMBINERS: dict[str, type[Operation]] = {
    "add": arith.AddfOp,
    "mul": arith.MulfOp,
    "minnumf": arith.MinnumfOp,
    "maxnumf": arith.MaxnumfOp,
    "minimumf": arith.MinimumfOp,
    "maximumf": arith.MaximumfOp,
}
INTEGER_COMBINERS: dict[str, type[Operation]] = {
    "add": arith.AddiOp,
    "mul": arith.MuliOp,
    "minsi": arith.MinSIOp,
    "maxsi": arith.MaxSIOp,
    "minui": arith.MinUIOp,
    "maxui": arith.MaxUIOp,
    "and": arith.AndIOp,
    "or": arith.OrIOp,
    "xor": arith.XOrIOp,
}


def kind_name(op: Operation) -> str:
    """The combining kind of a reduction or contraction (``add`` when elided)."""
    kind = op.properties.get("kind")
    return "add" if kind is None else str(kind.data.value)  # type: ignore[attr-defined]


def element_type(type_: Attribute) -> Attribute:
    return type_.element_type if isinstance(type_, VectorType) else type_


def emit(rewriter: PatternRewriter, op: Operation) -> SSAValue:
    rewriter.insert(op)
    return op.results[0]


def combine(rewriter: PatternRewriter, kind: str, value: SSAValue, acc: SSAValue) -> SSAValue:
    """``value <kind> acc``, element-wise, with the arith op upstream's makeArithReduction picks."""
    is_float = isinstance(element_type(value.type), AnyFloat)
    combiner = (FLOAT_COMBINERS if is_float else INTEGER_COMBINERS)[kind]
    return emit(rewriter, combiner(value, acc))  # type: ignore[call-arg]


def extract(rewriter: PatternRewriter, source: SSAValue, position: Sequence[int]) -> SSAValue:
    source_type = source.type
    assert isinstance(source_type, VectorType)
    shape = source_type.get_shape()[len(position) :]
    result_type = VectorType(source_type.element_type, shape) if shape else source_type.element_type
    return emit(rewriter, xvector.ExtractOp(source, list(position), result_type))


def insert(rewriter: PatternRewriter, value: SSAValue, dest: SSAValue, position: Sequence[int]) -> SSAValue:
    return emit(rewriter, xvector.InsertOp(value, dest, list(position)))


def transpose(rewriter: PatternRewriter, source: SSAValue, permutation: Sequence[int]) -> SSAValue:
    if list(permutation) == sorted(permutation):
        return source
    source_type = source.type
    assert isinstance(source_type, VectorType)
    shape = source_type.get_shape()
    result_type = VectorType(source_type.element_type, [shape[p] for p in permutation])
    op = vector.TransposeOp.build(
        operands=[source],
        result_types=[result_type],
        properties={"permutation": DenseArrayBase.from_list(i64, list(permutation))},
    )
    return emit(rewriter, op)


def shape_cast(rewriter: PatternRewriter, source: SSAValue, shape: Sequence[int]) -> SSAValue:
    source_type = source.type
    assert isinstance(source_type, VectorType)
    if tuple(source_type.get_shape()) == tuple(shape):
        return source
    result_type = VectorType(source_type.element_type, list(shape))
    return emit(rewriter, vector.ShapeCastOp.build(operands=[source], result_types=[result_type]))


def broadcast(rewriter: PatternRewriter, source: SSAValue, result_type: VectorType) -> SSAValue:
    if source.type == result_type:
        return source
    return emit(rewriter, xvector.BroadcastOp(source, result_type))


def zeros(rewriter: PatternRewriter, type_: VectorType) -> SSAValue:
    """A constant vector of zeros (what upstream starts an insert chain from)."""
    element = type_.element_type
    zero: int | float = 0.0 if isinstance(element, AnyFloat) else 0
    attr = DenseIntOrFPElementsAttr.from_list(type_, [zero])  # type: ignore[arg-type]
    return emit(rewriter, arith.ConstantOp(attr, type_))


def scalar_constant(rewriter: PatternRewriter, value: int | float, type_: Attribute) -> SSAValue:
    attr = FloatAttr(float(value), type_) if isinstance(type_, AnyFloat) else IntegerAttr(int(value), type_)  # type: ignore[arg-type]
    return emit(rewriter, arith.ConstantOp(attr, type_))


def reduction(
    rewriter: PatternRewriter, kind: str, source: SSAValue, acc: SSAValue | None, mask: SSAValue | None = None
) -> SSAValue:
    """vector.reduction of a 1-D vector into its element type, inside a vector.mask when masked."""
    op = xvector.ReductionOp.create(
        operands=[source, *([acc] if acc is not None else [])],
        result_types=[element_type(source.type)],
        properties={"kind": xvector.CombiningKindAttr(xvector.CombiningKindFlag(kind))},
    )
    return masked(rewriter, op, mask)


def masked(rewriter: PatternRewriter, op: Operation, mask: SSAValue | None) -> SSAValue:
    """``op`` on its own, or inside ``vector.mask mask { op }``; its first result."""
    if mask is None:
        return emit(rewriter, op)
    block = Block([op, vector.YieldOp.build(operands=[list(op.results)])])
    mask_op = vector.MaskOp.build(operands=[mask, []], result_types=[list(op.result_types)], regions=[Region(block)])
    return emit(rewriter, mask_op)


def enclosing_mask(op: Operation) -> Operation | None:
    """The vector.mask whose region holds ``op`` as its maskable op, if any."""
    parent = op.parent_op()
    return parent if isinstance(parent, vector.MaskOp) else None


def masked_op(root: Operation, name: str) -> tuple[Operation, SSAValue | None, Operation] | None:
    """For a pattern rooted at ``root``: (the op named ``name``, its mask or
    None, the op to replace), whether ``root`` is that op unmasked or the
    vector.mask around it. A masked op is left to its vector.mask."""
    if root.name == name:
        return None if enclosing_mask(root) is not None else (root, None, root)
    if isinstance(root, vector.MaskOp):
        inner = root.maskRegion.block.first_op
        if inner is not None and inner.name == name and root.passthru is None:
            return inner, root.mask, root
    return None
