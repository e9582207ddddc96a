"""convert-elementwise-to-linalg: an elementwise arith or math op on ranked
tensors becomes a linalg.generic applying the scalar op, as upstream's
ConvertElementwiseToLinalg. Each result's init is the first operand of the
result's type, else a tensor.empty sized like the first operand."""

from __future__ import annotations

from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import AffineMapAttr, ArrayAttr, IndexType, IntegerAttr, TensorType
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.ir.affine import AffineMap
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

from mlopt.passes.conversion.llvm_common import apply_conversion

NOT_ELEMENTWISE = ("arith.constant",)
"""arith ops without upstream's ElementwiseMappable trait."""


def is_elementwise_on_ranked_tensors(op: Operation) -> bool:
    dialect = op.name.split(".", 1)[0]
    if dialect not in ("arith", "math") or op.name in NOT_ELEMENTWISE or op.regions:
        return False
    values = [*op.operands, *op.results]
    return bool(op.results) and all(isinstance(v.type, TensorType) for v in values)


class ElementwiseToGeneric(RewritePattern):
    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if not is_elementwise_on_ranked_tensors(op):
            return
        from xdsl.dialects.arith import ConstantOp
        from xdsl.dialects.linalg.ops import YieldOp
        from xdsl.dialects.linalg.attrs import IteratorType, IteratorTypeAttr

        from mlopt.dialects.linalg import GenericOp
        from mlopt.dialects.tensor import DimOp, EmptyOp

        rank = op.results[0].type.get_num_dims()  # type: ignore[attr-defined]
        inits: list[SSAValue] = []
        for result in op.results:
            same = next((v for v in op.operands if v.type == result.type), None)
            if same is None:
                source = op.operands[0]
                sizes = []
                for dim, size in enumerate(result.type.get_shape()):  # type: ignore[attr-defined]
                    if size < 0:
                        index = rewriter.insert(ConstantOp(IntegerAttr(dim, IndexType())))
                        sizes.append(rewriter.insert(DimOp(source, index)).results[0])
                same = rewriter.insert(EmptyOp(sizes, result.type)).results[0]
            inits.append(same)
        block = Block(arg_types=[v.type.get_element_type() for v in (*op.operands, *inits)])  # type: ignore[attr-defined]
        scalar = op.__class__.create(
            operands=list(block.args[: len(op.operands)]),
            result_types=[r.type.get_element_type() for r in op.results],  # type: ignore[attr-defined]
            properties=dict(op.properties),
            attributes=dict(op.attributes),
        )
        block.add_ops([scalar, YieldOp(*scalar.results)])
        identity = AffineMapAttr(AffineMap.identity(rank))
        generic = GenericOp(
            list(op.operands),
            inits,
            Region(block),
            ArrayAttr([identity] * (len(op.operands) + len(inits))),
            ArrayAttr([IteratorTypeAttr(IteratorType.PARALLEL)] * rank),
            op.result_types,
        )
        rewriter.replace(op, generic)


class ConvertElementwiseToLinalgPass(ModulePass):
    """Convert ElementwiseMappable ops to linalg"""

    name = "convert-elementwise-to-linalg"
    display_name: ClassVar[str] = "ConvertElementwiseToLinalgPass"

    def apply(self, ctx: Context, op: Operation) -> None:
        apply_conversion(op, [ElementwiseToGeneric()], fold_casts=False)
