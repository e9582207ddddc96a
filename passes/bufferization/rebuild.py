"""Changing an op's operands and result types, which xDSL fixes at creation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from xdsl.ir import Attribute, Operation, SSAValue

OpT = TypeVar("OpT", bound=Operation)


def rebuilt(op: OpT, operands: Sequence[SSAValue], result_types: Sequence[Attribute]) -> OpT:
    """A new op like ``op`` (properties, attributes, and its regions, moved)
    with other operands and result types; ``op`` is left to be replaced."""
    return type(op).create(
        operands=list(operands),
        result_types=list(result_types),
        properties=dict(op.properties),
        attributes=dict(op.attributes),
        successors=list(op.successors),
        regions=[op.detach_region(region) for region in list(op.regions)],
    )
