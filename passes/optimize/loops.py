"""A structured op's loops, read off its operands before any transformation."""

from __future__ import annotations

from xdsl.ir import Operation


def static_extents(op: Operation) -> list[int] | None:
    """Each loop's trip count, or None when one is dynamic or cannot be read
    off an operand dimension indexed by that loop alone."""
    from xdsl.ir.affine import AffineDimExpr

    from mlopt.dialects.linalg import indexing_maps

    maps = indexing_maps(op)
    if not maps:
        return None
    extents: list[int | None] = [None] * maps[0].num_dims
    for operand, map_ in zip(op.operands, maps):
        shape = getattr(operand.type, "get_shape", lambda: ())()
        for extent, expr in zip(shape, map_.results):
            if isinstance(expr, AffineDimExpr) and extent >= 0 and extents[expr.position] is None:
                extents[expr.position] = extent
    if any(e is None for e in extents):
        return None
    return extents  # type: ignore[return-value]


def element_bits(op: Operation) -> int:
    """The bit width of the op's first output's elements (32 when not a plain number type)."""
    element = getattr(op.operands[-1].type, "element_type", None)
    return getattr(element, "bitwidth", None) or 32
