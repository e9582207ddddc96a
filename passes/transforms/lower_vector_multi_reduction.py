"""lower-vector-multi-reduction: vector.multi_reduction → vector.reduction or
element-wise arith, as upstream's populateVectorMultiReductionLoweringPatterns.

``inner-parallel`` moves the reduced dimensions to the front and combines the
rows element-wise; ``inner-reduction`` moves them to the back, flattens to
2-D and reduces each row with vector.reduction. A multi_reduction inside a
vector.mask carries its mask along (as arith.select or a masked reduction).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import ClassVar, Literal

from xdsl.context import Context
from xdsl.dialects.builtin import DenseArrayBase, VectorType, i64
from xdsl.ir import Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern
from xdsl.rewriter import InsertPoint

from mlopt.dialects import vector
from mlopt.dialects.arith import SelectOp
from mlopt.passes.conversion.llvm_common import apply_conversion
from mlopt.passes.transforms import vector_ir

Strategy = Literal["inner-parallel", "inner-reduction"]


@dataclass(frozen=True)
class MultiReduction:
    """A multi_reduction being rewritten: its operands, mask and the op it replaces."""

    op: Operation
    mask: SSAValue | None
    root: Operation

    @property
    def source(self) -> SSAValue:
        return self.op.operands[0]

    @property
    def acc(self) -> SSAValue:
        return self.op.operands[1]

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.source.type.get_shape())  # type: ignore[attr-defined]

    @property
    def reduced(self) -> list[int]:
        return list(self.op.properties["reduction_dims"].get_values())  # type: ignore[attr-defined]

    @property
    def kind(self) -> str:
        return vector_ir.kind_name(self.op)


ROOT_NAMES = ("vector.multi_reduction", "vector.mask")
"""The ops the patterns match: a reduction, or the mask around one."""


def matched(root: Operation, rewriter: PatternRewriter) -> MultiReduction | None:
    found = vector_ir.masked_op(root, "vector.multi_reduction")
    if found is None:
        return None
    op, mask, replaced = found
    rewriter.insertion_point = InsertPoint.before(replaced)
    return MultiReduction(op, mask, replaced)


def multi_reduction(
    rewriter: PatternRewriter, like: MultiReduction, source: SSAValue, acc: SSAValue, reduced: list[int], mask: SSAValue | None
) -> SSAValue:
    op = vector.MultiDimReductionOp.build(
        operands=[source, acc],
        result_types=[acc.type],
        properties={"kind": like.op.properties["kind"], "reduction_dims": DenseArrayBase.from_list(i64, reduced)},
    )
    return vector_ir.masked(rewriter, op, mask)


@dataclass
class MoveReducedDims(RewritePattern):
    """Transposes the source (and mask) so that the reduced dimensions come
    first (inner-parallel) or last (inner-reduction)."""

    strategy: Strategy
    source_name: ClassVar[None] = None
    source_names: ClassVar[tuple[str, ...]] = ROOT_NAMES

    def match_and_rewrite(self, root: Operation, rewriter: PatternRewriter, /) -> None:
        reduction = matched(root, rewriter)
        if reduction is None or len(reduction.shape) < 2:
            return
        reduced = reduction.reduced
        parallel = [d for d in range(len(reduction.shape)) if d not in reduced]
        if not parallel:
            return
        order = reduced + parallel if self.strategy == "inner-parallel" else parallel + reduced
        if order == list(range(len(order))):
            return
        source = vector_ir.transpose(rewriter, reduction.source, order)
        mask = vector_ir.transpose(rewriter, reduction.mask, order) if reduction.mask is not None else None
        new_reduced = [order.index(d) for d in reduced]
        rewriter.replace(reduction.root, [], [multi_reduction(rewriter, reduction, source, reduction.acc, sorted(new_reduced), mask)])


@dataclass
class CombineLeadingReducedRows(RewritePattern):
    """inner-parallel: reduced dimensions in front of one parallel dimension
    → the accumulator combined element-wise with each row."""

    source_name: ClassVar[None] = None
    source_names: ClassVar[tuple[str, ...]] = ROOT_NAMES

    def match_and_rewrite(self, root: Operation, rewriter: PatternRewriter, /) -> None:
        reduction = matched(root, rewriter)
        if reduction is None:
            return
        reduced, shape = reduction.reduced, reduction.shape
        if not reduced or len(reduced) == len(shape) or reduced != list(range(len(reduced))):
            return
        result = reduction.acc
        for position in itertools.product(*(range(shape[d]) for d in reduced)):
            row = vector_ir.extract(rewriter, reduction.source, position)
            combined = vector_ir.combine(rewriter, reduction.kind, row, result)
            if reduction.mask is not None:
                lanes = vector_ir.extract(rewriter, reduction.mask, position)
                combined = vector_ir.emit(rewriter, SelectOp(lanes, combined, result))
            result = combined
        rewriter.replace(reduction.root, [], [result])


@dataclass
class ReduceAllAsOneRow(RewritePattern):
    """inner-parallel: a reduction of every dimension → a 1xN reduction of its
    inner dimension into vector<1>, as upstream's OneDimMultiReductionToTwoDim."""

    source_name: ClassVar[None] = None
    source_names: ClassVar[tuple[str, ...]] = ROOT_NAMES

    def match_and_rewrite(self, root: Operation, rewriter: PatternRewriter, /) -> None:
        reduction = matched(root, rewriter)
        if reduction is None or len(reduction.reduced) != len(reduction.shape):
            return
        total = math.prod(reduction.shape)
        source = vector_ir.shape_cast(rewriter, reduction.source, [1, total])
        mask = vector_ir.shape_cast(rewriter, reduction.mask, [1, total]) if reduction.mask is not None else None
        acc = vector_ir.broadcast(rewriter, reduction.acc, VectorType(reduction.acc.type, [1]))
        row = multi_reduction(rewriter, reduction, source, acc, [1], mask)
        rewriter.replace(reduction.root, [], [vector_ir.extract(rewriter, row, [0])])


@dataclass
class FlattenToRows(RewritePattern):
    """inner-reduction: reduced dimensions at the back → a 2-D reduction of
    (parallel elements) x (reduced elements), or 1-D when all are reduced;
    inner-parallel: reduced dimensions in front of several parallel ones → a
    2-D reduction of (reduced elements) x (parallel elements)."""

    strategy: Strategy
    source_name: ClassVar[None] = None
    source_names: ClassVar[tuple[str, ...]] = ROOT_NAMES

    def match_and_rewrite(self, root: Operation, rewriter: PatternRewriter, /) -> None:
        reduction = matched(root, rewriter)
        if reduction is None or not reduction.reduced:
            return
        reduced, shape = reduction.reduced, reduction.shape
        parallel_shape = [n for d, n in enumerate(shape) if d not in reduced]
        reduced_size, parallel_size = math.prod(shape[d] for d in reduced), math.prod(parallel_shape)
        if self.strategy == "inner-reduction":
            if reduced != list(range(len(parallel_shape), len(shape))):
                return
            flat, flat_reduced = ([parallel_size, reduced_size], [1]) if parallel_shape else ([reduced_size], [0])
        else:
            if reduced != list(range(len(reduced))) or len(parallel_shape) < 2:
                return
            flat, flat_reduced = [reduced_size, parallel_size], [0]
        if list(shape) == flat:
            return
        source = vector_ir.shape_cast(rewriter, reduction.source, flat)
        mask = vector_ir.shape_cast(rewriter, reduction.mask, flat) if reduction.mask is not None else None
        acc = vector_ir.shape_cast(rewriter, reduction.acc, [parallel_size]) if parallel_shape else reduction.acc
        result = multi_reduction(rewriter, reduction, source, acc, flat_reduced, mask)
        if parallel_shape:
            result = vector_ir.shape_cast(rewriter, result, parallel_shape)
        rewriter.replace(reduction.root, [], [result])


@dataclass
class ReduceRows(RewritePattern):
    """inner-reduction: a 1-D reduction → vector.reduction; a 2-D reduction of
    its inner dimension → one vector.reduction per row, inserted into a vector."""

    source_name: ClassVar[None] = None
    source_names: ClassVar[tuple[str, ...]] = ROOT_NAMES

    def match_and_rewrite(self, root: Operation, rewriter: PatternRewriter, /) -> None:
        reduction = matched(root, rewriter)
        if reduction is None:
            return
        shape = reduction.shape
        if len(shape) == 1 and reduction.reduced == [0]:
            value = vector_ir.reduction(rewriter, reduction.kind, reduction.source, reduction.acc, reduction.mask)
            rewriter.replace(reduction.root, [], [value])
            return
        if len(shape) != 2 or reduction.reduced != [1]:
            return
        acc_type = reduction.acc.type
        assert isinstance(acc_type, VectorType)
        result = vector_ir.zeros(rewriter, acc_type)
        for row_index in range(shape[0]):
            row = vector_ir.extract(rewriter, reduction.source, [row_index])
            start = vector_ir.extract(rewriter, reduction.acc, [row_index])
            lanes = vector_ir.extract(rewriter, reduction.mask, [row_index]) if reduction.mask is not None else None
            value = vector_ir.reduction(rewriter, reduction.kind, row, start, lanes)
            result = vector_ir.insert(rewriter, value, result, [row_index])
        rewriter.replace(reduction.root, [], [result])


def multi_reduction_patterns(strategy: Strategy) -> list[RewritePattern]:
    """Upstream's pattern set for one strategy (``apply_patterns.vector.lower_multi_reduction``)."""
    if strategy == "inner-parallel":
        return [MoveReducedDims(strategy), FlattenToRows(strategy), ReduceAllAsOneRow(), CombineLeadingReducedRows()]
    return [MoveReducedDims(strategy), FlattenToRows(strategy), ReduceRows()]


@dataclass(frozen=True)
class LowerVectorMultiReductionPass(ModulePass):
    """Lower 'vector.multi_reduction' operations"""

    name = "lower-vector-multi-reduction"
    display_name: ClassVar[str] = "LowerVectorMultiReduction"
    anchor: ClassVar[str] = "func.func"

    lowering_strategy: Strategy = field(
        default="inner-parallel", metadata={"help": "Select the strategy to control how multi_reduction is lowered."}
    )

    def apply(self, ctx: Context, op: Operation) -> None:
        apply_conversion(op, multi_reduction_patterns(self.lowering_strategy), fold_casts=False)
