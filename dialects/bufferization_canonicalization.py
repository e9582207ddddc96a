"""Canonicalization patterns of the bufferization dialect's conversion ops,
as upstream's folders: a buffer turned into a tensor and straight back is the
buffer (cast where the types differ, a copy where a cast could fail), and a tensor turned into a buffer and
immediately back is the tensor."""

from __future__ import annotations

from xdsl.dialects import arith, memref
from xdsl.dialects.builtin import DYNAMIC_INDEX, IndexType, MemRefType, NoneAttr, UnrankedMemRefType
from xdsl.ir import SSAValue
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern, op_type_rewrite_pattern

from mlopt.dialects.bufferization import ToBufferOp, ToTensorOp
from mlopt.dialects.memref import CastOp, CopyOp


class ToBufferOfToTensor(RewritePattern):
    """``to_buffer(to_tensor(%m))`` → ``%m``, or a ``memref.cast`` of it when
    that cast cannot fail at run time. The verifiers make shapes and element
    types agree; layouts and memory spaces may differ."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: ToBufferOp, rewriter: PatternRewriter) -> None:
        to_tensor = op.tensor.owner
        if not isinstance(to_tensor, ToTensorOp):
            return
        source, target = to_tensor.memref.type, op.memref.type
        if source == target:
            rewriter.replace(op, [], [to_tensor.memref])
            return
        if source.memory_space != target.memory_space or isinstance(source, UnrankedMemRefType):
            return
        if isinstance(target, MemRefType) and not _guaranteed_cast(source, target):
            if target.layout == NoneAttr():
                rewriter.replace(op, [], [insert_copy(rewriter, to_tensor.memref, target)])
            return
        rewriter.replace(op, CastOp.create(operands=[to_tensor.memref], result_types=[target]))


def insert_copy(rewriter: PatternRewriter, source: SSAValue, buffer_type: MemRefType) -> SSAValue:
    """A new buffer of ``buffer_type`` (sized as ``source``) holding a copy of ``source``."""
    sizes = []
    for dim, size in enumerate(buffer_type.get_shape()):
        if size == DYNAMIC_INDEX:
            index = arith.ConstantOp.from_int_and_width(dim, IndexType())
            extent = memref.DimOp(source, index)
            rewriter.insert([index, extent])
            sizes.append(extent.result)
    alloc = memref.AllocOp(sizes, [], buffer_type)
    rewriter.insert([alloc, CopyOp.create(operands=[source, alloc.memref])])
    return alloc.memref


def _guaranteed_cast(source: MemRefType, target: MemRefType) -> bool:
    """No offset or stride goes from dynamic to static (a cast that could fail)."""
    from mlopt.passes.conversion.llvm_common import strides_and_offset

    layouts = strides_and_offset(source), strides_and_offset(target)
    if None in layouts:
        return False
    (source_strides, source_offset), (target_strides, target_offset) = layouts
    pairs = zip([*source_strides, source_offset], [*target_strides, target_offset])
    return not any(a is None and b is not None for a, b in pairs)


class ToTensorOfAdjacentToBuffer(RewritePattern):
    """``to_tensor(to_buffer(%t))`` right after each other → ``%t``: nothing
    in between can have written the buffer."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: ToTensorOp, rewriter: PatternRewriter) -> None:
        to_buffer = op.memref.owner
        if isinstance(to_buffer, ToBufferOp) and to_buffer.next_op is op and to_buffer.tensor.type == op.tensor.type:
            rewriter.replace(op, [], [to_buffer.tensor])
