"""The transform dialect: handles to payload IR and the ops that transform it,
grouped per family (``core``, ``structured``); the interpreter state and the
API for writing transform ops are in ``state``.

Handle types are xDSL's: ``!transform.any_op``, ``!transform.op<"name">``,
``!transform.any_value``, ``!transform.param<T>``, ``!transform.any_param``.
"""

from __future__ import annotations

from xdsl.dialects.transform import (
    AffineMapType,
    AnyOpType,
    AnyParamType,
    AnyValueType,
    OperationType,
    ParamType,
    TypeParamType,
)
from xdsl.ir import Dialect

from mlopt.dialects.transform import bufferization, core, decompose, hoisting, loop, packing, padding, patterns, promotion, specialize, split, structured, vector

Transform = Dialect(
    "transform",
    [*core.OPS, *structured.OPS, *vector.OPS, *bufferization.OPS, *packing.OPS, *padding.OPS, *hoisting.OPS, *split.OPS, *loop.OPS, *decompose.OPS, *patterns.OPS, *specialize.OPS, *promotion.OPS],
    [AnyOpType, OperationType, AnyValueType, AnyParamType, ParamType, TypeParamType, AffineMapType],
)

__all__ = ["AnyOpType", "AnyParamType", "AnyValueType", "OperationType", "ParamType", "Transform"]
