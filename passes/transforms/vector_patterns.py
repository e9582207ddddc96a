"""Upstream's vector pattern sets, by their ``transform.apply_patterns`` names,
and ``vectorize_children_and_apply_patterns``.

``PATTERN_SETS`` maps each name (``vector.lower_contraction``,
``vector.reduction_to_contract``, ...) to a factory of its patterns; the
factories take the set's options as keywords. Most sets are the patterns the
vector lowering passes already use; this module adds what vectorized code needs
before them, as upstream's ``populateVectorReductionToContractPatterns`` and
the transfer ops' in-bounds fold:

- ``MultiReduceToContract``: ``multi_reduction <add>(mul(a, b))`` becomes a
  ``vector.contract``, with the broadcasts and transpositions of ``a`` and
  ``b`` (``vector.broadcast``, ``vector.transpose``, or a transfer_read's
  permutation map) folded into its indexing maps;
- ``TransferInBounds``: a static transfer that provably stays inside its
  source is marked in bounds (upstream's fold of transfer ops);
- ``vector.cast_away_vector_leading_one_dim``: transfers, arith/math ops,
  contractions and strided slices without their leading unit dimensions;
- ``vector.rank_reducing_subview_patterns``: transfers of memrefs with unit
  dimensions through a rank-reducing subview.

Patterns with a ``source_name`` are tried only on ops of that name (the
convention of mlopt's vector patterns); ``ByName`` applies a list that way
under xDSL's greedy driver.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from xdsl.dialects import vector as xvector
from xdsl.dialects.builtin import AffineMapAttr, ArrayAttr, BoolAttr, MemRefType, NoneAttr, ShapedType, VectorType
from xdsl.ir import Operation, SSAValue
from xdsl.ir.affine import AffineConstantExpr, AffineDimExpr, AffineMap
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

from mlopt.passes.transforms import vector_ir


def _transfer_dims(op: Operation) -> tuple[int, list[int | None]] | None:
    """(source rank, the source dimension of each vector dimension or None when
    broadcast) of an unmasked transfer_read whose map is a projected permutation."""
    if op.name != "vector.transfer_read" or vector_ir.enclosing_mask(op) is not None:
        return None
    segments = op.properties["operandSegmentSizes"].get_values()  # type: ignore[attr-defined]
    if segments[-1]:
        return None
    from mlopt.passes.conversion.vector_to_scf import permutation_dims

    permutation: AffineMap = op.properties["permutation_map"].data  # type: ignore[attr-defined]
    dims = permutation_dims(permutation.results)
    return None if dims is None else (permutation.num_dims, dims)


def _in_bounds(op: Operation) -> list[bool]:
    return [bool(flag.value.data) for flag in op.properties["in_bounds"].data]  # type: ignore[attr-defined]


def _fold_operand(rewriter: PatternRewriter, value: SSAValue, dims: list[int]) -> tuple[SSAValue, list[int]]:
    """``value`` (vector dimension k walking loop ``dims[k]``) traced back
    through transposes, leading broadcasts and broadcasting/transposing reads:
    the source vector and the loop each of its dimensions walks."""
    while True:
        owner = value.owner
        if not isinstance(owner, Operation):
            return value, dims
        if owner.name == "vector.transpose":
            permutation = list(owner.properties["permutation"].get_values())  # type: ignore[attr-defined]
            source_dims = [0] * len(dims)
            for k, p in enumerate(permutation):
                source_dims[p] = dims[k]
            value, dims = owner.operands[0], source_dims
            continue
        if owner.name == "vector.broadcast" and isinstance(owner.operands[0].type, VectorType):
            source_shape = owner.operands[0].type.get_shape()
            added = len(dims) - len(source_shape)
            if tuple(source_shape) != tuple(value.type.get_shape()[added:]):  # type: ignore[attr-defined]
                return value, dims  # stretches a unit dimension
            value, dims = owner.operands[0], dims[added:]
            continue
        decoded = _transfer_dims(owner)
        if decoded is None or all(d is not None for d in decoded[1]) and sorted(decoded[1]) == decoded[1]:  # type: ignore[type-var]
            return value, dims
        rank, source_dims = decoded
        kept = sorted((d, k) for k, d in enumerate(source_dims) if d is not None)
        shape = value.type.get_shape()  # type: ignore[attr-defined]
        in_bounds = _in_bounds(owner)
        results = tuple(AffineDimExpr(d) for d, _ in kept)
        read = xvector.TransferReadOp(
            owner.operands[0],
            list(owner.operands[1 : 1 + rank]),
            owner.operands[1 + rank],
            VectorType(value.type.element_type, [shape[k] for _, k in kept]),  # type: ignore[attr-defined]
            ArrayAttr([BoolAttr.from_bool(in_bounds[k]) for _, k in kept]),
            AffineMapAttr(AffineMap(rank, 0, results)),
        )
        rewriter.insert(read)
        return read.results[0], [dims[k] for _, k in kept]


@dataclass
class MultiReduceToContract(RewritePattern):
    """multi_reduction <add>(mul(a, b)), acc → vector.contract of a and b into
    acc, the broadcasts and transpositions of a and b folded into its maps
    (upstream's MultiReduceToContract, CombineContractABTranspose and
    CombineContractBroadcastMask)."""

    source_name: ClassVar[str] = "vector.multi_reduction"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        from mlopt.dialects.vector import ContractionOp, IteratorTypeAttr

        if op.name != "vector.multi_reduction" or vector_ir.kind_name(op) != "add" or vector_ir.enclosing_mask(op) is not None:
            return
        mul = op.operands[0].owner
        if not isinstance(mul, Operation) or mul.name not in ("arith.mulf", "arith.muli"):
            return
        source_type = op.operands[0].type
        assert isinstance(source_type, VectorType)
        rank = len(source_type.get_shape())
        reduced = set(op.properties["reduction_dims"].get_values())  # type: ignore[attr-defined]
        loops = list(range(rank))
        (lhs, lhs_dims), (rhs, rhs_dims) = (_fold_operand(rewriter, v, loops) for v in mul.operands)
        if set(lhs_dims) | set(rhs_dims) != set(loops):  # a loop only a broadcast spans: keep it
            (lhs, lhs_dims), (rhs, rhs_dims) = ((v, loops) for v in mul.operands)
        maps = [AffineMap(rank, 0, tuple(AffineDimExpr(d) for d in dims)) for dims in (lhs_dims, rhs_dims)]
        maps.append(AffineMap(rank, 0, tuple(AffineDimExpr(d) for d in loops if d not in reduced)))
        iterators = [IteratorTypeAttr(IteratorTypeAttr.enum_type("reduction" if d in reduced else "parallel")) for d in loops]
        contract = ContractionOp.build(
            operands=[lhs, rhs, op.operands[1], []],
            result_types=[op.results[0].type],
            properties={
                "indexing_maps": ArrayAttr([AffineMapAttr(m) for m in maps]),
                "iterator_types": ArrayAttr(iterators),
                "kind": op.properties["kind"],
            },
        )
        rewriter.replace(op, contract)


@dataclass
class TransferInBounds(RewritePattern):
    """A transfer whose dimensions provably stay inside a static source (or
    broadcast) is marked in bounds, as upstream's fold of transfer ops."""

    source_name: ClassVar[None] = None

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        from mlopt.passes.conversion.vector_to_scf import provably_in_bounds

        if op.name not in ("vector.transfer_read", "vector.transfer_write"):
            return
        is_write = op.name.endswith("write")
        vector_type = op.operands[0].type if is_write else op.results[0].type
        source = op.operands[1] if is_write else op.operands[0]
        if not isinstance(vector_type, VectorType) or not isinstance(source.type, ShapedType):
            return
        permutation: AffineMap = op.properties["permutation_map"].data  # type: ignore[attr-defined]
        first = 2 if is_write else 1
        indices = op.operands[first : first + permutation.num_dims]
        flags = _in_bounds(op)
        new = [
            flag
            or isinstance(expr, AffineConstantExpr)
            or (isinstance(expr, AffineDimExpr) and provably_in_bounds(source.type, expr.position, indices[expr.position], size))  # type: ignore[arg-type]
            for flag, expr, size in zip(flags, permutation.results, vector_type.get_shape())
        ]
        if new != flags:
            op.properties["in_bounds"] = ArrayAttr([BoolAttr.from_bool(flag) for flag in new])
            rewriter.handle_operation_modification(op)


@dataclass
class EraseUnusedTransferRead(RewritePattern):
    """A transfer_read nothing uses is erased (it only reads, as upstream's DCE sees it)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name == "vector.transfer_read" and not op.results[0].uses and vector_ir.enclosing_mask(op) is None:
            rewriter.erase(op)


def _leading_ones(type_) -> int:
    """How many leading unit dimensions a vector type can drop (keeping rank 1)."""
    if not isinstance(type_, VectorType):
        return 0
    shape = type_.get_shape()
    count = 0
    while count < len(shape) - 1 and shape[count] == 1:
        count += 1
    return count


def _dropped(type_: VectorType, count: int) -> VectorType:
    return VectorType(type_.element_type, type_.get_shape()[count:])


def _transfer_without_leading_dims(op: Operation, count: int, value: SSAValue | None) -> Operation:
    """``op`` (an unmasked transfer) over its vector's dimensions past the first ``count``."""
    permutation: AffineMap = op.properties["permutation_map"].data  # type: ignore[attr-defined]
    properties = dict(op.properties)
    properties["permutation_map"] = AffineMapAttr(AffineMap(permutation.num_dims, 0, permutation.results[count:]))
    properties["in_bounds"] = ArrayAttr(list(op.properties["in_bounds"].data[count:]))  # type: ignore[attr-defined]
    operands = list(op.operands)
    result_types = list(op.result_types)
    if value is None:
        result_types = [_dropped(op.results[0].type, count)]  # type: ignore[arg-type]
    else:
        operands[0] = value
    return type(op).create(operands=operands, result_types=result_types, properties=properties, attributes=dict(op.attributes))


@dataclass
class CastAwayTransferLeadingOneDim(RewritePattern):
    """A transfer of a vector with leading unit dimensions → the transfer of
    the rest (a broadcast back after a read, an extract before a write)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name not in ("vector.transfer_read", "vector.transfer_write") or vector_ir.enclosing_mask(op) is not None:
            return
        if op.properties["operandSegmentSizes"].get_values()[-1]:  # type: ignore[attr-defined]
            return
        is_write = op.name.endswith("write")
        vector_type = op.operands[0].type if is_write else op.results[0].type
        count = _leading_ones(vector_type)
        if not count:
            return
        if is_write:
            value = vector_ir.extract(rewriter, op.operands[0], [0] * count)
            rewriter.replace(op, _transfer_without_leading_dims(op, count, value))
            return
        read = _transfer_without_leading_dims(op, count, None)
        rewriter.insert(read)
        rewriter.replace(op, [], [vector_ir.broadcast(rewriter, read.results[0], vector_type)])  # type: ignore[arg-type]


@dataclass
class CastAwayElementwiseLeadingOneDim(RewritePattern):
    """An arith or math op on vectors with leading unit dimensions → the op on
    their rows, broadcast back."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if not op.name.startswith(("arith.", "math.")) or op.name == "arith.constant" or len(op.results) != 1:
            return
        result_type = op.results[0].type
        count = _leading_ones(result_type)
        if not count:
            return
        operands = [
            vector_ir.extract(rewriter, v, [0] * count)
            if isinstance(v.type, VectorType) and v.type.get_shape() == result_type.get_shape()  # type: ignore[attr-defined]
            else v
            for v in op.operands
        ]
        new = op.create(
            operands=operands,
            result_types=[_dropped(result_type, count)],  # type: ignore[arg-type]
            properties=dict(op.properties),
            attributes=dict(op.attributes),
        )
        rewriter.insert(new)
        rewriter.replace(op, [], [vector_ir.broadcast(rewriter, new.results[0], result_type)])  # type: ignore[arg-type]


@dataclass
class CastAwayContractionLeadingOneDim(RewritePattern):
    """A contraction whose accumulator starts with a unit parallel dimension
    that leads (or is absent from) both operands → the contraction without
    that loop, broadcast back."""

    source_name: ClassVar[str] = "vector.contract"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        from mlopt.dialects.vector import ContractionOp

        acc = op.operands[2]
        if op.name != "vector.contract" or vector_ir.enclosing_mask(op) is not None or not _leading_ones(acc.type):
            return
        maps = [m.data for m in op.properties["indexing_maps"].data]  # type: ignore[attr-defined]
        loop = maps[2].results[0]
        if not isinstance(loop, AffineDimExpr):
            return
        operands = []
        for value, map_ in zip(op.operands[:3], maps):
            if loop not in map_.results:
                operands.append(value)
            elif map_.results[0] == loop and len(map_.results) > 1:
                operands.append(vector_ir.extract(rewriter, value, [0]))
            else:
                return
        d = loop.position
        rank = maps[0].num_dims

        def renumbered(map_: AffineMap) -> AffineMap:
            results = tuple(AffineDimExpr(e.position - (e.position > d)) for e in map_.results if e != loop)  # type: ignore[attr-defined]
            return AffineMap(rank - 1, 0, results)

        iterators = [t for k, t in enumerate(op.properties["iterator_types"].data) if k != d]  # type: ignore[attr-defined]
        contract = ContractionOp.build(
            operands=[*operands, []],
            result_types=[operands[2].type],
            properties={
                "indexing_maps": ArrayAttr([AffineMapAttr(renumbered(m)) for m in maps]),
                "iterator_types": ArrayAttr(iterators),
                "kind": op.properties["kind"],
            },
        )
        rewriter.insert(contract)
        rewriter.replace(op, [], [vector_ir.broadcast(rewriter, contract.results[0], acc.type)])  # type: ignore[arg-type]


@dataclass
class FoldExtractOfBroadcast(RewritePattern):
    """extract(broadcast(x)) at positions covering the dimensions the broadcast
    added (and not stretching x) → x, or the extract of x at the rest
    (upstream's fold of vector.extract)."""

    source_name: ClassVar[str] = "vector.extract"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        broadcast = op.operands[0].owner
        if op.name != "vector.extract" or len(op.operands) > 1 or not isinstance(broadcast, Operation) or broadcast.name != "vector.broadcast":
            return
        source = broadcast.operands[0]
        position = list(op.properties["static_position"].get_values())  # type: ignore[attr-defined]
        shape = broadcast.results[0].type.get_shape()  # type: ignore[attr-defined]
        source_shape = source.type.get_shape() if isinstance(source.type, VectorType) else ()
        added = len(shape) - len(source_shape)
        if len(position) < added or tuple(shape[added:]) != tuple(source_shape):
            return
        rest = position[added:]
        rewriter.replace(op, [], [vector_ir.extract(rewriter, source, rest) if rest else source])


@dataclass
class FoldBroadcastOfBroadcast(RewritePattern):
    """broadcast(broadcast(x)) → broadcast(x) (upstream's canonicalization)."""

    source_name: ClassVar[str] = "vector.broadcast"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        inner = op.operands[0].owner
        if op.name == "vector.broadcast" and isinstance(inner, Operation) and inner.name == "vector.broadcast":
            rewriter.replace(op, [], [vector_ir.broadcast(rewriter, inner.operands[0], op.results[0].type)])  # type: ignore[arg-type]


@dataclass
class FoldWholeStridedSlice(RewritePattern):
    """A strided slice of a whole vector (extract: the source; insert: the
    inserted value), as upstream's folds."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name in ("vector.extract_strided_slice", "vector.insert_strided_slice") and op.operands[0].type == op.results[0].type:
            rewriter.replace(op, [], [op.operands[0]])


@dataclass
class CastAwayStridedSliceLeadingOneDim(RewritePattern):
    """extract_strided_slice / insert_strided_slice of vectors with leading unit
    dimensions → the slice of the rows at their offsets, broadcast back (as
    upstream's CastAway{Extract,Insert}StridedSliceLeadingOneDim)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        from mlopt.dialects.vector import ExtractStridedSliceOp, InsertStridedSliceOp
        from mlopt.passes.transforms.vector_lowering_patterns import int_list

        if op.name == "vector.extract_strided_slice":
            result_type = op.results[0].type
            count = _leading_ones(result_type)
            if not count:
                return
            rows = vector_ir.extract(rewriter, op.operands[0], int_list(op, "offsets")[:count])
            new = ExtractStridedSliceOp.build(
                operands=[rows],
                result_types=[_dropped(result_type, count)],  # type: ignore[arg-type]
                properties={key: ArrayAttr(op.properties[key].data[count:]) for key in ("offsets", "sizes", "strides")},  # type: ignore[attr-defined]
            )
        elif op.name == "vector.insert_strided_slice":
            source, dest = op.operands
            source_count, dest_count = _leading_ones(source.type), _leading_ones(dest.type)
            if not dest_count or len(source.type.get_shape()) - source_count > len(dest.type.get_shape()) - dest_count:  # type: ignore[attr-defined]
                return
            new = InsertStridedSliceOp.build(
                operands=[vector_ir.extract(rewriter, source, [0] * source_count), vector_ir.extract(rewriter, dest, [0] * dest_count)],
                result_types=[_dropped(dest.type, dest_count)],  # type: ignore[arg-type]
                properties={
                    "offsets": ArrayAttr(op.properties["offsets"].data[dest_count:]),  # type: ignore[attr-defined]
                    "strides": ArrayAttr(op.properties["strides"].data[source_count:]),  # type: ignore[attr-defined]
                },
            )
        else:
            return
        rewriter.insert(new)
        rewriter.replace(op, [], [vector_ir.broadcast(rewriter, new.results[0], op.results[0].type)])  # type: ignore[arg-type]


def _cast_away_vector_leading_one_dim() -> list[RewritePattern]:
    from mlopt.passes.transforms.vector_lowering_patterns import FoldExtractOfExtract

    return [
        CastAwayTransferLeadingOneDim(),
        CastAwayElementwiseLeadingOneDim(),
        CastAwayContractionLeadingOneDim(),
        CastAwayStridedSliceLeadingOneDim(),
        FoldExtractOfBroadcast(),
        FoldBroadcastOfBroadcast(),
        FoldWholeStridedSlice(),
        FoldExtractOfExtract(),
    ]


@dataclass
class TransferDropUnitDims(RewritePattern):
    """A transfer at index 0 of a memref with unit dimensions → the transfer of
    a rank-reducing memref.subview without them, with a vector.shape_cast (as
    upstream's TransferRead/WriteDropUnitDimsPattern)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        from xdsl.dialects import memref as xmemref

        from mlopt.dialects.memref import SubviewOp
        from mlopt.passes.conversion.vector_to_scf import constant_index

        if op.name not in ("vector.transfer_read", "vector.transfer_write") or vector_ir.enclosing_mask(op) is not None:
            return
        is_write = op.name.endswith("write")
        vector_type = op.operands[0].type if is_write else op.results[0].type
        source = op.operands[1] if is_write else op.operands[0]
        if op.properties["operandSegmentSizes"].get_values()[-1] or not isinstance(source.type, MemRefType):  # type: ignore[attr-defined]
            return
        shape = source.type.get_shape()
        permutation: AffineMap = op.properties["permutation_map"].data  # type: ignore[attr-defined]
        first = 2 if is_write else 1
        indices = op.operands[first : first + len(shape)]
        unit = [d for d, n in enumerate(shape) if n == 1]
        if (
            not unit
            or len(unit) == len(shape)
            or permutation != AffineMap.identity(len(shape))
            or any(constant_index(i) != 0 for i in indices)
            or any(vector_type.get_shape()[d] != 1 for d in unit)  # type: ignore[attr-defined]
        ):
            return
        rank = len(shape) - len(unit)
        zeros, ones = [0] * len(shape), [1] * len(shape)
        result_type = xmemref.SubviewOp.infer_result_type(source.type, zeros, list(shape), ones, reduce_rank=True)
        if isinstance(source.type.layout, NoneAttr):  # a contiguous source: so is the subview
            result_type = MemRefType(result_type.element_type, result_type.get_shape(), memory_space=result_type.memory_space)
        built = xmemref.SubviewOp.get(source, zeros, list(shape), ones, result_type)
        subview = SubviewOp.create(operands=list(built.operands), result_types=[result_type], properties=dict(built.properties))
        rewriter.insert(subview)
        kept = [d for d in range(len(shape)) if d not in unit]
        reduced = VectorType(vector_type.element_type, [vector_type.get_shape()[d] for d in kept])  # type: ignore[attr-defined]
        in_bounds = ArrayAttr([op.properties["in_bounds"].data[d] for d in kept])  # type: ignore[attr-defined]
        identity = AffineMapAttr(AffineMap.identity(rank))
        new_indices = list(indices[:rank])
        if is_write:
            value = vector_ir.shape_cast(rewriter, op.operands[0], reduced.get_shape())
            rewriter.replace(op, xvector.TransferWriteOp(value, subview.results[0], new_indices, in_bounds, None, identity))
            return
        read = xvector.TransferReadOp(subview.results[0], new_indices, op.operands[first + len(shape)], reduced, in_bounds, identity)
        rewriter.insert(read)
        rewriter.replace(op, [], [vector_ir.shape_cast(rewriter, read.results[0], vector_type.get_shape())])  # type: ignore[attr-defined]


def reduction_to_contract_patterns() -> list[RewritePattern]:
    return [MultiReduceToContract()]


def _lower_contraction(lowering_strategy: str = "outerproduct") -> list[RewritePattern]:
    from mlopt.passes.transforms.vector_contract_lowering import contraction_patterns

    return contraction_patterns(lowering_strategy)


def _lower_outerproduct() -> list[RewritePattern]:
    from mlopt.passes.transforms.vector_lowering_patterns import OuterProductToFMA

    return [OuterProductToFMA()]


def _transfer_permutation_patterns() -> list[RewritePattern]:
    from mlopt.passes.conversion.vector_to_scf import transfer_permutation_patterns

    return transfer_permutation_patterns()


def _transfer_to_scf(max_transfer_rank: int = 1) -> list[RewritePattern]:
    from mlopt.passes.conversion.vector_to_scf import transfer_patterns

    return transfer_patterns(max_transfer_rank)


def _lower_transfer(max_transfer_rank: int = 1) -> list[RewritePattern]:
    from mlopt.passes.transforms.vector_transfer_lowering import transfer_lowering_patterns

    return transfer_lowering_patterns(max_transfer_rank)


def _lower_multi_reduction(lowering_strategy: str = "innerparallel") -> list[RewritePattern]:
    from mlopt.passes.transforms.lower_vector_multi_reduction import multi_reduction_patterns

    return multi_reduction_patterns("inner-reduction" if lowering_strategy == "innerreduction" else "inner-parallel")


def _lower_masked_transfers() -> list[RewritePattern]:
    from mlopt.passes.transforms.lower_vector_mask import mask_lowering_patterns

    return mask_lowering_patterns()


def _lowered_by_convert_vector_to_llvm(**_options) -> list[RewritePattern]:
    """vector.transpose, vector.broadcast and n-D vector.create_mask:
    convert-vector-to-llvm lowers them directly (as upstream's lowering
    produces them), so the set is empty."""
    return []


PATTERN_SETS: dict[str, Callable[..., list[RewritePattern]]] = {
    "vector.lower_contraction": _lower_contraction,
    "vector.lower_outerproduct": _lower_outerproduct,
    "vector.transfer_permutation_patterns": _transfer_permutation_patterns,
    "vector.lower_transfer": _lower_transfer,
    "vector.transfer_to_scf": _transfer_to_scf,
    "vector.lower_multi_reduction": _lower_multi_reduction,
    "vector.lower_masked_transfers": _lower_masked_transfers,
    "vector.lower_transpose": _lowered_by_convert_vector_to_llvm,
    "vector.lower_broadcast": _lowered_by_convert_vector_to_llvm,
    "vector.lower_masks": _lowered_by_convert_vector_to_llvm,
    "vector.reduction_to_contract": reduction_to_contract_patterns,
    "vector.cast_away_vector_leading_one_dim": _cast_away_vector_leading_one_dim,
    "vector.rank_reducing_subview_patterns": lambda: [TransferDropUnitDims()],
}
"""``transform.apply_patterns.<name>`` → the factory of its patterns (options as keywords)."""


@dataclass
class ByName(RewritePattern):
    """The patterns, each tried only on ops of its ``source_name`` when it has
    one (the convention of mlopt's vector patterns, as apply_conversion)."""

    patterns: Sequence[RewritePattern]

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        for pattern in self.patterns:
            if getattr(pattern, "source_name", None) in (None, op.name):
                pattern.match_and_rewrite(op, rewriter)
                if rewriter.has_done_action:
                    return


def _apply_greedily(root: Operation, patterns: list[RewritePattern], ctx) -> None:
    from xdsl.pattern_rewriter import GreedyRewritePatternApplier, PatternRewriteWalker

    walker = PatternRewriteWalker(GreedyRewritePatternApplier([ByName(patterns)], ctx=ctx, folding_enabled=True), apply_recursively=True)
    for region in root.regions:
        walker.rewrite_region(region)


def apply_patterns(root: Operation, names: Sequence[str], ctx=None) -> None:
    """Applies the named sets greedily under ``root`` (``canonicalization`` adds
    every op's canonicalization patterns and folds), as one
    ``transform.apply_patterns`` region."""
    patterns: list[RewritePattern] = [TransferInBounds(), EraseUnusedTransferRead()]
    for name in names:
        if name == "canonicalization":
            from mlopt.dialects.transform.core import canonicalization_patterns

            patterns.extend(canonicalization_patterns(None))
        else:
            patterns.extend(PATTERN_SETS[name]())
    _apply_greedily(root, patterns, ctx)


@dataclass
class VectorizeLinalg(RewritePattern):
    """Every structured linalg op that vectorizes without vector sizes (others stay)."""

    vectorize_nd_extract: bool = False

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        from mlopt.passes.transforms.linalg_vectorization import is_structured, vectorize_linalg_op

        if not is_structured(op):
            return
        values = vectorize_linalg_op(op, rewriter, vectorize_nd_extract=self.vectorize_nd_extract)
        if not isinstance(values, str):
            rewriter.replace(op, [], values)


def vectorize_children_and_apply_patterns(
    root: Operation,
    ctx=None,
    *,
    vectorize_nd_extract: bool = False,
    disable_multi_reduction_to_contract_patterns: bool = False,
    disable_transfer_permutation_map_lowering_patterns: bool = False,
) -> None:
    """Upstream's ``transform.structured.vectorize_children_and_apply_patterns``:
    vectorizes the linalg ops under ``root`` and applies the patterns that
    clean the result up (contractions formed, transfers marked in bounds)."""
    patterns: list[RewritePattern] = [VectorizeLinalg(vectorize_nd_extract), TransferInBounds(), EraseUnusedTransferRead()]
    if not disable_transfer_permutation_map_lowering_patterns:
        patterns.extend(_transfer_permutation_patterns())
    if not disable_multi_reduction_to_contract_patterns:
        patterns.extend(reduction_to_contract_patterns())
    _apply_greedily(root, patterns, ctx)
