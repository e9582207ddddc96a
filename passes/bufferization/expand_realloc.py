"""expand-realloc: ``memref.realloc`` → a size check, and either a fresh
allocation the old contents are copied into or a reinterpretation of the old
buffer at the new size, as upstream's ExpandRealloc."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith, memref, scf
from xdsl.dialects.builtin import DYNAMIC_INDEX, DenseArrayBase, IndexType, MemRefType, ModuleOp, StridedLayoutAttr, i32, i64
from xdsl.ir import Block, Region
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, PatternRewriteWalker, RewritePattern, op_type_rewrite_pattern

from mlopt.dialects.arith import CmpiOp
from mlopt.dialects.memref import CopyOp, ReallocOp, SubviewOp
from mlopt.dialects.scf import IfOp


@dataclass
class ExpandRealloc(RewritePattern):
    emit_deallocs: bool

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: ReallocOp, rewriter: PatternRewriter) -> None:
        def emit(new_op, into: Block | None = None):
            if into is None:
                rewriter.insert(new_op)
            else:
                into.add_op(new_op)
            return new_op.results[0] if new_op.results else None

        source_type, result_type = op.source.type, op.result.type
        if source_type.get_shape()[0] == DYNAMIC_INDEX:
            zero = emit(arith.ConstantOp.from_int_and_width(0, IndexType()))
            current = emit(memref.DimOp(op.source, zero))
        else:
            current = emit(arith.ConstantOp.from_int_and_width(source_type.get_shape()[0], IndexType()))
        new_size = (
            op.dynamicResultSize
            if op.dynamicResultSize is not None
            else emit(arith.ConstantOp.from_int_and_width(result_type.get_shape()[0], IndexType()))
        )
        grows = emit(CmpiOp(current, new_size, "ult"))

        grow = Block()
        dynamic = [op.dynamicResultSize] if op.dynamicResultSize is not None else []
        fresh = emit(memref.AllocOp(dynamic, [], result_type), grow)
        window_type = MemRefType(source_type.element_type, source_type.get_shape(), StridedLayoutAttr([1], 0),
                                 result_type.memory_space)
        window = emit(SubviewOp.create(
            operands=[fresh, *([current] if source_type.get_shape()[0] == DYNAMIC_INDEX else [])],
            result_types=[window_type],
            properties={
                "static_offsets": DenseArrayBase.from_list(i64, [0]),
                "static_sizes": DenseArrayBase.from_list(i64, [source_type.get_shape()[0]]),
                "static_strides": DenseArrayBase.from_list(i64, [1]),
                "operandSegmentSizes": DenseArrayBase.from_list(i32, [1, 0, 1 if source_type.get_shape()[0] == DYNAMIC_INDEX else 0, 0]),
            },
        ), grow)
        emit(CopyOp.create(operands=[op.source, window]), grow)
        if self.emit_deallocs:
            emit(memref.DeallocOp.get(op.source), grow)
        grow.add_op(scf.YieldOp(fresh))

        shrink = Block()
        reinterpreted = emit(memref.ReinterpretCastOp.create(
            operands=[op.source, *dynamic],
            result_types=[result_type],
            properties={
                "static_offsets": DenseArrayBase.from_list(i64, [0]),
                "static_sizes": DenseArrayBase.from_list(i64, [result_type.get_shape()[0]]),
                "static_strides": DenseArrayBase.from_list(i64, [1]),
                "operandSegmentSizes": DenseArrayBase.from_list(i32, [1, 0, len(dynamic), 0]),
            },
        ), shrink)
        shrink.add_op(scf.YieldOp(reinterpreted))
        select = IfOp(grows, [result_type], Region(grow), Region(shrink))
        rewriter.replace(op, select)


@dataclass(frozen=True)
class ExpandReallocPass(ModulePass):
    """Expand memref.realloc operations into its components"""

    name = "expand-realloc"
    display_name: ClassVar[str] = "ExpandReallocPass"

    emit_deallocs: bool = field(
        default=True,
        metadata={"help": "Emit deallocation operations for the original MemRef"},
    )

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        PatternRewriteWalker(ExpandRealloc(self.emit_deallocs)).rewrite_module(op)
