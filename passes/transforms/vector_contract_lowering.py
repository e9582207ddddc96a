"""vector.contract → vector.outerproduct or vector.reduction, as upstream's
populateVectorContractLoweringPatterns (``vector-contract-lowering`` of
convert-vector-to-llvm, ``apply_patterns.vector.lower_contraction``).

- ``outerproduct``: a matrix-matrix contraction (two parallel dimensions,
  one reduction) becomes one vector.outerproduct per reduction index, a
  matrix-vector one an AXPY outerproduct per index; both lower to FMAs.
- ``dot`` (and the other strategies): each result element is a
  vector.reduction of the product of an lhs row and an rhs row along the
  reduction dimension.

Contractions of other shapes (several reduction dimensions, masks) are left
to convert-vector-to-llvm's element-wise lowering.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import ClassVar

from xdsl.dialects.builtin import VectorType
from xdsl.ir import Operation, SSAValue
from xdsl.ir.affine import AffineDimExpr
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

from mlopt.dialects import vector
from mlopt.passes.transforms import vector_ir


@dataclass(frozen=True)
class Contraction:
    """A contraction with exactly one reduction dimension, read off its maps:
    each operand's dimensions as iteration dimensions."""

    op: Operation
    lhs_dims: list[int]
    rhs_dims: list[int]
    acc_dims: list[int]
    reduction: int

    @property
    def kind(self) -> str:
        return vector_ir.kind_name(self.op)


def decode_contraction(op: Operation) -> Contraction | None:
    if op.name != "vector.contract" or len(op.operands) != 3 or vector_ir.enclosing_mask(op) is not None:
        return None
    maps = [m.data for m in op.properties["indexing_maps"].data]  # type: ignore[attr-defined]
    dims = []
    for affine_map in maps:
        if not all(isinstance(e, AffineDimExpr) for e in affine_map.results):
            return None
        dims.append([e.position for e in affine_map.results])  # type: ignore[attr-defined]
    iterators = [str(t.data.value) for t in op.properties["iterator_types"].data]  # type: ignore[attr-defined]
    reductions = [d for d, kind in enumerate(iterators) if kind == "reduction"]
    if len(reductions) != 1 or reductions[0] not in dims[0] or reductions[0] not in dims[1]:
        return None
    return Contraction(op, dims[0], dims[1], dims[2], reductions[0])


def reduction_first(rewriter: PatternRewriter, value: SSAValue, dims: list[int], reduction: int) -> SSAValue:
    """``value`` transposed so that the reduction dimension comes first."""
    position = dims.index(reduction)
    return vector_ir.transpose(rewriter, value, [position, *(k for k in range(len(dims)) if k != position)])


def reduction_last(rewriter: PatternRewriter, value: SSAValue, dims: list[int], reduction: int) -> SSAValue:
    """``value`` transposed so that the reduction dimension comes last."""
    position = dims.index(reduction)
    return vector_ir.transpose(rewriter, value, [*(k for k in range(len(dims)) if k != position), position])


def outerproduct(rewriter: PatternRewriter, kind: str, lhs: SSAValue, rhs: SSAValue, acc: SSAValue) -> SSAValue:
    op = vector.OuterProductOp.build(
        operands=[lhs, rhs, [acc]],
        result_types=[acc.type],
        properties={"kind": vector.CombiningKindAttr(vector.xvector.CombiningKindFlag(kind))},
    )
    return vector_ir.emit(rewriter, op)


@dataclass
class ContractionToOuterProducts(RewritePattern):
    """acc(a0, a1) += lhs ⊗ rhs over k → for each k: outerproduct(x[k], y[k], acc),
    x and y the operands holding a0 and a1, each transposed to put k first;
    acc(a0) += mat(a0, k) · vec(k) → for each k: outerproduct(matᵀ[k], vec[k], acc)."""

    source_name: ClassVar[str] = "vector.contract"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        contraction = decode_contraction(op)
        if contraction is None:
            return
        lhs, rhs, acc = op.operands
        operands = [(lhs, contraction.lhs_dims), (rhs, contraction.rhs_dims)]
        if len(contraction.acc_dims) == 2 and all(len(dims) == 2 for _, dims in operands):
            by_result_dim = []
            for result_dim in contraction.acc_dims:
                holders = [(value, dims) for value, dims in operands if result_dim in dims]
                if len(holders) != 1:
                    return
                by_result_dim.append(holders[0])
            (x, x_dims), (y, y_dims) = by_result_dim
            x = reduction_first(rewriter, x, x_dims, contraction.reduction)
            y = reduction_first(rewriter, y, y_dims, contraction.reduction)
        elif len(contraction.acc_dims) == 1 and sorted(len(dims) for _, dims in operands) == [1, 2]:
            (x, x_dims), (y, _) = sorted(operands, key=lambda operand: -len(operand[1]))
            if contraction.acc_dims[0] not in x_dims:
                return
            x = reduction_first(rewriter, x, x_dims, contraction.reduction)
        else:
            return
        size = x.type.get_shape()[0]  # type: ignore[attr-defined]
        for k in range(size):
            acc = outerproduct(rewriter, contraction.kind, vector_ir.extract(rewriter, x, [k]), vector_ir.extract(rewriter, y, [k]), acc)
        rewriter.replace(op, [], [acc])


@dataclass
class ContractionToDots(RewritePattern):
    """Each result element: vector.reduction <add> of lhs row * rhs row
    (the reduction dimension innermost in both), starting from its accumulator."""

    source_name: ClassVar[str] = "vector.contract"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        contraction = decode_contraction(op)
        if contraction is None or contraction.kind != "add":
            return
        lhs, rhs, acc = op.operands
        lhs = reduction_last(rewriter, lhs, contraction.lhs_dims, contraction.reduction)
        rhs = reduction_last(rewriter, rhs, contraction.rhs_dims, contraction.reduction)
        lhs_outer = [d for d in contraction.lhs_dims if d != contraction.reduction]
        rhs_outer = [d for d in contraction.rhs_dims if d != contraction.reduction]
        if not set(lhs_outer + rhs_outer) <= set(contraction.acc_dims):
            return
        acc_type = acc.type
        shape = acc_type.get_shape() if isinstance(acc_type, VectorType) else ()
        result = vector_ir.zeros(rewriter, acc_type) if shape else None  # type: ignore[arg-type]
        for position in itertools.product(*(range(n) for n in shape)):
            at = dict(zip(contraction.acc_dims, position))
            row_x = vector_ir.extract(rewriter, lhs, [at[d] for d in lhs_outer])
            row_y = vector_ir.extract(rewriter, rhs, [at[d] for d in rhs_outer])
            product = vector_ir.combine(rewriter, "mul", row_x, row_y)
            start = vector_ir.extract(rewriter, acc, list(position)) if shape else acc
            value = vector_ir.reduction(rewriter, "add", product, start)
            if not shape:
                result = value
            else:
                result = vector_ir.insert(rewriter, value, result, list(position))  # type: ignore[arg-type]
        rewriter.replace(op, [], [result])  # type: ignore[list-item]


def contraction_patterns(strategy: str) -> list[RewritePattern]:
    """The contraction lowering of one ``vector-contract-lowering`` strategy;
    contractions that are not products of matrices fall back to dots, as upstream."""
    return [ContractionToOuterProducts(), ContractionToDots()] if strategy == "outerproduct" else [ContractionToDots()]
