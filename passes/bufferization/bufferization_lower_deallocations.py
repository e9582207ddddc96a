"""bufferization-lower-deallocations: ``bufferization.dealloc`` →
``memref.dealloc`` under ``scf.if``, as upstream's LowerDeallocations.

Buffers are compared by their aligned pointers
(``memref.extract_aligned_pointer_as_index``). A memref is freed when its
condition holds, it is no retained value's buffer, and no earlier memref of
the same op with a true condition is its buffer (so an aliased buffer is
freed once). Retained value ``i`` is owned afterwards when some memref with a
true condition is its buffer.

Upstream lowers the general case (several memrefs and retained values)
through a generated helper function with loops over pointer arrays; the op's
operand counts are static, so here the same comparisons are emitted inline.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith, memref, scf
from xdsl.dialects.builtin import IndexType, ModuleOp
from xdsl.ir import Block, Region, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, PatternRewriteWalker, RewritePattern, op_type_rewrite_pattern

from mlopt.dialects.arith import CmpiOp
from mlopt.dialects.bufferization import DeallocOp
from mlopt.dialects.memref import ExtractAlignedPointerAsIndexOp
from mlopt.dialects.scf import IfOp
from mlopt.passes.bufferization.dealloc_rewrites import constant_bool, insert_bool


class LowerDealloc(RewritePattern):
    """The lowering, also used by convert-bufferization-to-memref."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: DeallocOp, rewriter: PatternRewriter) -> None:
        def emit(new_op):
            rewriter.insert(new_op)
            return new_op.results[0]

        def pointer(value: SSAValue) -> SSAValue:
            return emit(ExtractAlignedPointerAsIndexOp.create(operands=[value], result_types=[IndexType()]))

        def both(a: SSAValue, b: SSAValue) -> SSAValue:
            if constant_bool(a) is True:
                return b
            if constant_bool(b) is True:
                return a
            return emit(arith.AndIOp(a, b))

        memrefs, conditions = list(op.memrefs), list(op.conditions)
        if not memrefs:
            rewriter.replace(op, [], [insert_bool(rewriter, False) for _ in op.retained])
            return
        memref_pointers = [pointer(m) for m in memrefs] if op.retained or len(memrefs) > 1 else []
        retained_pointers = [pointer(r) for r in op.retained]
        updated = []
        for j, (value, condition) in enumerate(zip(memrefs, conditions)):
            guards = [emit(CmpiOp(memref_pointers[j], q, "ne")) for q in retained_pointers]
            for k in range(j):
                # Freed already when an earlier memref with a true condition is this buffer.
                differs = emit(CmpiOp(memref_pointers[j], memref_pointers[k], "ne"))
                guards.append(emit(arith.OrIOp(differs, emit(arith.XOrIOp(conditions[k], insert_bool(rewriter, True))))))
            should_free = reduce(both, guards, condition)
            body = Block([memref.DeallocOp.get(value), scf.YieldOp()])
            rewriter.insert(IfOp(should_free, [], Region(body)))
        for i, q in enumerate(retained_pointers):
            owned = [both(emit(CmpiOp(p, q, "eq")), c) for p, c in zip(memref_pointers, conditions)]
            updated.append(reduce(lambda a, b: emit(arith.OrIOp(a, b)), owned))
        rewriter.replace(op, [], updated)


@dataclass(frozen=True)
class LowerDeallocationsPass(ModulePass):
    """Lowers `bufferization.dealloc` operations to `memref.dealloc`operations"""

    name = "bufferization-lower-deallocations"
    display_name: ClassVar[str] = "LowerDeallocationsPass"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        PatternRewriteWalker(LowerDealloc()).rewrite_module(op)
