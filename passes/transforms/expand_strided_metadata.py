"""expand-strided-metadata: memref.subview, expand_shape and collapse_shape
→ memref.extract_strided_metadata + memref.reinterpret_cast, as upstream's
ExpandStridedMetadata, so that finalize-memref-to-llvm only has to deal with
explicit offsets, sizes and strides.

Offsets and strides known from the types are folded to constants; the others
are computed with arith ops (upstream uses affine.apply, which lower-affine
turns into the same arith ops).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith
from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    DenseArrayBase,
    IndexType,
    IntegerAttr,
    MemRefType,
    NoneAttr,
    i32,
    i64,
)
from xdsl.ir import Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

from mlopt.diagnostics import DiagnosticError
from mlopt.passes.conversion.llvm_common import apply_conversion, strides_and_offset

Mixed = int | SSAValue
"""A static value or an SSA value of index type."""


@dataclass
class MixedArith:
    """index arithmetic on static-or-dynamic values, folding the static ones."""

    rewriter: PatternRewriter

    def value(self, x: Mixed) -> SSAValue:
        if isinstance(x, SSAValue):
            return x
        return self.rewriter.insert(arith.ConstantOp(IntegerAttr(x, IndexType()))).results[0]

    def add(self, a: Mixed, b: Mixed) -> Mixed:
        if isinstance(a, int) and isinstance(b, int):
            return a + b
        if a == 0:
            return b
        if b == 0:
            return a
        return self.rewriter.insert(arith.AddiOp(self.value(a), self.value(b))).results[0]

    def mul(self, a: Mixed, b: Mixed) -> Mixed:
        if isinstance(a, int) and isinstance(b, int):
            return a * b
        if a == 1:
            return b
        if b == 1:
            return a
        if a == 0 or b == 0:
            return 0
        return self.rewriter.insert(arith.MuliOp(self.value(a), self.value(b))).results[0]


def mixed_values(static: Sequence[int], dynamic_values: Sequence[SSAValue]) -> list[Mixed]:
    remaining = iter(dynamic_values)
    return [next(remaining) if v == DYNAMIC_INDEX else v for v in static]


@dataclass
class StridedMetadata:
    """A memref's base buffer, offset, sizes and strides (static where the type says)."""

    base: SSAValue
    offset: Mixed
    sizes: list[Mixed]
    strides: list[Mixed]


class StridedMetadataPattern(RewritePattern):
    """Shared by the three rewrites: read the source's metadata, emit the
    reinterpret_cast."""

    source_name: ClassVar[str]

    def __init__(self, ctx: Context):
        self.ctx = ctx

    def metadata(self, rewriter: PatternRewriter, source: SSAValue) -> StridedMetadata:
        type_ = source.type
        assert isinstance(type_, MemRefType)
        rank = type_.get_num_dims()
        base_type = MemRefType(type_.element_type, [], NoneAttr(), type_.memory_space)
        extract = self.ctx.get_op("memref.extract_strided_metadata").create(
            operands=[source], result_types=[base_type, IndexType(), *([IndexType()] * (2 * rank))]
        )
        rewriter.insert(extract)
        results = list(extract.results)
        layout = strides_and_offset(type_)
        assert layout is not None
        static_strides, static_offset = layout
        offset: Mixed = results[1] if static_offset is None else static_offset
        sizes: list[Mixed] = [
            results[2 + d] if size == DYNAMIC_INDEX else size for d, size in enumerate(type_.get_shape())
        ]
        strides: list[Mixed] = [
            results[2 + rank + d] if stride is None or stride == DYNAMIC_INDEX else stride
            for d, stride in enumerate(static_strides)
        ]
        return StridedMetadata(results[0], offset, sizes, strides)

    def reinterpret(
        self,
        rewriter: PatternRewriter,
        op: Operation,
        metadata: StridedMetadata,
        offset: Mixed,
        sizes: Sequence[Mixed],
        strides: Sequence[Mixed],
    ) -> None:
        result_type = op.results[0].type
        assert isinstance(result_type, MemRefType)
        layout = strides_and_offset(result_type)
        if layout is not None:
            # The result type's static values win: they are what the IR claims.
            type_strides, type_offset = layout
            strides = [s if t is None or t == DYNAMIC_INDEX else t for s, t in zip(strides, type_strides)]
            offset = offset if type_offset is None else type_offset
        groups = ([offset], list(sizes), list(strides))
        dynamic_operands = [[v for v in group if isinstance(v, SSAValue)] for group in groups]
        static = [
            DenseArrayBase.from_list(i64, [DYNAMIC_INDEX if isinstance(v, SSAValue) else v for v in group])
            for group in groups
        ]
        cast = self.ctx.get_op("memref.reinterpret_cast").create(
            operands=[metadata.base, *(v for group in dynamic_operands for v in group)],
            result_types=[result_type],
            properties={
                "static_offsets": static[0],
                "static_sizes": static[1],
                "static_strides": static[2],
                "operandSegmentSizes": DenseArrayBase.from_list(i32, [1, *(len(g) for g in dynamic_operands)]),
            },
        )
        rewriter.replace(op, [cast])

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if op.name != self.source_name:
            return
        source_type = op.operands[0].type
        if not isinstance(source_type, MemRefType) or strides_and_offset(source_type) is None:
            return
        self.expand(op, rewriter, self.metadata(rewriter, op.operands[0]), MixedArith(rewriter))

    def expand(self, op: Operation, rewriter: PatternRewriter, source: StridedMetadata, math: MixedArith) -> None:
        raise NotImplementedError


class SubviewExpansion(StridedMetadataPattern):
    """offset' = offset + Σ offsetᵢ·strideᵢ, stride'ᵢ = strideᵢ·stepᵢ, dropping rank-reduced dims."""

    source_name = "memref.subview"

    def expand(self, op: Operation, rewriter: PatternRewriter, source: StridedMetadata, math: MixedArith) -> None:
        segments = list(op.properties["operandSegmentSizes"].get_values())  # type: ignore[attr-defined]
        operands = list(op.operands[1:])
        dyn_offsets = operands[: segments[1]]
        dyn_sizes = operands[segments[1] : segments[1] + segments[2]]
        dyn_strides = operands[segments[1] + segments[2] :]
        offsets = mixed_values(op.properties["static_offsets"].get_values(), dyn_offsets)  # type: ignore[attr-defined]
        sizes = mixed_values(op.properties["static_sizes"].get_values(), dyn_sizes)  # type: ignore[attr-defined]
        steps = mixed_values(op.properties["static_strides"].get_values(), dyn_strides)  # type: ignore[attr-defined]
        offset = source.offset
        for index, stride in zip(offsets, source.strides):
            offset = math.add(offset, math.mul(index, stride))
        strides = [math.mul(stride, step) for stride, step in zip(source.strides, steps)]
        result_type = op.results[0].type
        assert isinstance(result_type, MemRefType)
        kept = kept_dimensions(sizes, list(result_type.get_shape()))
        if kept is None:
            raise DiagnosticError.at(op, "'memref.subview' op: cannot tell which dimensions the result type drops")
        self.reinterpret(rewriter, op, source, offset, [sizes[d] for d in kept], [strides[d] for d in kept])


def kept_dimensions(sizes: Sequence[Mixed], result_shape: Sequence[int]) -> list[int] | None:
    """The source dims a (possibly rank-reducing) subview keeps, matched from
    the left as upstream does: a dim matching the next result dim is kept,
    an unmatched unit dim is dropped."""
    kept: list[int] = []
    for dim, size in enumerate(sizes):
        position = len(kept)
        if position < len(result_shape) and (
            result_shape[position] == DYNAMIC_INDEX or isinstance(size, SSAValue) or size == result_shape[position]
        ):
            kept.append(dim)
        elif size != 1:
            return None
    return kept if len(kept) == len(result_shape) else None


def reassociation(op: Operation) -> list[list[int]]:
    return [[index.value.data for index in group] for group in op.properties["reassociation"]]  # type: ignore[attr-defined]


class CollapseShapeExpansion(StridedMetadataPattern):
    """A collapsed dim's size is the product of its group, its stride the innermost one's."""

    source_name = "memref.collapse_shape"

    def expand(self, op: Operation, rewriter: PatternRewriter, source: StridedMetadata, math: MixedArith) -> None:
        sizes: list[Mixed] = []
        strides: list[Mixed] = []
        for group in reassociation(op):
            size: Mixed = 1
            for dim in group:
                size = math.mul(size, source.sizes[dim])
            sizes.append(size)
            strides.append(source.strides[group[-1]] if group else 1)
        self.reinterpret(rewriter, op, source, source.offset, sizes, strides)


class ExpandShapeExpansion(StridedMetadataPattern):
    """An expanded group takes the output sizes; strides grow from the source
    dim's stride outwards."""

    source_name = "memref.expand_shape"

    def expand(self, op: Operation, rewriter: PatternRewriter, source: StridedMetadata, math: MixedArith) -> None:
        output = mixed_values(op.properties["static_output_shape"].get_values(), list(op.operands[1:]))  # type: ignore[attr-defined]
        strides: list[Mixed] = [0] * len(output)
        for source_dim, group in enumerate(reassociation(op)):
            stride = source.strides[source_dim]
            for dim in reversed(group):
                strides[dim] = stride
                stride = math.mul(stride, output[dim])
        self.reinterpret(rewriter, op, source, source.offset, output, strides)


class ExpandStridedMetadataPass(ModulePass):
    """Expand memref operations into easier to analyze constructs"""

    name = "expand-strided-metadata"
    display_name: ClassVar[str] = "ExpandStridedMetadataPass"

    def apply(self, ctx: Context, op: Operation) -> None:
        patterns = [SubviewExpansion(ctx), CollapseShapeExpansion(ctx), ExpandShapeExpansion(ctx)]
        apply_conversion(op, patterns, fold_casts=False)
