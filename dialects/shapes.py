"""Shape relations between shaped types that the tensor and memref dialects
share (upstream's TypeUtilities)."""

from __future__ import annotations

from xdsl.dialects.builtin import DYNAMIC_INDEX, ShapedType


def compatible_shapes(one: ShapedType, two: ShapedType) -> bool:
    """Whether two ranked shapes may describe the same value: the same rank,
    and equal sizes wherever both are static (upstream's verifyCompatibleShape)."""
    return one.get_num_dims() == two.get_num_dims() and all(
        a == b or DYNAMIC_INDEX in (a, b) for a, b in zip(one.get_shape(), two.get_shape())
    )
