"""What sccp knows of arith: each op evaluated on constant operands, with
upstream's folding semantics (two's-complement wrapping, no fold of a division
by zero or of a signed overflow, IEEE arithmetic at the result's precision), and
the folds that need only some operands constant (``x * 0``, ``x == x``)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from xdsl.dialects.builtin import FloatAttr, IndexType, IntegerAttr, IntegerType
from xdsl.ir import Attribute, Operation, SSAValue

Known = Attribute | None
"""A constant operand, or None when it is not constant."""


def _width(type: Attribute) -> int | None:
    if isinstance(type, IntegerType):
        return type.width.data
    if isinstance(type, IndexType):
        return 64
    return None


def _unsigned(value: int, width: int) -> int:
    return value & ((1 << width) - 1)


def _signed(value: int, width: int) -> int:
    value = _unsigned(value, width)
    return value - (1 << width) if width and value >> (width - 1) else value


def _int(value: int, type: Attribute) -> IntegerAttr:
    return IntegerAttr(_signed(value, _width(type) or 64), type)  # type: ignore[arg-type]


def _trunc_div(a: int, b: int) -> int:
    quotient = abs(a) // abs(b)
    return quotient if (a < 0) == (b < 0) else -quotient


_INT_BINARY: dict[str, Callable[[int, int, int], int | None]] = {
    "arith.addi": lambda a, b, w: a + b,
    "arith.subi": lambda a, b, w: a - b,
    "arith.muli": lambda a, b, w: a * b,
    "arith.andi": lambda a, b, w: a & b,
    "arith.ori": lambda a, b, w: a | b,
    "arith.xori": lambda a, b, w: a ^ b,
    "arith.divsi": lambda a, b, w: None if b == 0 or (b == -1 and a == -(1 << (w - 1))) else _trunc_div(a, b),
    "arith.divui": lambda a, b, w: None if b == 0 else _unsigned(a, w) // _unsigned(b, w),
    "arith.remsi": lambda a, b, w: None if b == 0 else a - b * _trunc_div(a, b),
    "arith.remui": lambda a, b, w: None if b == 0 else _unsigned(a, w) % _unsigned(b, w),
    "arith.ceildivsi": lambda a, b, w: None if b == 0 or (b == -1 and a == -(1 << (w - 1))) else -((-a) // b),
    "arith.floordivsi": lambda a, b, w: None if b == 0 or (b == -1 and a == -(1 << (w - 1))) else a // b,
    "arith.shli": lambda a, b, w: None if _unsigned(b, w) >= w else a << _unsigned(b, w),
    "arith.shrsi": lambda a, b, w: None if _unsigned(b, w) >= w else a >> _unsigned(b, w),
    "arith.shrui": lambda a, b, w: None if _unsigned(b, w) >= w else _unsigned(a, w) >> _unsigned(b, w),
    "arith.maxsi": lambda a, b, w: max(a, b),
    "arith.minsi": lambda a, b, w: min(a, b),
    "arith.maxui": lambda a, b, w: max(_unsigned(a, w), _unsigned(b, w)),
    "arith.minui": lambda a, b, w: min(_unsigned(a, w), _unsigned(b, w)),
}

_CMPI: tuple[Callable[[int, int, int], bool], ...] = (
    lambda a, b, w: a == b,
    lambda a, b, w: a != b,
    lambda a, b, w: a < b,
    lambda a, b, w: a <= b,
    lambda a, b, w: a > b,
    lambda a, b, w: a >= b,
    lambda a, b, w: _unsigned(a, w) < _unsigned(b, w),
    lambda a, b, w: _unsigned(a, w) <= _unsigned(b, w),
    lambda a, b, w: _unsigned(a, w) > _unsigned(b, w),
    lambda a, b, w: _unsigned(a, w) >= _unsigned(b, w),
)
"""arith.cmpi by predicate number (eq ne slt sle sgt sge ult ule ugt uge)."""

_CMPI_SAME_OPERAND = (True, False, False, True, False, True, False, True, False, True)
"""cmpi of a value with itself, by predicate."""


def _float_type(type: Attribute):
    import numpy as np

    return {"f16": np.float16, "f32": np.float32, "f64": np.float64}.get(str(type))


_FLOAT_BINARY = {
    "arith.addf": lambda a, b: a + b,
    "arith.subf": lambda a, b: a - b,
    "arith.mulf": lambda a, b: a * b,
    "arith.divf": lambda a, b: a / b,
}


def _cmpf(predicate: int, a: float, b: float) -> bool:
    unordered = math.isnan(a) or math.isnan(b)
    if predicate in (0, 15):
        return predicate == 15
    if predicate in (7, 14):
        return unordered == (predicate == 14)
    ordered_test = (None, a == b, a > b, a >= b, a < b, a <= b, a != b)
    if predicate <= 6:
        return not unordered and bool(ordered_test[predicate])
    return unordered or bool(ordered_test[predicate - 7])


def evaluate(op: Operation, known: Sequence[Known]) -> list[Known | SSAValue] | None:
    """The op's results as constants (or as one of its operands), or None when
    they are not known from ``known`` (the operands' constants, None where not constant)."""
    if op.name == "arith.constant":
        return [op.properties["value"]]
    if op.name == "arith.select":
        condition, if_true, if_false = known
        if isinstance(condition, IntegerAttr):
            return [op.operands[1] if condition.value.data else op.operands[2]]
        return [if_true] if if_true is not None and if_true == if_false else None
    if len(op.results) != 1:
        return None
    result_type = op.results[0].type
    if op.name in _INT_BINARY or op.name == "arith.cmpi":
        return _integer(op, known)
    if op.name in _FLOAT_BINARY or op.name in ("arith.cmpf", "arith.negf", "arith.maximumf", "arith.minimumf"):
        return _floating(op, known)
    if op.name in ("arith.extsi", "arith.extui", "arith.trunci", "arith.index_cast", "arith.index_castui"):
        (value,) = known
        in_width, out_width = _width(op.operands[0].type), _width(result_type)
        if not isinstance(value, IntegerAttr) or in_width is None or out_width is None:
            return None
        unsigned_source = op.name in ("arith.extui", "arith.index_castui")
        source = _unsigned(value.value.data, in_width) if unsigned_source else _signed(value.value.data, in_width)
        return [_int(source, result_type)]
    if op.name in ("arith.sitofp", "arith.uitofp", "arith.extf", "arith.truncf"):
        (value,) = known
        width, float_type = _width(op.operands[0].type), _float_type(result_type)
        if value is None or float_type is None:
            return None
        if isinstance(value, IntegerAttr) and width is not None:
            number = _unsigned(value.value.data, width) if op.name == "arith.uitofp" else _signed(value.value.data, width)
        elif isinstance(value, FloatAttr):
            number = value.value.data
        else:
            return None
        return [FloatAttr(float(float_type(number)), result_type)]  # type: ignore[arg-type]
    return None


def _integer(op: Operation, known: Sequence[Known]) -> list[Known] | None:
    lhs, rhs = known
    width = _width(op.operands[0].type)
    if width is None:
        return None
    result_type = op.results[0].type
    if op.name == "arith.cmpi":
        predicate = op.properties["predicate"].value.data  # type: ignore[attr-defined]
        if op.operands[0] is op.operands[1]:
            return [IntegerAttr(-1 if _CMPI_SAME_OPERAND[predicate] else 0, result_type)]  # type: ignore[arg-type]
        if isinstance(lhs, IntegerAttr) and isinstance(rhs, IntegerAttr):
            holds = _CMPI[predicate](_signed(lhs.value.data, width), _signed(rhs.value.data, width), width)
            return [IntegerAttr(-1 if holds else 0, result_type)]  # type: ignore[arg-type]
        return None
    if isinstance(lhs, IntegerAttr) and isinstance(rhs, IntegerAttr):
        value = _INT_BINARY[op.name](_signed(lhs.value.data, width), _signed(rhs.value.data, width), width)
        return None if value is None else [_int(value, result_type)]
    return _absorbed(op.name, lhs, rhs, width, result_type)


def _absorbed(name: str, lhs: Known, rhs: Known, width: int, result_type: Attribute) -> list[Known] | None:
    """``x * 0``, ``x & 0`` and ``x | -1`` with one side constant."""
    for side in (lhs, rhs):
        if not isinstance(side, IntegerAttr):
            continue
        value = _unsigned(side.value.data, width)
        if name in ("arith.muli", "arith.andi") and value == 0:
            return [_int(0, result_type)]
        if name == "arith.ori" and value == (1 << width) - 1:
            return [_int(-1, result_type)]
    return None


def _floating(op: Operation, known: Sequence[Known]) -> list[Known] | None:
    import numpy as np

    if not all(isinstance(value, FloatAttr) for value in known):
        return None
    float_type = _float_type(op.operands[0].type)
    if float_type is None:
        return None
    values = [float_type(value.value.data) for value in known]  # type: ignore[union-attr]
    result_type = op.results[0].type
    if op.name == "arith.cmpf":
        holds = _cmpf(op.properties["predicate"].value.data, float(values[0]), float(values[1]))  # type: ignore[attr-defined]
        return [IntegerAttr(-1 if holds else 0, result_type)]  # type: ignore[arg-type]
    with np.errstate(all="ignore"):
        if op.name == "arith.negf":
            result = -values[0]
        elif op.name == "arith.maximumf":
            result = np.maximum(values[0], values[1])
        elif op.name == "arith.minimumf":
            result = np.minimum(values[0], values[1])
        else:
            result = _FLOAT_BINARY[op.name](values[0], values[1])
    return [FloatAttr(float(float_type(result)), result_type)]  # type: ignore[arg-type]
