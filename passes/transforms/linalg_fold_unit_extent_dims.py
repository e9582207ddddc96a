"""linalg-fold-unit-extent-dims: upstream's unit-extent dimension folding
(Linalg/Transforms/DropUnitDims.cpp), also behind
``transform.apply_patterns.linalg.fold_unit_extent_dims_via_reshapes`` and
``..._via_slices``: a linalg.generic on tensors whose loops of static
extent 1 can go runs without them; its operands lose the matching unit
dimensions through tensor.collapse_shape (or a rank-reducing
tensor.extract_slice) and its results get them back through
tensor.expand_shape (or tensor.insert_slice into the original init).

Generics using linalg.index, with a shaped operand that would lose every
dimension, or with dynamic shapes where a unit loop is read, are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.dialects.builtin import AffineMapAttr, ArrayAttr, TensorType
from xdsl.ir import Operation, SSAValue
from xdsl.ir.affine import AffineConstantExpr, AffineDimExpr, AffineExpr, AffineMap
from xdsl.context import Context
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, PatternRewriteWalker, RewritePattern

from mlopt.dialects.syntax import DYNAMIC


def _unit_loops(op: Operation, maps: Sequence[AffineMap]) -> set[int]:
    """The loops whose extent an operand dimension fixes to 1."""
    units: set[int] = set()
    for operand, map in zip(op.operands, maps):
        if not isinstance(operand.type, TensorType):
            continue
        for size, expr in zip(operand.type.get_shape(), map.results):
            if size == 1 and isinstance(expr, AffineDimExpr):
                units.add(expr.position)
    return units


def _dropped_operand_dims(shape: Sequence[int], map: AffineMap) -> list[int]:
    """The unit dimensions of an operand whose index becomes the constant 0."""
    return [d for d, (size, expr) in enumerate(zip(shape, map.results)) if size == 1 and isinstance(expr, AffineConstantExpr) and expr.value == 0]


def _groups(rank: int, dropped: Sequence[int]) -> list[list[int]]:
    """Reassociation folding each dropped dimension into the group of the
    kept one before it (leading ones into the first), as upstream."""
    groups: list[list[int]] = []
    leading: list[int] = []
    for dim in range(rank):
        if dim not in dropped:
            groups.append([*leading, dim])
            leading = []
        elif groups:
            groups[-1].append(dim)
        else:
            leading.append(dim)
    return groups


@dataclass
class FoldUnitExtentDims(RewritePattern):
    """Drop the unit loops of a linalg.generic on tensors."""

    use_slices: bool

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        from mlopt.dialects import linalg

        if op.name != "linalg.generic" or any(o.name == "linalg.index" for o in op.walk()):
            return
        maps = [m.data for m in op.indexing_maps.data]  # type: ignore[attr-defined]
        if not all(isinstance(v.type, TensorType) or not hasattr(v.type, "get_shape") for v in op.operands):
            return
        units = _unit_loops(op, maps)
        if not units:
            return
        num_loops = maps[0].num_dims
        kept = [d for d in range(num_loops) if d not in units]
        renumber: list[AffineExpr] = []
        for dim in range(num_loops):
            renumber.append(AffineConstantExpr(0) if dim in units else AffineDimExpr(kept.index(dim)))
        new_maps, operand_drops = [], []
        for operand, map in zip(op.operands, maps):
            substituted = map.replace_dims_and_symbols(renumber, [], len(kept), map.num_symbols)
            shape = list(operand.type.get_shape()) if isinstance(operand.type, TensorType) else []
            dropped = _dropped_operand_dims(shape, substituted) if shape else []
            if shape and (len(dropped) == len(shape) or DYNAMIC in [shape[d] for d in dropped]):
                return
            results = tuple(e for d, e in enumerate(substituted.results) if d not in dropped)
            new_maps.append(AffineMap(len(kept), map.num_symbols, results))
            operand_drops.append(dropped)
        new_operands = [self._reduced(rewriter, v, dropped) for v, dropped in zip(op.operands, operand_drops)]
        inputs = new_operands[: len(op.inputs)]  # type: ignore[attr-defined]
        outputs = new_operands[len(op.inputs) :]  # type: ignore[attr-defined]
        iterators = ArrayAttr([t for d, t in enumerate(op.iterator_types.data) if d in kept])  # type: ignore[attr-defined]
        body = op.regions[0].clone()
        generic = linalg.GenericOp(inputs, outputs, body, [AffineMapAttr(m) for m in new_maps], iterators,
                                   [v.type for v in outputs])  # fmt: skip
        rewriter.insert(generic)
        originals = list(op.outputs)  # type: ignore[attr-defined]
        results = [
            self._expanded(rewriter, value, original, operand_drops[len(op.inputs) + i])  # type: ignore[attr-defined]
            for i, (value, original) in enumerate(zip(generic.results, originals))
        ]
        rewriter.replace(op, [], results)

    def _reduced(self, rewriter: PatternRewriter, value: SSAValue, dropped: Sequence[int]) -> SSAValue:
        from mlopt.dialects import tensor
        from mlopt.dialects.tensor_canonicalization import _reassociation
        from mlopt.passes.transforms.fold_tensor_subset_ops import _slice

        if not dropped:
            return value
        shape = list(value.type.get_shape())  # type: ignore[attr-defined]
        reduced_type = TensorType(value.type.element_type, [s for d, s in enumerate(shape) if d not in dropped])  # type: ignore[attr-defined]
        if self.use_slices:
            op = _slice("tensor.extract_slice", [value], reduced_type, [0] * len(shape), shape, [1] * len(shape))
        else:
            op = tensor.CollapseShapeOp.build(operands=[value], result_types=[reduced_type],
                                              properties={"reassociation": _reassociation(_groups(len(shape), dropped))})  # fmt: skip
        rewriter.insert(op)
        return op.results[0]

    def _expanded(self, rewriter: PatternRewriter, value: SSAValue, original: SSAValue, dropped: Sequence[int]) -> SSAValue:
        from xdsl.dialects.builtin import DenseArrayBase, i64

        from mlopt.dialects import tensor
        from mlopt.dialects.tensor_canonicalization import _reassociation
        from mlopt.passes.transforms.fold_tensor_subset_ops import _slice

        if not dropped:
            return value
        shape = list(original.type.get_shape())  # type: ignore[attr-defined]
        if self.use_slices:
            op = _slice("tensor.insert_slice", [value, original], original.type, [0] * len(shape), shape, [1] * len(shape))
        else:
            op = tensor.ExpandShapeOp.build(
                operands=[value, []],
                result_types=[original.type],
                properties={"reassociation": _reassociation(_groups(len(shape), dropped)),
                            "static_output_shape": DenseArrayBase.from_list(i64, shape)},
            )  # fmt: skip
        rewriter.insert(op)
        return op.results[0]


def via_reshapes_patterns() -> list[RewritePattern]:
    return [FoldUnitExtentDims(use_slices=False)]


def via_slices_patterns() -> list[RewritePattern]:
    return [FoldUnitExtentDims(use_slices=True)]


@dataclass(frozen=True)
class LinalgFoldUnitExtentDimsPass(ModulePass):
    """Remove unit-extent dimension in Linalg ops on tensors"""

    name = "linalg-fold-unit-extent-dims"
    display_name: ClassVar[str] = "LinalgFoldUnitExtentDimsPass"

    use_rank_reducing_slices: bool = field(
        default=False, metadata={"help": "Generate rank-reducing slices instead of reassociative reshapes"}
    )

    def apply(self, ctx: Context, op: Operation) -> None:
        PatternRewriteWalker(FoldUnitExtentDims(use_slices=self.use_rank_reducing_slices)).rewrite_module(op)  # type: ignore[arg-type]
