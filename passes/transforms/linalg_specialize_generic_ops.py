"""linalg-specialize-generic-ops: a linalg.generic that is a named op in
disguise becomes that op, as upstream's specializeGenericOp: copy, fill,
broadcast, transpose, the elementwise ops upstream 22 recognises (exp and the
float add, sub, mul, div, with swapped operands put back in order), matmul
and batch_matmul.

A contraction whose maps transpose an operand becomes linalg.matmul (or
batch_matmul) with those ``indexing_maps``; upstream 22 builds an invalid op
there instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import AffineMapAttr, ArrayAttr, DenseArrayBase, i64
from xdsl.ir import Block, Operation
from xdsl.ir.affine import AffineDimExpr, AffineMap
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern

from mlopt.passes.conversion.llvm_common import apply_conversion

UNARY_OPS = {"math.exp": "exp"}
BINARY_OPS = {"arith.addf": "add", "arith.subf": "sub", "arith.mulf": "mul", "arith.divf": "div"}
"""The body ops upstream 22 specializes, by the named op they become."""


def _dims(affine_map: AffineMap) -> list[int] | None:
    """The dims a map's results are, or None when one is not a plain dim."""
    if not all(isinstance(e, AffineDimExpr) for e in affine_map.results):
        return None
    return [e.position for e in affine_map.results]  # type: ignore[attr-defined]


def _body(op: Operation) -> tuple[Block, list[Operation]]:
    block = op.regions[0].block
    return block, list(block.ops)


def _yields_first_argument(op: Operation) -> bool:
    block, ops = _body(op)
    return len(ops) == 1 and list(ops[0].operands) == [block.args[0]]


def specialized(op: Operation) -> Operation | None:
    """The named op equivalent to the linalg.generic ``op`` (not inserted),
    or None when it is none of those upstream recognises."""
    if op.name != "linalg.generic" or len(op.outputs) != 1:  # type: ignore[attr-defined]
        return None
    return SpecializeGenericOp.named_form(op)


class SpecializeGenericOp(RewritePattern):
    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        named = specialized(op)
        if named is not None:
            rewriter.replace(op, named)

    @classmethod
    def named_form(cls, op: Operation) -> Operation | None:
        from mlopt.dialects import linalg

        inputs, outputs = list(op.inputs), list(op.outputs)  # type: ignore[attr-defined]
        maps = linalg.indexing_maps(op)
        iterators = linalg.iterator_types(op)
        all_parallel = all(t == "parallel" for t in iterators)
        output_identity = maps[-1] == AffineMap.identity(maps[-1].num_dims)
        result_types = [[t] for t in op.result_types] if op.result_types else [[]]
        if all_parallel and output_identity and len(inputs) == 1 and _yields_first_argument(op):
            return cls._data_movement(linalg, inputs[0], outputs, maps[0], result_types)
        if all_parallel and output_identity and all(m == maps[-1] for m in maps):
            return cls._elementwise(linalg, op, inputs, outputs, result_types)
        if len(inputs) == 2 and cls._is_multiply_accumulate(op):
            return cls._contraction(linalg, inputs, outputs, maps, iterators, result_types)
        return None

    @staticmethod
    def _data_movement(linalg, source, outputs, source_map: AffineMap, result_types) -> Operation | None:
        """copy, fill, broadcast or transpose: the body yields the input."""
        from xdsl.dialects.builtin import ShapedType

        rank = source_map.num_dims
        if not isinstance(source.type, ShapedType):
            if source_map.results:
                return None
            return _build_named(linalg.NAMED_OP_CLASSES["linalg.fill"], [source], outputs, result_types)
        dims = _dims(source_map)
        if dims is None:
            return None
        if dims == list(range(rank)):
            return _build_named(linalg.NAMED_OP_CLASSES["linalg.copy"], [source], outputs, result_types)
        if len(dims) < rank and dims == sorted(dims):
            dropped = [d for d in range(rank) if d not in dims]
            return _build_relayout(linalg.BroadcastOp, [source, *outputs], result_types, "dimensions", dropped)
        if len(dims) == rank and sorted(dims) == list(range(rank)):
            permutation = [dims.index(d) for d in range(rank)]
            return _build_relayout(linalg.TransposeOp, [[source], outputs], result_types, "permutation", permutation)
        return None

    @staticmethod
    def _elementwise(linalg, op: Operation, inputs, outputs, result_types) -> Operation | None:
        args = op.regions[0].block.args
        if len(inputs) not in (1, 2):
            return None
        if len(inputs) == 1:
            payload = linalg.short_form_payload(op.regions[0].block, [args[0]])
            name = UNARY_OPS.get(payload.name) if payload is not None else None
        else:
            # Upstream puts swapped operands (``subf %b, %a``) back in order.
            for order in ([0, 1], [1, 0]):
                payload = linalg.short_form_payload(op.regions[0].block, [args[i] for i in order])
                if payload is not None and len(inputs) == 2:
                    inputs = [inputs[i] for i in order]
                    break
            name = BINARY_OPS.get(payload.name) if payload is not None else None
        if name is None:
            return None
        return _build_named(linalg.NAMED_OP_CLASSES[f"linalg.{name}"], inputs, outputs, result_types)

    @staticmethod
    def _is_multiply_accumulate(op: Operation) -> bool:
        """The body is ``out + lhs * rhs`` (in either order) of one element type."""
        block, ops = _body(op)
        if len(ops) != 3 or [o.name for o in ops[:2]] not in (["arith.mulf", "arith.addf"], ["arith.muli", "arith.addi"]):
            return False
        multiply, add, terminator = ops
        lhs, rhs, acc = block.args
        if not (lhs.type == rhs.type == acc.type) or list(terminator.operands) != [add.results[0]]:
            return False
        return list(multiply.operands) in ([lhs, rhs], [rhs, lhs]) and set(add.operands) == {acc, multiply.results[0]}

    @staticmethod
    def _contraction(linalg, inputs, outputs, maps, iterators, result_types) -> Operation | None:
        """matmul (loops m, n, k) or batch_matmul (b, m, n, k), each operand
        indexed by its two matrix dims in either order."""
        batched = len(iterators) == 4
        if iterators != ["parallel"] * (len(iterators) - 1) + ["reduction"] or len(iterators) not in (3, 4):
            return None
        batch = [0] if batched else []
        m, n, k = (d + len(batch) for d in range(3))
        expected = [(m, k), (k, n), (m, n)]
        for affine_map, (row, column) in zip(maps, expected):
            dims = _dims(affine_map)
            if dims is None or dims[: len(batch)] != batch or sorted(dims[len(batch) :]) != sorted((row, column)):
                return None
        if _dims(maps[-1]) != [*batch, m, n]:
            return None
        op_class = linalg.NAMED_OP_CLASSES["linalg.batch_matmul" if batched else "linalg.matmul"]
        return _build_named(op_class, inputs, outputs, result_types, maps=ArrayAttr([AffineMapAttr(m) for m in maps]))


def _build_named(op_class, inputs: Sequence, outputs: Sequence, result_types, *, maps: ArrayAttr | None = None) -> Operation:
    from mlopt.dialects.linalg import build_body

    properties = {"indexing_maps": maps} if maps is not None else {}
    if maps is None and getattr(op_class, "DEFAULT_MAPS", None) is not None:
        properties["indexing_maps"] = op_class.DEFAULT_MAPS()
    return op_class.build(
        operands=[list(inputs), list(outputs)],
        result_types=result_types,
        properties=properties,
        regions=[build_body(op_class.BODY, [*inputs, *outputs], properties)],
    )


def _build_relayout(op_class, operands, result_types, name: str, values: list[int]) -> Operation:
    from mlopt.dialects.linalg import copy_through_body

    flat = [v for group in operands for v in (group if isinstance(group, list) else [group])]
    return op_class.build(
        operands=operands,
        result_types=result_types,
        properties={name: DenseArrayBase.from_list(i64, values)},
        regions=[copy_through_body(flat[:1], flat[1:])],
    )


class LinalgSpecializeGenericOpsPass(ModulePass):
    """Convert generic ops back to named ops"""

    name = "linalg-specialize-generic-ops"
    display_name: ClassVar[str] = "LinalgSpecializeGenericOpsPass"

    def apply(self, ctx: Context, op: Operation) -> None:
        apply_conversion(op, [SpecializeGenericOp()], fold_casts=False)
