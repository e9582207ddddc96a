"""Upstream's SubsetOpInterface for tensor.extract_slice / insert_slice and
vector.transfer_read / transfer_write: the hyperrectangle of its tensor (or
memref) an op reads or writes, and whether two ops touch the same or disjoint
parts of it."""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.ir import Operation, SSAValue

from mlopt.dialects.syntax import DYNAMIC
from mlopt.passes.transforms.loop_utils import constant_int

Mixed = int | SSAValue

SOURCE = 0
"""The operand index of what an extraction reads from, or an insertion inserts."""
DESTINATION = 1
"""The operand index of an insertion's destination tensor."""


@dataclass
class Hyperrectangle:
    offsets: list[Mixed]
    sizes: list[Mixed]
    strides: list[Mixed]


def _folded(value: Mixed) -> Mixed:
    if isinstance(value, SSAValue):
        constant = constant_int(value)
        return value if constant is None else constant
    return value


def _mixed(static, dynamic) -> list[Mixed]:
    remaining = iter(dynamic)
    return [_folded(next(remaining)) if v == DYNAMIC else v for v in static.get_values()]


def is_extraction(op: Operation) -> bool:
    return op.name == "tensor.extract_slice" or (op.name == "vector.transfer_read" and _on_tensor(op))


def is_insertion(op: Operation) -> bool:
    return op.name == "tensor.insert_slice" or (op.name == "vector.transfer_write" and _on_tensor(op))


def _on_tensor(op: Operation) -> bool:
    from xdsl.dialects.builtin import TensorType

    return isinstance(op.source.type, TensorType)  # type: ignore[attr-defined]


def hyperrectangle(op: Operation) -> Hyperrectangle | None:
    """The part of its tensor or memref ``op`` accesses, or None when not a box."""
    if op.name in ("tensor.extract_slice", "tensor.insert_slice"):
        return Hyperrectangle(
            _mixed(op.static_offsets, op.offsets),  # type: ignore[attr-defined]
            _mixed(op.static_sizes, op.sizes),  # type: ignore[attr-defined]
            _mixed(op.static_strides, op.strides),  # type: ignore[attr-defined]
        )
    if op.name in ("vector.transfer_read", "vector.transfer_write"):
        if op.mask is not None:  # type: ignore[attr-defined]
            return None  # which part a mask leaves is known only at run time
        permutation = op.permutation_map.data  # type: ignore[attr-defined]
        vector_shape = list((op.result if op.name == "vector.transfer_read" else op.vector).type.get_shape())  # type: ignore[attr-defined]
        sizes: list[Mixed] = [1] * len(op.indices)  # type: ignore[attr-defined]
        for position, result in enumerate(permutation.results):
            dim = getattr(result, "position", None)
            if dim is None:
                if getattr(result, "value", None) == 0:
                    continue  # a broadcast dimension reads nothing more
                return None
            sizes[dim] = vector_shape[position]
        return Hyperrectangle([_folded(v) for v in op.indices], sizes, [1] * len(sizes))  # type: ignore[attr-defined]
    return None


def _same(a: Mixed, b: Mixed) -> bool:
    return a == b if isinstance(a, int) and isinstance(b, int) else a is b


def constant_difference(a: Mixed, b: Mixed) -> int | None:
    """``a - b`` when it is a known constant: both constants, or one is the
    other plus a constant (arith.addi, affine.apply of ``d0 + c``)."""
    if isinstance(a, int) and isinstance(b, int):
        return a - b
    if _same(a, b):
        return 0
    for x, y, sign in ((a, b, 1), (b, a, -1)):
        shift = _constant_shift(x, y)
        if shift is not None:
            return sign * shift
    return None


def _constant_shift(value: Mixed, base: Mixed) -> int | None:
    """``c`` when ``value`` is ``base + c``."""
    if not isinstance(value, SSAValue) or not isinstance(value.owner, Operation):
        return None
    owner = value.owner
    if owner.name == "arith.addi":
        lhs, rhs = owner.operands
        for term, other in ((lhs, rhs), (rhs, lhs)):
            if term is base and (c := constant_int(other)) is not None:
                return c
    if owner.name == "affine.apply" and len(owner.operands) == 1 and owner.operands[0] is base:
        from xdsl.ir.affine import AffineBinaryOpExpr, AffineBinaryOpKind, AffineConstantExpr, AffineDimExpr

        (expr,) = owner.map.data.results  # type: ignore[attr-defined]
        if isinstance(expr, AffineBinaryOpExpr) and expr.kind == AffineBinaryOpKind.Add:
            for term, other in ((expr.lhs, expr.rhs), (expr.rhs, expr.lhs)):
                if isinstance(term, AffineDimExpr) and isinstance(other, AffineConstantExpr):
                    return other.value
    return None


def equivalent(a: Operation, b: Operation) -> bool:
    """Whether ``a`` and ``b`` access the same hyperrectangle."""
    box_a, box_b = hyperrectangle(a), hyperrectangle(b)
    if box_a is None or box_b is None:
        return False
    lists = zip((box_a.offsets, box_a.sizes, box_a.strides), (box_b.offsets, box_b.sizes, box_b.strides))
    return all(len(x) == len(y) and all(_same(u, v) for u, v in zip(x, y)) for x, y in lists)


def disjoint(a: Operation, b: Operation) -> bool:
    """Whether ``a`` and ``b`` provably access disjoint hyperrectangles (unit
    strides, a dimension where one box ends before the other starts)."""
    box_a, box_b = hyperrectangle(a), hyperrectangle(b)
    if box_a is None or box_b is None or len(box_a.offsets) != len(box_b.offsets):
        return False
    if any(s != 1 for s in (*box_a.strides, *box_b.strides)):
        return False
    for offset_a, size_a, offset_b, size_b in zip(box_a.offsets, box_a.sizes, box_b.offsets, box_b.sizes):
        difference = constant_difference(offset_b, offset_a)
        if difference is None:
            continue
        if difference >= 0 and isinstance(size_a, int) and difference >= size_a:
            return True
        if difference < 0 and isinstance(size_b, int) and -difference >= size_b:
            return True
    return False
