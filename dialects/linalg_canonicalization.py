"""Upstream's linalg canonicalizations (LinalgOps.cpp) that mlopt lacked:
copies of a buffer onto itself, generics that only pass their operands on,
and casts folded into the linalg ops that use them."""

from __future__ import annotations

from xdsl.dialects.builtin import MemRefType, TensorType
from xdsl.ir import Operation, SSAValue
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern
from xdsl.rewriter import InsertPoint, Rewriter

from mlopt.dialects import tensor
from mlopt.dialects.tensor_canonicalization import cast_folds_into_consumer, constant_int, join_shapes
from mlopt.passes.bufferization.interface import has_tensor_semantics


def _has_buffer_semantics(op: Operation) -> bool:
    return all(isinstance(value.type, MemRefType) for value in (*op.inputs, *op.outputs))


class EraseSelfCopy(RewritePattern):
    """``linalg.copy`` of a value onto itself copies nothing (upstream's EraseSelfCopy)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if list(op.inputs) != list(op.outputs):
            return
        if _has_buffer_semantics(op):
            rewriter.erase(op)
        else:
            rewriter.replace(op, [], list(op.inputs))


def _cast_for(op: Operation, values: list[SSAValue], rewriter: PatternRewriter) -> list[SSAValue]:
    """``values`` as replacements of ``op``'s results: each of another type
    goes through a tensor.cast to the result's type, inserted before ``op``."""
    replacements: list[SSAValue] = []
    for value, result in zip(values, op.results):
        if value.type != result.type:
            cast = tensor.CastOp(value, result.type)
            rewriter.insert(cast, InsertPoint.before(op))
            value = cast.dest
        replacements.append(value)
    return replacements


class EraseIdentityGeneric(RewritePattern):
    """A generic with one indexing map for all operands whose body yields its
    arguments computes nothing: on tensors its results are those operands (cast
    to the result type), on a buffer copied onto itself it goes (upstream's
    EraseIdentityLinalgOp)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        maps = op.indexing_maps.data
        block = op.body.block
        if any(m != maps[0] for m in maps) or block.first_op is not block.last_op:
            return
        yielded = list(block.last_op.operands)
        if not all(value.owner is block for value in yielded):
            return
        if _has_buffer_semantics(op):
            if len(op.inputs) == len(op.outputs) == 1 and op.inputs[0] == op.outputs[0]:
                rewriter.erase(op)
            return
        if not has_tensor_semantics(op) or len(yielded) != len(op.results):
            return
        passed = [op.operands[value.index] for value in yielded]
        for value, result in zip(passed, op.results):
            castable = isinstance(value.type, TensorType) and value.type.element_type == result.type.element_type
            if value.type != result.type and (not castable or join_shapes(value.type, result.type) is None):
                return
        rewriter.replace(op, [], _cast_for(op, passed, rewriter))


_RELAYOUTS = frozenset({"linalg.pack", "linalg.unpack"})


def is_linalg_destination_style(op: Operation) -> bool:
    """Whether ``op`` is a destination-style linalg op (not pack or unpack,
    which have their own cast folding upstream)."""
    return op.name.startswith("linalg.") and op.name not in _RELAYOUTS and hasattr(op, "inputs") and hasattr(op, "outputs")


class FoldTensorCastIntoLinalgUser(RewritePattern):
    """A linalg op reads the more static source of each tensor.cast that only
    forgets sizes; its results take the types of its new inits and are cast
    back (upstream's FoldTensorCastProducerOp). Rooted at the cast: the linalg
    named ops carry no canonicalization patterns of their own."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if not cast_folds_into_consumer(op):
            return
        user = next((use.operation for use in op.dest.uses if is_linalg_destination_style(use.operation)), None)
        if user is None:
            return
        operands = [value.owner.source if cast_folds_into_consumer(value.owner) else value for value in user.operands]
        inits = operands[len(operands) - len(user.outputs) :]
        result_types = [init.type for init in inits if isinstance(init.type, TensorType)]
        new = type(user).create(
            operands=operands,
            result_types=result_types,
            properties=dict(user.properties),
            attributes=dict(user.attributes),
            regions=[user.detach_region(region) for region in list(user.regions)],
        )
        rewriter.insert(new, InsertPoint.before(user))
        rewriter.replace(user, [], _cast_for(user, list(new.results), rewriter))


def _fill_of(value: SSAValue) -> Operation | None:
    owner = value.owner
    return owner if isinstance(owner, Operation) and owner.name == "linalg.fill" else None


class ExtractOfFill(RewritePattern):
    """An element of a filled tensor is the fill value (upstream's
    FoldFillWithTensorExtract)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if (fill := _fill_of(op.tensor)) is not None:
            rewriter.replace(op, [], [fill.inputs[0]])


def _replace_with_fill(op: Operation, fill: Operation, init: SSAValue, rewriter: PatternRewriter) -> None:
    """Replaces ``op`` by ``fill``'s value filled into ``init``."""
    filled = fill.clone()
    filled.operands[len(filled.operands) - 1] = init
    Rewriter.replace_value_with_new_type(filled.results[0], init.type)
    rewriter.replace(op, filled)


class ReshapeOfFill(RewritePattern):
    """A reshaped filled tensor is the reshaped init, filled (upstream's
    FoldFillWithTensorReshape)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if (fill := _fill_of(op.src)) is None:
            return
        init = op.clone()
        init.operands[0] = fill.outputs[0]
        rewriter.insert(init, InsertPoint.before(op))
        _replace_with_fill(op, fill, init.results[0], rewriter)


def _same_value(a: SSAValue, b: SSAValue) -> bool:
    """Whether ``a`` and ``b`` are one value, or integer constants equal in value."""
    return a == b or (constant_int(a) is not None and constant_int(a) == constant_int(b))


class PackOfFill(RewritePattern):
    """Packing a filled tensor fills the pack's destination, when the padding
    (if any) is the fill value too (upstream's FoldFillWithPack). Like upstream,
    only a destination nothing else reads: the fill overwrites it."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if (fill := _fill_of(op.source)) is None or not op.dest.has_one_use():
            return
        if op.padding_value is not None and not _same_value(op.padding_value, fill.inputs[0]):
            return
        _replace_with_fill(op, fill, op.dest, rewriter)


class TransposeOfFill(RewritePattern):
    """A transposed filled tensor is the transpose's init, filled (upstream's
    FoldFillWithTranspose)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if (fill := _fill_of(op.inputs[0])) is not None:
            _replace_with_fill(op, fill, op.outputs[0], rewriter)


class CopyOfFill(RewritePattern):
    """A copy of a filled tensor fills the copy's init (upstream's FoldFillWithCopy)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if (fill := _fill_of(op.inputs[0])) is not None:
            _replace_with_fill(op, fill, op.outputs[0], rewriter)


class CopyOverFill(RewritePattern):
    """A copy overwrites every element of its init, so a fill feeding the init
    is skipped: the copy writes into the fill's own init (upstream's
    FoldFillWithCopy)."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if (fill := _fill_of(op.outputs[0])) is not None:
            op.operands[len(op.operands) - 1] = fill.outputs[0]
            rewriter.notify_op_modified(op)


COPY_PATTERNS = (EraseSelfCopy(), CopyOfFill(), CopyOverFill())
PACK_PATTERNS = (PackOfFill(),)
TRANSPOSE_PATTERNS = (TransposeOfFill(),)
EXTRACT_PATTERNS = (ExtractOfFill(),)
RESHAPE_PATTERNS = (ReshapeOfFill(),)
TENSOR_CAST_PATTERNS = (FoldTensorCastIntoLinalgUser(),)
GENERIC_PATTERNS = (EraseIdentityGeneric(),)
